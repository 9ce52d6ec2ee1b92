/// PM091: Unused suppression. Checked by the linter from the document's Suppressions.
public struct UnusedSuppressionRule: LintRule {
    public static let description = RuleDescription(
        id: "PM091", alias: "unused-suppression", name: "Unused suppression",
        summary: "A `pm-lint` comment silences a finding that actually occurs; an `enable` ends a `disable`.",
        rationale: "Stale suppressions hide the next real finding at that spot and clutter the document.",
        category: .suppressions, defaultSeverity: .warning,
        triggeringExamples: [
            RuleExamples.document(sections: ["Summary": "↓<!-- pm-lint disable-next-line PM012 -- reviewed -->\nThe proxy config was reverted."]),
            RuleExamples.document(sections: ["Summary": "The proxy config was reverted.\n↓<!-- pm-lint enable PM012 -->"]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(sections: ["Summary": "<!-- pm-lint disable-next-line PM012 -- quoting the vendor's status page -->\nThe fix was simply to revert."]),
            RuleExamples.document(sections: ["Summary": "<!-- pm-lint disable PM012 -- quoting the vendor's status page -->\nThe fix was simply to revert.\n<!-- pm-lint enable PM012 -->"]),
        ]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {}

    /// Suppression findings need every other rule's findings first, so the linter reports them.
    public func check(_ context: LintContext) -> [Violation] { [] }
}
