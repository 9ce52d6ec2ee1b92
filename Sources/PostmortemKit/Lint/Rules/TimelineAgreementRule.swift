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

    /// The whole number of days, not 0, by which `entry` is `time` moved, within `tolerance`
    /// seconds (of a clock change too, an hour); positive when the entry is earlier.
    static func wholeDays(from entry: Timestamp, to time: Timestamp, within tolerance: Int64) -> Int? {
        let seconds = time.epochSeconds - entry.epochSeconds
        let days = (Double(seconds) / 86_400).rounded()
        let off = abs(seconds - Int64(days) * 86_400)
        guard days != 0, off <= tolerance || abs(off - 3600) <= tolerance else { return nil }
        return Int(days)
    }

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
                var message = "`\(key)` (\(time.inOffset(nearest.offsetSeconds).iso8601)) matches no timeline entry; the nearest is \(gap / 60) min away"
                var suggestion = "add the timeline entry for it, or correct `\(key)`"
                // An entry at the same time of day whole days away: the timeline's days were most
                // likely counted from a mistyped `started` (`2026-07-11` for `2026-08-11` had put
                // every entry a month early, and this finding on the lines that were right). Not a
                // day away, which is as often an entry read across midnight, and only when no entry
                // is within a day (a mistyped start moves them all).
                if key != "started", gap >= 86_400 - tolerance, let started = r.started,
                   let days = timed.lazy.compactMap({ Self.wholeDays(from: $0, to: time, within: self.tolerance) }).first(where: { abs($0) >= 2 }) {
                    message += "; an entry is at the same time of day \(abs(days)) day\(abs(days) == 1 ? "" : "s") \(days > 0 ? "earlier" : "later")"
                    suggestion = "if the timeline's entries are dated from `started` (\(started.iso8601)), check its date; else correct `\(key)`"
                }
                result.append(Violation(message, at: context.frontMatterRange(key), suggestion: suggestion))
            }
        }
        return result
    }
}
