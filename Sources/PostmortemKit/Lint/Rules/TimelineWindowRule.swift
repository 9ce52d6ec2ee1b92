/// PM023: timeline entries fall within the incident window, with slack for causes and clean-up.
public struct TimelineWindowRule: LintRule {
    public static let description = RuleDescription(
        id: "PM023", alias: "timeline-window", name: "Timeline within the incident window",
        summary: "Timeline entries lie between `started` minus a slack and `resolved` (or `mitigated`) plus a slack.",
        rationale: "An entry days away from the incident is usually a wrong date (or a timeline that crossed midnight without saying so).",
        category: .time, defaultSeverity: .warning,
        options: [
            RuleOption("slack_before_hours", default: "72", help: "How long before `started` an entry may be (the change that set things up; at most 87840, 3660 days)."),
            RuleOption("slack_after_hours", default: "72", help: "How long after `resolved` an entry may be (clean-up, the review meeting; at most 87840)."),
        ],
        triggeringExamples: [
            RuleExamples.document(sections: ["Timeline": "All times UTC.\n\n- 14:02 UTC: Checkout 5xx ratio rises to 35%.\n↓- 2026-07-24 14:41 UTC: Config 4811 is restored."]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(sections: ["Timeline": "All times UTC.\n\n- 2026-07-13 09:00 UTC: Config 4812 is merged.\n- 14:02 UTC: Checkout 5xx ratio rises to 35%."]),
        ]
    )

    let before: Int64
    let after: Int64

    public init(options: RuleOptions) throws(ConfigurationError) {
        before = Int64(try options.number("slack_before_hours", default: 72, maximum: 3660 * 24) * 3600)
        after = Int64(try options.number("slack_after_hours", default: 72, maximum: 3660 * 24) * 3600)
    }

    public func check(_ context: LintContext) -> [Violation] {
        let r = context.postmortem
        guard let started = r.started, let end = r.resolved ?? r.mitigated else { return [] }
        let low = started.epochSeconds - before
        let high = end.epochSeconds + after
        return r.timeline.compactMap { event in
            guard let time = event.time, time.epochSeconds < low || time.epochSeconds > high else { return nil }
            let side = time.epochSeconds < low ? "before `started`" : "after `\(r.resolved == nil ? "mitigated" : "resolved")`"
            let hours = abs(time.epochSeconds < low ? started.epochSeconds - time.epochSeconds : time.epochSeconds - end.epochSeconds) / 3600
            return Violation("timeline entry at \(event.timeText) is \(hours) h \(side)", at: event.range,
                             suggestion: "check its date; if it is background, move it to the summary or supporting information")
        }
    }
}
