/// PM031: impact numbers are possible.
public struct ImpactRangeRule: LintRule {
    public static let description = RuleDescription(
        id: "PM031", alias: "impact-range", name: "Impact numbers in range",
        summary: "`bad_fraction` is between 0 and 1, and `budget_minutes` is not negative and not longer than the impact.",
        rationale: "`bad_fraction: 35` (meant as 35%) burns 35 times the real budget in every report.",
        category: .impact, defaultSeverity: .error,
        triggeringExamples: [
            RuleExamples.document().replacingBytes(of: "  - slo: checkout-availability\n    bad_fraction: 0.35", with: "  - ↓slo: checkout-availability\n    bad_fraction: 35"),
            RuleExamples.document().replacingBytes(of: "  - slo: checkout-availability\n    bad_fraction: 0.35", with: "  - ↓slo: checkout-availability\n    budget_minutes: 90"),
        ],
        nonTriggeringExamples: [RuleExamples.document(), RuleExamples.document().replacingBytes(of: "bad_fraction: 0.35", with: "bad_fraction: 35%")]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {}

    public func check(_ context: LintContext) -> [Violation] {
        let r = context.postmortem
        var result: [Violation] = []
        for impact in r.impact {
            let at = impact.range ?? context.frontMatterRange("impact")
            if let f = impact.badFraction, !(0...1).contains(f) {
                result.append(Violation("`bad_fraction: \(format(f))` for `\(impact.slo)` is outside 0…1",
                                        at: at, suggestion: f > 1 && f <= 100 ? "write \(format(f / 100)) (or `\(format(f))%`)" : nil))
            }
            if let m = impact.budgetMinutes {
                if m < 0 {
                    result.append(Violation("`budget_minutes: \(format(m))` for `\(impact.slo)` is negative", at: at))
                } else if let duration = r.impactMinutes, duration >= 0, m > duration + 0.5 {
                    result.append(Violation("`budget_minutes: \(format(m))` for `\(impact.slo)` is more than the \(format(duration)) min between started and mitigated",
                                            at: at, suggestion: "budget minutes are impact minutes × the bad fraction, so at most the impact duration"))
                }
            }
        }
        return result
    }

    /// Up to six significant digits: `0.014`, not `0.013999999999999999`.
    func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%g", x)
    }
}

import Foundation
