/// PM021: every timestamp says which zone it is in.
public struct TimestampZoneRule: LintRule {
    public static let description = RuleDescription(
        id: "PM021", alias: "timestamp-zone", name: "Timestamps have a zone",
        summary: "Front matter times carry `Z` or an offset, and the timeline states its zone (\"All times UTC\") or the front matter sets `timezone`.",
        rationale: "A time without a zone is read in pm.yml's default zone; when the author meant local time, durations, budgets and the order of events across teams are wrong by hours.",
        category: .time, defaultSeverity: .warning,
        triggeringExamples: [
            RuleExamples.document(frontMatter: ["started: 2026-07-14T14:02:00"]).replacingBytes(of: "started:", with: "↓started:"),
            RuleExamples.document(sections: ["Timeline": "↓- 14:02: Checkout 5xx ratio rises to 35%.\n- 14:41: Config 4811 is restored."]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(frontMatter: ["timezone: Europe/London"], sections: ["Timeline": "- 15:02: Checkout 5xx ratio rises to 35%.\n- 15:41: Config 4811 is restored."]),
        ]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {}

    /// A line of a timeline section that states its times' zone in words pm read no zone from
    /// ("All times are BRT.", "Times are Central European Time"), with where it is: a line that
    /// starts as a statement does ("All times", "Times are", "Time zone:"), with a capitalised
    /// word after those words. "All times are approximate." and an entry that mentions response
    /// times are no such statement.
    static func unreadStatement(_ context: LintContext) -> (text: String, range: SourceRange)? {
        for section in context.postmortem.sections where section.kind == .timeline {
            let lines = context.text.lines
            guard section.range.start.line < section.range.end.line else { continue }
            for number in (section.range.start.line + 1)...min(section.range.end.line, lines.count) {
                let bytes = lines[number - 1]
                guard bytes.count <= 160, ByteSearch.firstIndex(of: Self.ime, in: bytes, from: 0) != nil || ByteSearch.firstIndex(of: Self.imeCapitals, in: bytes, from: 0) != nil,
                      let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: ">") }) else { continue }
                let lower = bytes[first...].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                guard let opening = Self.statementOpenings.first(where: { lower.starts(with: $0) }) else { continue }
                // The first word after the opening, past "are" and "in": a zone's name is capitalised.
                var k = first + opening.count
                for filler in ["are ", "in ", "is ", ": ", "("] where bytes[k...].starts(with: Array(filler.utf8)) { k += filler.utf8.count }
                while k < bytes.count, bytes[k] == UInt8(ascii: " ") { k += 1 }
                guard k < bytes.count, bytes[k] >= 65 && bytes[k] <= 90 else { continue }
                let text = String(decoding: bytes[first...], as: UTF8.self).trimmingWhitespace()
                return (text.count > 60 ? String(text.prefix(60)) + "…" : text,
                        SourceRange(start: SourceLocation(line: number, column: first + 1), end: SourceLocation(line: number, column: bytes.count + 1)))
            }
        }
        return nil
    }

    /// How a zone statement starts, lowercase, as bytes.
    static let statementOpenings = ["all times ", "times are ", "times in ", "time zone", "timezone", "all timestamps "].map { Array($0.utf8) }

    static let ime = Array("ime".utf8), imeCapitals = Array("IME".utf8)

    static func zoneName(_ offset: Int) -> String { offset == 0 ? "UTC" : "UTC" + Timestamp.offsetText(offset) }

    public func check(_ context: LintContext) -> [Violation] {
        let r = context.postmortem
        var result: [Violation] = []
        // A `timezone` that names no zone (PM002) gives the times none either.
        var documentZoneKnown: Bool?
        for (key, time) in [("started", r.started), ("detected", r.detected), ("mitigated", r.mitigated), ("resolved", r.resolved)] {
            guard let time, time.zoneAssumed else { continue }
            if documentZoneKnown == nil { documentZoneKnown = r.timezone.flatMap(ZoneResolver.init) != nil }
            guard documentZoneKnown == false else { continue }
            result.append(Violation("`\(key)` has no zone; read as \(Self.zoneName(time.offsetSeconds))",
                                    at: context.frontMatterRange(key), suggestion: "end it with `Z` or an offset like `+02:00`"))
        }
        if let first = r.timeline.first(where: { $0.time?.zoneAssumed == true }) {
            let zone = first.time.map { Self.zoneName($0.offsetSeconds) } ?? "UTC"
            if let statement = Self.unreadStatement(context) {
                // "All times are BRT." with a zone pm does not know: the zone was written, not left out.
                result.append(Violation("the timeline says \"\(statement.text)\", a zone pm does not know; its times are read as \(zone)",
                                        at: statement.range,
                                        suggestion: "write the zone as an offset (\"All times UTC-03:00\") or an IANA name (\"All times America/Sao_Paulo\")"))
            } else {
                result.append(Violation("timeline times have no zone; read as \(zone)", at: first.range,
                                        suggestion: "state the zone above the timeline (\"All times UTC\") or set `timezone` in the front matter"))
            }
        }
        return result
    }
}
