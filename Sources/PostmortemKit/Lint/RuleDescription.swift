/// Everything a rule says about itself: the single source for `pm rules`, docs/rules.md and the
/// generic example test.
public struct RuleDescription: Sendable, Hashable {
    /// Stable id, `PM001`…; never reused for a different check.
    public var id: String
    /// Kebab-case alias, accepted wherever an id is (pm.yml, suppression comments).
    public var alias: String
    /// A short title.
    public var name: String
    /// One sentence: what the rule checks.
    public var summary: String
    /// Why the check matters for a postmortem.
    public var rationale: String
    public var category: RuleCategory
    public var defaultSeverity: Severity
    public var options: [RuleOption]
    /// Markdown documents that must trigger the rule. `↓` marks where each finding starts
    /// (line and UTF-8 column); the marker is removed before linting.
    ///
    /// Written when asked for (`pm rules`, docs/rules.md, the example tests), not when the
    /// description is: every run of `pm lint` reads each rule's description, and writing the
    /// examples' documents had been a tenth of the instructions of `pm lint` on one file.
    public var triggeringExamples: [String] {
        get { makeTriggeringExamples() }
        set { makeTriggeringExamples = { newValue } }
    }
    /// Markdown documents that must not trigger the rule (written when asked for, as
    /// ``triggeringExamples``).
    public var nonTriggeringExamples: [String] {
        get { makeNonTriggeringExamples() }
        set { makeNonTriggeringExamples = { newValue } }
    }
    private var makeTriggeringExamples: @Sendable () -> [String]
    private var makeNonTriggeringExamples: @Sendable () -> [String]
    /// True when the rule checks that values have been filled in (placeholders, empty fields);
    /// such rules do not run on templates.
    public var skipsTemplates: Bool

    public init(id: String, alias: String, name: String, summary: String, rationale: String, category: RuleCategory,
                defaultSeverity: Severity, options: [RuleOption] = [],
                triggeringExamples: @autoclosure @escaping @Sendable () -> [String],
                nonTriggeringExamples: @autoclosure @escaping @Sendable () -> [String], skipsTemplates: Bool = false) {
        self.id = id
        self.alias = alias
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.options = options
        self.makeTriggeringExamples = triggeringExamples
        self.makeNonTriggeringExamples = nonTriggeringExamples
        self.skipsTemplates = skipsTemplates
    }

    /// The marker for expected finding positions in examples.
    public static let marker: Character = "↓"

    /// The date examples are checked against (for overdue actions).
    public static let exampleToday = CalendarDate(year: 2026, month: 12, day: 1)!

    /// The anchor of this rule's section in docs/rules.md, which findings link to.
    public var documentationAnchor: String { "\(id.lowercased())-\(alias)" }

    /// Equal when every part is, the examples as written.
    public static func == (a: RuleDescription, b: RuleDescription) -> Bool {
        a.id == b.id && a.alias == b.alias && a.name == b.name && a.summary == b.summary && a.rationale == b.rationale
            && a.category == b.category && a.defaultSeverity == b.defaultSeverity && a.options == b.options
            && a.skipsTemplates == b.skipsTemplates && a.triggeringExamples == b.triggeringExamples
            && a.nonTriggeringExamples == b.nonTriggeringExamples
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(alias)
        hasher.combine(name)
        hasher.combine(summary)
        hasher.combine(rationale)
        hasher.combine(category)
        hasher.combine(defaultSeverity)
        hasher.combine(options)
        hasher.combine(skipsTemplates)
        hasher.combine(triggeringExamples)
        hasher.combine(nonTriggeringExamples)
    }
}
