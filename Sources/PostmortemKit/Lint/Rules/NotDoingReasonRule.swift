/// PM054: an action the team decided not to do says why.
public struct NotDoingReasonRule: LintRule {
    public static let description = RuleDescription(
        id: "PM054", alias: "not-doing-reason", name: "Not-doing actions state a reason",
        summary: "An action marked won't do / not doing gives its reason.",
        rationale: "Deciding not to fix something is legitimate; the reason is what lets the next incident review revisit the decision.",
        category: .actions, defaultSeverity: .error,
        triggeringExamples: [
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] Reject proxy configs with empty upstream pools in CI (owner: @dana.k, due: 2026-12-28, ticket: OPS-412)\n↓- [ ] Move the proxy to a new vendor (status: won't do)"]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] Reject proxy configs with empty upstream pools in CI (owner: @dana.k, due: 2026-12-28, ticket: OPS-412)\n- [ ] Move the proxy to a new vendor (won't do: the contract runs until 2028 and the CI check covers the risk)"]),
        ]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {}

    public func check(_ context: LintContext) -> [Violation] {
        context.postmortem.actions.compactMap { action in
            guard action.state == .notDoing, (action.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return Violation("action \"\(ActionMetadataRule.shorten(action.text))\" is not being done, but no reason is given",
                             at: SourceRange(start: action.range.start, end: action.range.start),
                             suggestion: "write `won't do: <reason>`")
        }
    }
}

import Foundation
