/// What a rule sees of one document: the record, the Markdown tree, the source, the
/// configuration and the date findings are judged against.
public struct LintContext: Sendable {
    public let document: ReadDocument
    public let configuration: Configuration
    /// The date "overdue" and "after today" are measured against (`--today`).
    public let today: CalendarDate
    /// True when the file is under the configured templates directory.
    public let isTemplate: Bool
    /// The source split into prose, code and quotes, built once and shared by text rules.
    public let text: ProseText
    /// The words of each prose line (``ProseText/prose(line:includeQuotes:blankChat:)`` with its
    /// defaults), split on first use and shared by the language rules.
    let proseWords: ProseWordCache

    public init(document: ReadDocument, configuration: Configuration, today: CalendarDate, isTemplate: Bool) {
        self.document = document
        self.configuration = configuration
        self.today = today
        self.isTemplate = isTemplate
        self.text = ProseText(document: document)
        self.proseWords = ProseWordCache(text: text)
    }

    /// Prose line `number` (1-based), `text.prose(line: number)`, with its words as
    /// ``ProseWord/words(in:)`` splits it; nil for lines that are not prose.
    func words(line number: Int) -> ProseLine? {
        proseWords.words(line: number)
    }

    public var postmortem: Postmortem { document.postmortem }

    /// The severity rank of the document (0 for the most severe), or nil when it has none or one
    /// outside the configured scale.
    public var severityRank: Int? {
        guard let severity = postmortem.severity else { return nil }
        return configuration.severities.firstIndex { $0.caseInsensitiveCompare(severity) == .orderedSame }
    }

    /// The range of front matter key `key`, else the start of the front matter, else nil.
    public func frontMatterRange(_ key: String) -> SourceRange? {
        postmortem.frontMatter.range(of: key) ?? postmortem.frontMatter.range.map { SourceRange(start: $0.start, end: $0.start) }
    }
}

import Foundation

/// The prose words of every line of one document, computed when a rule first asks. A context
/// is used by one thread at a time (the linter checks a document's rules in sequence).
final class ProseWordCache: @unchecked Sendable {
    private let text: ProseText
    private var lines: [ProseLine?]?

    init(text: ProseText) {
        self.text = text
    }

    func words(line number: Int) -> ProseLine? {
        if lines == nil {
            lines = (0...text.lines.count).map { number in text.prose(line: number).map(ProseLine.init) }
        }
        guard let lines, number >= 0, number < lines.count else { return nil }
        return lines[number]
    }
}
