/// The headline figures of one reporting period, shown beside those of the previous period.
public struct PeriodFigures: Sendable, Codable, Hashable {
    /// Incidents of one severity.
    public struct SeverityCount: Sendable, Codable, Hashable {
        public var severity: String
        public var count: Int
    }

    /// Median and 90th percentile of a duration, in minutes, over the incidents that have it.
    public struct DurationSummary: Sendable, Codable, Hashable {
        /// Incidents with both times.
        public var count: Int
        public var medianMinutes: Double?
        public var p90Minutes: Double?

        init(_ values: [Double]) {
            count = values.count
            // Six decimals, as budgets are: interpolation leaves binary-fraction noise
            // (181.8999999999999) that data.json would otherwise show.
            medianMinutes = Percentile.median(values).map(ErrorBudget.rounded)
            p90Minutes = Percentile.of(values, 90).map(ErrorBudget.rounded)
        }
    }

    /// Follow-up actions of the period's incidents, in their state as of `today`.
    public struct FollowUpCounts: Sendable, Codable, Hashable {
        public var created = 0
        public var done = 0
        public var open = 0
        /// Open with a due date before today.
        public var overdue = 0
        public var notDoing = 0
        /// done ÷ (created − not doing): actions the team decided against are not counted as
        /// unfinished. Nil when there is nothing to complete.
        public var completionRate: Double? {
            let committed = created - notDoing
            return committed > 0 ? ErrorBudget.rounded(Double(done) / Double(committed)) : nil
        }

        enum CodingKeys: String, CodingKey { case created, done, open, overdue, notDoing, completionRate }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(created, forKey: .created)
            try container.encode(done, forKey: .done)
            try container.encode(open, forKey: .open)
            try container.encode(overdue, forKey: .overdue)
            try container.encode(notDoing, forKey: .notDoing)
            try container.encode(completionRate, forKey: .completionRate)
        }

