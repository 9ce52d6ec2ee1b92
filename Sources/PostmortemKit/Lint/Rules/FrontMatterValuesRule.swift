/// PM002: enumerated front matter values are ones pm knows.
public struct FrontMatterValuesRule: LintRule {
    public static let description = RuleDescription(
        id: "PM002", alias: "front-matter-values", name: "Front matter values",
        summary: "`status`, `severity`, impact SLO ids and `causes` use values defined by the format or pm.yml.",
        rationale: "A severity of `Sev-2` or an SLO id with a typo silently drops the incident from budgets and reports.",
        category: .frontMatter, defaultSeverity: .error,
        options: [RuleOption("statuses", default: "[draft, in-review, published]", help: "The allowed `status` values.")],
        triggeringExamples: [
            RuleExamples.document(frontMatter: ["severity: SEV-2"]).replacingBytes(of: "severity: SEV-2", with: "severity: ↓SEV-2"),
            RuleExamples.document(frontMatter: ["status: done"]).replacingBytes(of: "status: done", with: "status: ↓done"),
            RuleExamples.document().replacingBytes(of: "  - slo: checkout-availability", with: "  - ↓slo: checkout-availabilty"),
            RuleExamples.document(frontMatter: ["causes: [config, cosmic-rays]"]).replacingBytes(of: "causes:", with: "causes: ↓"),
        ].map { $0.replacingBytes(of: "causes: ↓ ", with: "causes: ↓") },
        nonTriggeringExamples: [RuleExamples.document(), RuleExamples.document(frontMatter: ["status: in-review", "severity: sev4"])]
    )

    let statuses: [String]

    public init(options: RuleOptions) throws(ConfigurationError) {
        statuses = try options.strings("statuses", default: ["draft", "in-review", "published"])
    }

    public func check(_ context: LintContext) -> [Violation] {
        let record = context.postmortem
        var result: [Violation] = []
        func hint(_ value: String, _ options: [String]) -> String {
            closestMatch(value, in: options).map { "; did you mean `\($0)`?" } ?? " (one of: \(options.joined(separator: ", ")))"
        }
        func valueRange(_ key: String) -> SourceRange? {
            guard let key = context.frontMatterRange(key) else { return nil }
            let line = context.text.lines.indices.contains(key.start.line - 1) ? context.text.lines[key.start.line - 1] : []
            // Point at the value after `key: `.
            if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                var i = colon + 1
                while i < line.count, line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") { i += 1 }
                if i < line.count { return SourceRange(start: SourceLocation(line: key.start.line, column: i + 1), end: SourceLocation(line: key.start.line, column: line.count)) }
            }
            return key
        }
        if let status = record.status, !statuses.contains(status) {
            result.append(Violation("`status: \(status)` is not a status\(hint(status, statuses))", at: valueRange("status")))
        }
        if let severity = record.severity, context.severityRank == nil {
            let scale = context.configuration.severities
            result.append(Violation("`severity: \(severity)` is not on the severity scale\(hint(severity, scale))", at: valueRange("severity")))
        }
        let sloIDs = context.configuration.slos.map(\.id)
        for impact in record.impact where context.configuration.slo(impact.slo) == nil {
            // Without a pm.yml (an editor linting a file outside the repository, or a run from
            // another directory), say that, rather than that pm.yml has no SLOs.
            let message = context.configuration.path == nil
                ? "impact names SLO `\(impact.slo)`, but no pm.yml was found to define SLOs"
                : sloIDs.isEmpty ? "impact names SLO `\(impact.slo)`, but pm.yml defines no SLOs"
                                         : "impact names SLO `\(impact.slo)`, which pm.yml does not define\(hint(impact.slo, sloIDs))"
            result.append(Violation(message, at: impact.range ?? context.frontMatterRange("impact")))
        }
        if let causes = record.causes {
            let known = context.configuration.causeCategoryIDs
            for cause in causes where !known.contains(cause) {
                // A factor's label names a category too (`**Configuration:**` is `config`); so
                // does the same word in `causes`, though only the id is read there.
                let synonym = FactorExtractor.labelSynonyms[cause].flatMap { known.contains($0) ? "; as a factor's label it names `\($0)`" : nil }
                result.append(Violation("`causes` lists `\(cause)`, which is not a cause category\(synonym ?? hint(cause, known))", at: valueRange("causes")))
            }
        }
        return result
    }
}

import Foundation
