/// `pm budget --format csv`: one row per staircase step, the shape spreadsheets and Grafana's CSV
/// data source read.
///
/// Each window starts with a row at the window's start with an empty incident, nothing burned and
/// 100% left, so a plotted staircase begins at the top; then one row per incident (part) in time
/// order. Times are RFC 3339 in the configured zone.
public enum BudgetCSVRenderer {
    /// The header row's columns.
    public static let columns = ["slo", "window_start", "window_end", "at", "incident", "burned_minutes",
                                 "remaining_minutes", "remaining_percent"]

    /// The whole CSV document, header first, lines ending in CRLF as RFC 4180 asks.
    public static func render(_ report: BudgetReport, zone: ZoneResolver) -> String {
        var lines = [columns.joined(separator: ",")]
        func local(_ t: Timestamp) -> String { t.inOffset(zone.offset(at: t.epochSeconds)).iso8601 }
        for labelled in report.windows {
            let window = labelled.window
            let prefix = [SpreadsheetCell.text(window.slo), local(window.start), local(window.end)]
            lines.append((prefix + [local(window.start), "", SpreadsheetCell.number(0),
                                    SpreadsheetCell.minutes(window.budgetMinutes), SpreadsheetCell.number(100)])
                .joined(separator: ","))
            for step in window.steps {
                lines.append((prefix + [local(step.at), SpreadsheetCell.text(step.incident),
                                        SpreadsheetCell.minutes(step.burnedMinutes), SpreadsheetCell.minutes(step.remainingMinutes),
                                        SpreadsheetCell.number(step.remainingPercent)]).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
