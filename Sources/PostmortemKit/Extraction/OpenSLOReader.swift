import Yams

/// Reads the parts of OpenSLO `kind: SLO` documents that map onto pm's SLO model.
///
/// Mapped: `metadata.name` (id), `spec.service`, `spec.description`, the first objective's
/// `target` (0…1) or `targetPercent`, and `spec.timeWindow[0]` (rolling `duration` such as `28d`,
/// or calendar `1M`/`1Q`). Everything else (indicators, thresholds, budgeting method, alert
/// policies, calendar start times and zones, further objectives) does not affect error budget
/// minutes in pm and is listed in the SLO's `notes` so `pm budget` can say it was ignored.
public enum OpenSLOReader {
    public static func read(_ text: String, path: String) throws(ConfigurationError) -> [SLODefinition] {
        var result: [SLODefinition] = []
        let documents: [Node]
        do {
            documents = try Array(Yams.compose_all(yaml: text))
        } catch {
            throw ConfigurationError(path: path, message: "invalid YAML in OpenSLO file: \(error)")
        }
        for node in documents {
            guard let yaml = try? Yams.serialize(node: node),
                  case .success(let converted?) = YAMLReader.read(yaml) else { continue }
            guard converted["kind"]?.string == "SLO" else { continue }
            guard let name = converted["metadata"]?["name"]?.string else {
                throw ConfigurationError(path: path, message: "an OpenSLO SLO has no metadata.name")
            }
            guard let spec = converted["spec"] else {
                throw ConfigurationError(path: path, message: "OpenSLO SLO `\(name)` has no spec")
            }
            var notes: [String] = []
            guard let objectives = spec["objectives"]?.items, let first = objectives.first else {
                throw ConfigurationError(path: path, message: "OpenSLO SLO `\(name)` has no objectives")
            }
            let objective: Double
            if let percent = first["targetPercent"]?.number {
                objective = percent
            } else if let target = first["target"]?.number {
                objective = target * 100
            } else {
                throw ConfigurationError(path: path, message: "OpenSLO SLO `\(name)`: the objective has neither target nor targetPercent")
            }
            if objectives.count > 1 { notes.append("only the first of \(objectives.count) objectives is used") }
            guard objective > 0, objective < 100 else {
                throw ConfigurationError(path: path, message: "OpenSLO SLO `\(name)`: target must be between 0 and 1 (exclusive)")
            }
            guard let windowNode = spec["timeWindow"]?.items?.first ?? spec["timeWindow"],
                  let duration = windowNode["duration"]?.string, let window = SLOWindow(duration) else {
                throw ConfigurationError(path: path, message: "OpenSLO SLO `\(name)`: timeWindow needs a duration such as 28d, 1M or 1Q")
            }
            if windowNode["calendar"] != nil {
                notes.append("timeWindow.calendar is ignored; calendar windows use pm.yml's timezone")
            }
            for key in ["indicator", "indicatorRef", "budgetingMethod", "alertPolicies"] where spec[key] != nil {
                notes.append("spec.\(key) is ignored")
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
}
