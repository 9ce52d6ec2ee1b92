/// Reads front matter YAML into the typed fields of a ``Postmortem``, reporting wrong types and
/// bad values as problems at the value's line and column.
public enum FrontMatterReader {
    /// The largest `bad_fraction` or `budget_minutes` of an SLO impact that is read, in magnitude.
    static let largestImpactNumber = 1e9

    /// The keys of format v1, in documentation order.
    public static let knownKeys = ["id", "title", "status", "severity", "services", "authors", "timezone",
                                   "started", "detected", "mitigated", "resolved", "impact", "causes"]

    /// - Parameters:
    ///   - defaultZone: where a timestamp without a zone is placed when the front matter has no
    ///     `timezone` (pm.yml's zone), as the timeline's times are.
    static func read(_ yaml: String, firstLine: Int, defaultZone: ZoneResolver = .utc, into postmortem: inout Postmortem) {
        let root: YAMLValue
        switch YAMLReader.read(yaml, firstLine: firstLine) {
        case .failure(let failure) where failure.duplicateKey != nil:
            postmortem.problems.append(Problem(.duplicateKey,
                "\(failure.message); YAML forbids that, so the front matter is not used", at: range(failure.location),
                severity: .error))
            return
        case .failure(let failure):
            postmortem.problems.append(Problem(.invalidYAML, "invalid YAML in front matter: \(failure.message)",
                                               at: range(failure.location)))
            return
        case .success(nil):
            return
        case .success(let value?):
            root = value
        }
        guard let entries = root.entries else {
            postmortem.problems.append(Problem(.frontMatterNotMapping,
                "front matter must be a mapping of keys to values, not \(root.typeDescription)",
                at: range(root.location)))
            return
        }
        // Timestamps are read after `timezone`, whichever order the keys are in.
        var zone: ZoneResolver? = nil
        if let zoneValue = root["timezone"] {
            if let name = zoneValue.string {
                zone = ZoneResolver(name)
                if zone == nil {
                    postmortem.problems.append(Problem(.invalidValue,
                        "`timezone: \(name)` is not a zone pm knows (use UTC, an offset like +01:00, or an IANA name like Europe/Berlin)",
                        at: range(zoneValue.location)))
                }
                postmortem.timezone = name
            } else if !zoneValue.isNull {
                postmortem.problems.append(typeProblem("timezone", "a string", zoneValue))
            }
        }
        // The standard-time reading of each time written in the hour the clocks repeat, by key.
        var repeated: [String: Timestamp] = [:]
        for entry in entries {
            postmortem.frontMatter.keys.append(FrontMatterKey(name: entry.key, range: range(entry.keyLocation)))
            let value = entry.value
            switch entry.key {
            case "id":
                if let s = scalar(entry, &postmortem), !s.isEmpty { postmortem.id = s }
            case "title": postmortem.title = scalar(entry, &postmortem)
            case "status": postmortem.status = scalar(entry, &postmortem)
            case "severity": postmortem.severity = scalar(entry, &postmortem)
            case "services": postmortem.services = list(entry, &postmortem)
            case "authors": postmortem.authors = list(entry, &postmortem)
            case "causes": postmortem.causes = list(entry, &postmortem).map { $0.lowercased() }
            case "timezone": break
            case "started", "detected", "mitigated", "resolved":
                guard !value.isNull else { continue }
                guard let text = value.string, value.number == nil else {
                    postmortem.problems.append(typeProblem(entry.key, "a timestamp like 2026-07-14T14:02:00Z", value))
                    continue
                }
                // A date alone (`started: 2026-07-14`) had been read as midnight without a word:
                // the incident's duration, and the error budget it burned, hours off.
                if case let written = text.trimmingWhitespace(), written.utf8.count == 10, case .valid = TimeExpression.parse(written) {
                    postmortem.problems.append(Problem(.invalidTimestamp,
                        "`\(entry.key): \(written)` has no time of day, so it is not read (as midnight it would put durations and error budgets hours off); write it like \(written)T14:02:00Z",
                        at: range(value.location)))
                    continue
                }
                let stamp: Timestamp
                switch TimeExpression.parse(text) {
                case .valid(let parsed):
                    if parsed.zoneAssumed {
                        // Read the wall-clock time in the document's zone, else pm.yml's.
                        let zone = zone ?? defaultZone
                        let local = parsed.epochSeconds
                        var offset = zone.offset(forLocalSeconds: local)
                        // A time the clocks skip (when summer time begins, or a zone moves its
                        // offset) names no instant: it had been read an hour off without a word,
                        // and durations with it.
                        guard zone.offset(at: local - Int64(offset)) == offset else {
                            postmortem.problems.append(Problem(.invalidTimestamp,
                                "`\(entry.key): \(text)` is a time the clocks skip in \(zone.name), so it names no instant and is not read; write the time with its offset",
                                at: range(value.location)))
                            continue
                        }
                        // One the clocks show twice when summer time ends is read in summer time, or
                        // in standard time when summer time would put it before the time above it
                        // (see below), as the timeline's times are.
                        if let both = zone.repeatedOffsets(forLocalSeconds: local) {
                            offset = both.summer
                            repeated[entry.key] = Timestamp(epochSeconds: local - Int64(both.standard), offsetSeconds: both.standard, zoneAssumed: true)
                        }
                        stamp = Timestamp(epochSeconds: local - Int64(offset), offsetSeconds: offset, zoneAssumed: true)
                    } else {
                        stamp = parsed
                    }
                case .impossible:
                    postmortem.problems.append(Problem(.invalidTimestamp,
                        "`\(entry.key): \(text)` is not a real date and time", at: range(value.location)))
                    continue
                case .malformed:
                    postmortem.problems.append(Problem(.invalidTimestamp,
                        "`\(entry.key): \(text)` is not a timestamp; write it like 2026-07-14T14:02:00Z or with an offset, 2026-07-14T16:02:00+02:00",
                        at: range(value.location)))
                    continue
                }
                guard CalendarDate.supportedYears.contains(stamp.localDate.year) else {
                    let years = CalendarDate.supportedYears
                    postmortem.problems.append(Problem(.invalidTimestamp,
                        "`\(entry.key): \(text)` is outside the years \(years.lowerBound) to \(years.upperBound) that pm places incidents in",
                        at: range(value.location)))
                    continue
                }
                switch entry.key {
                case "started": postmortem.started = stamp
                case "detected": postmortem.detected = stamp
                case "mitigated": postmortem.mitigated = stamp
                default: postmortem.resolved = stamp
                }
            case "impact":
                postmortem.impact = impact(value, &postmortem)
            default:
                break // Unknown keys are lint's concern (with a "did you mean").
            }
        }
        if !repeated.isEmpty { resolveRepeated(repeated, in: &postmortem) }
    }

