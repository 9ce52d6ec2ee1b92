/// `pm lint --format json`: the findings and counts as one JSON document (snake_case keys, sorted),
/// documented in docs/lint.md.
public struct JSONReporter: LintReporter {
    public init() {}

    struct Output: Encodable {
        var formatVersion = 1
        var findings: [Finding]
        var summary: Summary
    }

    struct Summary: Encodable {
        var files: Int
        var errors: Int
        var warnings: Int
        var notes: Int
    }

    public func render(_ report: LintReport) -> String {
        JSONOutput.encode(Output(findings: report.findings,
                                 summary: Summary(files: report.fileCount, errors: report.count(.error),
                                                  warnings: report.count(.warning), notes: report.count(.info)))) + "\n"
    }
}
