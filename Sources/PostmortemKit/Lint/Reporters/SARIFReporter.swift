import Foundation

/// SARIF 2.1.0, the static-analysis format GitHub code scanning and most CI dashboards read.
/// SARIF has no UTF-8 column kind, so byte columns are converted to Unicode code points
/// (`columnKind: unicodeCodePoints`) using each file's text. Written as the run goes: results come
/// before the rules table in the log (keys are sorted), and the table lists every rule, so nothing
/// written depends on files not yet read.
public struct SARIFReporter: StreamingLintReporter {
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
        /// GitHub code scanning requires it (`help.text`; `markdown` is shown where it can be).
        var help: Help
        var defaultConfiguration: Configuration
        var properties: Properties
    }
    struct Text: Encodable { var text: String }
    struct Help: Encodable { var text: String; var markdown: String }
    struct Configuration: Encodable { var level: String }
    struct Properties: Encodable { var tags: [String] }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var properties: ResultProperties?
        /// The other files the message names (``Finding/related``), which it links to by `id`.
        var relatedLocations: [Location]?
    }
    struct ResultProperties: Encodable { var suggestion: String }
    struct Location: Encodable {
        /// A related location's number, which the result's message links to: `[path](1)`.
        var id: Int? = nil
        var physicalLocation: PhysicalLocation
        /// What a related location is to the result.
        var message: Text? = nil
    }
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }
    struct ArtifactLocation: Encodable { var uri: String }
    struct Region: Encodable {
        var startLine: Int
        /// Nil for a whole line (a related location, whose file's columns pm has not read).
        var startColumn: Int?
        var endLine: Int? = nil
        var endColumn: Int? = nil
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// The rules table: every lint rule, then every reading problem, so a result's `ruleIndex`
    /// is known before the run has seen every file.
    var rules: [Rule] {
        RuleRegistry.all.map { type in
            let d = type.description
            let uri = rulesDocumentationURI + "#" + d.documentationAnchor
            return Rule(id: d.id, name: d.alias, shortDescription: Text(text: d.summary), fullDescription: Text(text: d.rationale),
                        helpUri: uri, help: Self.help(d.summary, d.rationale, uri),
                        defaultConfiguration: Configuration(level: Self.level(d.defaultSeverity)), properties: Properties(tags: [d.category.rawValue]))
        } + ProblemCode.allCases.map { code in
            let uri = readingProblemsURI
            return Rule(id: code.rawValue, name: code.alias, shortDescription: Text(text: "Reading problem: \(code.alias)"),
                        fullDescription: Text(text: code.summary), helpUri: uri,
                        help: Self.help(code.summary, "A reading problem: pm finds it while reading the document, before the lint rules run.", uri),
                        defaultConfiguration: Configuration(level: Self.level(code.defaultSeverity)), properties: Properties(tags: ["reading"]))
        }
    }

    /// Where reading problems are documented: docs/format.md beside ``rulesDocumentationURI``'s
    /// docs/rules.md (the URI itself when it names no rules.md).
    var readingProblemsURI: String {
        guard rulesDocumentationURI.hasSuffix("/rules.md") else { return rulesDocumentationURI }
        return String(rulesDocumentationURI.dropLast("rules.md".count)) + "format.md#reading-problems"
    }

    /// A rule's help: what it checks, why, and where it is documented.
    static func help(_ summary: String, _ rationale: String, _ uri: String) -> Help {
        Help(text: "\(summary)\n\n\(rationale)\n\nDocumentation: \(uri)", markdown: "\(summary)\n\n\(rationale)\n\n[Documentation](\(uri))")
    }

    /// Each rule's position in ``rules``.
    static let ruleIndex: [String: Int] = {
        let ids = RuleRegistry.all.map { $0.description.id } + ProblemCode.allCases.map(\.rawValue)
        return Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    /// The whole log with no results, as an array stream of them.
    var document: JSONArrayStream {
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: PostmortemKitVersion.string, informationUri: rulesDocumentationURI, rules: rules)),
                                 results: [])])
        return JSONArrayStream(emptyDocument: Self.encode(log) ?? "", key: "results", depth: 3)
    }

    /// How results are laid out (their indentation does not depend on the rules).
    static let layout = SARIFReporter().document

    static func encode<T: Encodable>(_ value: T) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { JSONOutput.escapingInvisibleControls(String(decoding: $0, as: UTF8.self)) }
    }

    public var header: String { document.header }

    public var needsSource: Bool { true }

    /// Code points of the decoded text, where an editor shows each invalid run as one U+FFFD.
    public var columnsAreFileBytes: Bool { false }

    /// One file's results. Byte columns become code point columns with the file's text; without
    /// it they stay bytes (exact for ASCII).
    public func elements(_ findings: [Finding], source: String?) -> [String] {
        let columns = CodePointColumns(findings.contains { $0.range != nil } ? Self.lines(source) : [])
        return findings.map { Self.layout.element(Self.encode(Self.result($0, columns: columns)) ?? "null") }
    }

    public func join(_ elements: [String], first: Bool) -> String { JSONArrayStream.join(elements, first: first) }

    /// A file's lines, as pm numbers them: "\n", "\r\n" and a lone "\r" each end one. The reader
    /// has already made every line end "\n"; the others matter for a source that did not go
    /// through it.
    ///
    /// Split on UTF-8 bytes, where a line ending is always the end of a scalar. Splitting the
    /// `String` on the `Character` "\n" broke the whole file into graphemes first: 35% of the
    /// instructions of `pm lint --format sarif`. It also never split at "\r\n", which is one
    /// `Character`.
    static func lines(_ source: String?) -> [Substring] {
        guard var source else { return [] }
        // Byte offsets first, on the contiguous bytes (indexing the UTF-8 view byte by byte cost
        // about 40 instructions a byte); then each line as a slice at those offsets.
        var bounds: [Range<Int>] = []
        source.withUTF8 { bytes in
            var start = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { continue }
                bounds.append(start..<(index - 1))
                if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                start = index
            }
            bounds.append(start..<bytes.count)
        }
        let utf8 = source.utf8
        return bounds.map { Substring(utf8[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)]) }
    }

    /// The result for `finding`, whose file has these `lines`.
    static func result(_ finding: Finding, lines: [Substring]) -> Result {
        result(finding, columns: CodePointColumns(lines))
    }

    /// Byte columns made code point columns, for the lines of one file: the same on an ASCII
    /// line; on any other, the column less the UTF-8 continuation bytes before it, counted by a
    /// binary search in their positions, found once per line. Counting them anew for each finding
    /// took time with the square of a line's findings: 40,000 findings on one 520 KB line took
    /// 81 s.
    final class CodePointColumns {
        private let lines: [Substring]
        /// The byte offsets of the continuation bytes of each line read so far.
        private var continuations: [Int: [Int32]] = [:]

        init(_ lines: [Substring]) { self.lines = lines }

        /// True when byte column `column` of `line` (both 1-based) is within the line and not a
        /// space or tab.
        func isCharacter(line: Int, byteColumn column: Int) -> Bool {
            guard line >= 1, line <= lines.count, column >= 1 else { return false }
            let utf8 = lines[line - 1].utf8
            guard column <= utf8.count else { return false }
            let byte = utf8[utf8.index(utf8.startIndex, offsetBy: column - 1)]
            return byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
        }

        /// The code point column of UTF-8 byte column `column` (1 or more) on `line` (1-based).
        /// Past the line's end, each byte counts as one.
        func column(line: Int, byteColumn column: Int) -> Int {
            guard line >= 1, line <= lines.count else { return column }
            let offsets: [Int32]
            if let known = continuations[line] {
                offsets = known
            } else {
                var found: [Int32] = []
                var offset: Int32 = 0
                for byte in lines[line - 1].utf8 {
                    if byte & 0xC0 == 0x80 { found.append(offset) }
                    offset += 1
                }
                continuations[line] = found
                offsets = found
            }
            // The continuation bytes before the column's byte.
            let limit = Int32(clamping: column - 1)
            var low = 0, high = offsets.count
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] < limit { low = middle + 1 } else { high = middle }
            }
            return column - low
        }
    }

    /// The result for `finding`, with its file's columns.
    static func result(_ finding: Finding, columns: CodePointColumns) -> Result {
        func codePointColumn(_ line: Int, _ column: Int) -> Int { columns.column(line: line, byteColumn: column) }
        var region: Region? = nil
        if let range = finding.range, range.start.line >= 1 {
            let sameLine = range.end.line == range.start.line
            let start = codePointColumn(range.start.line, max(1, range.start.column))
            // pm's end column is a byte of the last character, inclusive (its last byte for a
            // phrase and for cmark-gfm's blocks); SARIF's end is exclusive: the code point column
            // of the byte after it, which counts the last character's own continuation bytes.
            // Over several lines, only where the end is a character of its line (a phrase wrapped
            // across lines ends on its last word's last byte). cmark-gfm ends some blocks at
            // column 1 of the line after them, an empty line or indentation; there an end column
            // would mark a character the finding is not about, and the region runs to the end of
            // the line instead.
            let endsOnCharacter = sameLine ? range.end.column >= range.start.column
                : range.end.line > range.start.line && columns.isCharacter(line: range.end.line, byteColumn: range.end.column)
            let end = endsOnCharacter ? codePointColumn(range.end.line, range.end.column + 1) : nil
            region = Region(startLine: range.start.line, startColumn: start,
                            endLine: range.end.line >= range.start.line ? range.end.line : nil, endColumn: end)
        } else {
            // A finding about the whole file (empty, unreadable) is at its first line, as the text
            // format puts it at 1:1: GitHub code scanning requires a region's start line, and
            // gives a result without one no fingerprint (the integration audit of stop 50).
            region = Region(startLine: 1, startColumn: 1)
        }
        return Result(ruleId: finding.ruleID, ruleIndex: ruleIndex[finding.ruleID] ?? 0, level: level(finding.severity),
                      message: Text(text: messageText(finding)),
                      locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri(finding.path)), region: region))],
                      properties: finding.suggestion.map(ResultProperties.init),
                      relatedLocations: relatedLocations(finding))
    }

    /// The related locations of `finding`: the files its message names that code scanning can
    /// show, numbered from 1 in the message's order. A document read from stdin and a file
    /// outside the repository (whose path climbs out of it, or is absolute) are no files of the
    /// repository, and a link to them would lead nowhere (the review of stop 51: `<stdin>` had
    /// been `%3Cstdin%3E`); they stay words of the message.
    static func relatedLocations(_ finding: Finding) -> [Location]? {
        let ids = linkIDs(finding.related)
        let locations = zip(finding.related, ids).compactMap { file, id in
            // A whole line: the columns of a line of another file would need its text.
            id.map { Location(id: $0, physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri(file.path)),
                                                                         region: file.line.map { Region(startLine: $0) }),
                              message: Text(text: file.label)) }
        }
        return locations.isEmpty ? nil : locations
    }

    /// Each related file's link id, nil for one that is no file of the repository.
    static func linkIDs(_ related: [RelatedLocation]) -> [Int?] {
        var next = 0
        return related.map { file in
            let path = file.path
            guard path != "<stdin>", !path.hasPrefix("/"), !path.hasPrefix("../"), path != ".." else { return nil }
            next += 1
            return next
        }
    }

    /// A result's message. The suggestion is in it too: GitHub code scanning shows the message
    /// and ignores a result's other properties, so the reframing, pm's main advice, was not shown
    /// there. A file the message names is an embedded link to its related location,
    /// `[postmortems/a.md](1)`, which code scanning shows as a link to the file (SARIF 2.1.0
    /// §3.11.6; GitHub's "SARIF support for code scanning", `relatedLocations`). In every message
    /// `\`, `[` and `]` are escaped with `\`, as CodeQL writes them and as SARIF viewers read
    /// every plain-text message, so a bracket or backslash quoted from a document shows as
    /// written and makes no link (the review of stop 51: they had been escaped only in messages
    /// with links).
    static func messageText(_ finding: Finding) -> String {
        let ids = linkIDs(finding.related)
        let text = finding.message(writingFiles: { index, file in
            ids[index].map { "[" + escapingLinkCharacters(file.path) + "](\($0))" } ?? escapingLinkCharacters(file.path)
        }, words: escapingLinkCharacters) ?? escapingLinkCharacters(finding.message)
        return finding.suggestion.map { text + "\nSuggestion: " + escapingLinkCharacters($0) } ?? text
    }

    /// `text` with `\`, `[` and `]` escaped with a backslash, as plain text around (and in) an
    /// embedded link is written.
    static func escapingLinkCharacters(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text.unicodeScalars {
            if character == "\\" || character == "[" || character == "]" { out += "\\" }
            out.unicodeScalars.append(character)
        }
        return out
    }

    public func end(_ counts: LintCounts, empty: Bool) -> String { document.footer(empty: empty) + "\n" }

    /// A relative URI reference for a path: percent-encoded, `/` separators kept.
    static func uri(_ path: String) -> String {
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        // Most paths need no encoding: answered from the bytes, without Foundation (which was
        // 5% of a SARIF run, asked once per result).
        if trimmed.utf8.allSatisfy(isUnreservedASCII) { return trimmed }
        return trimmed.addingPercentEncoding(withAllowedCharacters: uriAllowed) ?? trimmed
    }

    /// What ``uri(_:)`` leaves as it is: alphanumerics, `-._~` and the separator `/`.
    static let uriAllowed: CharacterSet = {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return allowed
    }()

    /// An ASCII byte of ``uriAllowed``.
    static func isUnreservedASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): true
        default: false
        }
    }
}
