/// A readable plain-text view of a record, for `pm show`. The caller escapes it for the terminal.
public enum RecordTextRenderer {
    public static func render(_ p: Postmortem) -> String {
        // A file name can hold a line break too.
        var out = "\(TerminalEscaping.oneLine(p.path))\n"
        // Every call is one line: a value with a line break in it shows it as `\n`.
        func line(_ text: String) { out += "  \(TerminalEscaping.oneLine(text))\n" }
        line("id: \(p.id)")
        if let title = p.title { line("title: \(title)") }
        line("status: \(p.status ?? "-")   severity: \(p.severity ?? "-")   services: \(p.services.joined(separator: ", "))")
        if !p.authors.isEmpty { line("authors: \(p.authors.joined(separator: ", "))") }
        var times: [String] = []
        for (name, stamp) in [("started", p.started), ("detected", p.detected), ("mitigated", p.mitigated), ("resolved", p.resolved)] {
            if let stamp { times.append("\(name) \(stamp.iso8601)") }
        }
        if !times.isEmpty { line(times.joined(separator: "   ")) }
        // Each when it is known: a detected time before the start hides no time to mitigate.
        let durations = [p.timeToDetectMinutes.map { "time to detect: \(format($0)) min" }, p.impactMinutes.map { "time to mitigate: \(format($0)) min" }]
            .compactMap { $0 }
        if !durations.isEmpty { line(durations.joined(separator: "   ")) }
        for impact in p.impact {
            var parts = ["impact on \(impact.slo):"]
            if let f = impact.badFraction { parts.append("bad fraction \(format(f))") }
            if let m = impact.budgetMinutes { parts.append("\(format(m)) budget minutes") }
            if let reason = impact.unreadable { parts.append("not counted: \(reason)") }
            line(parts.joined(separator: " "))
        }
        if let causes = p.causes { line("declared causes: \(causes.joined(separator: ", "))") }
        if let summary = p.summary { line("summary: \(summary.split(separator: "\n").first.map(String.init) ?? "")") }
        line("timeline: \(p.timeline.count) events")
        for event in p.timeline {
            let when = event.time.map { $0.iso8601 } ?? (event.timeText.isEmpty ? "(no time)" : event.timeText)
            line("  \(when)  \(clip(event.text))  [line \(event.range.start.line)]")
        }
        line("contributing factors: \(p.factors.count)")
        for factor in p.factors {
            let tag = factor.category.map { "[\($0)] " } ?? (factor.label.map { "[\($0)?] " } ?? "")
            line("  \(factor.isTrigger ? "trigger: " : "")\(tag)\(clip(factor.text))  [line \(factor.range.start.line)]")
        }
        let counts = Dictionary(grouping: p.actions, by: \.state).mapValues(\.count)
        line("follow-up actions: \(p.actions.count) (\(counts[.open] ?? 0) open, \(counts[.done] ?? 0) done, \(counts[.notDoing] ?? 0) not doing)")
        for action in p.actions {
            let box = switch action.state { case .open: "[ ]"; case .done: "[x]"; case .notDoing: "[-]" }
            var meta: [String] = []
            if let owner = action.owner { meta.append("owner @\(owner)") }
            if let due = action.due { meta.append("due \(due)") }
            if let type = action.type { meta.append(type) }
            if let priority = action.priority { meta.append(priority) }
            if let ticket = action.ticket { meta.append("ticket \(ticket)") }
            if let reason = action.reason { meta.append("won't do: \(clip(reason))") }
            line("  \(box) \(clip(action.text))\(meta.isEmpty ? "" : " (\(meta.joined(separator: ", ")))")  [line \(action.range.start.line)]")
        }
        let l = p.lessons
        line("lessons: \(l.wentWell.count) went well, \(l.wentWrong.count) went wrong, \(l.lucky.count) lucky, \(l.other.count) other")
        line("sections: \(p.sections.map { $0.kind.map { "\($0.rawValue)" } ?? "-" }.joined(separator: " "))")
        for problem in p.problems {
            let location = problem.range.map { ":\($0.start)" } ?? ""
            line("\(p.path)\(location): \(problem.severity.rawValue): \(problem.message) [\(problem.code.rawValue) \(problem.code.alias)]")
        }
        return out
    }

    static func clip(_ text: String, _ limit: Int = 100) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }

    /// Numbers without trailing zeros: 0.35, 12.5, 39.
    public static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

import Foundation
