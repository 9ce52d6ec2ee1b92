/// An option a rule reads from `lint.rules.<ID>` in pm.yml.
public struct RuleOption: Sendable, Hashable {
    /// The key under the rule's entry (`phrases`).
    public var name: String
    /// The default, as YAML would write it.
    public var defaultValue: String
    public var help: String

    public init(_ name: String, default defaultValue: String, help: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.help = help
    }
}
