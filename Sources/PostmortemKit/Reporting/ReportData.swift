/// `data.json`: the numbers behind the report's charts and tables, so they can be checked and
/// re-plotted. `budget` is what `pm budget --format json` prints for the period; `causes`,
/// `classifications` and `repeats` are what `pm classify` computes for the period's incidents;
/// see docs/report.md.
public struct ReportData: Encodable, Sendable {
    /// An incident of the period with its page.
    public struct Incident: Encodable, Sendable {
        /// Budget minutes burned of one SLO.
        public struct Burn: Encodable, Sendable {
            public var slo: String
            public var minutes: Double
        }

        public var id: String
        public var title: String?
        /// The page, relative to index.html.
        public var page: String
        public var severity: String?
        public var services: [String]
        public var started: Timestamp?
        public var mitigated: Timestamp?
        public var timeToMitigateMinutes: Double?
        public var causes: [String]
        public var budgetBurned: [Burn]
    }

    /// Version of this shape; bumped only on incompatible changes.
    public var formatVersion = 1
    public var title: String
    public var organization: String?
    public var today: CalendarDate
    public var period: ReportingPeriod
    public var previousPeriod: ReportingPeriod
    public var figures: PeriodFigures
    public var previousFigures: PeriodFigures
    public var budget: BudgetReport
    /// The period's incidents grouped by primary cause, in Pareto order.
    public var causes: [IncidentGroup]
    public var burns: [IncidentBurn]
    public var classifications: [Classification]
    public var repeats: [RepeatIncident]
    public var incidents: [Incident]
}
