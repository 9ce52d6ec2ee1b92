/// `pm classify --format csv`: one row per group, in Pareto order, for spreadsheets.
///
/// Columns: group_by, key, incidents (the count), burned_minutes (all SLOs), share and
/// cumulative_share (0...1), median_minutes_to_mitigate (empty when unknown), then one
/// `burned_minutes_<slo>` column per SLO that any group burned, in SLO id order, and
/// incident_ids joined with `;`.
public enum CauseCSVRenderer {
    /// The fixed leading columns.
    public static let columns = ["group_by", "key", "incidents", "burned_minutes", "share", "cumulative_share",
                                 "median_minutes_to_mitigate"]

    /// The whole CSV document, header first, CRLF line ends.
    public static func render(_ report: CauseReport) -> String {
        let slos = Set(report.groups.flatMap(\.burnedMinutesBySLO.keys)).sorted()
        var header = columns + slos.map { "burned_minutes_" + $0 } + ["incident_ids"]
        header = header.map(SpreadsheetCell.text)
        var lines = [header.joined(separator: ",")]
        for group in report.groups {
            var cells = [report.groupBy.rawValue, SpreadsheetCell.text(group.key), String(group.count),
                         SpreadsheetCell.minutes(group.burnedMinutes), SpreadsheetCell.number(group.burnShare, decimals: 4),
                         SpreadsheetCell.number(group.cumulativeShare, decimals: 4),
                         group.medianMinutesToMitigate.map { SpreadsheetCell.number($0, decimals: 1) } ?? ""]
            cells += slos.map { SpreadsheetCell.minutes(group.burnedMinutesBySLO[$0] ?? 0) }
            cells.append(SpreadsheetCell.text(group.incidents.joined(separator: ";")))
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
