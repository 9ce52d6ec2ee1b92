/// Reads the parts of OpenSLO `kind: SLO` documents that map onto pm's SLO model.
///
/// Mapped: `metadata.name` (id), `spec.service`, `spec.description`, the first objective's
/// `target` (0…1) or `targetPercent`, and `spec.timeWindow[0]` (rolling `duration` such as `28d`
/// or `720h`, or calendar `1M`/`1Q`; v1alpha's `spec.timeWindows[0]` with `count` and `unit`).
/// Everything else (indicators, an objective's thresholds and time slices, budgeting method,
/// alert policies, calendar start times and zones, further objectives and windows, unknown spec
/// keys) does not affect error budget minutes in pm and is listed in the SLO's `notes` so
/// `pm budget` can say it was ignored. Errors carry their line.
public enum OpenSLOReader {
    public static func read(_ text: String, path: String) throws(ConfigurationError) -> [SLODefinition] {
        var result: [SLODefinition] = []
        for document in documents(of: text.droppingByteOrderMark) {
            // Each document is read as pm.yml is: its errors (a duplicate key, nesting too deep,
            // aliases expanding past the node limit) are stated at their line, not skipped.
            let converted: YAMLValue
            switch YAMLReader.read(document.text, firstLine: document.firstLine) {
            case .success(let value?): converted = value
            case .success(nil): continue
            case .failure(let failure):
                throw ConfigurationError(path: path, location: failure.location, message: "invalid YAML in OpenSLO file: \(failure.message)")
            }
            guard converted["kind"]?.string == "SLO" else { continue }
            guard let name = converted["metadata"]?["name"]?.string else {
                throw ConfigurationError(path: path, location: (converted["metadata"] ?? converted).location,
                                         message: "an OpenSLO SLO has no metadata.name")
            }
            guard let spec = converted["spec"] else {
                throw ConfigurationError(path: path, location: converted.location, message: "OpenSLO SLO `\(name)` has no spec")
            }
            var notes: [String] = []
            guard let objectives = spec["objectives"]?.items, let first = objectives.first else {
                throw ConfigurationError(path: path, location: (spec["objectives"] ?? spec).location,
                                         message: "OpenSLO SLO `\(name)` has no objectives")
            }
            let objective: Double
            if let percent = first["targetPercent"] {
                guard let number = percent.number else {
                    throw ConfigurationError(path: path, location: percent.location, message: "OpenSLO SLO `\(name)`: targetPercent must be a number, like 99.9")
                }
                objective = number
            } else if let target = first["target"] {
                guard let number = target.number else {
                    throw ConfigurationError(path: path, location: target.location, message: "OpenSLO SLO `\(name)`: target must be a number, like 0.999")
                }
                // In percent, without the float noise of the product (0.9993 × 100 is 99.92999…).
                objective = (number * 100 * 1e9).rounded() / 1e9
            } else {
                throw ConfigurationError(path: path, location: first.location, message: "OpenSLO SLO `\(name)`: the objective has neither target nor targetPercent")
            }
            if objectives.count > 1 { notes.append("only the first of \(objectives.count) objectives is used") }
            // An objective's threshold and time slices do not change its budget in minutes.
            for entry in first.entries ?? [] where !["target", "targetPercent", "displayName", "name"].contains(entry.key) {
                notes.append("objectives[0].\(entry.key) is ignored")
            }
            guard SLODefinition.isSupported(objective: objective) else {
                throw ConfigurationError(path: path, location: (first["targetPercent"] ?? first["target"] ?? first).location,
                                         message: "OpenSLO SLO `\(name)`: target must be above 0 and at most 0.9999999 (seven nines; targetPercent \(SLODefinition.highestObjective))")
            }
            // OpenSLO v1 writes `timeWindow: [{duration: 28d}]`; v1alpha wrote
            // `timeWindows: [{count: 28, unit: Day}]`, which had been "needs a duration" at `spec`.
            let alpha = spec["timeWindow"] == nil ? spec["timeWindows"] : nil
            let windows = (alpha ?? spec["timeWindow"])?.items
            let windowNode: YAMLValue, durationNode: YAMLValue, duration: String
            if let alpha {
                guard let node = windows?.first ?? (alpha.entries != nil ? alpha : nil), let countNode = node["count"],
                      let count = countNode.number, let unit = node["unit"]?.string,
                      let written = Self.duration(count: count, unit: unit) else {
                    let first = windows?.first
                    throw ConfigurationError(path: path, location: (first?["count"]?.number == nil ? first?["count"] : first?["unit"])?.location
                                                ?? (first ?? alpha).location,
                                             message: "OpenSLO SLO `\(name)`: timeWindows needs a count and a unit such as `count: 28, unit: Day`")
                }
                (windowNode, durationNode, duration) = (node, countNode, written)
            } else {
                guard let node = windows?.first ?? spec["timeWindow"], let durationValue = node["duration"],
                      let written = durationValue.string else {
                    throw ConfigurationError(path: path, location: (spec["timeWindow"] ?? spec).location,
                                             message: "OpenSLO SLO `\(name)`: timeWindow needs a duration such as 28d, 1M or 1Q")
                }
                (windowNode, durationNode, duration) = (node, durationValue, written)
            }
            guard let window = Self.window(duration) else {
                throw ConfigurationError(path: path, location: durationNode.location,
                                         message: "OpenSLO SLO `\(name)`: timeWindow duration `\(duration)` is not one pm counts: whole days up to \(SLOWindow.longestRollingDays)d (as d, w, or h and m that make whole days), 1M or 1Q")
            }
            if let count = windows?.count, count > 1 { notes.append("only the first of \(count) timeWindows is used") }
            if windowNode["calendar"] != nil {
                notes.append("timeWindow.calendar is ignored; calendar windows use pm.yml's timezone")
            }
            if let rolling = windowNode["isRolling"]?.bool {
                switch window {
                case .month where rolling, .quarter where rolling:
                    notes.append("isRolling: true is ignored; \(duration) is read as the calendar \(window)")
                case .rolling(let days) where !rolling:
                    notes.append("isRolling: false is ignored; \(duration) is read as a rolling window of \(days) days")
                default: break
                }
            }
            for entry in spec.entries ?? [] where !["service", "description", "objectives", "timeWindow", "timeWindows", "displayName"].contains(entry.key) {
                notes.append("spec.\(entry.key) is ignored")
            }
            let service = spec["service"]?.string
            result.append(SLODefinition(id: name, services: service.map { [$0] } ?? [], objective: objective,
                                        window: window, description: spec["description"]?.string,
                                        source: path, notes: notes))
        }
        if result.isEmpty {
            throw ConfigurationError(path: path, message: "no `kind: SLO` document in the OpenSLO file")
        }
        return result
    }

