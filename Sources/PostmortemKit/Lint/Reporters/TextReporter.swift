/// Compiler-style lines, `path:line:col: warning: message [PM012 blame-language]`, each followed by
/// its suggestion, then a summary line. Editors and terminals turn `path:line:col` into links; a
/// finding about the whole file is at `1:1`.
public struct TextReporter: StreamingLintReporter {
    /// ANSI colour for the severity and the path; the caller decides (terminal, `NO_COLOR`).
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func elements(_ findings: [Finding], source: String? = nil) -> [String] {
        findings.map { finding in
            let label: String
            switch finding.severity {
            case .error: label = paint("error", "1;31")
            case .warning: label = paint("warning", "1;33")
            case .info: label = paint("note", "1;36")
            }
            // Appended piece by piece into one buffer of the right size: a finding's line used to
            // be several interpolated strings, and the lines of 10,000 documents add up.
            var out = ""
            out.reserveCapacity(finding.path.utf8.count + finding.message.utf8.count + (finding.suggestion?.utf8.count ?? 0) + 96)
            if colour { out += "\u{1B}[1m" }
            out += finding.path
            // A finding about the whole file (unreadable, empty, a duplicate id) is put at 1:1:
            // editors and problem matchers read `path:line:col:` and drop a line without them.
            let start = finding.range?.start
            out += ":"
            out += String(start?.line ?? 1)
            out += ":"
            out += String(start?.column ?? 1)
            if colour { out += "\u{1B}[0m" }
            out += ": "
            out += label
            out += ": "
            out += finding.message
            out += " "
            out += paint("[" + finding.ruleID + " " + finding.alias + "]", "2")
            out += "\n"
            if let suggestion = finding.suggestion {
                out += "    "
                out += paint("suggestion:", "32")
                out += " "
                out += suggestion
                out += "\n"
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
