/// The `lint:` section of pm.yml, validated: which rules run, at what severity, with which options.
///
/// ```yaml
/// lint:
///   disable: [PM053, person-blamed]      # ids or aliases; reading problem codes (P020) too
///   rules:
///     PM012:                              # or blame-language
///       severity: error                   # error | warning | info | off
///       phrases: ["dropped the ball"]     # rule options, see docs/rules.md
/// ```
public struct LintConfiguration: Sendable {
    /// The rules that run, with their configured severity (nil: the rule's default).
    public var rules: [(rule: any LintRule, severity: Severity?)]
    /// Lowercased ids and aliases of every known rule and reading problem code, for suppressions.
    public var knownCodes: Set<String>
    /// Reading problem codes listed in `lint.disable` (`P020`, `timeline-entry-without-time`).
    public var disabledProblems: Set<ProblemCode> = []

    /// The keys `lint:` may have.
    public static let keys = ["disable", "rules"]

    public init(configuration: Configuration) throws(ConfigurationError) {
        let path = configuration.path ?? "pm.yml"
        let section = configuration.section("lint")
        var disabled = Set<String>()
        var problems = Set<ProblemCode>()
        var settings: [String: YAMLValue] = [:]
        let all = RuleRegistry.all
        func ruleID(_ name: String, at location: SourceLocation) throws(ConfigurationError) -> String {
            if let type = RuleRegistry.rule(named: name) { return type.description.id }
            let names = all.flatMap { [$0.description.id, $0.description.alias] }
            let hint = closestMatch(name, in: names).map { "; did you mean `\($0)`?" } ?? ""
            throw ConfigurationError(path: path, location: location, message: "unknown lint rule `\(name)`\(hint) (see `pm rules`)")
        }
        if let section, !section.isNull {
            guard let entries = section.entries else {
                throw ConfigurationError(path: path, location: section.location, message: "`lint` must be a mapping with `disable` and `rules`")
            }
            for entry in entries {
                switch entry.key {
                case "disable":
                    let items = entry.value.items ?? (entry.value.string.map { [YAMLValue(.scalar($0, plain: true), at: entry.value.location)] })
                    guard let items else {
                        throw ConfigurationError(path: path, location: entry.value.location, message: "`lint.disable` must be a list of rule ids")
                    }
                    for item in items {
                        guard let name = item.string else {
                            throw ConfigurationError(path: path, location: item.location, message: "`lint.disable` must be a list of rule ids")
                        }
                        if let code = ProblemCode.allCases.first(where: { $0.rawValue == name.uppercased() || $0.alias == name.lowercased() }) {
                            problems.insert(code)
                            continue
                        }
                        disabled.insert(try ruleID(name, at: item.location))
                    }
                case "rules":
                    guard let rules = entry.value.entries else {
                        if entry.value.isNull { continue }
                        throw ConfigurationError(path: path, location: entry.value.location,
                                                 message: "`lint.rules` must map rule ids to their settings")
                    }
                    for rule in rules {
                        let id = try ruleID(rule.key, at: rule.keyLocation)
                        guard rule.value.entries != nil || rule.value.isNull else {
                            throw ConfigurationError(path: path, location: rule.value.location,
                                                     message: "`lint.rules.\(rule.key)` must be a mapping like `{severity: warning}`")
                        }
                        // By id and by alias, one entry would replace the other without a word.
                        if settings[id] != nil {
                            throw ConfigurationError(path: path, location: rule.keyLocation,
                                                     message: "`lint.rules.\(rule.key)` configures \(id) a second time (by its id or its alias); put its settings in one entry")
                        }
                        settings[id] = rule.value
                    }
                default:
                    let hint = closestMatch(entry.key, in: LintConfiguration.keys).map { "; did you mean `\($0)`?" } ?? ""
                    throw ConfigurationError(path: path, location: entry.keyLocation, message: "unknown key `lint.\(entry.key)`\(hint)")
                }
            }
        }
        var configured: [(rule: any LintRule, severity: Severity?)] = []
        for type in all {
            let description = type.description
            var severity: Severity? = nil
            var values: [String: YAMLValue] = [:]
            var off = disabled.contains(description.id)
            for entry in settings[description.id]?.entries ?? [] {
                if entry.key == "severity" {
                    guard let text = entry.value.string?.lowercased(), text == "off" || Severity(rawValue: text) != nil else {
                        throw ConfigurationError(path: path, location: entry.value.location,
                                                 message: "`lint.rules.\(description.id).severity` must be error, warning, info or off")
                    }
                    if text == "off" { off = true } else { severity = Severity(rawValue: text) }
                    continue
                }
                guard description.options.contains(where: { $0.name == entry.key }) else {
                    let names = description.options.map(\.name) + ["severity"]
                    let hint = closestMatch(entry.key, in: names).map { "; did you mean `\($0)`?" }
                        ?? " (options: \(names.joined(separator: ", ")))"
                    throw ConfigurationError(path: path, location: entry.keyLocation,
                                             message: "unknown option `\(entry.key)` for rule \(description.id) \(description.alias)\(hint)")
                }
                values[entry.key] = entry.value
            }
            let rule = try type.init(options: RuleOptions(ruleID: description.id, values: values, path: path,
                                                                  severities: configuration.severities, classification: configuration.classification))
            if !off { configured.append((rule, severity)) }
        }
        rules = configured
        disabledProblems = problems
        var codes = Set<String>()
        for type in all { codes.insert(type.description.id.lowercased()); codes.insert(type.description.alias) }
        for code in ProblemCode.allCases { codes.insert(code.rawValue.lowercased()); codes.insert(code.alias) }
        knownCodes = codes
    }
}
