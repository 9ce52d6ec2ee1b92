/// A rule that looks across all documents at once (duplicate ids, links between postmortems).
public protocol CorpusLintRule: LintRule {
    /// Violations per record path.
    func checkCorpus(_ records: [Postmortem], fileExists: (String) -> Bool) -> [(path: String, violation: Violation)]
}

extension CorpusLintRule {
    /// Corpus rules find nothing in a single document.
    public func check(_ context: LintContext) -> [Violation] { [] }
}
