/// `pm lint --format json`: the findings and counts as one JSON document (snake_case keys, sorted),
/// documented in docs/lint.md. Written as the run goes: the findings come first in the document
/// (keys are sorted), the counts after them.
public struct JSONReporter: StreamingLintReporter {
    public init() {}

    struct Output: Encodable {
        var formatVersion = 1
        var findings: [Finding]
        var summary: LintCounts
    }

    /// The document with no findings and these counts, as an array stream.
    static func document(_ counts: LintCounts) -> JSONArrayStream {
        JSONArrayStream(emptyDocument: JSONOutput.encode(Output(findings: [], summary: counts)), key: "findings", depth: 1)
    }

    /// The parts that do not depend on the counts.
    static let layout = document(LintCounts())

    public var header: String { Self.layout.header }

    public func elements(_ findings: [Finding], source: String? = nil) -> [String] {
        findings.map { Self.layout.element(JSONOutput.encode($0)) }
    }

    public func join(_ elements: [String], first: Bool) -> String { JSONArrayStream.join(elements, first: first) }

    public func end(_ counts: LintCounts, empty: Bool) -> String { Self.document(counts).footer(empty: empty) + "\n" }
}
