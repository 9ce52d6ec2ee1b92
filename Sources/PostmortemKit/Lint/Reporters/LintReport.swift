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

    /// How many findings have this severity.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// "2 errors, 1 warning, 0 notes in 27 files".
    public var summary: String {
        Self.summary(errors: count(.error), warnings: count(.warning), notes: count(.info), files: fileCount)
    }

    /// The summary line for these counts, for a run that printed its findings as it went.
    public static func summary(errors: Int, warnings: Int, notes: Int, files: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning")), \(plural(notes, "note")) in \(plural(files, "file"))"
    }
}
