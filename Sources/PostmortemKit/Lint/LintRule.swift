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
}

/// A rule that looks across all documents at once (duplicate ids, links between postmortems).
public protocol CorpusLintRule: LintRule {
    /// Violations per record path.
    func checkCorpus(_ records: [Postmortem], fileExists: (String) -> Bool) -> [(path: String, violation: Violation)]
}

extension CorpusLintRule {
    /// Corpus rules find nothing in a single document.
    public func check(_ context: LintContext) -> [Violation] { [] }
}
