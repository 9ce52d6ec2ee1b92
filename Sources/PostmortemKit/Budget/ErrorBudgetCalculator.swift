/// Error budgets of SLO windows from the incidents' impact.
///
/// Windows are calendar months or quarters starting at local midnight in the configured zone, or,
/// for rolling `Nd` SLOs, consecutive N-day windows counted from 1970-01-01 in that zone (so every
/// instant belongs to exactly one window whatever period is reported). An incident's burn is
/// `(mitigated − started) × bad_fraction`, or its declared `budget_minutes`; an incident that spans
/// a window boundary is split between the windows in proportion to the time in each.
public enum ErrorBudgetCalculator {
    /// The most windows of one SLO a period may hold for `pm budget` and `pm report`: 5,000 is
    /// almost 14 years of daily windows, or 416 years of months. Each window is a row and a
    /// staircase; 1d over 1900 to 9000 would be 2.6 million of them (pm report ran out of memory).
    public static let mostWindowsPerSLO = 5_000

    /// The first SLO with more than ``mostWindowsPerSLO`` windows in the period, with how many it
    /// has, or nil when every SLO fits.
    public static func tooManyWindows(slos: [SLODefinition], period: ReportingPeriod) -> (slo: SLODefinition, windows: Int)? {
        for slo in slos {
            let windows = windowCount(of: slo.window, in: period)
            if windows > mostWindowsPerSLO { return (slo, windows) }
        }
        return nil
    }

    /// How many windows of a kind overlap the period, counted from the calendar dates of its
    /// first and last instants without listing them (months had been counted as 28 days, which
    /// refused 4,812 months as "about 5232").
    static func windowCount(of kind: SLOWindow, in period: ReportingPeriod) -> Int {
        let first = period.zone.date(of: period.start)
        let last = period.end > period.start ? period.zone.date(of: period.end.adding(seconds: -1)) : first
        func floorDivided(_ day: Int, by length: Int) -> Int { day >= 0 ? day / length : -((-day + length - 1) / length) }
        switch kind {
        case .month: return (last.year - first.year) * 12 + last.month - first.month + 1
        case .quarter: return (last.year - first.year) * 4 + (last.month - 1) / 3 - (first.month - 1) / 3 + 1
        case .rolling(let length):
            // Counted from 1970-01-01, as ``windowBounds(of:containing:zone:)`` counts them.
            return floorDivided(last.daysSinceEpoch, by: length) - floorDivided(first.daysSinceEpoch, by: length) + 1
        }
    }

    /// Windows of each SLO that overlap the period, with incidents split across window boundaries.
    ///
    /// - Parameters:
    ///   - slos: The SLOs, in the order windows are returned.
    ///   - records: The postmortems; those without impact on an SLO are ignored.
    ///   - period: The reporting period; every window that overlaps it is returned whole.
    ///   - zone: The configured zone for calendar boundaries.
    ///   - today: The current date in that zone; the burn rate counts the window as elapsed up to
    ///     the end of this day.
    public static func windows(slos: [SLODefinition], records: some Collection<Postmortem>, period: ReportingPeriod,
                               zone: ZoneResolver, today: CalendarDate) -> [BudgetWindow] {
        typealias Key = WindowKey
        let windows = slos.map { slo in (slo, windowBounds(of: slo.window, overlapping: period.start, period.end, zone: zone)) }
        // Only the parts that fall in these windows, in the order they are made: holding every
        // part of a large corpus (88 bytes each) to pick a period's out of it was most of the
        // report's memory while it worked out the budget.
        var parts: [Key: [BurnPart]] = [:]
        for (slo, bounds) in windows {
            for window in bounds { parts[Key(slo: slo.id, windowStart: window.start)] = [] }
        }
        forEachBurnPart(slos: slos, records: records, zone: zone) { part in
            let key = Key(slo: part.slo, windowStart: part.windowStart)
            if parts[key] != nil { parts[key]!.append(part) }
        }
        let now = zone.endOfDay(today)
        // Each window's parts are taken out at their last use (an SLO listed twice uses them
        // twice), so the window sorts them in place and they are freed once it is made.
        var uses: [Key: Int] = [:]
        for (slo, bounds) in windows {
            for window in bounds { uses[Key(slo: slo.id, windowStart: window.start), default: 0] += 1 }
        }
        var result: [BudgetWindow] = []
        for (slo, bounds) in windows {
            for bounds in bounds {
                let key = Key(slo: slo.id, windowStart: bounds.start)
                uses[key]! -= 1
                let windowParts = uses[key] == 0 ? parts.removeValue(forKey: key) : parts[key]
                result.append(window(slo: slo, bounds: bounds, parts: windowParts ?? [], now: now, zone: zone))
            }
        }
        return result
    }

