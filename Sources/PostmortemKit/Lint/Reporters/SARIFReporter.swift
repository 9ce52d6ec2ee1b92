import Foundation

/// SARIF 2.1.0, the static-analysis format GitHub code scanning and most CI dashboards read.
/// SARIF has no UTF-8 column kind, so byte columns are converted to Unicode code points
/// (`columnKind: unicodeCodePoints`) using the report's sources.
public struct SARIFReporter: LintReporter {
    /// Where findings link to: docs/rules.md in the project's repository.
    public var rulesDocumentationURI: String

    public init(rulesDocumentationURI: String = "https://github.com/larkspur-grocers/pm/blob/main/docs/rules.md") {
        self.rulesDocumentationURI = rulesDocumentationURI
    }

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name = "pm"
        var version: String
        var informationUri: String
        var rules: [Rule]
    }
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var helpUri: String?
        var defaultConfiguration: Configuration
        var properties: Properties
    }
    struct Text: Encodable { var text: String }
    struct Configuration: Encodable { var level: String }
    struct Properties: Encodable { var tags: [String] }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var properties: ResultProperties?
    }
    struct ResultProperties: Encodable { var suggestion: String }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }
    struct ArtifactLocation: Encodable { var uri: String }
    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int?
        var endColumn: Int?
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    public func render(_ report: LintReport) -> String {
        // The rules table lists every lint rule, then the reading problems that occur.
        var rules: [Rule] = RuleRegistry.all.map { type in
            let d = type.description
            return Rule(id: d.id, name: d.alias, shortDescription: Text(text: d.summary), fullDescription: Text(text: d.rationale),
                        helpUri: rulesDocumentationURI + "#" + d.documentationAnchor,
                        defaultConfiguration: Configuration(level: Self.level(d.defaultSeverity)), properties: Properties(tags: [d.category.rawValue]))
        }
        let usedProblems = Set(report.findings.map(\.ruleID))
        for code in ProblemCode.allCases where usedProblems.contains(code.rawValue) {
            rules.append(Rule(id: code.rawValue, name: code.alias, shortDescription: Text(text: "Reading problem: \(code.alias)"),
                              fullDescription: Text(text: "A problem found while reading the document (see docs/format.md)."), helpUri: nil,
                              defaultConfiguration: Configuration(level: Self.level(code.defaultSeverity)), properties: Properties(tags: ["reading"])))
        }
        var index: [String: Int] = [:]
        for (i, rule) in rules.enumerated() { index[rule.id] = i }
        var lineCache: [String: [Substring]] = [:]
        func lines(_ path: String) -> [Substring] {
            if let cached = lineCache[path] { return cached }
            let split = report.sources[path].map { $0.split(separator: "\n", omittingEmptySubsequences: false) } ?? []
            lineCache[path] = split
            return split
        }
        /// The code point column of UTF-8 byte column `column` on `line`.
        func codePointColumn(_ path: String, _ line: Int, _ column: Int) -> Int {
            let text = lines(path)
            guard line >= 1, line <= text.count else { return column }
            let bytes = Array(text[line - 1].utf8)
            let prefix = bytes.prefix(max(0, column - 1))
            // Count bytes that start a scalar (not UTF-8 continuation bytes).
            return prefix.filter { $0 & 0xC0 != 0x80 }.count + max(0, column - 1 - bytes.count) + 1
        }
        let results = report.findings.map { finding in
            var region: Region? = nil
            if let range = finding.range, range.start.line >= 1 {
                let sameLine = range.end.line == range.start.line
                let start = codePointColumn(finding.path, range.start.line, max(1, range.start.column))
                // pm's end column is the first byte of the last character (inclusive); SARIF's is exclusive.
                let end = sameLine && range.end.column >= range.start.column
                    ? codePointColumn(finding.path, range.end.line, range.end.column) + 1 : nil
                region = Region(startLine: range.start.line, startColumn: start,
                                endLine: range.end.line >= range.start.line ? range.end.line : nil, endColumn: end)
            }
            return Result(ruleId: finding.ruleID, ruleIndex: index[finding.ruleID] ?? 0, level: Self.level(finding.severity),
                          message: Text(text: finding.message),
                          locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: Self.uri(finding.path)), region: region))],
                          properties: finding.suggestion.map(ResultProperties.init))
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: PostmortemKitVersion.string, informationUri: rulesDocumentationURI, rules: rules)),
                                 results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The source text SARIF's code-point columns need, gathered file by file as a run lints:
    /// for each path, only the lines its findings point at, every other line emptied. A run keeps
    /// this instead of every file's whole text; `render` gives the same output with either.
    public struct ColumnSources: Sendable {
        /// By path, for ``LintReport/sources``.
        public private(set) var sources: [String: String] = [:]
        /// By path, the lines (1-based) kept in ``sources``.
        private var lines: [String: Set<Int>] = [:]

        public init() {}

        /// Adds one file's findings and text. A path added twice (stdin named as a file) keeps its
        /// last text, as whole sources would, with the lines of every finding under that path.
        public mutating func add(_ source: String, path: String, findings: [Finding]) {
            var needed = lines[path] ?? []
            for finding in findings {
                guard let range = finding.range else { continue }
                needed.insert(range.start.line)
                needed.insert(range.end.line)
            }
            guard !needed.isEmpty else { return }
            lines[path] = needed
            // Split as `render` splits, so line numbers agree.
            let split = source.split(separator: "\n", omittingEmptySubsequences: false)
            sources[path] = split.indices.map { needed.contains($0 + 1) ? String(split[$0]) : "" }.joined(separator: "\n")
        }
    }

    /// A relative URI reference for a path: percent-encoded, `/` separators kept.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
    }
}
