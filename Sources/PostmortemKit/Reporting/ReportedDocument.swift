/// One postmortem as the report needs it: the record plus what was worked out while its text
/// and tree were in memory, so the corpus-wide stage keeps no Markdown trees.
public struct ReportedDocument: Sendable {
    public var postmortem: Postmortem
    /// The classifier's categories and evidence.
    public var classification: Classification
    /// Lint findings for this document (single-document rules and reading problems). Empty in
    /// the corpus the streaming report keeps (see ``slimmed(_:)``).
    public var findings: [Finding]
    /// The findings counted by rule, which the index reads.
    public var lint: LintTally
    /// The body as cmark-gfm safe HTML, already made valid for the page (see ``PageHTML``).
    public var bodyHTML: String

    public init(postmortem: Postmortem, classification: Classification, findings: [Finding], bodyHTML: String) {
        self.postmortem = postmortem
        self.classification = classification
        self.findings = findings
        lint = LintTally(findings)
        self.bodyHTML = bodyHTML
    }
}

extension ReportedDocument {
    /// The record without what the report never reads once a document is classified and linted,
    /// or reads for only some documents: the path, title, status and authors (pages, the index's
    /// rows of the period's incidents and of documents with lint errors, and data.json's incidents
    /// read what they show of them back from the spill; see ``DocumentHeader``), the zone (no part
    /// of the report shows it; times are resolved by then), the summary, timeline, contributing
    /// factors, lessons, sections, links, front-matter
    /// positions (the page shows the body as HTML instead), where each SLO impact was written
    /// (lint's business, done by then), the reading problems (already findings) and the
    /// follow-up actions (the review keeps their ``FollowUpStates``; pages and
    /// index rows read them back from the spill, see ``ActionSpill``). The streaming report keeps
    /// records like this for the whole corpus, so they hold only what pages, the index, the
    /// budget, the cause grouping and the CSV and JSON use.
    static func reportRecord(_ record: Postmortem) -> Postmortem {
        var record = record.withoutBody()
        if record.impact.contains(where: { $0.range != nil }) {
            record.impact = record.impact.map { impact in
                var impact = impact
                impact.range = nil
                return impact
            }
        }
        return record
    }

    /// The document as the streaming report keeps it: the record slimmed by ``reportRecord(_:)``,
    /// the classification without its evidence (``EvidenceSpill``), and no findings, only their
    /// ``lint`` tally, whose entries for the document's own file leave the path out (equal
    /// tallies of different documents can then share one array; see ``SharedValues``). The
    /// page's list of findings goes to the spill with the body.
    ///
    /// The arrays it keeps are copied to exactly their size: arrays built by appending have up
    /// to twice the room they use, and these are kept for every document of the corpus.
    static func slimmed(_ document: ReportedDocument) -> ReportedDocument {
        var document = document
        let path = document.postmortem.path
        document.postmortem = reportRecord(document.postmortem)
        document.findings = []
        document.classification.categories = document.classification.categories.map { score in
            var score = score
            score.evidence = []
            return score
        }
        document.lint.entries = document.lint.entries.map { entry in
            var entry = entry
            if entry.path == path { entry.path = nil }
            return entry
        }
        return document
    }
}

/// Equal values kept once: arrays that many documents hold alike (the categories of declared
/// causes, the same list of services) share one storage instead of one copy per document. At most
/// `limit` distinct values are remembered, so a corpus where every value differs costs a bounded
/// table, not one more entry per document.
///
/// Values are shared only when they are the same bytes and bits (``ExactlyComparable``), not
/// merely `==`: Swift compares strings by canonical equivalence, so `café` written with one code
/// point for `é` equals `café` written with `e` and a combining accent, and `-0 == 0`. Sharing one
/// for the other would print the other document's bytes.
struct SharedValues<Value: ExactlyComparable & Hashable> {
    private var seen: [Exact<Value>: Value] = [:]
    let limit: Int

    init(limit: Int = 4096) { self.limit = limit }

    /// `value`, or one seen before with the same bytes.
    mutating func shared(_ value: Value) -> Value {
        if let existing = seen[Exact(value)] { return existing }
        if seen.count < limit { seen[Exact(value)] = value }
        return value
    }
}

/// The tables of equal values the streaming report keeps once across the corpus (see
/// ``SharedValues``): whole arrays that many documents hold alike (categories of declared causes,
/// lists of services and of causes, lint tallies, SLO impacts: the same SLO and share
/// of bad events recur), and short strings that recur (the primary category, the SLO of each
/// impact). A string longer
/// than 15 UTF-8 bytes is an allocation of its own; kept once, 50,000 documents that name the same
/// SLO or team hold 50,000 references to one.
struct ReportSharing {
    private var categories = SharedValues<[CategoryScore]>()
    private var lists = SharedValues<[String]>()
    private var tallies = SharedValues<[LintTally.Entry]>()
    private var names = SharedValues<String>()
    private var impacts = SharedValues<[SLOImpact]>()