    /// Every incident's burn per SLO and window, in record order, then SLO, then window.
    ///
    /// - Parameters:
    ///   - slos: The SLOs; impact on an SLO not listed here is ignored (see ``notes(slos:records:today:)``).
    ///   - records: The postmortems.
    ///   - zone: The configured zone for calendar boundaries.
    public static func burns(slos: [SLODefinition], records: some Collection<Postmortem>, zone: ZoneResolver) -> [IncidentBurn] {
        // Counted first, so the list (kept by the report for the whole run) is made at its size
        // instead of doubled until it fits, with up to twice the room it uses.
        var count = 0
        forEachBurnPart(slos: slos, records: records, zone: zone) { _ in count += 1 }
        var burns: [IncidentBurn] = []
        burns.reserveCapacity(count)
        forEachBurnPart(slos: slos, records: records, zone: zone) {
            burns.append(IncidentBurn(incident: $0.incident, slo: $0.slo, minutes: $0.minutes, windowStart: $0.windowStart))
        }
        return burns
    }

    /// Impact longer than this many days, burned by `bad_fraction`, is noted (``notes(slos:records:zone:today:)``):
    /// counted as written, since incidents can last that long, but more often a mistyped date.
    public static let longSpanDays = 7.0

    /// What could not be counted, or was counted on an assumption: impact whose `bad_fraction` or
    /// `budget_minutes` could not be read, impact on an SLO that is not defined, impact without
    /// times, a missing `bad_fraction` (counted as a full outage), a
    /// `bad_fraction` outside 0…1 (clamped), a negative `budget_minutes` (counted as 0), a burn by
    /// `bad_fraction` over more than ``longSpanDays`` days and, given `today`, an incident that
    /// starts after it (both counted as written, most likely a mistyped date).
    /// The windows a span is counted in are `today`'s zone's, else `zone`'s: the zone the burns
    /// are worked out in (``burns(slos:records:zone:)``), so a span at the bound of
    /// ``mostWindowsPerSLO`` is noted exactly when it is not counted.
    public static func notes(slos: [SLODefinition], records: some Collection<Postmortem>, zone: ZoneResolver = .utc,
                             today: (date: CalendarDate, zone: ZoneResolver)? = nil) -> [BudgetNote] {
        let asOf = today.map { $0.zone.endOfDay($0.date) }
        let known = Set(slos.map(\.id))
        var notes: [BudgetNote] = []
        for record in records {
            for impact in record.impact {
                func note(_ message: String) { notes.append(BudgetNote(incident: record.id, slo: impact.slo, message: message)) }
                if let reason = impact.unreadable {
                    note("\(reason); not counted")
                    continue
                }
                guard known.contains(impact.slo) else {
                    note("impact names SLO `\(impact.slo)`, which is not defined; not counted")
                    continue
                }
                guard let started = record.started else {
                    note("no `started` time, so the incident cannot be placed in a window; not counted")
                    continue
                }
                if let slo = slos.first(where: { $0.id == impact.slo }), let mitigated = record.mitigated, mitigated > started,
                   impactWindows(of: slo.window, from: started, to: mitigated, zone: today?.zone ?? zone) == nil {
                    note("`started` \(started.iso8601) to `mitigated` \(mitigated.iso8601) spans more than \(mostWindowsPerSLO) `\(slo.window)` windows; not counted: check the dates")
                    continue
                }
                if let asOf, let today, started >= asOf {
                    note("`started` \(started.iso8601) is after today (\(today.date)); counted as written, so its window is spent before the incident happened: check the date")
                }
                if let declared = impact.budgetMinutes {
                    if declared < 0 { note("budget_minutes \(SpreadsheetCell.fixed(declared, decimals: 2)) is negative; counted as 0") }
                    if impact.badFraction != nil { note("both budget_minutes and bad_fraction are given; budget_minutes is counted, bad_fraction is not") }
                    continue
                }
                guard let mitigated = record.mitigated, mitigated > started else {
                    note("no `mitigated` time after `started` and no `budget_minutes`; not counted")
                    continue
                }
                // Counted as written, but a week-long burn of the whole fraction is more often a
                // mistyped month or day in `started` (`2026-06-10` for `2026-07-10`) than an
                // incident: it spends a month's budget many times over.
                let days = started.minutes(to: mitigated) / 1440
                if days > longSpanDays {
                    note("`started` \(started.iso8601) to `mitigated` \(mitigated.iso8601) is \(SpreadsheetCell.fixed(days, decimals: 1)) days; counted as written: check the dates")
                }
                if let fraction = impact.badFraction {
                    if !(0...1).contains(fraction) {
                        note("bad_fraction \(fraction) is outside 0…1; counted as \(min(1, max(0, fraction)))")
                    }
                } else {
                    note("no `bad_fraction` or `budget_minutes`; counted as a full outage (bad_fraction 1)")
                }
            }
        }
        return notes
    }

