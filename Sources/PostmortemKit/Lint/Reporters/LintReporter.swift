/// One output format of `pm lint`. Reporters are pure: the same report gives byte-identical text.
public protocol LintReporter {
    func render(_ report: LintReport) -> String
}

/// A reporter whose output is the findings one after another and then a closing part, so a run
/// can print each file's findings as soon as the file is done instead of keeping them all.
/// `render(report)` is `findings(report.findings) + end(summary: report.summary)`.
public protocol StreamingLintReporter: LintReporter {
    /// The lines for these findings (already in reporting order).
    func findings(_ findings: [Finding]) -> String
    /// What follows the last finding, given the run's summary line.
    func end(summary: String) -> String
}

extension StreamingLintReporter {
    public func render(_ report: LintReport) -> String {
        findings(report.findings) + end(summary: report.summary)
    }
}
