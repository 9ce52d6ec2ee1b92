/// PM020: the four incident times are in order.
public struct IncidentTimeOrderRule: LintRule {
    public static let description = RuleDescription(
        id: "PM020", alias: "incident-time-order", name: "Incident times in order",
        summary: "`started ≤ detected ≤ mitigated ≤ resolved`, none of them more than a day after today.",
        rationale: "Time to detect and time to mitigate are computed from these fields; out-of-order times produce negative durations in every report, and a date after today (a mistyped month or year) spends an error budget before the incident happened.",
        category: .time, defaultSeverity: .error,
        triggeringExamples: [
            RuleExamples.document(frontMatter: ["mitigated: 2026-07-14T14:01:00Z"]).replacingBytes(of: "mitigated:", with: "↓mitigated:"),
            RuleExamples.document(frontMatter: ["resolved: 2026-07-14T16:30:00+02:00"]).replacingBytes(of: "resolved:", with: "↓resolved:"),
            RuleExamples.document(frontMatter: ["started: 2027-07-14T14:02:00Z", "detected: 2027-07-14T14:09:00Z", "mitigated: 2027-07-14T14:41:00Z", "resolved: 2027-07-14T15:20:00Z"])
                .replacingBytes(of: "started:", with: "↓started:"),
        ],
        nonTriggeringExamples: [RuleExamples.document(), RuleExamples.document(frontMatter: ["detected: 2026-07-14T14:02:00Z"])]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {}

    public func check(_ context: LintContext) -> [Violation] {
        let r = context.postmortem
        let times: [(String, Timestamp?)] = [("started", r.started), ("detected", r.detected), ("mitigated", r.mitigated), ("resolved", r.resolved)]
        var result: [Violation] = []
        var latest: (String, Timestamp)? = nil
        for (key, time) in times {
            guard let time else { continue }
            if let (earlierKey, earlier) = latest, time < earlier {
                let minutes = Int((earlier.minutes(to: time)).rounded())
                result.append(Violation("`\(key)` (\(time.iso8601)) is \(-minutes) min before `\(earlierKey)` (\(earlier.iso8601))",
                                        at: context.frontMatterRange(key), suggestion: "check the date, the hour and the zone offset of both"))
            } else {
                latest = (key, time)
            }
        }
        // The first time dated more than a day after today where it was written. A day of slack:
        // `today` is a date in one zone, and it is already tomorrow somewhere; an incident written
        // up minutes after it ended must not fail a commit. (`pm budget` notes any start after
        // the end of today, as its windows count time.)
        if let (key, time) = times.first(where: { $0.1.map { $0.localDate > context.today.adding(days: 1) } ?? false }), let time {
            result.append(Violation("`\(key)` (\(time.iso8601)) is after today (\(context.today)); a postmortem is about an incident that has happened",
                                    at: context.frontMatterRange(key), suggestion: "check the year and the month"))
        }
        return result
    }
}
