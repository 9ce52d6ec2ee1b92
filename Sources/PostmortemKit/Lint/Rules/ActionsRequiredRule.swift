/// PM050: incidents above a severity have follow-up actions.
public struct ActionsRequiredRule: LintRule {
    public static let description = RuleDescription(
        id: "PM050", alias: "actions-required", name: "Follow-up actions required",
        summary: "SEV1–SEV3 postmortems list at least one follow-up action.",
        rationale: "A postmortem that changes nothing leaves the conditions in place for the next incident.",
        category: .actions, defaultSeverity: .error,
        options: [RuleOption("severities", default: "[SEV1, SEV2, SEV3]", help: "Severities that need at least one action. By default the three most severe of pm.yml's `severities`.")],
        triggeringExamples: [
            "↓" + RuleExamples.frontMatter() + RuleExamples.body(["Follow-up actions": "None yet."]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.frontMatter(["severity: SEV4"]) + RuleExamples.body(["Follow-up actions": "None: the fix was the rollback."]),
        ]
    )

    let severities: Set<String>

    public init(options: RuleOptions) throws(ConfigurationError) {
        severities = Set(try options.strings("severities", default: options.mostSevere(3)).map { $0.uppercased() })
    }

    public func check(_ context: LintContext) -> [Violation] {
        let r = context.postmortem
        guard r.actions.isEmpty, let severity = r.severity?.uppercased(), severities.contains(severity) else { return [] }
        let at = r.frontMatter.range.map { SourceRange(start: $0.start, end: $0.start) } ?? SourceRange(line: 1)
        return [Violation("a \(context.configuration.severityName(severity)) postmortem needs at least one follow-up action", at: at,
                          suggestion: "add `- [ ] <verb> <what> (owner: @handle, due: YYYY-MM-DD, ticket: ABC-123)` under \"Follow-up actions\"")]
    }
}