    /// The part of one incident's burn of one SLO that falls in one window, with the span it
    /// was burned over (for placing the moment of exhaustion).
    struct BurnPart {
        var incident: String
        var slo: String
        var from: Timestamp
        var to: Timestamp
        var minutes: Double
        var windowStart: Timestamp
    }

    /// A window of one SLO, by where it starts.
    struct WindowKey: Hashable {
        var slo: String
        var windowStart: Timestamp
    }

    /// Calls `body` with each part of every incident's burn, in record order, then SLO, then window.
    static func forEachBurnPart(slos: [SLODefinition], records: some Collection<Postmortem>, zone: ZoneResolver,
                                _ body: (BurnPart) -> Void) {
        let byID = Dictionary(slos.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for record in records {
            guard let started = record.started else { continue }
            for impact in record.impact where impact.isCountable {
                guard let slo = byID[impact.slo] else { continue }
                if let mitigated = record.mitigated, mitigated > started {
                    // A span over more windows than a period may hold is a mistyped date, not
                    // counted (``notes(slos:records:today:)`` says so).
                    guard let spanned = impactWindows(of: slo.window, from: started, to: mitigated, zone: zone) else { continue }
                    let total = started.minutes(to: mitigated)
                    for bounds in spanned {
                        let from = max(started, bounds.start)
                        let to = min(mitigated, bounds.end)
                        let overlap = from.minutes(to: to)
                        guard overlap > 0 else { continue }
                        // A negative burn would give budget back; it is counted as 0, as a negative
                        // `bad_fraction` is (with a note from ``notes(slos:records:today:)``).
                        let minutes = impact.budgetMinutes.map { ErrorBudget.rounded(max(0, $0) * overlap / total) }
                            ?? ErrorBudget.burn(minutes: overlap, badFraction: min(1, max(0, impact.badFraction ?? 1)))
                        body(BurnPart(incident: record.id, slo: slo.id, from: from, to: to, minutes: minutes,
                                      windowStart: bounds.start))
                    }
                } else if let declared = impact.budgetMinutes.map({ max(0, $0) }) {
                    // No span to share it out over: the whole burn lands where the incident began.
                    let bounds = windowBounds(of: slo.window, containing: started, zone: zone)
                    body(BurnPart(incident: record.id, slo: slo.id, from: started, to: started, minutes: declared,
                                  windowStart: bounds.start))
                }
            }
        }
    }

    /// One window's budget and staircase. Its times (steps, exhaustion) are written in `zone`'s
    /// offset, as its bounds are, whatever offset each incident was written in.
    static func window(slo: SLODefinition, bounds: (start: Timestamp, end: Timestamp), parts: consuming [BurnPart],
                       now: Timestamp, zone: ZoneResolver) -> BudgetWindow {
        func local(_ t: Timestamp) -> Timestamp { t.inOffset(zone.offset(at: t.epochSeconds)) }
        let length = bounds.start.minutes(to: bounds.end)
        let budget = ErrorBudget.minutes(objective: slo.objective, windowMinutes: length)
        func percent(_ remaining: Double) -> Double {
            budget > 0 ? ErrorBudget.rounded(remaining / budget * 100) : (remaining < 0 ? -100 : 0)
        }
        var ordered = parts
        ordered.sort { ($0.from, $0.incident) < ($1.from, $1.incident) }
        var remaining = budget
        // Made at their size: the review keeps the steps of every window in the period.
        var steps: [StaircaseStep] = []
        steps.reserveCapacity(ordered.count)
        var exhaustedAt: Timestamp?
        for part in ordered {
            remaining = ErrorBudget.rounded(remaining - part.minutes)
            steps.append(StaircaseStep(at: local(part.from), incident: part.incident, burnedMinutes: part.minutes,
                                       remainingMinutes: remaining, remainingPercent: percent(remaining)))
        }
        if remaining <= 0, budget > 0 {
            // The sums behind `remaining` are rounded to micro-minutes; should the even burn fall
            // short of the budget by less than that, the budget ran out when the last burn ended.
            exhaustedAt = (exhaustion(of: budget, by: ordered) ?? ordered.map(\.to).max()).map(local)
        }
        if budget <= 0, exhaustedAt == nil { exhaustedAt = bounds.start }
        let burned = ErrorBudget.rounded(budget - remaining)
        let elapsed = bounds.start.minutes(to: min(now, bounds.end))
        let burnRate: Double? = elapsed > 0 && budget > 0 ? ErrorBudget.rounded(burned / (budget * elapsed / length)) : nil
        let remainingPercent = percent(remaining)
        return BudgetWindow(slo: slo.id, start: bounds.start, end: bounds.end, budgetMinutes: budget, burnedMinutes: burned,
                            remainingMinutes: remaining, remainingPercent: remainingPercent, steps: steps,
                            exhaustedAt: exhaustedAt, burnRate: burnRate,
                            policy: BudgetPolicy.decide(remainingPercent: remainingPercent, burnRate: burnRate))
    }

    /// When the parts had burned `budget` minutes between them, each burning evenly from its
    /// start to its end (a part without a span burns all at once): the staircase books an
    /// incident's burn where it begins, but two incidents that overlap burn at the same time, so
    /// the budget can run out later than the steps suggest. Nil when they burn less. The instant
    /// is in UTC; the caller writes it in the window's zone.
    static func exhaustion(of budget: Double, by parts: [BurnPart]) -> Timestamp? {
        // At each instant: burn that lands at once, and the change in minutes burned per second.
        var events: [(at: Int64, lump: Double, rate: Double)] = []
        for part in parts where part.minutes > 0 {
            let seconds = part.to.epochSeconds - part.from.epochSeconds
            if seconds <= 0 {
                events.append((part.from.epochSeconds, part.minutes, 0))
            } else {
                let rate = part.minutes / Double(seconds)
                events.append((part.from.epochSeconds, 0, rate))
                events.append((part.to.epochSeconds, 0, -rate))
            }
        }
        events.sort { $0.at < $1.at }
        // Half a micro-minute, the rounding of the sums the windows show, so that a budget spent
        // exactly (to that rounding) is spent here too.
        let target = budget - 5e-7
        var burned = 0.0, rate = 0.0
        var index = 0
        while index < events.count {
            let now = events[index].at
            while index < events.count && events[index].at == now {
                burned += events[index].lump
                rate += events[index].rate
                index += 1
            }
            if burned >= target { return Timestamp(epochSeconds: now, offsetSeconds: 0) }
            guard index < events.count else { break }
            let span = Double(events[index].at - now)
            if rate > 0 && burned + rate * span >= target {
                return Timestamp(epochSeconds: now + Int64(((target - burned) / rate).rounded()), offsetSeconds: 0)
            }
            burned += rate * span
        }
        return nil
    }

    /// The window of a kind that contains an instant.
    static func windowBounds(of kind: SLOWindow, containing instant: Timestamp, zone: ZoneResolver) -> (start: Timestamp, end: Timestamp) {
        let date = zone.date(of: instant)
        switch kind {
        case .month:
            let first = CalendarDate(year: date.year, month: date.month, day: 1)!
            return (zone.startOfDay(first), zone.startOfDay(first.adding(days: CalendarDate.daysIn(month: date.month, year: date.year))))
        case .quarter:
            let period = ReportingPeriod.quarter(year: date.year, number: (date.month - 1) / 3 + 1, zone: zone)
            return (period.start, period.end)
        case .rolling(let days):
            let day = date.daysSinceEpoch
            let first = day >= 0 ? day / days * days : -((-day + days - 1) / days) * days
            return (zone.startOfDay(CalendarDate(daysSinceEpoch: first)),
                    zone.startOfDay(CalendarDate(daysSinceEpoch: first + days)))
        }
    }

    /// The windows of an SLO an incident's impact from `from` to `to` spans, or nil when they are
    /// more than ``mostWindowsPerSLO``: `mitigated: 8999-07-10` for 2026 had made 2.5 million
    /// daily burns of one incident, and pm report ran out of memory writing its page.
    static func impactWindows(of kind: SLOWindow, from: Timestamp, to: Timestamp,
                              zone: ZoneResolver) -> [(start: Timestamp, end: Timestamp)]? {
        let bounds = windowBounds(of: kind, overlapping: from, to, zone: zone, limit: mostWindowsPerSLO + 1)
        return bounds.count > mostWindowsPerSLO ? nil : bounds
    }

    /// The windows of a kind that overlap `[from, to)`, in order, at most `limit` of them; the
    /// window containing `from` when the span is empty.
    static func windowBounds(of kind: SLOWindow, overlapping from: Timestamp, _ to: Timestamp,
                             zone: ZoneResolver, limit: Int = .max) -> [(start: Timestamp, end: Timestamp)] {
        var result = [windowBounds(of: kind, containing: from, zone: zone)]
        while let last = result.last, last.end < to, result.count < limit {
            let next = windowBounds(of: kind, containing: last.end, zone: zone)
            // Each window ends after the one before; a zone whose days do not follow each other
            // must not make this loop forever.
            guard next.end > last.end else { break }
            result.append(next)
        }
        return result
    }
}
