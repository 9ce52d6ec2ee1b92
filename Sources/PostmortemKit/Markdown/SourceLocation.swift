/// A position in a source file: 1-based line and 1-based column counted in UTF-8 bytes,
/// the convention of cmark-gfm, compilers and SARIF's `columnKind: "utf8CodeUnits"` readers.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column in UTF-8 bytes.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:col`, ready to follow a path: `path:line:col`.
    public var description: String { "\(line):\(column)" }
}

/// A span of source from `start` to `end`, both inclusive as cmark-gfm reports them.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// A range that covers a single line from `column` to its end (end column unknown: same as start).
    public init(line: Int, column: Int = 1) {
        self.start = SourceLocation(line: line, column: column)
        self.end = SourceLocation(line: line, column: column)
    }

    public var description: String { "\(start)-\(end)" }

    /// True when `location` lies within this range.
    public func contains(_ location: SourceLocation) -> Bool {
        start <= location && location <= end
    }

    /// True when `other` lies entirely within this range.
    public func contains(_ other: SourceRange) -> Bool {
        contains(other.start) && contains(other.end)
    }
}
