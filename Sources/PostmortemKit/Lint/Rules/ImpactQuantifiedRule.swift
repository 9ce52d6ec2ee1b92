/// PM030: impact is given in numbers.
public struct ImpactQuantifiedRule: LintRule {
    public static let description = RuleDescription(
        id: "PM030", alias: "impact-quantified", name: "Impact is quantified",
        summary: "The impact has a duration (`started` to `mitigated`), each SLO named in `impact` has a `bad_fraction` or `budget_minutes`, services with an SLO name it, and the Impact section gives numbers.",
        rationale: "\"Some users saw errors\" cannot be compared, budgeted or prioritised; the error budget report is computed from these numbers.",
        category: .impact, defaultSeverity: .error,
        triggeringExamples: [
            RuleExamples.document().replacingBytes(of: "  - slo: checkout-availability\n    bad_fraction: 0.35", with: "  - ↓slo: checkout-availability"),
            RuleExamples.document(sections: ["Impact": "↓Many customers could not check out."]),
            RuleExamples.document(removing: ["impact"]).replacingBytes(of: "services:", with: "↓services:"),
            RuleExamples.document(removing: ["mitigated"]).replacingBytes(of: "impact:", with: "↓impact:"),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document().replacingBytes(of: "bad_fraction: 0.35", with: "budget_minutes: 13.7"),
        ],
        skipsTemplates: true
    )

    public init(options: RuleOptions) throws(ConfigurationError) {}

    public func check(_ context: LintContext) -> [Violation] {
        let r = context.postmortem
        var result: [Violation] = []
        // An impact whose value could not be read has its reading problem already.
        for impact in r.impact where impact.isCountable && impact.badFraction == nil && impact.budgetMinutes == nil {
            result.append(Violation("impact on `\(impact.slo)` gives neither `bad_fraction` nor `budget_minutes`",
                                    at: impact.range ?? context.frontMatterRange("impact"),
                                    suggestion: "add `bad_fraction: 0.12` (share of bad events between started and mitigated) or `budget_minutes`"))
        }
        if r.impact.contains(where: \.isCountable), r.impactMinutes == nil, r.started == nil || r.mitigated == nil {
            result.append(Violation("the impact has no duration: `started` or `mitigated` is missing", at: context.frontMatterRange("impact"),
                                    suggestion: "set `started` (user impact began) and `mitigated` (user impact ended)"))
        }
        // `impact: []` is a statement that no SLO was affected; only a missing key is a gap.
        if r.impact.isEmpty, r.frontMatter.range(of: "impact") == nil, r.frontMatter.range != nil {
            let covered = context.configuration.slos.filter { slo in slo.services.contains { r.services.contains($0) } }
            if !covered.isEmpty {
                result.append(Violation("services \(r.services.joined(separator: ", ")) have SLOs (\(covered.map(\.id).joined(separator: ", "))) but `impact` names none",
                                        at: context.frontMatterRange("services"), severity: .warning))
            }
        }
        if let section = r.section(.impact), !section.isEmpty {
            let lines = (section.range.start.line + 1)...max(section.range.start.line + 1, section.range.end.line)
            let hasNumber = lines.contains { n in context.text.prose(line: n, includeQuotes: true, blankChat: false)?.contains { $0 >= 48 && $0 <= 57 } ?? false }
            if !hasNumber {
                let first = lines.first { n in
                    n <= context.text.lines.count && !context.text.lines[n - 1].allSatisfy { $0 == 32 }
                } ?? section.range.start.line
                result.append(Violation("the Impact section gives no numbers", at: SourceRange(line: first),
                                        suggestion: "say how many requests, orders or customers were affected, for how long", severity: .warning))
            }
        }
        return result
    }
}
