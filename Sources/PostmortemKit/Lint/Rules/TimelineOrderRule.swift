/// PM022: timeline entries are in chronological order.
public struct TimelineOrderRule: LintRule {
    public static let description = RuleDescription(
        id: "PM022", alias: "timeline-order", name: "Timeline in order",
        summary: "Each timeline entry is at or after the one before it.",
        rationale: "Readers reconstruct cause and effect from the order of the timeline; an entry out of place usually means a wrong time or a missing date.",
        category: .time, defaultSeverity: .warning,
        triggeringExamples: [
            RuleExamples.document(sections: ["Timeline": "All times UTC.\n\n- 14:02 UTC: Checkout 5xx ratio rises to 35%.\n- 14:41 UTC: Config 4811 is restored.\n↓- 14:09 UTC: The alert pages the on-call engineer.\n"]),
        ],
        nonTriggeringExamples: [RuleExamples.document()]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {}

    public func check(_ context: LintContext) -> [Violation] {
        var result: [Violation] = []
        var latest: TimelineEvent? = nil
        for event in context.postmortem.timeline {
            guard let time = event.time else { continue }
            // An entry known only to the day (`2026-11-10`, or `14:??` with its minutes not
            // written down) stands for the whole day: it is out of place only when all of that
            // day is before the entry above it, and it does not move the order back to midnight.
            // (A relative time, `T+10m`, is to the minute.)
            if !event.timeText.utf8.contains(UInt8(ascii: ":")), TimeExpression.relativeToken(Array(event.timeText.utf8), 0) == nil,
               let previous = latest, let previousTime = previous.time {
                if time.adding(seconds: 86_400) <= previousTime {
                    result.append(Violation("timeline entry on \(event.timeText) comes after the entry at \(previous.timeText) (line \(previous.range.start.line)) but is earlier",
                                            at: event.range, suggestion: "move it into place, or fix its date"))
                } else if time > previousTime {
                    latest = event
                }
                continue
            }
            if let previous = latest, let previousTime = previous.time, time < previousTime {
                result.append(Violation("timeline entry at \(event.timeText) comes after the entry at \(previous.timeText) (line \(previous.range.start.line)) but is earlier",
                                        at: event.range, suggestion: "move it into place, or fix its time or date"))
            } else {
                latest = event
            }
        }
        return result
    }
}
