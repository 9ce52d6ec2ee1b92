/// The outcome of one `pm lint` run: every finding, in reporting order, and how many files were read.
public struct LintReport: Sendable {
    /// Every finding of the run, in ``Finding/reportingOrder(_:_:)``.
    public var findings: [Finding]
    /// How many documents were read (including ones that could not be read).
    public var fileCount: Int
    /// The source text per path, when a reporter needs it: SARIF counts columns in Unicode code
    /// points, pm in UTF-8 bytes. Without it, columns are reported as bytes (exact for ASCII).
    public var sources: [String: String]

    public init(findings: [Finding], fileCount: Int, sources: [String: String] = [:]) {
        self.findings = findings.sorted(by: Finding.reportingOrder)
        self.fileCount = fileCount
        self.sources = sources
    }

    /// The run's counts.
    public var counts: LintCounts {
        var counts = LintCounts(files: fileCount)
        counts.add(findings)
        return counts
    }

    /// "2 errors, 1 warning, 0 notes in 27 files".
    public var summary: String { counts.summary }
}

/// How many findings of each severity a run made, in how many files; JSON output's `summary`.
public struct LintCounts: Sendable, Hashable, Encodable {
    public var errors = 0
    public var warnings = 0
    public var notes = 0
    public var files: Int

    public init(files: Int = 0) { self.files = files }

    /// Counts these findings by severity.
    public mutating func add(_ findings: [Finding]) {
        for finding in findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: notes += 1
            }
        }
    }

    /// "2 errors, 1 warning, 0 notes in 27 files".
    public var summary: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning")), \(plural(notes, "note")) in \(plural(files, "file"))"
    }
}
