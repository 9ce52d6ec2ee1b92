/// How serious a finding is. Shared by reading problems and lint findings.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        let order: [Severity] = [.info, .warning, .error]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// Something wrong found while reading a document. Reading never throws on content: bad content
/// becomes a problem on the record, and the rest of the document is still read.
public struct Problem: Hashable, Sendable, Codable, Error {
    /// A stable code (`P011`), documented in docs/format.md; never reused.
    public var code: ProblemCode
    public var severity: Severity
    public var message: String
    /// Where; nil when the problem concerns the file as a whole.
    public var range: SourceRange?

    public init(_ code: ProblemCode, _ message: String, at range: SourceRange? = nil, severity: Severity? = nil) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.message = message
        self.range = range
    }
}

/// The stable codes of reading problems.
public enum ProblemCode: String, Sendable, Codable, CaseIterable {
    case unreadable = "P001"
    case invalidUTF8 = "P002"
    case binary = "P003"
    case empty = "P004"
    case tooDeep = "P005"
    case linksTooLarge = "P006"
    case tableTooLarge = "P007"
    case unclosedFrontMatter = "P010"
    case invalidYAML = "P011"
    case frontMatterNotMapping = "P012"
    case wrongType = "P013"
    case invalidTimestamp = "P014"
    case invalidValue = "P015"
    case timelineEntryWithoutTime = "P020"
    case invalidActionMetadata = "P021"
    case definitionItem = "P022"
    case duplicateKey = "P016"

    /// Problems that leave the front matter unread, and with it any impact it states: `pm budget`
    /// and `pm report` say so beside them.
    static let unreadFrontMatter: Set<ProblemCode> = [.invalidYAML, .frontMatterNotMapping, .unclosedFrontMatter, .duplicateKey, .unreadable, .binary]

    /// `message`, with a word that any impact the document states is not counted when this
    /// problem leaves its front matter unread: how `pm budget` and `pm report` warn of it.
    public func impactWarning(_ message: String) -> String {
        Self.unreadFrontMatter.contains(self) ? message + "; any impact it states is not counted" : message
    }

    /// A readable alias, as lint prints beside the code.
    public var alias: String {
        switch self {
        case .unreadable: "unreadable-file"
        case .invalidUTF8: "invalid-utf8"
        case .binary: "binary-file"
        case .empty: "empty-document"
        case .tooDeep: "nesting-too-deep"
        case .linksTooLarge: "links-too-large"
        case .tableTooLarge: "table-too-large"
        case .unclosedFrontMatter: "unclosed-front-matter"
        case .invalidYAML: "invalid-yaml"
        case .frontMatterNotMapping: "front-matter-not-mapping"
        case .wrongType: "wrong-type"
        case .invalidTimestamp: "invalid-timestamp"
        case .invalidValue: "invalid-value"
        case .duplicateKey: "duplicate-key"
        case .timelineEntryWithoutTime: "timeline-entry-without-time"
        case .invalidActionMetadata: "invalid-action-metadata"
        case .definitionItem: "definition-item"
        }
    }

    /// The code named by `name`, its code or its alias, in any case (`P011`, `invalid-yaml`).
    public init?(named name: String) {
        guard let code = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(name) == .orderedSame || $0.alias == name.lowercased() })
        else { return nil }
        self = code
    }

    /// When pm reports it, in a line (docs/format.md, "Reading problems", says it in full).
    public var summary: String {
        switch self {
        case .unreadable: "The input is not a readable regular file: permission denied, a broken link, over 32 MiB, or a directory named like a Markdown file (a note)."
        case .invalidUTF8: "The file is not valid UTF-8; it is read with U+FFFD in place of the bad bytes, and the problem points at the first."
        case .binary: "The file holds a NUL byte, so it is not text; a file saved as UTF-16 is told to be saved as UTF-8."
        case .empty: "The file is empty, or holds only blank lines and spaces."
        case .tooDeep: "Lists or quotes are nested more than 64 levels deep; deeper content is not analysed."
        case .linksTooLarge: "Link reference definitions could expand far past the file's size; the body is not analysed."
        case .tableTooLarge: "A table would make far more cells, or take far more steps, than the file's size warrants; the body is not analysed."
        case .unclosedFrontMatter: "The `---` on line 1 is never closed."
        case .invalidYAML: "The front matter is not valid YAML, or its aliases expand past 100,000 values or far past its length."
        case .frontMatterNotMapping: "The front matter is a list or a scalar, not a mapping of keys to values."
        case .wrongType: "A front matter value has the wrong type (a string where a list belongs, a number as a date)."
        case .invalidTimestamp: "A time is not a timestamp, names no such date or time, has no time of day or zone pm can use, or a weekday written with a date is not its day."
        case .invalidValue: "A value pm cannot use (an unknown `timezone`, an SLO named twice in `impact`)."
        case .duplicateKey: "A key is given twice in one YAML mapping; the front matter is not used."
        case .timelineEntryWithoutTime: "An entry of a mostly timed timeline has no time pm can read."
        case .invalidActionMetadata: "An action's due date is not a real date, or a key of its metadata is misspelled (`tikcet:`, `Owmer` as a column)."
        case .definitionItem: "A list item that Markdown reads as a link reference definition (`- [14:06]: Mitigated`), so it renders as an empty bullet and pm reads nothing from it."
        }
    }

    /// The severity as docs/format.md's table of reading problems gives it, for `pm rules`:
    /// three codes are sometimes lighter than their default (P001 a note, P013 and P014 warnings).
    public var severityText: String {
        switch self {
        case .wrongType: "error (warning when pm could still use it)"
        case .invalidTimestamp: "error (warning for a time in a timeline, or a weekday that is not its date's)"
        case .unreadable: "error (note for a directory named like a Markdown file, or one read twice)"
        default: defaultSeverity.rawValue
        }
    }

    public var defaultSeverity: Severity {
        switch self {
        case .unreadable, .binary, .invalidYAML, .frontMatterNotMapping, .unclosedFrontMatter, .invalidTimestamp,
             .wrongType, .duplicateKey:
            .error
        case .invalidUTF8, .empty, .tooDeep, .linksTooLarge, .tableTooLarge, .invalidValue, .invalidActionMetadata, .definitionItem:
            .warning
        case .timelineEntryWithoutTime:
            .info
        }
    }
}
