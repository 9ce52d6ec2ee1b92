/// Everything `pm budget` reports for one period: its JSON shape (docs/budget.md) and the input of
/// the text and CSV renderers.
public struct BudgetReport: Sendable, Hashable, Encodable {
    /// Version of this JSON shape; bumped only on incompatible changes.
    public var formatVersion = 1
    /// The period reported.
    public var period: ReportingPeriod
    /// The day the burn rates are computed at.
    public var today: CalendarDate
    /// The configured zone's name.
    public var timezone: String
    /// The SLOs reported, as configured, with what was ignored of their definitions.
    public var slos: [SLODefinition]
    /// Every window of those SLOs that overlaps the period, SLO by SLO, in time order.
    public var windows: [LabelledWindow]
    /// Impact that could not be counted or was counted on an assumption.
    public var notes: [BudgetNote]

    /// A window with the name people call it by.
    public struct LabelledWindow: Sendable, Hashable, Encodable {
        /// `2026-08` for a month, `2026-Q3` for a quarter, `2026-07-19..2026-08-17` for a rolling window.
        public var label: String
        /// The window's numbers and staircase.
        public var window: BudgetWindow

        public func encode(to encoder: Encoder) throws {
            // Flattened, so a window reads as one object with its label.
            try window.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(label, forKey: .label)
            try container.encode(window.policy.description, forKey: .policyText)
        }

        enum Key: String, CodingKey { case label, policyText }
    }

    /// Computes the report.
    /// - Parameters:
    ///   - slos: The SLOs to report.
    ///   - records: The postmortems.
    ///   - period: The reporting period.
    ///   - zone: The configured zone.
    ///   - timezone: The zone's name as configured, for display.
    ///   - today: The current date (a parameter so the output is reproducible).
    ///   - definedSLOs: Every SLO pm.yml defines, when `slos` is a selection of them (`--slo`),
    ///     so impact on an SLO that exists but was not selected is not reported as undefined;
    ///     nil when there is no selection. With a selection, impact on an SLO nobody defined is
    ///     not reported either: it concerns none of the SLOs asked for.
    public init(slos: [SLODefinition], records: some Collection<Postmortem>, period: ReportingPeriod, zone: ZoneResolver,
                timezone: String, today: CalendarDate, definedSLOs: [SLODefinition]? = nil) {
        self.period = period
        self.today = today
        self.timezone = timezone
        self.slos = slos
        let windows = ErrorBudgetCalculator.windows(slos: slos, records: records, period: period, zone: zone, today: today)
        let kinds = Dictionary(slos.map { ($0.id, $0.window) }, uniquingKeysWith: { first, _ in first })
        self.windows = windows.map { window in
            LabelledWindow(label: Self.label(of: window, kind: kinds[window.slo] ?? .month, zone: zone), window: window)
        }
        // Only notes about incidents this report could have counted: those in its windows, and
        // those that cannot be placed in time at all.
        let reported = Set(slos.map(\.id))
        let defined = Set((definedSLOs ?? slos).map(\.id))
        let from = windows.map(\.start).min() ?? period.start
        let to = windows.map(\.end).max() ?? period.end
        let all = ErrorBudgetCalculator.notes(slos: definedSLOs ?? slos, records: records, today: (today, zone))
        // Only the incidents with notes are looked at: a set of every relevant id, made from a
        // copy of every relevant record, was 2.5 MB at 50,000 documents and usually served no note.
        let noted = Set(all.map(\.incident))
        let relevant = Set(records.lazy.filter { record in
            guard noted.contains(record.id) else { return false }
            guard let started = record.started else { return true }
            return started < to && (record.mitigated ?? started) >= from
        }.map(\.id))
        // With a selection of SLOs (`--slo`), impact on an SLO nobody defined is not about them.
        let selection = definedSLOs != nil
        notes = all.filter {
            relevant.contains($0.incident) && (reported.contains($0.slo) || !selection && !defined.contains($0.slo))
        }
    }

    /// The name of a window: its month, its quarter, or its first and last day.
    static func label(of window: BudgetWindow, kind: SLOWindow, zone: ZoneResolver) -> String {
        label(start: window.start, end: window.end, kind: kind, zone: zone)
    }

    /// The name of the window from `start` to `end`.
    static func label(start: Timestamp, end: Timestamp, kind: SLOWindow, zone: ZoneResolver) -> String {
        let first = zone.date(of: start)
        switch kind {
        case .month: return "\(pad4(first.year))-\(pad2(first.month))"
        case .quarter: return "\(pad4(first.year))-Q\((first.month - 1) / 3 + 1)"
        case .rolling: return "\(first)..\(zone.date(of: end).adding(days: -1))"
        }
    }
}
