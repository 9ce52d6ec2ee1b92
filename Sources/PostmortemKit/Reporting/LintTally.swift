/// A document's lint findings counted by rule, severity and file: what the index's lint-health
/// section reads. The streaming report keeps this for every document instead of its findings
/// (64,000 findings for 10,000 generated documents, each with its sentence); the findings
/// themselves go to the document's page (see ``PageFinding``).
public struct LintTally: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var ruleID: String
        public var alias: String
        public var severity: Severity
        /// The file the findings are in, as the report shows it; nil for the file of the document
        /// the tally belongs to, which the streaming report leaves out so that equal tallies of
        /// different documents can share one array (see ``ReportedDocument/slimmed(_:)``).
        public var path: String?
        public var count: Int
    }

    /// One entry per rule, alias, severity and path, in the order their first finding came.
    public var entries: [Entry]

    public init(_ findings: [Finding]) {
        struct Key: Hashable {
            var ruleID: String, alias: String, severity: Severity, path: String
        }
        var entries: [Entry] = []
        var positions: [Key: Int] = [:]
        for finding in findings {
            let key = Key(ruleID: finding.ruleID, alias: finding.alias, severity: finding.severity, path: finding.path)
            if let at = positions[key] {
                entries[at].count += 1
            } else {
                positions[key] = entries.count
                entries.append(Entry(ruleID: finding.ruleID, alias: finding.alias, severity: finding.severity, path: finding.path, count: 1))
            }
        }
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// How many findings have `severity`.
    public func count(_ severity: Severity) -> Int {
        entries.reduce(0) { $0 + ($1.severity == severity ? $1.count : 0) }
    }
}

/// One finding as a postmortem's page lists it: every value already cleaned of the characters
/// HTML forbids.
public struct PageFinding: Sendable, Hashable {
    public var location: String
    public var rule: String
    public var severity: String
    public var message: String

    /// The findings of one document as its page lists them, in reporting order.
    public static func rows(_ findings: [Finding]) -> [PageFinding] {
        findings.sorted(by: Finding.reportingOrder).map { finding in
            PageFinding(location: finding.range.map { "line \($0.start.line)" } ?? "file",
                        rule: HTMLEscaping.removingForbiddenCharacters("\(finding.ruleID) \(finding.alias)"),
                        severity: finding.severity.rawValue,
                        message: HTMLEscaping.removingForbiddenCharacters(finding.message))
        }
    }

    /// The rows as one string for a ``BodySpill``: their fields separated by NUL, which cleaning
    /// replaced in every value.
    public static func spilled(_ rows: [PageFinding]) -> String {
        rows.flatMap { [$0.location, $0.rule, $0.severity, $0.message] }.joined(separator: "\u{0}")
    }

    /// The rows ``spilled(_:)`` made.
    public static func unspilled(_ text: String) -> [PageFinding] {
        guard !text.isEmpty else { return [] }
        // NUL is a control, a Character of its own, so splitting the bytes splits the Characters.
        let fields = text.utf8.split(separator: 0, omittingEmptySubsequences: false).map { String(Substring($0)) }
        return stride(from: 0, to: fields.count - fields.count % 4, by: 4).map { at in
            PageFinding(location: fields[at], rule: fields[at + 1], severity: fields[at + 2], message: fields[at + 3])
        }
    }
}
