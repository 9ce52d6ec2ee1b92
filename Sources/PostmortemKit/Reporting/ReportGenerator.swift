import Foundation

/// Reads postmortems into ``ReportedDocument``s: each document is classified, linted and its
/// body rendered while its text and tree are in memory, on several threads, in input order.
///
/// `pm report` streams (``read(_:configuration:classifier:linter:today:pathsRelativeTo:into:workers:progress:)``
/// then ``write(_:configuration:classifier:options:templates:to:workers:)``): the records
/// are kept, each body goes to a ``BodySpill`` in the staging directory, and pages are written
/// one by one as they are rendered. ``documents(_:configuration:classifier:linter:today:pathsRelativeTo:progress:)``
/// and ``site(documents:configuration:classifier:linter:options:templates:)`` build the same
/// files in memory, for tests and small inputs.
public enum ReportGenerator {
    /// Reads and prepares every input.
    ///
    /// - Parameters:
    ///   - inputs: from ``InputDiscovery/expand(_:ignore:relativeTo:)``.
    ///   - configuration: pm.yml.
    ///   - classifier: the configured classifier.
    ///   - linter: the configured linter.
    ///   - today: the day lint rules judge due dates against.
    ///   - pathsRelativeTo: a directory (usually pm.yml's) whose prefix is removed from the paths
    ///     shown in the report, so the same repository gives the same report wherever it is
    ///     checked out.
    ///   - progress: called after each document with the number done so far, from any thread.
    public static func documents(_ inputs: [InputFile], configuration: Configuration, classifier: Classifier, linter: Linter,
                                 today: CalendarDate, pathsRelativeTo root: String? = nil,
                                 progress: (@Sendable (Int) -> Void)? = nil) -> [ReportedDocument] {
        let prepare = preparer(classifier: classifier, linter: linter, today: today, pathsRelativeTo: root, progress: progress)
        return DocumentLoader.map(inputs, options: ReadOptions(configuration: configuration, renderHTML: true), prepare)
    }

    /// The whole report from documents: the review and its files.
    /// `root` is the directory the documents' paths were made relative to (``documents(_:configuration:classifier:linter:today:pathsRelativeTo:progress:)``),
    /// where links to other files are looked for.
    public static func site(documents: [ReportedDocument], configuration: Configuration, classifier: Classifier, linter: Linter,
                            options: ReportOptions, templates: ReportTemplates,
                            pathsRelativeTo root: String? = nil) -> (review: QuarterlyReview, files: [ReportFile]) {
        let review = review(documents: documents, configuration: configuration, classifier: classifier, linter: linter, options: options,
                            pathsRelativeTo: root)
        return (review, ReportSite.render(review, templates: templates))
    }

    /// The corpus as the streaming report keeps it: every document with a slimmed record (see
    /// ``ReportedDocument/reportRecord(_:)``) and without its body (its ``ReportedDocument/bodyHTML``
    /// is empty), where each body is in the spill; corpus-wide lint findings, worked out while the
    /// full records went by, are their documents' own.
    public struct SpilledCorpus: Sendable {
        /// Every document read, in input order, with an empty ``ReportedDocument/bodyHTML``.
        public var documents: [ReportedDocument]
        /// The state, owner and due date of each document's follow-up actions, parallel to
        /// ``documents``, whose records hold no actions.
        public var followUps: FollowUpStates
        /// Where each document's parts are in ``spill``, parallel to ``documents``: its body, its
        /// page findings (``PageFinding/spilled(_:)``), its follow-up actions (``ActionSpill/spilled(_:)``;
        /// the corpus keeps only their ``followUps``), its classification's
        /// evidence (``EvidenceSpill/spilled(_:)``; the documents keep their classifications without it)
        /// and its title, path, status and authors (``DocumentHeader/spilled``; the records keep none of them).
        public var entries: [Entry]
        /// The findings of the inputs that are no documents (``Postmortem/isDocument``: empty,
        /// binary, a directory named `x.md`), which the report leaves out: no incident, no page.
        /// `pm report` prints them. Corpus-wide findings are their documents' own
        /// (``addCorpusFindings(_:to:)``).
        public var leftOut: [Finding]
        /// The reading errors of the documents reported (a value of the wrong type, a duplicate
        /// key, front matter that cannot be read), which may leave impact uncounted: `pm report`
        /// prints them on stderr, as `pm budget` does.
        public var readingErrors: [Finding] = []
        /// The document each postmortem another links to is, by its normalised path (see
        /// ``QuarterlyReview/linkedPages``).
        public var linkedDocuments: [String: Int] = [:]
        public let spill: BodySpill

