/// PM090: Suppression without a reason. Checked by the linter from the document's Suppressions.
public struct SuppressionReasonRule: LintRule {
    public static let description = RuleDescription(
        id: "PM090", alias: "suppression-reason", name: "Suppression without a reason",
        summary: "Every `pm-lint disable…` comment gives a reason after `--`.",
        rationale: "A silenced finding with no reason cannot be reviewed; the reason is what lets the next reader decide whether the exception still holds.",
        category: .suppressions, defaultSeverity: .warning,
        triggeringExamples: [RuleExamples.document(sections: ["Summary": "↓<!-- pm-lint disable-next-line PM012 -->\nThe fix was simply to revert."])],
        nonTriggeringExamples: [RuleExamples.document(sections: ["Summary": "<!-- pm-lint disable-next-line PM012 -- quoting the vendor's status page -->\nThe fix was simply to revert."])]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {}

    /// Suppression findings need every other rule's findings first, so the linter reports them.
    public func check(_ context: LintContext) -> [Violation] { [] }
}
