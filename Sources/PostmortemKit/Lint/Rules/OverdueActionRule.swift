/// PM052: open actions past their due date.
public struct OverdueActionRule: LintRule {
    public static let description = RuleDescription(
        id: "PM052", alias: "overdue-action", name: "Overdue action",
        summary: "No open action is past its due date (relative to `--today`).",
        rationale: "An overdue action is either forgotten or needs a new date; both deserve a decision in the open.",
        category: .actions, defaultSeverity: .warning,
        options: [RuleOption("grace_days", default: "0", help: "Days past the due date before an action is reported (at most 3660).")],
        triggeringExamples: [
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] ↓Reject proxy configs with empty upstream pools in CI (owner: @dana.k, due: 2026-08-01, ticket: OPS-412)"]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(sections: ["Follow-up actions": "- [x] Reject proxy configs with empty upstream pools in CI (owner: @dana.k, due: 2026-08-01, ticket: OPS-412)"]),
        ]
    )

    let grace: Int

    public init(options: RuleOptions) throws(ConfigurationError) {
        grace = Int(try options.number("grace_days", default: 0, maximum: 3660))
    }

    public func check(_ context: LintContext) -> [Violation] {
        context.postmortem.actions.compactMap { action in
            guard action.state == .open, let due = action.due else { return nil }
            let late = context.today.daysSinceEpoch - due.daysSinceEpoch
            guard late > grace else { return nil }
            return Violation("open action \"\(ActionMetadataRule.shorten(action.text))\" was due \(due) (\(late) days ago)",
                             at: SpecificActionRule.textRange(of: action, in: context.text),
                             suggestion: "close it, set a new date, or mark it `won't do: <reason>`")
        }
    }
}