    /// `document` with its shareable values replaced by equal ones seen before.
    mutating func shared(_ document: ReportedDocument) -> ReportedDocument {
        var document = document
        document.classification.categories = categories.shared(document.classification.categories)
        document.lint.entries = tallies.shared(document.lint.entries)
        document.postmortem.services = lists.shared(document.postmortem.services)
        document.postmortem.causes = document.postmortem.causes.map { lists.shared($0) }
        document.classification.primary = names.shared(document.classification.primary)
        if !document.postmortem.impact.isEmpty {
            // Each SLO's name kept once in the first array of its kind, and equal arrays once.
            document.postmortem.impact = impacts.shared(document.postmortem.impact.map { impact in
                var impact = impact
                impact.slo = names.shared(impact.slo)
                return impact
            })
        }
        return document
    }
}

/// A value that can tell whether another is the same bytes and bits, where `==` may say equal to
/// different ones (strings by canonical equivalence, `-0 == 0`). Whatever is exactly equal is
/// also `==`, so `==`'s hash serves both.
protocol ExactlyComparable {
    func isExactly(_ other: Self) -> Bool
}

/// A value as a dictionary key that matches only the same bytes and bits.
struct Exact<Value: ExactlyComparable & Hashable>: Hashable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (left: Exact, right: Exact) -> Bool { left.value.isExactly(right.value) }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension String: ExactlyComparable {
    func isExactly(_ other: String) -> Bool { utf8.elementsEqual(other.utf8) }
}

extension Double: ExactlyComparable {
    func isExactly(_ other: Double) -> Bool { bitPattern == other.bitPattern }
}

extension Optional: ExactlyComparable where Wrapped: ExactlyComparable {
    func isExactly(_ other: Wrapped?) -> Bool {
        switch (self, other) {
        case (nil, nil): true
        case let (a?, b?): a.isExactly(b)
        default: false
        }
    }
}

extension Array: ExactlyComparable where Element: ExactlyComparable {
    func isExactly(_ other: [Element]) -> Bool {
        count == other.count && zip(self, other).allSatisfy { $0.isExactly($1) }
    }
}

extension Evidence: ExactlyComparable {
    func isExactly(_ other: Evidence) -> Bool {
        phrase.isExactly(other.phrase) && source.isExactly(other.source) && weight.isExactly(other.weight) && self == other
    }
}

extension CategoryScore: ExactlyComparable {
    func isExactly(_ other: CategoryScore) -> Bool {
        category.isExactly(other.category) && confidence.isExactly(other.confidence) && evidence.isExactly(other.evidence)
    }
}

extension LintTally.Entry: ExactlyComparable {
    func isExactly(_ other: LintTally.Entry) -> Bool {
        ruleID.isExactly(other.ruleID) && alias.isExactly(other.alias) && severity == other.severity
            && path.isExactly(other.path) && count == other.count
    }
}

extension SLOImpact: ExactlyComparable {
    func isExactly(_ other: SLOImpact) -> Bool {
        slo.isExactly(other.slo) && badFraction.isExactly(other.badFraction) && budgetMinutes.isExactly(other.budgetMinutes)
            && range == other.range && unreadable.isExactly(other.unreadable)
    }
}

/// The title, path, status and authors of a document: what pages and a few of the index's rows
/// show, and the streaming report's records leave out. A title and a path are each an allocation
/// of their own, together about as large as the rest of what the report keeps of a document; only
/// the period's incidents and those its staircases step at show a title, only pages, documents
/// with lint errors and lint health's count of a rule's files a path, and only pages the status
/// and authors, so the streaming report keeps them in its spill
/// (``ReportGenerator/SpilledCorpus/header(at:)``).
public struct DocumentHeader: Sendable, Hashable {
    /// The record's title; absent and empty differ (a page without a title shows the id).
    public var title: String?
    /// The record's path, as the report shows it.
    public var path: String
    public var status: String?
    public var authors: [String]

    public init(title: String?, path: String, status: String? = nil, authors: [String] = []) {
        self.title = title
        self.path = path
        self.status = status
        self.authors = authors
    }

    /// The header of `record`.
    public init(_ record: Postmortem) {
        self.init(title: record.title, path: record.path, status: record.status, authors: record.authors)
    }

    /// The header as the spill holds it (see ``SpillFields``): title, path, status, the number
    /// of authors and each author.
    var spilled: String {
        var fields = SpillFields()
        fields.add(title)
        fields.add(path)
        fields.add(status)
        fields.add("\(authors.count)")
        for author in authors { fields.add(author) }
        return fields.text
    }

    /// The header ``spilled`` made of `text`; nil when `text` is not one.
    init?(spilled text: String) {
        guard let header = SpillFields.read(text, { reader -> DocumentHeader? in
            guard let title = reader.field(), let path = reader.present(), let status = reader.field(),
                  let count = reader.present().flatMap({ Int($0) }), count >= 0 else { return nil }
            var authors: [String] = []
            for _ in 0..<count {
                guard let author = reader.present() else { return nil }
                authors.append(author)
            }
            guard reader.isAtEnd else { return nil }
            return DocumentHeader(title: title, path: path, status: status, authors: authors)
        }) else { return nil }
        self = header
    }
}
