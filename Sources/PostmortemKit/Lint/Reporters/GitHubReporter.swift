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

    /// Workflow commands need no closing line.
    public func end(_ counts: LintCounts, empty: Bool) -> String { "" }

    /// The runner's escaping for a command's message.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// The runner's escaping for property values, which also reserve `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

import Foundation
