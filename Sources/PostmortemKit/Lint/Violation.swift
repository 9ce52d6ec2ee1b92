/// What a rule reports before the linter adds the rule's id, the configured severity and the path.
public struct Violation: Sendable, Hashable {
    /// Where; nil for the document as a whole.
    public var range: SourceRange?
    /// What is wrong, in one sentence, quoting the text it is about. Setting it by hand leaves it
    /// as set: ``messageWords`` is dropped.
    public var message: String { didSet { messageWords = nil } }
    /// A rewrite or next step for the author.
    public var suggestion: String?
    /// Set when this violation is less (or more) serious than the rule's default, such as the
    /// "single root cause" note of the factors rule; a severity configured in pm.yml still wins.
    public var severity: Severity?
    /// The id of a rule that says the same thing better where it reports: the linter drops this
    /// violation when that rule has a finding whose range holds this one's start. PM012's appeals
    /// to care in a follow-up action yield to PM053, which reports the action as a whole.
    public var yieldsTo: String?
    /// The other files the message names (``init(naming:at:suggestion:severity:yieldsTo:)``),
    /// which the finding carries as ``Finding/related``.
    public var related: [RelatedLocation] = []
    /// The message's words around the paths of ``related``, when it names files (see ``MessageText``).
    public private(set) var messageWords: [String]?

    public init(_ message: String, at range: SourceRange?, suggestion: String? = nil, severity: Severity? = nil,
                yieldsTo: String? = nil) {
        self.message = message
        self.range = range
        self.suggestion = suggestion
        self.severity = severity
        self.yieldsTo = yieldsTo
    }

    /// A violation whose message names other files: `Violation(naming: "id `\(id)` is also used
    /// by \(first)", at: …)`, where `first` is a ``RelatedLocation``. The message names them by
    /// their paths as given; each output can write them from its own base.
    public init(naming message: MessageText, at range: SourceRange?, suggestion: String? = nil, severity: Severity? = nil,
                yieldsTo: String? = nil) {
        self.init(message.text, at: range, suggestion: suggestion, severity: severity, yieldsTo: yieldsTo)
        if !message.files.isEmpty {
            related = message.files
            messageWords = message.words
        }
    }
}
