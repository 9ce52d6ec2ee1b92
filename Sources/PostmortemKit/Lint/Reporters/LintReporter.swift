/// One output format of `pm lint`. Reporters are pure: the same report gives byte-identical text.
public protocol LintReporter {
    func render(_ report: LintReport) -> String
}
