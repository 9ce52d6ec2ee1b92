/// PM040: contributing factors are listed, more than one for severe incidents.
public struct ContributingFactorsRule: LintRule {
    public static let description = RuleDescription(
        id: "PM040", alias: "contributing-factors", name: "Contributing factors",
        summary: "At least one contributing factor; for the most severe incidents, more than one (a single \"root cause\" is noted).",
        rationale: "Serious incidents almost never have one cause: a single root cause usually means the analysis stopped at the first answer.",
        category: .factors, defaultSeverity: .error,
        options: [RuleOption("several_for", default: "[SEV1, SEV2]", help: "Severities that should list more than one factor (reported as info). By default the two most severe of pm.yml's `severities`.")],
        triggeringExamples: [
            "↓" + RuleExamples.frontMatter() + RuleExamples.body().replacingBytes(of: "## Contributing factors", with: "## Notes"),
            RuleExamples.frontMatter() + RuleExamples.body(["Contributing factors": "- **Config:** The proxy accepted an empty pool."])
                .replacingBytes(of: "## Contributing factors", with: "↓## Contributing factors"),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(frontMatter: ["severity: SEV3"], sections: ["Contributing factors": "- **Config:** The proxy accepted an empty pool."]),
        ]
    )

    let several: Set<String>

    public init(options: RuleOptions) throws(ConfigurationError) {
        several = Set(try options.strings("several_for", default: options.mostSevere(2)).map { $0.uppercased() })
    }

    public func check(_ context: LintContext) -> [Violation] {
        let r = context.postmortem
        let section = r.sections.first { $0.kind == .factors } ?? r.sections.first { $0.kind == .trigger }
        let at = section.map { SourceRange(start: $0.range.start, end: $0.range.start) }
            ?? r.frontMatter.range.map { SourceRange(start: $0.start, end: $0.start) } ?? SourceRange(line: 1)
        if r.factors.isEmpty {
            return [Violation("no contributing factors are listed", at: at,
                              suggestion: "add a \"Contributing factors\" section with one item per condition, each starting with a **Category:** label")]
        }
        if r.factors.count == 1, let severity = r.severity?.uppercased(), several.contains(severity) {
            return [Violation("a \(context.configuration.severityName(severity)) postmortem with a single contributing factor: serious incidents rarely have one root cause", at: at,
                              suggestion: "ask what else had to be true: why the trigger was possible, why detection took as long as it did, why recovery was not faster",
                              severity: .info)]
        }
        return []
    }
}
