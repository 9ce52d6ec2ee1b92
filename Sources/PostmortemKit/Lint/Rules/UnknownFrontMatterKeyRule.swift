/// PM003: front matter keys are ones the format defines.
public struct UnknownFrontMatterKeyRule: LintRule {
    public static let description = RuleDescription(
        id: "PM003", alias: "unknown-front-matter-key", name: "Unknown front matter key",
        summary: "Every front matter key is one the format defines; near misses get a \"did you mean\".",
        rationale: "`severty: SEV1` is read as no severity at all; a typo in a key is only caught by looking for it.",
        category: .frontMatter, defaultSeverity: .warning,
        options: [RuleOption("allow", default: "[]", help: "Extra keys your team uses and pm should accept.")],
        triggeringExamples: [
            RuleExamples.document(frontMatter: ["severty: SEV1"]).replacingBytes(of: "severty:", with: "↓severty:"),
        ],
        nonTriggeringExamples: [RuleExamples.document(frontMatter: ["timezone: Europe/Berlin"])]
    )

    let allowed: Set<String>

    public init(options: RuleOptions) throws(ConfigurationError) {
        allowed = Set(try options.strings("allow", default: []))
    }

    public func check(_ context: LintContext) -> [Violation] {
        let known = FrontMatterReader.knownKeys
        return context.postmortem.frontMatter.keys.compactMap { key in
            guard !known.contains(key.name), !allowed.contains(key.name) else { return nil }
            let hint = closestMatch(key.name, in: known)
            return Violation("unknown front matter key `\(key.name)`" + (hint.map { "; did you mean `\($0)`?" } ?? ""),
                             at: key.range, suggestion: hint.map { "rename it to `\($0)`" } ?? "remove it, or add it to `lint.rules.PM003.allow` in pm.yml")
        }
    }
}
