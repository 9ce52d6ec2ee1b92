import ArgumentParser
import PostmortemKit

/// The reporting period and "today", shared by `pm budget` and `pm report`.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The calendar quarter, as 2026-Q3.", valueName: "quarter"))
    var quarter: String?
    @Option(help: ArgumentHelp("First day of the period (YYYY-MM-DD); needs --to.", valueName: "date"))
    var from: String?
    @Option(help: ArgumentHelp("Last day of the period, inclusive (YYYY-MM-DD); needs --from.", valueName: "date"))
    var to: String?
    @Option(help: ArgumentHelp("The current date (YYYY-MM-DD) that overdue actions, ages, burn rates and the default period are judged on; default: today in pm.yml's timezone.",
                               valueName: "date"))
    var today: String?

    func validate() throws {
        if quarter != nil, from != nil || to != nil {
            throw ValidationError("Give either --quarter or --from and --to, not both.")
        }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together.") }
        if let quarter, ReportingPeriod.quarter(quarter, zone: .utc) == nil {
            throw ValidationError("--quarter must look like 2026-Q3, not '\(quarter)'.")
        }
        for (name, value) in [("--from", from), ("--to", to), ("--today", today)] {
            if let value, CalendarDate(value) == nil {
                throw ValidationError("\(name) must be a date as YYYY-MM-DD, not '\(value)'.")
            }
        }
    }

    /// `--today`, else the real date in `zone`.
    func day(in zone: ZoneResolver) -> CalendarDate {
        today.flatMap { CalendarDate($0) } ?? Clock.today(in: zone)
    }

    /// `--quarter`, `--from`/`--to`, else the latest complete quarter before `today`.
    func period(in zone: ZoneResolver, today: CalendarDate) -> ReportingPeriod {
        if let quarter, let period = ReportingPeriod.quarter(quarter, zone: zone) { return period }
        if let from = from.flatMap({ CalendarDate($0) }), let to = to.flatMap({ CalendarDate($0) }) {
            return .range(from: from, to: to, zone: zone)
        }
        return .latestCompleteQuarter(before: today, zone: zone)
    }
}
