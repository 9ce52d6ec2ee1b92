/// What a report covers and how it is labelled.
public struct ReportOptions: Sendable {
    /// The period under review; the previous period is shown beside it.
    public var period: ReportingPeriod
    /// The day the report is about: ages, overdue actions and burn rates are counted to it. A
    /// parameter, never read from the clock here, so a report can be reproduced byte for byte.
    public var today: CalendarDate
    /// The page title; default "Incident review <period>".
    public var title: String?
    /// The configured zone for calendar boundaries.
    public var zone: ZoneResolver
    /// Incidents of the same service and primary cause at most this many days apart are repeats.
    public var repeatWindowDays: Int

    public init(period: ReportingPeriod, today: CalendarDate, title: String? = nil, zone: ZoneResolver = .utc,
                repeatWindowDays: Int = 90) {
        self.period = period
        self.today = today
        self.title = title
        self.zone = zone
        self.repeatWindowDays = repeatWindowDays
    }

    /// The first instant after `today` in the zone: what is known ends there, as the budget's
    /// burn rates count it (see ``BudgetWindow/hasStarted(asOf:)``).
    public var asOf: Timestamp { zone.endOfDay(today) }

    /// The title shown on every page.
    public var resolvedTitle: String {
        if let title, !title.trimmingCharacters(in: .whitespaces).isEmpty { return title }
        return "Incident review \(period.label)"
    }
}
