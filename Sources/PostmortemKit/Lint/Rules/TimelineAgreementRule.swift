/// PM024: the front matter times agree with the timeline.
public struct TimelineAgreementRule: LintRule {
    public static let description = RuleDescription(
        id: "PM024", alias: "timeline-agreement", name: "Front matter agrees with the timeline",
        summary: "`started`, `detected` and `mitigated` each match a timeline entry.",
        rationale: "When the front matter and the timeline disagree, one of them is wrong, and the reports use the front matter. A timeline of fewer than three timed entries is not compared: it is too short to contradict anything.",
        category: .time, defaultSeverity: .warning,
        options: [RuleOption("tolerance_minutes", default: "5", help: "How far a timeline entry may be from the front matter time and still match it (at most 5270400, 3660 days).")],
        triggeringExamples: [
            RuleExamples.document(frontMatter: ["detected: 2026-07-14T14:25:00Z"]).replacingBytes(of: "detected:", with: "↓detected:"),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(sections: ["Timeline": "Timeline to follow: see the summary."]),
        ]
    )

    let tolerance: Int64

    public init(options: RuleOptions) throws(ConfigurationError) {
        tolerance = Int64(try options.number("tolerance_minutes", default: 5, maximum: 3660 * 1440) * 60)
    }

    public func check(_ context: LintContext) -> [Violation] {
        let r = context.postmortem
        let timed = r.timeline.compactMap(\.time)
        // Only a timeline with enough timed entries can contradict anything.
        guard timed.count >= 3 else { return [] }
        var result: [Violation] = []
        for (key, time) in [("started", r.started), ("detected", r.detected), ("mitigated", r.mitigated)] {
            guard let time else { continue }
            let nearest = timed.min { abs($0.epochSeconds - time.epochSeconds) < abs($1.epochSeconds - time.epochSeconds) }!
            let gap = abs(nearest.epochSeconds - time.epochSeconds)
            if gap > tolerance {
                result.append(Violation("`\(key)` (\(time.inOffset(nearest.offsetSeconds).iso8601)) matches no timeline entry; the nearest is \(gap / 60) min away",
                                        at: context.frontMatterRange(key), suggestion: "add the timeline entry for it, or correct `\(key)`"))
            }
        }
        return result
    }
}
