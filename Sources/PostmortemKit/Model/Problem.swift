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
