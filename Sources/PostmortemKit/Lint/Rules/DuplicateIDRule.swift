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

    public func check(_ record: Postmortem, in corpus: CorpusIndex, fileExists: (String) -> Bool) -> [Violation] {
        guard let first = corpus.firstUse(ofID: record.id) else { return [] }
        // The other document is named as a file of its own, so that an output that writes paths
        // from the repository's root names it from there too. Its id is at the line of its `id`
        // key or, when it is the file's name, at line 1, as this finding is.
        let other = RelatedLocation(path: first.path, line: first.line ?? 1, label: "first use of the id")
        return [Violation(naming: "id `\(record.id)` is also used by \(other)",
                          at: record.frontMatter.range(of: "id") ?? SourceRange(line: 1),
                          suggestion: "give each postmortem its own id (the file name, by default)")]
    }
}
