/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, which the
/// runner turns into annotations on the pull request.
public struct GitHubReporter: StreamingLintReporter {
    public init() {}

    public func elements(_ findings: [Finding], source: String? = nil) -> [String] {
        findings.map { finding in
            let command: String
            switch finding.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var properties = ["file=\(Self.escapeProperty(finding.path))"]
            if let range = finding.range {
                properties.append("line=\(range.start.line)")
                properties.append("col=\(range.start.column)")
                if range.end.line >= range.start.line {
                    properties.append("endLine=\(range.end.line)")
                    if range.end.line == range.start.line, range.end.column >= range.start.column {
                        properties.append("endColumn=\(range.end.column)")
                    }
                }
            }
            properties.append("title=\(Self.escapeProperty("\(finding.ruleID) \(finding.alias)"))")
            var message = finding.message
            if let suggestion = finding.suggestion { message += "\nSuggestion: \(suggestion)" }
            return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
        }
    }

    /// The annotations of each kind GitHub shows for one step; the rest are in the log only
    /// (actions/toolkit, docs/problem-matchers.md, "Limitations").
    static let annotationsShown = 10

    /// Nothing, unless some kind has more findings than GitHub shows: then a line that says how
    /// many are in the log only. A new postmortem's annotations had gone unseen behind old
    /// documents' overdue actions without a word (the integration audit of stop 50). It is a
    /// notice while fewer notices than the limit came before it, and a plain log line otherwise,
    /// where a notice would be hidden itself.
    public func end(_ counts: LintCounts, empty: Bool) -> String {
        let limit = Self.annotationsShown
        let over = [(counts.errors, "error", "errors"), (counts.warnings, "warning", "warnings"), (counts.notes, "note", "notes")]
            .filter { $0.0 > limit }
        guard let last = over.last else { return "" }
        let hidden = over.map { "\($0.0 - limit) \($0.0 - limit == 1 ? $0.1 : $0.2)" }
        let list = hidden.count == 1 ? hidden[0] : hidden.dropLast().joined(separator: ", ") + " and " + hidden[hidden.count - 1]
        let verb = over.count == 1 && last.0 - limit == 1 ? "is" : "are"
        let message = "\(counts.summary): GitHub shows \(limit) annotations of each kind a step, so \(list) \(verb) in this step's log only"
            + " (upload --format sarif to code scanning to see them all)"
        guard counts.notes < limit else { return "pm lint: " + message + "\n" }
        return "::notice title=\(Self.escapeProperty("pm lint"))::\(Self.escapeData(message))\n"
    }

    /// The runner's escaping for a command's message.
    static func escapeData(_ text: String) -> String { escape(text, reserved: Self.dataBytes) }

    /// The runner's escaping for property values, which also reserve `:` and `,`.
    static func escapeProperty(_ text: String) -> String { escape(text, reserved: Self.propertyBytes) }

    static let dataBytes: [UInt8] = Array("%\r\n".utf8)
    static let propertyBytes: [UInt8] = Array("%\r\n:,".utf8)

    /// `text` with each of the `reserved` bytes (all ASCII, so never part of a longer
    /// character) written as `%XX`. On the UTF-8 bytes: Foundation's `replacingOccurrences`, eight
    /// times a finding, had made this format three times slower than the others.
    static func escape(_ text: String, reserved: [UInt8]) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: reserved.contains) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            if reserved.contains(byte) {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