    /// Moves each time written in the hour the clocks repeat to standard time when its summer-time
    /// reading is before the time above it (started, detected, mitigated, resolved, in that order)
    /// and the standard one is not: `started: 2026-10-25 02:30`, then `mitigated: 02:10` in
    /// Europe/Berlin, had read the mitigation 20 minutes before the start.
    static func resolveRepeated(_ standard: [String: Timestamp], in postmortem: inout Postmortem) {
        let keys: [WritableKeyPath<Postmortem, Timestamp?>] = [\.started, \.detected, \.mitigated, \.resolved]
        let names = ["started", "detected", "mitigated", "resolved"]
        var previous: Timestamp? = nil
        for (key, name) in zip(keys, names) {
            guard let time = postmortem[keyPath: key] else { continue }
            if let previous, let later = standard[name], time < previous, later >= previous {
                postmortem[keyPath: key] = later
            }
            previous = postmortem[keyPath: key]
        }
    }

    static func range(_ location: SourceLocation) -> SourceRange { SourceRange(start: location, end: location) }

    /// A value as a note quotes it: on one line, cut with `…` after 40 characters.
    static func shown(_ value: String) -> String {
        let line = value.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 40 ? line.prefix(40) + "…" : line
    }

    static func typeProblem(_ key: String, _ expected: String, _ value: YAMLValue) -> Problem {
        Problem(.wrongType, "`\(key)` must be \(expected), not \(value.typeDescription)", at: range(value.location))
    }

    static func scalar(_ entry: YAMLEntry, _ postmortem: inout Postmortem) -> String? {
        if entry.value.isNull { return nil }
        guard let s = entry.value.string else {
            postmortem.problems.append(typeProblem(entry.key, "a string", entry.value))
            return nil
        }
        return s
    }

