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
    /// What is wrong, in one sentence. Other files it names (``related``) are named by their
    /// paths as given; ``writingPaths(_:)`` writes them from another base. Setting it by hand
    /// leaves it as set: ``messageWords`` is dropped.
    public var message: String { didSet { messageWords = nil } }
    /// The file, as given on the command line (or `--stdin-filename`).
    public var path: String
    /// Where; nil when the finding concerns the file as a whole.
    public var range: SourceRange?
    /// A rewrite or next step to offer the author, when the rule has one.
    public var suggestion: String?
    /// Other files the message names (the first document with a duplicate id, the file a link was
    /// looked for as), with their paths as ``path`` is given; empty for almost every finding.
    public var related: [RelatedLocation]
    /// The message's words around the paths of ``related``: `message` is `messageWords[0]`, the
    /// first related path, `messageWords[1]`, and so on. Nil when the message names no file (or
    /// was set by hand).
    public private(set) var messageWords: [String]?

    public init(ruleID: String, alias: String, severity: Severity, message: String, path: String,
                range: SourceRange?, suggestion: String? = nil) {
        self.ruleID = ruleID
        self.alias = alias
        self.severity = severity
        self.message = message
        self.path = path
        self.range = range
        self.suggestion = suggestion
        self.related = []
        self.messageWords = nil
    }

    /// A finding whose message names other files (``MessageText``).
    public init(ruleID: String, alias: String, severity: Severity, naming message: MessageText, path: String,
                range: SourceRange?, suggestion: String? = nil) {
        self.init(ruleID: ruleID, alias: alias, severity: severity, message: message.text, path: path, range: range,
                  suggestion: suggestion)
        if !message.files.isEmpty {
            related = message.files
            messageWords = message.words
        }
    }

    /// A finding from a rule's violation, with the files its message names.
    init(ruleID: String, alias: String, severity: Severity, path: String, violation: Violation) {
        self.init(ruleID: ruleID, alias: alias, severity: severity, message: violation.message, path: path,
                  range: violation.range, suggestion: violation.suggestion)
        related = violation.related
        if let words = violation.messageWords, words.count == related.count + 1 { messageWords = words }
    }

    /// The finding with its path and the paths of ``related`` as `write` writes them, and its
    /// message naming them so: the stage that prepares findings for an output that reads paths
    /// from another base (GitHub's annotations and SARIF read them from the repository's root)
    /// calls it, so a message names a file from the same base as the finding's own path.
    public func writingPaths(_ write: (String) -> String) -> Finding {
        var finding = self
        finding.path = write(path)
        guard !related.isEmpty else { return finding }
        for index in finding.related.indices { finding.related[index].path = write(related[index].path) }
        if let words = messageWords, words.count == related.count + 1 {
            finding.message = MessageText.compose(words, finding.related.map(\.path))
            finding.messageWords = words
        }
        return finding
    }

    /// The message with each related file written by `file` (its index in ``related``, and
    /// the file) and the words between them by `words`; nil when the message names no file. For
    /// formats that mark the files up, as SARIF's embedded links do.
    public func message(writingFiles file: (Int, RelatedLocation) -> String, words: (String) -> String) -> String? {
        guard let messageWords, messageWords.count == related.count + 1 else { return nil }
        var text = words(messageWords[0])
        for (index, after) in messageWords.dropFirst().enumerated() {
            text += file(index, related[index])
            text += words(after)
        }
        return text
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

    enum CodingKeys: String, CodingKey { case ruleID, alias, severity, message, path, range, suggestion, related }

    /// As encoded before findings named other files, with `related` when there are any.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ruleID, forKey: .ruleID)
        try container.encode(alias, forKey: .alias)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try container.encode(path, forKey: .path)
        try container.encodeIfPresent(range, forKey: .range)
        try container.encodeIfPresent(suggestion, forKey: .suggestion)
        if !related.isEmpty { try container.encode(related, forKey: .related) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(ruleID: try container.decode(String.self, forKey: .ruleID), alias: try container.decode(String.self, forKey: .alias),
                  severity: try container.decode(Severity.self, forKey: .severity), message: try container.decode(String.self, forKey: .message),
                  path: try container.decode(String.self, forKey: .path), range: try container.decodeIfPresent(SourceRange.self, forKey: .range),
                  suggestion: try container.decodeIfPresent(String.self, forKey: .suggestion))
        related = try container.decodeIfPresent([RelatedLocation].self, forKey: .related) ?? []
    }
}
