/// PM061: postmortem ids are unique across the corpus.
public struct DuplicateIDRule: CorpusLintRule {
    public static let description = RuleDescription(
        id: "PM061", alias: "duplicate-id", name: "Duplicate id",
        summary: "No two postmortems share an `id`.",
        rationale: "Reports, links and budgets key incidents by id; a duplicate counts one incident twice or hides one.",
        category: .links, defaultSeverity: .error,
        triggeringExamples: [],
        nonTriggeringExamples: [RuleExamples.document()]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {}

    public func checkCorpus(_ records: [Postmortem], fileExists: (String) -> Bool) -> [(path: String, violation: Violation)] {
        var firstPath: [String: String] = [:]
        var result: [(path: String, violation: Violation)] = []
        for record in records {
            if let other = firstPath[record.id] {
                result.append((record.path, Violation("id `\(record.id)` is also used by \(other)",
                                                      at: record.frontMatter.range(of: "id") ?? SourceRange(line: 1),
                                                      suggestion: "give each postmortem its own id (the file name, by default)")))
            } else {
                firstPath[record.id] = record.path
            }
        }
        return result
    }
}