        public init() {}

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            created = try container.decode(Int.self, forKey: .created)
            done = try container.decode(Int.self, forKey: .done)
            open = try container.decode(Int.self, forKey: .open)
            overdue = try container.decode(Int.self, forKey: .overdue)
            notDoing = try container.decode(Int.self, forKey: .notDoing)
        }
    }

    /// One SLO's budget over the period.
    public struct SLOBudget: Sendable, Codable, Hashable {
        public var slo: String
        /// The budget of the period: each window's budget in proportion to its overlap with the
        /// period, so a 30-day window that straddles the quarter counts only its share.
        public var budgetMinutes: Double
        /// Burn of the steps that fall in the period.
        public var burnedMinutes: Double
        /// burned ÷ budget, in percent.
        public var burnedPercent: Double
        /// Windows overlapping the period, and how many of them ran out of budget in it. A window
        /// that runs out later is not counted: with `--from`/`--to` inside a month, a month
        /// exhausted after the period had counted in it and in the period before. Nor is one that
        /// ran out before the period began (a rolling window of June that overlaps July's first
        /// days), which had counted in both quarters.
        public var windows: Int
        public var exhaustedWindows: Int
        /// Of the windows that burned budget in the period, the one that had spent the largest
        /// share of its own budget by the period's end (the latest of equals), its burn before
        /// the period included. The period's share above can hide it: storefront's 39% of a
        /// quarter was an August 116% spent, a month of the freeze its policy asks for (the
        /// numbers audit of stop 48). Burn after the period is left out, so a rolling window
        /// across the quarter's end shows in each quarter what it had spent by then. Nil when no
        /// window burned in the period.
        public var mostSpentWindow: SpentWindow?
    }

    /// One SLO window and the share of its budget burned.
    public struct SpentWindow: Sendable, Codable, Hashable {
        /// The window's first instant.
        public var start: Timestamp
        /// The first instant after the window.
        public var end: Timestamp
        /// The window's minutes burned by the period's end ÷ its budget, in percent; over 100
        /// when overspent.
        public var burnedPercent: Double
    }

    public var period: ReportingPeriod
    public var incidents: Int
    public var bySeverity: [SeverityCount]
    public var timeToDetect: DurationSummary
    public var timeToMitigate: DurationSummary
    public var followUps: FollowUpCounts
    public var budgets: [SLOBudget]

    /// Works out the figures of `period`.
    ///
    /// - Parameters:
    ///   - documents: every postmortem read; those whose incident began in the period count.
    ///   - followUps: the states of their follow-up actions; nil to take them from the records.
    ///   - windows: the SLO windows that overlap the period.
    ///   - slos: the configured SLOs, in display order.
    ///   - severities: the severity scale, most severe first; other values are counted after it.
    ///   - today: the day follow-up states are judged on.
    public static func compute(period: ReportingPeriod, documents: [ReportedDocument], followUps: FollowUpStates? = nil,
                               windows: [BudgetWindow],
                               slos: [SLODefinition], severities: [String], today: CalendarDate) -> PeriodFigures {
        let inPeriod = documents.indices.filter { IncidentTime.began(documents[$0].postmortem).map(period.contains) ?? false }
        var severityCounts: [String: Int] = [:]
        for index in inPeriod { severityCounts[documents[index].postmortem.severity ?? "unrated", default: 0] += 1 }
        var order = severities
        order += severityCounts.keys.filter { !severities.contains($0) }.sorted()
        let bySeverity = order.map { SeverityCount(severity: $0, count: severityCounts[$0] ?? 0) }

        let states = followUps ?? FollowUpStates(actionsOf: documents)
        var followUps = FollowUpCounts()
        for index in inPeriod {
            for position in 0..<states.count(of: index) {
                let action = states.action(of: index, at: position)
                followUps.created += 1
                switch action.state {
                case .done: followUps.done += 1
                case .notDoing: followUps.notDoing += 1
                case .open:
                    followUps.open += 1
                    if let due = action.due, due < today { followUps.overdue += 1 }
                }
            }
        }

        let budgets = slos.map { slo -> SLOBudget in
            let mine = windows.filter { $0.slo == slo.id }
            var budget = 0.0, burned = 0.0
            for window in mine {
                let from = max(window.start, period.start), to = min(window.end, period.end)
                if to > from, window.minutes > 0 { budget += window.budgetMinutes * from.minutes(to: to) / window.minutes }
                burned += window.steps.filter { period.contains($0.at) }.reduce(0) { $0 + $1.burnedMinutes }
            }
            budget = ErrorBudget.rounded(budget)
            burned = ErrorBudget.rounded(burned)
            let spent = mine.filter { window in window.budgetMinutes > 0 && window.steps.contains { period.contains($0.at) && $0.burnedMinutes > 0 } }
                .map { window in
                    let burned = window.steps.lazy.filter { $0.at < period.end }.reduce(0) { $0 + $1.burnedMinutes }
                    return SpentWindow(start: window.start, end: window.end, burnedPercent: ErrorBudget.rounded(burned / window.budgetMinutes * 100))
                }
                .max { ($0.burnedPercent, $0.start) < ($1.burnedPercent, $1.start) }
            return SLOBudget(slo: slo.id, budgetMinutes: budget, burnedMinutes: burned,
                             burnedPercent: budget > 0 ? ErrorBudget.rounded(burned / budget * 100) : 0,
                             windows: mine.count, exhaustedWindows: mine.filter { $0.exhaustedAt.map(period.contains) ?? false }.count,
                             mostSpentWindow: spent)
        }

        return PeriodFigures(period: period, incidents: inPeriod.count, bySeverity: bySeverity,
                             timeToDetect: DurationSummary(inPeriod.compactMap { documents[$0].postmortem.timeToDetectMinutes }),
                             timeToMitigate: DurationSummary(inPeriod.compactMap { documents[$0].postmortem.impactMinutes }),
                             followUps: followUps, budgets: budgets)
    }
}
