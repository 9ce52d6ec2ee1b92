/// A reporting period: a calendar quarter or an explicit range of days, in the configured zone.
///
/// Periods are half-open, `[start, end)`, so consecutive quarters share a boundary instant and an
/// incident at exactly midnight belongs to the later one.
public struct ReportingPeriod: Sendable, Hashable, Codable {
    /// The first instant of the period.
    public var start: Timestamp
    /// The first instant after the period.
    public var end: Timestamp
    /// `2026-Q3` for a quarter, `2026-07-01..2026-09-30` for a range (both days inclusive).
    public var label: String
    /// The zone the calendar boundaries were computed in; kept so ``previous()`` can step back
    /// by calendar quarters across a summer-time change.
    var zone: ZoneResolver

    /// The quarter's year and number (1...4) when the period is a calendar quarter.
    var quarter: (year: Int, number: Int)? {
        let parts = label.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), parts[1].hasPrefix("Q"),
              let number = Int(parts[1].dropFirst()), (1...4).contains(number) else { return nil }
        return (year, number)
    }

    /// Creates a period from its boundaries.
    /// - Parameters:
    ///   - start: The first instant.
    ///   - end: The first instant after the period; must not be before `start`.
    ///   - label: How the period is named in output.
    ///   - zone: The zone calendar arithmetic uses.
    public init(start: Timestamp, end: Timestamp, label: String, zone: ZoneResolver = .utc) {
        self.start = start
        self.end = max(start, end)
        self.label = label
        self.zone = zone
    }

    /// Reads `2026-Q3` (case-insensitive `q`); nil for anything else.
    /// - Parameters:
    ///   - text: The quarter as written on the command line or in configuration.
    ///   - zone: The zone whose midnights bound the quarter.
    public static func quarter(_ text: String, zone: ZoneResolver) -> ReportingPeriod? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (1...9998).contains(year),
              parts[1].count == 2, parts[1].hasPrefix("Q"), let number = Int(parts[1].dropFirst()),
              (1...4).contains(number) else { return nil }
        return quarter(year: year, number: number, zone: zone)
    }

    /// The calendar quarter `number` (1...4) of `year`.
    static func quarter(year: Int, number: Int, zone: ZoneResolver) -> ReportingPeriod {
        let first = CalendarDate(year: year, month: (number - 1) * 3 + 1, day: 1)!
        let next = number == 4 ? CalendarDate(year: year + 1, month: 1, day: 1)! : CalendarDate(year: year, month: number * 3 + 1, day: 1)!
        return ReportingPeriod(start: zone.startOfDay(first), end: zone.startOfDay(next), label: "\(pad4(year))-Q\(number)", zone: zone)
    }

    /// The last quarter that ended before `today` began: on 2026-11-22 that is 2026-Q3, and on
    /// 2026-10-01 too, because Q4 is not complete until 2027-01-01.
    /// - Parameters:
    ///   - today: The current date in the configured zone (a parameter so output is reproducible).
    ///   - zone: The zone whose midnights bound the quarter.
    public static func latestCompleteQuarter(before today: CalendarDate, zone: ZoneResolver) -> ReportingPeriod {
        let current = (today.month - 1) / 3 + 1
        return current == 1 ? quarter(year: today.year - 1, number: 4, zone: zone)
                            : quarter(year: today.year, number: current - 1, zone: zone)
    }

    /// The days `from` through `to`, both inclusive; the two are swapped when given backwards.
    /// - Parameters:
    ///   - from: The first day.
    ///   - to: The last day (inclusive).
    ///   - zone: The zone whose midnights bound the days.
    public static func range(from: CalendarDate, to: CalendarDate, zone: ZoneResolver) -> ReportingPeriod {
        let (first, last) = from <= to ? (from, to) : (to, from)
        return ReportingPeriod(start: zone.startOfDay(first), end: zone.startOfDay(last.adding(days: 1)),
                               label: "\(first)..\(last)", zone: zone)
    }

    /// The quarter before a quarter, or the range of the same number of days that ends the day
    /// before this one starts: what "compared with the previous period" means in a report.
    public func previous() -> ReportingPeriod {
        if let quarter {
            return quarter.number == 1 ? .quarter(year: quarter.year - 1, number: 4, zone: zone)
                                       : .quarter(year: quarter.year, number: quarter.number - 1, zone: zone)
        }
        let first = zone.date(of: start)
        let days = max(1, zone.date(of: end).daysSinceEpoch - first.daysSinceEpoch)
        // A range of thousands of years would reach before year 1, where no date is real; its
        // comparison starts at year 1000 instead, far enough from year 1 for the SLO windows
        // around it.
        let earliest = CalendarDate(year: 1000, month: 1, day: 1)!
        return .range(from: max(earliest, first.adding(days: -days)), to: first.adding(days: -1), zone: zone)
    }

    /// True when the instant lies in `[start, end)`.
    public func contains(_ instant: Timestamp) -> Bool { instant >= start && instant < end }

    /// The period's length in minutes.
    public var minutes: Double { start.minutes(to: end) }

    enum CodingKeys: String, CodingKey { case start, end, label }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decode(Timestamp.self, forKey: .start)
        end = try container.decode(Timestamp.self, forKey: .end)
        label = try container.decode(String.self, forKey: .label)
        zone = ZoneResolver(fixedOffset: start.offsetSeconds)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(label, forKey: .label)
    }

    public static func == (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
        lhs.start == rhs.start && lhs.end == rhs.end && lhs.label == rhs.label
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(label)
    }
}
