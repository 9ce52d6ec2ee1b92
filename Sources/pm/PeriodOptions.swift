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
        if let quarter {
            guard ReportingPeriod.quarter(quarter, zone: .utc) != nil else {
                throw ValidationError("--quarter must look like 2026-Q3, not '\(TerminalEscaping.oneLine(quarter))'.")
            }
            // A quarter that reads has four digits of year first.
            guard CalendarDate.supportedYears.contains(Int(quarter.trimmingCharacters(in: .whitespaces).prefix(4)) ?? 0) else {
                throw ValidationError("--quarter must be in the years \(Self.yearsText), not '\(TerminalEscaping.oneLine(quarter))'.")
            }
        }
        for (name, value) in [("--from", from), ("--to", to), ("--today", today)] {
            guard let value else { continue }
            guard let date = CalendarDate(value) else {
                throw ValidationError("\(name) must be a date as YYYY-MM-DD, not '\(TerminalEscaping.oneLine(value))'.")
            }
            guard CalendarDate.supportedYears.contains(date.year) else {
                throw ValidationError("\(name) must be a date in the years \(Self.yearsText), not '\(TerminalEscaping.oneLine(value))'.")
            }
        }
        // The default period, the quarter before --today, must be in the years too (1899-Q4 for
        // --today 1900-01-01 is not).
        if quarter == nil, from == nil, let today, let day = CalendarDate(today), day.year == CalendarDate.supportedYears.lowerBound, day.month <= 3 {
            throw ValidationError("--today \(today) leaves no complete quarter in the years \(Self.yearsText) before it; give --quarter or --from and --to.")
        }
        if let from, let to, let first = CalendarDate(from), let last = CalendarDate(to), last < first {
            throw ValidationError("--to \(to) is before --from \(from); the period runs from --from to --to.")
        }
    }

    private static var yearsText: String {
        "\(CalendarDate.supportedYears.lowerBound) to \(CalendarDate.supportedYears.upperBound)"
    }

    /// Exits 2 when an SLO would have more windows in the period than pm reports (a daily
    /// window over centuries), naming the SLO and what to change.
    func requireFewEnoughWindows(slos: [SLODefinition], period: ReportingPeriod) throws {
        guard let (slo, windows) = ErrorBudgetCalculator.tooManyWindows(slos: slos, period: period) else { return }
        Terminal.error("the period \(period.label) holds \(windows) windows of SLO `\(slo.id)` (\(slo.window)); "
                                         + "pm reports at most \(ErrorBudgetCalculator.mostWindowsPerSLO) per SLO: choose a shorter period or a longer window")
        throw ExitCode(2)
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
