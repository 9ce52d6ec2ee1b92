/// PM092: Invalid suppression. Checked by the linter from the document's Suppressions.
public struct InvalidSuppressionRule: LintRule {
    public static let description = RuleDescription(
        id: "PM092", alias: "invalid-suppression", name: "Invalid suppression",
        summary: "A `pm-lint` comment uses a known verb and names known rules.",
        rationale: "A misspelt rule id silences nothing, and the author believes the finding is handled.",
        category: .suppressions, defaultSeverity: .warning,
        triggeringExamples: [RuleExamples.document(sections: ["Summary": "↓<!-- pm-lint disable-next-line PM999 -- reviewed -->\nThe proxy config was reverted."])],
        nonTriggeringExamples: [RuleExamples.document(sections: ["Summary": "<!-- pm-lint disable-next-line blame-language -- quoting the vendor -->\nThe fix was simply to revert."])]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {}

    /// Suppression findings need every other rule's findings first, so the linter reports them.
    public func check(_ context: LintContext) -> [Violation] { [] }
}
