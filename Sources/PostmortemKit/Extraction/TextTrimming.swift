import Foundation

/// Trimming without Foundation's `trimmingCharacters(in:)`, which on Linux bridges every call
/// through `NSString` and UTF-16 and was a fifth of the reading time (callgrind/perf, issue 6).
///
/// The results are the same as `trimmingCharacters(in: .whitespaces)` and
/// `trimmingCharacters(in: .whitespacesAndNewlines)`: ASCII is decided inline, and the rare
/// non-ASCII scalar at either end is asked of the same `CharacterSet` (a test compares every
/// scalar of the Basic Multilingual Plane).
extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`: spaces, tabs and Unicode space separators.
    func trimmingWhitespace() -> String { trimmed(newlines: false) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    func trimmingWhitespaceAndNewlines() -> String { trimmed(newlines: true) }

    /// The text before a note in parentheses at its end, and the note (`Timeline (UTC)`: `Timeline `
    /// and `UTC`); nil without one, or when the note is all there is.
    func splittingTrailingNote() -> (head: SubSequence, note: SubSequence)? {
        guard hasSuffix(")"), let open = lastIndex(of: "("), open > startIndex else { return nil }
        return (self[..<open], self[index(after: open)..<index(before: endIndex)])
    }

    private func trimmed(newlines: Bool) -> String {
        TextTrimming.trim(Substring(self), newlines: newlines)
    }
}

enum TextTrimming {
    static func trim(_ text: Substring, newlines: Bool) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, TextTrimming.isTrimmed(scalars[start], newlines: newlines) {
            start = scalars.index(after: start)
        }
        while start < end {
            let before = scalars.index(before: end)
            guard TextTrimming.isTrimmed(scalars[before], newlines: newlines) else { break }
            end = before
        }
        return String(Substring(scalars[start..<end]))
    }

    static let whitespaces = CharacterSet.whitespaces
    static let whitespacesAndNewlines = CharacterSet.whitespacesAndNewlines

    @inline(__always)
    static func isTrimmed(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        let v = scalar.value
        if v < 0x80 {
            return v == 0x20 || v == 0x09 || (newlines && v >= 0x0A && v <= 0x0D)
        }
        return newlines ? whitespacesAndNewlines.contains(scalar) : whitespaces.contains(scalar)
    }
}