        /// The parts of a document the spill holds, in the order they are appended.
        public enum Part: Int, Sendable, CaseIterable {
            case body, findings, actions, evidence, header
        }

        /// Where one document's parts are: appended one after another from `offset`, so the offset
        /// and their lengths place them all (32 bytes a document, where a reference a part took 80).
        public struct Entry: Sendable, Hashable {
            public let offset: Int
            private let body: UInt32, findings: UInt32, actions: UInt32, evidence: UInt32, header: UInt32

            /// The entry of parts appended in ``Part``'s order at `references`; nil when they do
            /// not follow one another or one is 4 GiB or longer.
            init?(_ references: [BodySpill.Reference]) {
                guard references.count == Part.allCases.count, let first = references.first else { return nil }
                var lengths: [UInt32] = []
                var end = first.offset
                for reference in references {
                    guard reference.offset == end, let length = UInt32(exactly: reference.length) else { return nil }
                    lengths.append(length)
                    end += reference.length
                }
                offset = first.offset
                (body, findings, actions, evidence, header) = (lengths[0], lengths[1], lengths[2], lengths[3], lengths[4])
            }

            /// Where `part` is: after the parts before it in ``Part``'s order.
            public func reference(_ part: Part) -> BodySpill.Reference {
                var start = offset
                for before in Part.allCases where before.rawValue < part.rawValue { start += length(of: before) }
                return BodySpill.Reference(offset: start, length: length(of: part))
            }

            private func length(of part: Part) -> Int {
                switch part {
                case .body: Int(body)
                case .findings: Int(findings)
                case .actions: Int(actions)
                case .evidence: Int(evidence)
                case .header: Int(header)
                }
            }
        }

        /// The body HTML of the document at `index`.
        public func body(at index: Int) throws(ReportError) -> String {
            try spill.body(entries[index].reference(.body))
        }

        /// The page findings of the document at `index`.
        public func findings(at index: Int) throws(ReportError) -> [PageFinding] {
            PageFinding.unspilled(try spill.body(entries[index].reference(.findings)))
        }

        /// The follow-up actions of the document at `index`, without their groups.
        public func actions(at index: Int) throws(ReportError) -> [FollowUpAction] {
            guard let actions = ActionSpill.unspilled(try spill.body(entries[index].reference(.actions))) else {
                throw ReportError("cannot write the report: \(spill.path) was changed while the report was written")
            }
            return actions
        }

        /// The follow-up action at `position` of the document at `index`, without its group.
        public func action(at index: Int, position: Int) throws(ReportError) -> FollowUpAction {
            let part = entries[index].reference(.actions)
            let action = try ActionSpill.action(at: position, length: part.length) { (range: Range<Int>) throws(ReportError) -> String in
                try spill.body(BodySpill.Reference(offset: part.offset + range.lowerBound, length: range.count))
            }
            guard let action else {
                throw ReportError("cannot write the report: \(spill.path) was changed while the report was written")
            }
            return action
        }

        /// The title, path, status and authors of the document at `index`.
        public func header(at index: Int) throws(ReportError) -> DocumentHeader {
            guard let header = DocumentHeader(spilled: try spill.body(entries[index].reference(.header))) else {
                throw ReportError("cannot write the report: \(spill.path) was changed while the report was written")
            }
            return header
        }

        /// The classification of the document at `index`, with its evidence.
        public func classification(at index: Int) throws(ReportError) -> Classification {
            guard let classification = EvidenceSpill.restored(documents[index].classification, from: try spill.body(entries[index].reference(.evidence))) else {
                throw ReportError("cannot write the report: \(spill.path) was changed while the report was written")
            }
            return classification
        }
    }

    /// A document prepared by a worker: the document, and what of it goes to the spill.
    private struct Prepared: Sendable {
        var document: ReportedDocument
        var body: String, findings: String, actions: String, evidence: String, header: String
    }

