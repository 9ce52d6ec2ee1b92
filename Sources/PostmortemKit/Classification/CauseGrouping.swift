/// Groups incidents by cause (or service, or severity) with what each group cost, and finds
/// repeat incidents. Shared by `pm classify` and the report, so both show the same numbers.
public enum CauseGrouping {
    /// The services of each SLO by its id, for ``groups(records:classifications:burns:burnOnly:by:sloServices:)``;
    /// an SLO that names none is left out (its burns count toward every service of the incident).
    public static func services(of slos: [SLODefinition]) -> [String: [String]] {
        Dictionary(slos.filter { !$0.services.isEmpty }.map { ($0.id, $0.services) }, uniquingKeysWith: { first, _ in first })
    }

    /// Groups in Pareto order: most budget burned first, then most incidents, then by key.
    ///
    /// - Parameters:
    ///   - records: The postmortems.
    ///   - classifications: One per record, matched by incident id.
    ///   - burns: Budget burns (``ErrorBudgetCalculator/burns(slos:records:zone:)``); burns of
    ///     incidents not in `records` or `burnOnly` are ignored.
    ///   - burnOnly: Incidents whose burns count towards their groups but which are not members:
    ///     a period's report counts the budget an incident that began before the period burned in
    ///     it (a window that starts inside it), under that incident's cause, so that the groups add
    ///     up to the period's burn; the incident itself belongs to the period it began in.
    ///   - dimension: What to group by.
    ///   - sloServices: The services of each SLO, by id (pm.yml's `services`). By service, a burn
    ///     counts toward the services of its SLO that the incident names, and toward the services
    ///     the incident names only when it names none of them (or the SLO names none), shared
    ///     equally among them: an incident of `storefront` and `checkout-api` had counted its
    ///     storefront SLO's burn toward checkout-api too.
    public static func groups<Records: Collection<Postmortem>>(records: Records, classifications: some Sequence<Classification>,
                                                               burns: [IncidentBurn], burnOnly: some Collection<Postmortem> = [Postmortem](),
                                                               by dimension: GroupingDimension = .cause,
                                                               sloServices: [String: [String]] = [:]) -> [IncidentGroup] {
        // Only the incidents of `records`: the report groups a period's incidents, while the
        // classifications and burns are of the whole corpus, and an array of burns for each of its
        // incidents was the largest part of the report's memory while it grouped them.
        let ids = Set(records.lazy.map(\.id)).union(burnOnly.lazy.map(\.id))
        let primary = Dictionary(classifications.lazy.filter { ids.contains($0.incident) }.map { ($0.incident, $0.primary) },
                                 uniquingKeysWith: { first, _ in first })
        var burnsByIncident: [String: [IncidentBurn]] = [:]
        for burn in burns where ids.contains(burn.incident) { burnsByIncident[burn.incident, default: []].append(burn) }
        func keys(of record: Postmortem) -> [String] {
            switch dimension {
            case .cause: [primary[record.id] ?? "unknown"]
            case .service: record.services.isEmpty ? ["none"] : unique(record.services)
            case .severity: [record.severity ?? "none"]
            }
        }

        /// The part of `burn` of `record` that counts toward the group `key` (see `sloServices`):
        /// shared equally among the services it counts toward, so that the groups add up to the
        /// burn (an SLO of two services the incident names had counted its burn twice).
        func share(of burn: IncidentBurn, toward key: String, of record: Postmortem) -> Double {
            guard dimension == .service else { return burn.minutes }
            let named = unique(record.services)
            guard !named.isEmpty else { return burn.minutes }
            let own = sloServices[burn.slo].map { services in named.filter(services.contains) } ?? []
            let toward = own.isEmpty ? named : own
            return toward.contains(key) ? burn.minutes / Double(toward.count) : 0
        }

        var order: [String] = []
        // Members by their place in `records`, not copies: a quarter of a large corpus is
        // thousands of records.
        var members: [String: [Records.Index]] = [:]
        for index in records.indices {
            for key in keys(of: records[index]) {
                if members[key] == nil { order.append(key) }
                members[key, default: []].append(index)
            }
        }
        // The burns of the incidents that only burn, by group.
        var carried: [String: [String: Double]] = [:]
        for record in burnOnly {
            for key in keys(of: record) {
                if members[key] == nil && carried[key] == nil { order.append(key) }
                for burn in burnsByIncident[record.id] ?? [] {
                    let part = share(of: burn, toward: key, of: record)
                    if part > 0 { carried[key, default: [:]][burn.slo, default: 0] += part }
                }
            }
        }
        // Medians leave out an impossible time to mitigate (mitigated before started, PM020), as
        // the report's headline does; one such incident had made a cause's median negative.
        var groups: [IncidentGroup] = order.map { key in
            let incidents = members[key] ?? []
            var bySLO = carried[key] ?? [:]
            for index in incidents {
                let record = records[index]
                for burn in burnsByIncident[record.id] ?? [] {
                    let part = share(of: burn, toward: key, of: record)
                    if part > 0 { bySLO[burn.slo, default: 0] += part }
                }
            }
            bySLO = bySLO.mapValues(ErrorBudget.rounded)
            return IncidentGroup(key: key, incidents: incidents.map { records[$0].id }, burnedMinutesBySLO: bySLO,
                                 burnedMinutes: ErrorBudget.rounded(bySLO.values.reduce(0, +)), burnShare: 0,
                                 cumulativeShare: 0, medianMinutesToMitigate: median(incidents.compactMap { records[$0].impactMinutes }))
        }
        groups.sort {
            if $0.burnedMinutes != $1.burnedMinutes { return $0.burnedMinutes > $1.burnedMinutes }
            if $0.count != $1.count { return $0.count > $1.count }
            return $0.key < $1.key
        }
        let total = groups.map(\.burnedMinutes).reduce(0, +)
        var running = 0.0
        for index in groups.indices {
            running += groups[index].burnedMinutes
            groups[index].burnShare = total > 0 ? ErrorBudget.rounded(groups[index].burnedMinutes / total) : 0
            groups[index].cumulativeShare = total > 0 ? ErrorBudget.rounded(running / total) : 0
        }
        return groups
    }

