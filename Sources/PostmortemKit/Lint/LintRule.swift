/// A lint rule: one type per file under `Lint/Rules`, described by a static ``RuleDescription``.
///
/// A rule is built once per run from its pm.yml options (so a bad option is a configuration
/// error before any file is read) and then checks documents concurrently.
public protocol LintRule: Sendable {
    static var description: RuleDescription { get }
    /// Reads the rule's options; throws naming the key and line of a bad value.
    init(options: RuleOptions) throws(ConfigurationError)
    /// The violations in one document.
    func check(_ context: LintContext) -> [Violation]
    /// This rule as a ``CorpusLintRule``, or nil: answered by the rule's own conformance, where
    /// `rule as? any CorpusLintRule` asked the Swift runtime, whose first answer for each rule
    /// type searches every protocol conformance of the binary. Those 27 searches were 12% of the
    /// instructions of `pm lint` on one file.
    var corpusRule: (any CorpusLintRule)? { get }
    /// True for a ``CorpusLintRule`` (see ``corpusRule``).
    static var isCorpusRule: Bool { get }
}

extension LintRule {
    public var corpusRule: (any CorpusLintRule)? { nil }
    public static var isCorpusRule: Bool { false }
}
