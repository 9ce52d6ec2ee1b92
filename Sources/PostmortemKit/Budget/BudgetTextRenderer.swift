/// `pm budget`'s text output: per SLO a table of windows, then a small staircase of each window
/// that had incidents. The caller escapes it for the terminal.
public enum BudgetTextRenderer {
    /// Width of a full (100%) staircase bar, in characters.
    static let barWidth = 40

    /// Renders the report.
    /// - Parameters:
    ///   - report: What to show.
    ///   - zone: The configured zone; times are shown in it.
    public static func render(_ report: BudgetReport, zone: ZoneResolver) -> String {
        let period = report.period
        let lastDay = zone.date(of: period.end).adding(days: -1)
        var out = "Error budgets for \(period.label) (\(zone.date(of: period.start)) to \(lastDay), \(report.timezone)), as of \(report.today)\n"
        if report.slos.isEmpty { out += "\nNo SLOs to report: define them under `slos:` in pm.yml.\n" }
        let asOf = zone.endOfDay(report.today)
        for slo in report.slos {
            // Ids, services and notes come from pm.yml and documents: one line each, whatever they hold.
            out += "\n\(TerminalEscaping.oneLine(slo.id)): \(trimmed(slo.objective))% per \(windowName(slo.window))"
            if !slo.services.isEmpty { out += " (\(TerminalEscaping.oneLine(slo.services.joined(separator: ", "))))" }
            out += "\n"
            for note in slo.notes { out += TerminalEscaping.oneLine("  note: \(slo.source ?? "definition"): \(note)") + "\n" }
            let windows = report.windows.filter { $0.window.slo == slo.id }
            let labelWidth = max(6, windows.map(\.label.count).max() ?? 0)
            // Minutes take 8 columns, more when an SLO of many nines writes them with more decimals.
            let minutes = windows.map { labelled in
                [labelled.window.budgetMinutes, labelled.window.burnedMinutes, labelled.window.remainingMinutes].map(SpreadsheetCell.minutes)
            }
            let width = max(8, 1 + (minutes.joined().map(\.count).max() ?? 0))
            out += "  " + pad("window", labelWidth) + left("budget", width) + left("burned", width) + left("left", width)
                + "   left%  burn rate  policy\n"
            for (labelled, cells) in zip(windows, minutes) {
                let w = labelled.window
                var row = "  " + pad(labelled.label, labelWidth)
                for cell in cells { row += left(cell, width) }
                row += left(Self.percent(w.remainingPercent, decimals: 1), 8)
                row += left(w.burnRate.map { SpreadsheetCell.fixed($0, decimals: 2) } ?? "-", 11)
                row += w.hasStarted(asOf: asOf) ? "  \(w.policy)" : "  not started"
                if let exhausted = w.exhaustedAt { row += " (exhausted \(clock(exhausted, zone: zone)))" }
                out += row + "\n"
            }
            for labelled in windows where !labelled.window.steps.isEmpty {
                out += staircase(labelled, zone: zone)
            }
        }
        if !report.notes.isEmpty {
            out += "\nNot counted or assumed:\n"
            for note in report.notes { out += TerminalEscaping.oneLine("  \(note.incident) (\(note.slo)): \(note.message)") + "\n" }
        }
        return out
    }

    /// A share of budget left, never "0%" when something is left nor "100%" when something is
    /// spent (`<1%`, `>99%`).
    static func percent(_ value: Double, decimals: Int) -> String {
        DecimalText.boundedPercent(value, shown: SpreadsheetCell.fixed(value, decimals: decimals), fractionDigits: decimals) + "%"
    }

    /// The staircase as bars, one per step, each as long as the share of budget left.
    static func staircase(_ labelled: BudgetReport.LabelledWindow, zone: ZoneResolver) -> String {
        let w = labelled.window
        var out = "  \(labelled.label) staircase (minutes left of \(SpreadsheetCell.minutes(w.budgetMinutes))):\n"
        // A time in the repeated hour carries its offset (`10-25 02:00+01:00`): the column widens
        // for it, where it had run into the minutes after it.
        // (The window's start too, in Havana, where the clocks go back at midnight.)
        let start = clock(w.start, zone: zone)
        let times = w.steps.map { clock($0.at, zone: zone) }
        let width = max(14, ((times + [start]).map(\.count).max() ?? 0) + 2)
        func line(_ percent: Double, _ when: String, _ text: String) {
            out += "    " + left(Self.percent(percent, decimals: 0), 5) + " " + bar(percent) + "  "
                + pad(when, width) + text + "\n"
        }
        line(100, start, "window start")
        for (step, time) in zip(w.steps, times) {
            line(step.remainingPercent, time,
                 (step.burnedMinutes > 0 ? "-" : "") + "\(SpreadsheetCell.minutes(step.burnedMinutes))  \(TerminalEscaping.oneLine(step.incident))")
        }
        return out
    }

    /// A bar of `barWidth` cells: full blocks for budget left, dots for budget spent, and a
    /// cross when overspent.
    static func bar(_ percent: Double) -> String {
        let filled = max(0, min(barWidth, Int((percent / 100 * Double(barWidth)).rounded())))
        let rest = String(repeating: "·", count: barWidth - filled)
        return String(repeating: "█", count: filled) + (percent < 0 ? "✗" + rest.dropFirst() : rest)
    }

    /// `08-25 16:53` in the configured zone: the year and seconds are clear from context.
    static func clock(_ t: Timestamp, zone: ZoneResolver) -> String {
        let (date, time) = zone.wallClock(of: t)
        return "\(pad2(date.month))-\(pad2(date.day)) \(time)"
    }

    static func windowName(_ window: SLOWindow) -> String {
        switch window {
        case .month: "calendar month"
        case .quarter: "calendar quarter"
        case .rolling(let days): "rolling \(days) days"
        }
    }

    /// 99.9 as `99.9`, 99.0 as `99`.
    static func trimmed(_ value: Double) -> String {
        var text = SpreadsheetCell.fixed(value, decimals: 8)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