    /// Reads and prepares every input as ``documents(_:configuration:classifier:linter:today:pathsRelativeTo:progress:)``
    /// does, but a bounded number at a time (``DocumentLoader/forEach(_:workers:window:options:_:consume:)``):
    /// each body goes to a spill file inside the stage, the corpus-wide lint rules see each full
    /// record in input order (as `linter.lintCorpus` does for all of them), and only the slimmed
    /// record, classification and findings are kept.
    ///
    /// - Parameters:
    ///   - stage: the report being written; the spill is one of its temporary files.
    ///   - workers: documents read at once.
    public static func read(_ inputs: [InputFile], configuration: Configuration, classifier: Classifier, linter: Linter,
                            today: CalendarDate, pathsRelativeTo root: String? = nil, into stage: ReportWriter.Stage,
                            workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                            progress: (@Sendable (Int) -> Void)? = nil) throws(ReportError) -> SpilledCorpus {
        let spill = try BodySpill(path: stage.temporaryFile(named: ".pm-bodies"))
        let prepare = preparer(classifier: classifier, linter: linter, today: today, pathsRelativeTo: root, progress: progress)
        let shown = shownPath(relativeTo: root)
        // As `pm lint` does: a link to another file of the repository (a runbook) is no finding;
        // the report's lint health had counted one that `pm lint` did not (the adoption audit of
        // stop 50).
        let exists = fileExists(relativeTo: root)
        // A record's path is its input's path (shown relative to root), as for the in-memory
        // `lintCorpus(records)`, which indexes the paths of every record before checking any.
        // The other paths of a file reached twice are paths of its document too: a link to a
        // renamed file's old name, left as a symbolic link, leads to its page.
        // Made relative one at a time as the index reads them (an array of them all had been
        // 5 MB at 50,000 inputs, freed, but in the allocator's pages until the end of the run).
        var corpus = CorpusIndex(paths: [AnySequence(inputs.lazy.map(\.path)), AnySequence(inputs.lazy.flatMap(\.aliases))].joined().lazy.map(shown),
                                 expectedCount: inputs.count)
        var documents: [ReportedDocument] = []
        var leftOut: [Finding] = []
        var readingErrors: [Finding] = []
        var entries: [SpilledCorpus.Entry] = []
        var followUps = FollowUpStates(expectedDocuments: inputs.count)
        documents.reserveCapacity(inputs.count)
        entries.reserveCapacity(inputs.count)
        // Equal values of different documents kept once.
        var sharing = ReportSharing()
        // The document each input became, and the inputs some document links to (by path: few).
        var documentOfInput = [Int32](repeating: -1, count: inputs.count)
        var linkedInputs = Set<String>()
        var failure: ReportError?
        DocumentLoader.forEach(inputs, workers: workers, options: ReadOptions(configuration: configuration, renderHTML: true), { read -> Prepared in
            var document = prepare(read)
            let body = document.bodyHTML
            document.bodyHTML = ""
            return Prepared(document: document, body: body, findings: PageFinding.spilled(PageFinding.rows(document.findings)),
                            actions: ActionSpill.spilled(document.postmortem.actions),
                            evidence: EvidenceSpill.spilled(document.classification),
                            header: DocumentHeader(document.postmortem).spilled)
        }, consume: { (input: Int, prepared: Prepared) in
            guard failure == nil else { return }
            var document = prepared.document
            guard document.postmortem.isDocument else {
                leftOut += document.findings
                return
            }
            documentOfInput[input] = Int32(documents.count)
            linkedInputs.formUnion(PageLinks.linkedInputs(of: document.postmortem, in: corpus))
            let path = document.postmortem.path
            readingErrors += document.findings.filter { $0.severity == .error && ProblemCode(rawValue: $0.ruleID) != nil }
            var pageFindings = prepared.findings
            let corpusWide = linter.lintCorpus(document.postmortem, in: corpus, fileExists: exists)
            if !corpusWide.isEmpty {
                Self.addCorpusFindings(corpusWide, to: &document)
                pageFindings = PageFinding.spilled(PageFinding.rows(document.findings))
            }
            corpus.remember(document.postmortem)
            let actions = document.postmortem.actions
            document = sharing.shared(ReportedDocument.slimmed(document))
            do throws(ReportError) {
                // In the order of ``SpilledCorpus/Part``.
                let references = [try spill.append(prepared.body), try spill.append(pageFindings),
                                  try spill.append(prepared.actions), try spill.append(prepared.evidence),
                                  try spill.append(prepared.header)]
                guard let entry = SpilledCorpus.Entry(references) else {
                    throw ReportError("cannot write the report: the page of \(path) is 4 GiB or more")
                }
                entries.append(entry)
                documents.append(document)
                followUps.append(actions)
            } catch {
                failure = error
            }
        })
        if let failure { throw failure }
        // The first input at each path linked to that is a document. Only a report with links
        // between postmortems looks: keeping each input's place by its path had cost a megabyte
        // at 50,000 documents.
        var linkedDocuments: [String: Int] = [:]
        if !linkedInputs.isEmpty {
            for (input, file) in inputs.enumerated() where documentOfInput[input] >= 0 {
                for written in CollectionOfOne(file.path) + file.aliases {
                    let path = RelativeLinkRule.normalise(shown(written))
                    if linkedInputs.contains(path), linkedDocuments[path] == nil { linkedDocuments[path] = Int(documentOfInput[input]) }
                }
            }
        }
        return SpilledCorpus(documents: documents, followUps: followUps, entries: entries, leftOut: leftOut,
                             readingErrors: readingErrors, linkedDocuments: linkedDocuments, spill: spill)
    }

