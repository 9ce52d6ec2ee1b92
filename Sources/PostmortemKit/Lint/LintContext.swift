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
    /// The prose paragraphs (``ProseText/paragraphs(includeQuotes:blankChat:)`` with its
    /// defaults) with their words, made on first use and shared by the language rules.
    let proseParagraphs: ProseParagraphCache

    public init(document: ReadDocument, configuration: Configuration, today: CalendarDate, isTemplate: Bool) {
        self.document = document
        self.configuration = configuration
        self.today = today
        self.isTemplate = isTemplate
        self.text = ProseText(document: document)
        self.proseParagraphs = ProseParagraphCache(text: text)
    }

    /// The document's prose paragraphs, `text.paragraphs()`, with their words.
    var paragraphs: [ProseParagraph] {
        proseParagraphs.paragraphs
    }

    public var postmortem: Postmortem { document.postmortem }

    /// The severity rank of the document (0 for the most severe), or nil when it has none or one
    /// outside the configured scale.
    public var severityRank: Int? {
        guard let severity = postmortem.severity else { return nil }
        return configuration.severityIndex(severity)
    }

    /// The range of front matter key `key`, else the start of the front matter, else nil.
    public func frontMatterRange(_ key: String) -> SourceRange? {
        postmortem.frontMatter.range(of: key) ?? postmortem.frontMatter.range.map { SourceRange(start: $0.start, end: $0.start) }
    }
}

import Foundation

/// The prose paragraphs of one document, computed when a rule first asks. A context is used by
/// one thread at a time (the linter checks a document's rules in sequence).
final class ProseParagraphCache: @unchecked Sendable {
    private let text: ProseText
    private var computed: [ProseParagraph]?

    init(text: ProseText) {
        self.text = text
    }

    var paragraphs: [ProseParagraph] {
        if let computed { return computed }
        let paragraphs = text.paragraphs()
        computed = paragraphs
        return paragraphs
    }
}