    /// An OpenSLO v1alpha window (`count: 28, unit: Day`) written as a v1 duration (`28d`); nil
    /// for a count that is not a whole number above 0, or a unit v1alpha does not have. A count of
    /// seconds or of months other than 1 gives a duration ``window(_:)`` refuses, with its message.
    static func duration(count: Double, unit: String) -> String? {
        guard count >= 1, count <= 1e6, count == count.rounded() else { return nil }
        let whole = Int(count)
        switch unit.lowercased() {
        case "second": return whole % 60 == 0 ? "\(whole / 60)m" : "\(whole)s"
        case "minute": return "\(whole)m"
        case "hour": return "\(whole)h"
        case "day": return "\(whole)d"
        case "week": return "\(whole)w"
        case "month": return "\(whole)M"
        case "quarter": return "\(whole)Q"
        case "year": return "\(whole)Y"
        default: return nil
        }
    }

    /// The window of an OpenSLO duration: `1M` and `1Q` are calendar windows, and a length in
    /// days, weeks, hours or minutes that makes whole days is a rolling window (`720h` is `30d`).
    static func window(_ duration: String) -> SLOWindow? {
        if let window = SLOWindow(duration) { return window }
        let text = duration.trimmingWhitespace()
        guard let unit = text.last, let n = Int(text.dropLast()), n > 0 else { return nil }
        let perDay: Int
        switch unit {
        case "h": perDay = 24
        case "m": perDay = 1440
        default: return nil
        }
        guard n % perDay == 0 else { return nil }
        return SLOWindow("\(n / perDay)d")
    }

    /// The documents of a YAML stream, each with the line it starts on. A line that is `---`
    /// (alone or followed by a space) starts a document and a `...` line ends one: YAML forbids
    /// both in any content, so they split the stream as a parser would. A part with nothing but
    /// directives, comments and blank lines goes with the document after it.
    ///
    /// Each document is then read on its own, with the bounds of ``YAMLReader``; reading the
    /// whole stream with Yams and writing each document back out expanded its aliases without
    /// one, so a 600-byte file took minutes and gigabytes.
    static func documents(of text: String) -> [(text: String, firstLine: Int)] {
        var documents: [(text: String, firstLine: Int)] = []
        var current: [Substring] = []
        var firstLine = 1
        func isMarker(_ line: Substring, _ marker: String) -> Bool {
            guard line.hasPrefix(marker) else { return false }
            let rest = line.dropFirst(marker.count)
            return rest.isEmpty || rest.first == " " || rest.first == "\t"
        }
        func finish() {
            let isPreamble = current.allSatisfy { line in
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                return trimmed.isEmpty || trimmed.hasPrefix("#") || line.hasPrefix("%")
            }
            // A preamble stays to go with the next document; an empty part is dropped.
            if isPreamble, current.contains(where: { $0.hasPrefix("%") }) { return }
            if !isPreamble { documents.append((current.joined(separator: "\n"), firstLine)) }
            current = []
        }
        // "\r\n" is one `Character`, so it is a line end of its own; each document is joined with "\n".
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            if isMarker(line, "---") { finish() }
            if current.isEmpty { firstLine = index + 1 }
            current.append(line)
            if isMarker(line, "...") { finish() }
        }
        finish()
        return documents
    }
}