    /// Works out the review of a spilled corpus and writes every file of the site into `stage`:
    /// the index, CSV, JSON and marker, then the pages, rendered by `workers` threads at once
    /// with each body read back from the spill and each page written as soon as it is rendered.
    /// The files are the same, byte for byte, as ``site(documents:configuration:classifier:linter:options:templates:)``
    /// gives for the same documents. Does not commit the stage.
    public static func write(_ corpus: SpilledCorpus, configuration: Configuration, classifier: Classifier,
                             options: ReportOptions, templates: ReportTemplates, to stage: ReportWriter.Stage,
                             workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ReportError) -> QuarterlyReview {
        var reading = QuarterlyReview(documents: corpus.documents, followUps: corpus.followUps, configuration: configuration,
                                      categories: classifier.categories, options: options)
        reading.linkedPages = corpus.linkedDocuments.mapValues { reading.pageNames[$0] }
        // The index's rows of follow-up actions read each action back, data.json the evidence
        // of each classification, both the titles of the period's incidents (and the index those of
        // the incidents its staircases step at), and the index the paths of documents with lint
        // errors; a read that fails fails the summary file being written.
        let readFailures = FirstFailure()
        // A failure is recorded at the index of the document read.
        func recording<Place, Value>(_ read: @escaping @Sendable (Place) throws(ReportError) -> Value,
                                     document: @escaping @Sendable (Place) -> Int) -> @Sendable (Place) -> Value? {
            { place in
                do throws(ReportError) {
                    return try read(place)
                } catch {
                    readFailures.record(error, at: document(place))
                    return nil
                }
            }
        }
        let readAction = recording({ (place: (index: Int, position: Int)) throws(ReportError) in
            try corpus.action(at: place.index, position: place.position)
        }, document: \.index)
        reading.actionReader = { readAction(($0, $1)) }
        reading.classificationReader = recording(corpus.classification(at:), document: { $0 })
        reading.headerReader = recording(corpus.header(at:), document: { $0 })
        let review = reading
        let count = review.documents.count
        let next = Counter()
        let failures = FirstFailure()
        // The first lane writes the summary files, one at a time (the index of a large corpus is
        // megabytes, and its context more), while the other lanes start on the pages; then it
        // joins them. Failures are ordered with the summary files before page 0.
        let summaryFiles = ReportSite.summaryFileNames
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count + 1))) { lane in
            if lane == 0 {
                // All of them, whatever the pages do, so the error reported is the same each run.
                for (offset, name) in summaryFiles.enumerated() {
                    do throws(ReportError) {
                        try stage.write(path: name) { (emit) throws(ReportError) in
                            try ReportSite.summary(name, review, templates: templates, into: emit)
                        }
                        if let failure = readFailures.first { throw failure }
                    } catch {
                        failures.record(error, at: offset - summaryFiles.count)
                    }
                }
            }
            while !failures.hasFailed {
                let index = next.increment()
                guard index < count else { return }
                do throws(ReportError) {
                    let page = ReportSite.page(review, index: index, body: try corpus.body(at: index),
                                               findings: try corpus.findings(at: index), actions: try corpus.actions(at: index),
                                               classification: try corpus.classification(at: index), header: try corpus.header(at: index),
                                               templates: templates)
                    try stage.write(page)
                } catch {
                    failures.record(error, at: index)
                }
            }
        }
        if let failure = failures.first { throw failure }
        return review
    }

    static func review(documents: [ReportedDocument], configuration: Configuration, classifier: Classifier, linter: Linter,
                       options: ReportOptions, pathsRelativeTo root: String? = nil) -> QuarterlyReview {
        // As the streaming report: every input's path is known to the corpus-wide rules, and
        // inputs that are no documents are left out.
        var corpus = CorpusIndex(paths: documents.map(\.postmortem.path))
        var documents = documents.filter(\.postmortem.isDocument)
        for index in documents.indices {
            let corpusWide = linter.lintCorpus(documents[index].postmortem, in: corpus, fileExists: fileExists(relativeTo: root))
            if !corpusWide.isEmpty { addCorpusFindings(corpusWide, to: &documents[index]) }
            corpus.remember(documents[index].postmortem)
        }
        var review = QuarterlyReview(documents: documents, configuration: configuration,
                                     categories: classifier.categories, options: options)
        review.linkedPages = PageLinks.linkedPages(documents, pageNames: review.pageNames)
        return review
    }

    /// Adds findings of corpus-wide rules (a duplicate id) about `document` to its own, so that its
    /// page, its row among the documents with errors and lint health's counts show them as
    /// `pm lint` does; kept apart, they had counted as errors of no document.
    static func addCorpusFindings(_ findings: [Finding], to document: inout ReportedDocument) {
        document.findings = (document.findings + findings).sorted(by: Finding.reportingOrder)
        document.lint = LintTally(document.findings)
    }

    /// What each worker does with a document read: classify, lint, render the body.
    static func preparer(classifier: Classifier, linter: Linter, today: CalendarDate, pathsRelativeTo root: String?,
                         progress: (@Sendable (Int) -> Void)?) -> @Sendable (ReadDocument) -> ReportedDocument {
        let done = Counter()
        let shown = shownPath(relativeTo: root)
        return { read in
            var postmortem = read.postmortem
            postmortem.path = shown(postmortem.path)
            let document = ReportedDocument(
                postmortem: postmortem,
                classification: classifier.classify(read.postmortem, source: read.source),
                findings: linter.lint(read, today: today).map { finding in
                    var finding = finding
                    finding.path = shown(finding.path)
                    return finding
                },
                bodyHTML: PageHTML.prepare(read.html ?? ""))
            if let progress { progress(done.increment() + 1) }
            return document
        }
    }
}

