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