    /// Incidents that repeat an earlier one: same service, same primary cause, started at most
    /// `windowDays` days after it. Each is paired with the most recent such earlier incident.
    ///
    /// - Parameters:
    ///   - records: The postmortems; those without `started` cannot be placed and are skipped.
    ///   - classifications: One per record, matched by incident id.
    ///   - windowDays: The repeat window (pm.yml `classification.repeat_window_days`, default 90).
    ///   - include: which records take part (all by default); the others are skipped as if absent,
    ///     without copying the records that do.
    ///   - keep: which of the repeats found are returned, by their later incident (all by
    ///     default): the same as filtering the result, without holding every repeat of a large
    ///     corpus when only a period's are wanted.
    public static func repeats<Records: Collection<Postmortem>>(records: Records, classifications: some Sequence<Classification>,
                                                                windowDays: Int = 90,
                                                                where include: (Postmortem) -> Bool = { _ in true },
                                                                keeping keep: (Postmortem) -> Bool = { _ in true }) -> [RepeatIncident] {
        let primary = Dictionary(classifications.map { ($0.incident, $0.primary) }, uniquingKeysWith: { first, _ in first })
        return repeats(records: records, primary: { primary[records[$0].id] }, windowDays: windowDays, where: include, keeping: keep)
    }

    /// ``repeats(records:classifications:windowDays:where:keeping:)`` with the primary cause of
    /// the record at an index given by `primary` (nil for none), for callers that hold each
    /// record's classification beside it: a dictionary of every incident's primary cause was the
    /// largest part of the report's memory while it worked out the review of a large corpus.
    static func repeats<Records: Collection<Postmortem>>(records: Records, primary: (Records.Index) -> String?, windowDays: Int,
                                                         where include: (Postmortem) -> Bool,
                                                         keeping keep: (Postmortem) -> Bool) -> [RepeatIncident] {
        // The records' places, earliest first (ties by id): a report of 50,000 documents would copy
        // tens of megabytes of records to sort them.
        let dated = records.indices
            .compactMap { index -> (index: Records.Index, started: Timestamp)? in
                guard include(records[index]), let started = records[index].started else { return nil }
                return (index, started)
            }
            .sorted { $0.started != $1.started ? $0.started < $1.started : records[$0.index].id < records[$1.index].id }
        var latest: [RepeatKey: (id: String, started: Timestamp)] = [:]
        var result: [RepeatIncident] = []
        for (index, started) in dated {
            let record = records[index]
            let cause = primary(index) ?? "unknown"
            if cause != "unknown" && keep(record) {
                for service in unique(record.services) {
                    guard let previous = latest[RepeatKey(service: service, cause: cause)] else { continue }
                    let days = previous.started.minutes(to: started) / 1440
                    guard days <= Double(windowDays) else { continue }
                    result.append(RepeatIncident(service: service, cause: cause, incident: record.id, previous: previous.id,
                                                 daysApart: ErrorBudget.rounded(days)))
                }
            }
            for service in record.services { latest[RepeatKey(service: service, cause: cause)] = (record.id, started) }
        }
        return result
    }

    /// How many of `records` a repeat can be found among: those with a start time and a service.
    static func repeatCandidates(_ records: some Sequence<Postmortem>) -> Int {
        records.reduce(0) { $0 + ($1.started != nil && !$1.services.isEmpty ? 1 : 0) }
    }

    /// Why no repeat can be found among `candidates` incidents with a start time and a service,
    /// when there are fewer than `needed`; nil otherwise. `keys` names the front matter's keys.
    static func noRepeatReason(candidates: Int, needed: Int = 2, of incidents: String = "incident",
                               keys: String = "`services:`, `started:`") -> String? {
        guard candidates < needed else { return nil }
        return (candidates == 0 ? "no \(incidents) names" : "only one \(incidents) names")
            + " both its services and when it started (\(keys)), which repeats are matched by"
    }

    /// Order-preserving de-duplication: a service listed twice by mistake counts once.
    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// The median, or nil for no values.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// The latest incident so far of each service and primary cause, in ``CauseGrouping/repeats(records:classifications:windowDays:where:keeping:)``.
private struct RepeatKey: Hashable {
    var service: String
    var cause: String
}