extension ReportGenerator {
    /// A path as the report (and `pm new`) shows it: without the prefix `root`. (`pm report` makes
    /// its inputs and `root` absolute first, so that it names a file the same way from any
    /// directory; see ``FilePaths``.)
    public static func shownPath(relativeTo root: String?) -> @Sendable (String) -> String {
        let prefix = root.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        return { path in
            guard let prefix, path.hasPrefix(prefix), path.count > prefix.count else { return path }
            return String(path.dropFirst(prefix.count))
        }
    }

    /// Whether a file exists at a path as ``shownPath(relativeTo:)`` gives it: a relative path is
    /// under `root` (the current directory without one).
    static func fileExists(relativeTo root: String?) -> @Sendable (String) -> Bool {
        { path in
            guard let root, !path.hasPrefix("/") else { return FileManager.default.fileExists(atPath: path) }
            return FileManager.default.fileExists(atPath: root + "/" + path)
        }
    }
}

/// The error of the lowest index among those that failed, from any thread.
final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var failure: (index: Int, error: ReportError)?

    var hasFailed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failure != nil
    }

    var first: ReportError? {
        lock.lock()
        defer { lock.unlock() }
        return failure?.error
    }

    func record(_ error: ReportError, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil || index < failure!.index { failure = (index, error) }
    }
}
