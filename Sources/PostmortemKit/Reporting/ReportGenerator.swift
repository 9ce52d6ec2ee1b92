import Foundation

/// Reads postmortems into ``ReportedDocument``s: each document is classified, linted and its
/// body rendered while its text and tree are in memory, on several threads, in input order.
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
        let done = Counter()
        let prefix = root.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        @Sendable func shown(_ path: String) -> String {
            guard let prefix, path.hasPrefix(prefix), path.count > prefix.count else { return path }
            return String(path.dropFirst(prefix.count))
        }
        return DocumentLoader.map(inputs, options: ReadOptions(configuration: configuration, renderHTML: true)) { read in
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

    /// The whole report from documents: the review and its files.
    public static func site(documents: [ReportedDocument], configuration: Configuration, classifier: Classifier, linter: Linter,
                            options: ReportOptions, templates: ReportTemplates) -> (review: QuarterlyReview, files: [ReportFile]) {
        let corpusFindings = linter.lintCorpus(documents.map(\.postmortem))
        let review = QuarterlyReview(documents: documents, corpusFindings: corpusFindings, configuration: configuration,
                                     categories: classifier.categories, options: options)
        return (review, ReportSite.render(review, templates: templates))
    }
}
