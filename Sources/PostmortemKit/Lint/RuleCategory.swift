/// What part of a postmortem a rule looks at; groups the rules in `pm rules` and the docs.
public enum RuleCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case frontMatter = "front-matter"
    case structure
    case time
    case impact
    case factors
    case actions
    case language
    case links
    case suppressions

    /// The heading used in docs/rules.md.
    public var title: String {
        switch self {
        case .frontMatter: "Front matter"
        case .structure: "Structure and placeholders"
        case .time: "Time"
        case .impact: "Impact"
        case .factors: "Contributing factors"
        case .actions: "Follow-up actions"
        case .language: "Blameless language"
        case .links: "Links and the corpus"
        case .suppressions: "Suppressions"
        }
    }
}
