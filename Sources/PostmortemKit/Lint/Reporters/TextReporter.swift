/// Compiler-style lines, `path:line:col: warning: message [PM012 blame-language]`, each followed by
/// its suggestion, then a summary line. Editors and terminals turn `path:line:col` into links.
public struct TextReporter: StreamingLintReporter {
    /// ANSI colour for the severity and the path; the caller decides (terminal, `NO_COLOR`).
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func elements(_ findings: [Finding], source: String? = nil) -> [String] {
        findings.map { finding in
            let location = finding.range.map { "\(finding.path):\($0.start.line):\($0.start.column)" } ?? finding.path
            let label: String
            switch finding.severity {
            case .error: label = paint("error", "1;31")
            case .warning: label = paint("warning", "1;33")
            case .info: label = paint("note", "1;36")
            }
            var out = "\(paint(location, "1")): \(label): \(finding.message) \(paint("[\(finding.ruleID) \(finding.alias)]", "2"))\n"
            if let suggestion = finding.suggestion {
                out += "    \(paint("suggestion:", "32")) \(suggestion)\n"
            }
            return out
        }
    }

    /// The summary line.
    public func end(_ counts: LintCounts, empty: Bool) -> String { counts.summary + "\n" }

    func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
