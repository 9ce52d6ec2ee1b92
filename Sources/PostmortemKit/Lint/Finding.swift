/// One thing `pm lint` reports: a rule (or a reading problem) that fired at a place in a file.
///
/// Findings are plain values so reporters, the quarterly report and tests can sort, group and
/// compare them; the library never prints them.
public struct Finding: Sendable, Hashable, Codable {
    /// The rule id (`PM012`) or, for a problem found while reading, its code (`P011`).
    public var ruleID: String
    /// The rule's readable alias (`blame-language`).
    public var alias: String
    /// The effective severity, after configuration.
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// The file, as given on the command line (or `--stdin-filename`).
    public var path: String
    /// Where; nil when the finding concerns the file as a whole.
    public var range: SourceRange?
    /// A rewrite or next step to offer the author, when the rule has one.
    public var suggestion: String?

    public init(ruleID: String, alias: String, severity: Severity, message: String, path: String,
                range: SourceRange?, suggestion: String? = nil) {
        self.ruleID = ruleID
        self.alias = alias
        self.severity = severity
        self.message = message
        self.path = path
        self.range = range
        self.suggestion = suggestion
    }

    /// The order findings are reported in: by file, then position (file-wide findings first),
    /// then rule, then message, so output is the same on every run.
    public static func reportingOrder(_ a: Finding, _ b: Finding) -> Bool {
        // Different paths by bytes, as files are listed (``InputDiscovery/pathPrecedes(_:_:)``).
        // (`!=` first: a file's findings share one path's storage, which it compares at once;
        // comparing their bytes had cost 1.3% of a run. Two files whose names are two spellings
        // of one accented name are taken for one here, as `String` takes them.)
        if a.path != b.path { return InputDiscovery.pathPrecedes(a.path, b.path) }
        let la = a.range?.start ?? SourceLocation(line: 0, column: 0)
        let lb = b.range?.start ?? SourceLocation(line: 0, column: 0)
        if la != lb { return la < lb }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }
}
