/// A YAML value with source positions, as plain Sendable Swift data.
///
/// Front matter and pm.yml are read into this shape once; the stages that interpret them
/// (model, lint, budget, classification) never see Yams types.
public struct YAMLValue: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A scalar with its text. `plain` is false for quoted and block scalars, which YAML
        /// always reads as strings.
        case scalar(String, plain: Bool)
        case sequence([YAMLValue])
        case mapping([YAMLEntry])
    }

    public var kind: Kind
    /// Where the value starts in the file.
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// True for `~`, `null`, `Null`, `NULL` and the empty plain scalar.
    public var isNull: Bool {
        if case .scalar(let text, true) = kind { return ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }

    /// The text of a non-null scalar.
    public var string: String? {
        if case .scalar(let text, _) = kind, !isNull { return text }
        return nil
    }

    /// A plain scalar that YAML reads as a number, `.inf`, `-.inf` and `.nan` included (the
    /// readers bound what they accept, so those get the same message as `1e400`).
    public var number: Double? {
        guard case .scalar(let text, true) = kind else { return nil }
        // Digit separators (`1_000`); most scalars have none, and Foundation's replacing bridges.
        let cleaned = text.utf8.contains(UInt8(ascii: "_")) ? String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "_" })) : text
        switch cleaned {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        guard let first = cleaned.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
        // Swift also reads `-inf`, `+nan` and `-infinity`, which YAML reads as strings (its
        // spellings are above); no YAML number has an `n`.
        guard !cleaned.utf8.contains(where: { $0 | 0x20 == UInt8(ascii: "n") }) else { return nil }
        return Double(cleaned)
    }

    /// A plain scalar that YAML 1.1 or 1.2 reads as a boolean.
    public var bool: Bool? {
        guard case .scalar(let text, true) = kind else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    public var entries: [YAMLEntry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    public var items: [YAMLValue]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The value under `key` in a mapping.
    public subscript(key: String) -> YAMLValue? {
        entries?.first { $0.key == key }?.value
    }

    /// A readable name of the value's type for messages: "a string", "a list", "a mapping".
    public var typeDescription: String {
        switch kind {
        case .scalar:
            if isNull { return "empty" }
            if number != nil { return "a number" }
            if bool != nil { return "a boolean" }
            return "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// One key and value of a YAML mapping.
public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLValue

    public init(key: String, keyLocation: SourceLocation, value: YAMLValue) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
