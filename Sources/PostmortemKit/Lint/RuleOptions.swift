/// A rule's options from `lint.rules.<ID>` in pm.yml, with typed accessors that turn a wrong type
/// into a ``ConfigurationError`` naming the key and its line.
public struct RuleOptions: Sendable {
    /// The rule's mapping, without `severity` (which the linter reads).
    public var values: [String: YAMLValue]
    /// The rule id, for messages.
    public var ruleID: String
    /// The configuration file path, for messages.
    public var path: String
    /// pm.yml's severities, for options keyed by severity (PM010's `required`); nil when not known.
    public var severities: [String]?
    /// pm.yml's cause taxonomy, when its `classification:` section sets one (PM041 infers
    /// categories with it); nil for the built-in one.
    public var classification: ClassificationSettings?

    public init(ruleID: String, values: [String: YAMLValue] = [:], path: String = "pm.yml", severities: [String]? = nil,
                classification: ClassificationSettings? = nil) {
        self.ruleID = ruleID
        self.values = values
        self.path = path
        self.severities = severities
        self.classification = classification
    }

    /// The `count` most severe of pm.yml's severities (of the built-in SEV1–SEV4 when not known).
    /// The options that name severities (PM010's `required`, PM040's `several_for`, PM050's
    /// `severities`) default to places on the scale, so that a scale of pm.yml's own (`[critical,
    /// major, minor]`) gets the defaults SEV1 to SEV3 get; written as `SEV1`, they had never
    /// applied to it.
    public func mostSevere(_ count: Int) -> [String] {
        Array((severities ?? Configuration.default.severities).prefix(count))
    }

    func error(_ key: String, _ expected: String, _ value: YAMLValue) -> ConfigurationError {
        ConfigurationError(path: path, location: value.location,
                           message: "`lint.rules.\(ruleID).\(key)` must be \(expected), not \(value.typeDescription)")
    }

    /// A list of strings, or `defaultValue` when the option is absent.
    public func strings(_ key: String, default defaultValue: [String]) throws(ConfigurationError) -> [String] {
        guard let value = values[key] else { return defaultValue }
        guard let items = value.items else { throw error(key, "a list of strings", value) }
        var result: [String] = []
        for item in items {
            guard let s = item.string else { throw error(key, "a list of strings", item) }
            result.append(s)
        }
        return result
    }

    /// A number from 0 to `maximum`, or `defaultValue` when absent. The rules turn these into
    /// whole seconds and days, so a bound keeps `1e19` from overflowing them (it had stopped
    /// pm with SIGILL).
    public func number(_ key: String, default defaultValue: Double, maximum: Double) throws(ConfigurationError) -> Double {
        guard let value = values[key] else { return defaultValue }
        guard let n = value.number else { throw error(key, "a number", value) }
        guard n.isFinite, n >= 0, n <= maximum else {
            throw ConfigurationError(path: path, location: value.location,
                                     message: "`lint.rules.\(ruleID).\(key)` must be a number from 0 to \(DecimalText.format(maximum, maximumFractionDigits: 0)), not \(value.string ?? "")")
        }
        return n
    }

    /// A boolean, or `defaultValue` when absent.
    public func bool(_ key: String, default defaultValue: Bool) throws(ConfigurationError) -> Bool {
        guard let value = values[key] else { return defaultValue }
        guard let b = value.bool else { throw error(key, "true or false", value) }
        return b
    }

    /// A mapping of string keys to lists of strings (`required` sections per severity).
    public func stringLists(_ key: String, default defaultValue: [String: [String]]) throws(ConfigurationError) -> [String: [String]] {
        guard let value = values[key] else { return defaultValue }
        guard let entries = value.entries else { throw error(key, "a mapping of names to lists", value) }
        var result: [String: [String]] = [:]
        for entry in entries {
            guard let items = entry.value.items else { throw error("\(key).\(entry.key)", "a list of strings", entry.value) }
            var list: [String] = []
            for item in items {
                guard let s = item.string else { throw error("\(key).\(entry.key)", "a list of strings", item) }
                list.append(s)
            }
            result[entry.key] = list
        }
        return result
    }
}
