/// PM001: the front matter fields every postmortem needs are present and filled in.
public struct FrontMatterRequiredRule: LintRule {
    public static let description = RuleDescription(
        id: "PM001", alias: "front-matter-required", name: "Required front matter",
        summary: "The front matter has every required field, each with a value.",
        rationale: "Reports, budgets and searches read the front matter, not the prose: a postmortem without its severity, services or times is invisible to them.",
        category: .frontMatter, defaultSeverity: .error,
        options: [RuleOption("required", default: "[title, status, severity, services, authors, started, detected, mitigated, resolved]",
                             help: "The keys that must be present and non-empty. In templates, empty values are allowed; missing keys are not.")],
        triggeringExamples: [
            "↓# Checkout returned 502s\n\nNo front matter at all.\n",
            "↓" + RuleExamples.document(removing: ["severity"]),
            RuleExamples.document().replacingBytes(of: "services: [checkout-api]", with: "↓services: []"),
        ],
        nonTriggeringExamples: [RuleExamples.document()]
    )

    let required: [String]

    public init(options: RuleOptions) throws(ConfigurationError) {
        required = try options.strings("required", default: ["title", "status", "severity", "services", "authors",
                                                             "started", "detected", "mitigated", "resolved"])
    }

    public func check(_ context: LintContext) -> [Violation] {
        let record = context.postmortem
        guard let block = record.frontMatter.range else {
            if record.problems.contains(where: { $0.code == .unclosedFrontMatter || $0.code == .empty || $0.code == .binary || $0.code == .unreadable }) { return [] }
            // Hugo's TOML front matter (`+++`) is a block pm does not read: say so, not that there is none.
            if let first = context.text.lines.first, String(decoding: first, as: UTF8.self).trimmingWhitespace() == "+++" {
                return [Violation("the document's front matter is TOML (`+++`), which pm does not read; pm needs \(required.joined(separator: ", ")) in YAML",
                                  at: SourceRange(line: 1), suggestion: "write the front matter as YAML between `---` lines (Hugo reads YAML front matter too)")]
            }
            return [Violation("the document has no front matter; pm needs \(required.joined(separator: ", "))",
                              at: SourceRange(line: 1), suggestion: "start the file with a `---` block; see docs/format.md or `pm new`")]
        }
        // Front matter that could not be read at all is reported once, as a reading problem.
        if record.problems.contains(where: { $0.code == .invalidYAML || $0.code == .frontMatterNotMapping }) { return [] }
        var result: [Violation] = []
        let missing = required.filter { record.frontMatter.range(of: $0) == nil }
        if !missing.isEmpty {
            let list = missing.map { "`\($0)`" }.joined(separator: ", ")
            result.append(Violation("front matter is missing \(list)", at: SourceRange(start: block.start, end: block.start)))
        }
        guard !context.isTemplate else { return result }
        let problemLines = Set(record.problems.compactMap { $0.range?.start.line })
        for key in required {
            guard let range = record.frontMatter.range(of: key), !problemLines.contains(range.start.line) else { continue }
            if !Self.isFilled(key, record) {
                result.append(Violation("`\(key)` is empty", at: range))
            }
        }
        return result
    }

    static func isFilled(_ key: String, _ record: Postmortem) -> Bool {
        switch key {
        case "title": return !(record.title ?? "").isEmpty
        case "status": return record.status != nil
        case "severity": return record.severity != nil
        case "services": return !record.services.isEmpty
        case "authors": return !record.authors.isEmpty
        case "started": return record.started != nil
        case "detected": return record.detected != nil
        case "mitigated": return record.mitigated != nil
        case "resolved": return record.resolved != nil
        case "impact": return record.impact.contains(where: \.isCountable)
        case "causes": return !(record.causes ?? []).isEmpty
        case "timezone": return record.timezone != nil
        default: return true
        }
    }
}

import Foundation
