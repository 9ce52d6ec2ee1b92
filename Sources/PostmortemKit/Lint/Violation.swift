/// What a rule reports before the linter adds the rule's id, the configured severity and the path.
public struct Violation: Sendable, Hashable {
    /// Where; nil for the document as a whole.
    public var range: SourceRange?
    /// What is wrong, in one sentence, quoting the text it is about.
    public var message: String
    /// A rewrite or next step for the author.
    public var suggestion: String?
    /// Set when this violation is less (or more) serious than the rule's default, such as the
    /// "single root cause" note of the factors rule; a severity configured in pm.yml still wins.
    public var severity: Severity?
    /// The id of a rule that says the same thing better where it reports: the linter drops this
    /// violation when that rule has a finding whose range holds this one's start. PM012's appeals
    /// to care in a follow-up action yield to PM053, which reports the action as a whole.
    public var yieldsTo: String?

    public init(_ message: String, at range: SourceRange?, suggestion: String? = nil, severity: Severity? = nil,
                yieldsTo: String? = nil) {
        self.message = message
        self.range = range
        self.suggestion = suggestion
        self.severity = severity
        self.yieldsTo = yieldsTo
    }
}