    static func list(_ entry: YAMLEntry, _ postmortem: inout Postmortem) -> [String] {
        let value = entry.value
        if value.isNull { return [] }
        if let s = value.string {
            postmortem.problems.append(Problem(.wrongType,
                "`\(entry.key)` must be a list like [\(s)]; read as a one-item list",
                at: range(value.location), severity: .warning))
            return [s]
        }
        guard let items = value.items else {
            postmortem.problems.append(typeProblem(entry.key, "a list of strings", value))
            return []
        }
        var result: [String] = []
        for item in items {
            if let s = item.string { result.append(s) } else {
                postmortem.problems.append(Problem(.wrongType, "each `\(entry.key)` item must be a string, not \(item.typeDescription)",
                                                   at: range(item.location)))
            }
        }
        return result
    }

    static func impact(_ value: YAMLValue, _ postmortem: inout Postmortem) -> [SLOImpact] {
        if value.isNull { return [] }
        guard let items = value.items else {
            postmortem.problems.append(typeProblem("impact", "a list of {slo, bad_fraction or budget_minutes}", value))
            return []
        }
        var result: [SLOImpact] = []
        for item in items {
            guard item.entries != nil else {
                postmortem.problems.append(Problem(.wrongType,
                    "each item of `impact` must be a mapping with `slo` and `bad_fraction` or `budget_minutes`, not \(item.typeDescription)",
                    at: range(item.location)))
                continue
            }
            guard let slo = item["slo"]?.string else {
                postmortem.problems.append(Problem(.wrongType, "an `impact` item needs `slo:` naming an SLO from pm.yml",
                                                   at: range(item.location)))
                continue
            }
            // The same SLO twice (a pasted item) had been counted twice by the budget.
            // An item not counted (a value not read) gives way to a later one that is.
            func duplicate() {
                postmortem.problems.append(Problem(.invalidValue, "`impact` names SLO `\(slo)` more than once; only its first item that is read is counted",
                                                   at: range(item.location)))
            }
            guard !result.contains(where: { $0.slo == slo && $0.isCountable }) else {
                duplicate()
                continue
            }
            var entry = SLOImpact(slo: slo, range: range(item.location))
            // A value given but not readable leaves the item uncounted: counting it as if the value
            // were missing would make it a full outage (`bad_fraction: "5 %"` had spent a whole
            // month). It is kept, marked, so the budget lists it among what it could not count.
            var unreadable: [String] = [], problems: [Problem] = []
            for (key, assign) in [("bad_fraction", \SLOImpact.badFraction), ("budget_minutes", \SLOImpact.budgetMinutes)] {
                guard let field = item[key], !field.isNull else { continue }
                // A bound far above any real value (a billion minutes is 1,900 years; a fraction
                // is at most 1, and PM022 says so), so that the budget's arithmetic and the
                // numbers it writes stay exact: 1e19 minutes had stopped pm on converting it.
                let percent = key == "bad_fraction" ? field.string.flatMap { $0.hasSuffix("%") ? Double($0.dropLast()) : nil } : nil
                guard let number = field.number ?? percent else {
                    let problem = typeProblem(key, "a number", field)
                    unreadable.append(field.string.map { "`\(key)` `\(Self.shown($0))` is not a number" } ?? problem.message)
                    problems.append(problem)
                    continue
                }
                guard number.isFinite, abs(number) <= Self.largestImpactNumber else {
                    let message = "`\(key)` must be a number between -1e9 and 1e9, not \(field.string ?? "")"
                    unreadable.append(message)
                    problems.append(Problem(.wrongType, message, at: range(field.location)))
                    continue
                }
                entry[keyPath: assign] = field.number == nil ? number / 100 : number
            }
            // `budget_minutes` counts when both are given, so a `bad_fraction` that cannot be read
            // beside one that can costs the item nothing (the retest of stop 42: 3 minutes lost).
            let counted = entry.budgetMinutes != nil
            for var problem in problems {
                problem.message += counted ? "; `budget_minutes` is counted" : "; this impact is not counted"
                postmortem.problems.append(problem)
            }
            if !counted, !unreadable.isEmpty {
                // A second item of the SLO that is not read either adds no second note.
                if result.contains(where: { $0.slo == slo }) {
                    duplicate()
                    continue
                }
                entry = SLOImpact(slo: slo, range: entry.range, unreadable: unreadable.joined(separator: "; "))
            } else {
                result.removeAll { $0.slo == slo }
            }
            result.append(entry)
        }
        return result
    }
}
