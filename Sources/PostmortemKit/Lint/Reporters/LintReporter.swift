/// One output format of `pm lint`. Reporters are pure: the same report gives byte-identical text.
public protocol LintReporter {
    func render(_ report: LintReport) -> String
}

/// A reporter whose output is an opening part, the findings file by file, and a closing part,
/// so a run can write each file's findings as soon as the file is done instead of keeping them
/// all (every format of `pm lint` is one). ``LintReporter/render(_:)`` is `header`, then
/// `findings(_:source:first:)` for each path's findings in reporting order, then
/// `end(_:empty:)`.
///
/// `findings(_:source:first:)` is `join(elements(_:source:), first:)`: a run makes the elements
/// on the thread that linted the file, and only joins them in order.
public protocol StreamingLintReporter: LintReporter, Sendable {
    /// What comes before the first finding.
    var header: String { get }
    /// One file's findings as this format writes each of them, without what separates one from
    /// the one before. `source` is the file's text when the reporter needs it (see
    /// ``needsSource``). Pure: it can run on any thread.
    func elements(_ findings: [Finding], source: String?) -> [String]
    /// Elements in the order they are written; `first` is true when no finding was written
    /// before them. Concatenation unless a format separates its elements.
    func join(_ elements: [String], first: Bool) -> String
    /// What follows the last finding; `empty` is true when the run wrote no finding.
    func end(_ counts: LintCounts, empty: Bool) -> String
    /// True when `elements(_:source:)` reads the file's text (SARIF counts columns in code
    /// points, pm in bytes); otherwise a run need not keep it.
    var needsSource: Bool { get }
    /// True when the format gives byte columns of the file (then findings of a file with invalid
    /// UTF-8 are converted with ``ReadDocument/fileColumns(_:)``); false when it counts in the
    /// decoded text, as SARIF's code points do.
    var columnsAreFileBytes: Bool { get }
}

extension StreamingLintReporter {
    public var header: String { "" }
    public var needsSource: Bool { false }
    public var columnsAreFileBytes: Bool { true }
    public func join(_ elements: [String], first: Bool) -> String { elements.joined() }

    /// One file's findings, in reporting order, as they are written.
    public func findings(_ findings: [Finding], source: String?, first: Bool) -> String {
        join(elements(findings, source: source), first: first)
    }

    public func render(_ report: LintReport) -> String {
        var out = header
        var start = report.findings.startIndex
        while start < report.findings.endIndex {
            let path = report.findings[start].path
            let end = report.findings[start...].firstIndex { $0.path != path } ?? report.findings.endIndex
            out += findings(Array(report.findings[start..<end]), source: report.sources[path], first: start == report.findings.startIndex)
            start = end
        }
        return out + end(report.counts, empty: report.findings.isEmpty)
    }
}
