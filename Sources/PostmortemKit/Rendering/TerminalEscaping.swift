/// Escaping for text that reaches a terminal or a CI log: findings, paths and messages quote
/// documents, and a document must not be able to move the cursor, recolour the log, retitle
/// the window or reorder what a reviewer reads.
public enum TerminalEscaping {
    /// `text` for a field of one line in a text table or record: a newline (a YAML block title,
    /// a service id with a line break) written `\n`, so it cannot start a line of its own that
    /// reads as output. Other controls are ``escape(_:)``'s.
    public static func oneLine(_ text: String) -> String {
        // Most text has no line break: one tight pass over its bytes tells.
        let hasBreak = text.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains(0x0A) } ?? text.utf8.contains(0x0A)
        guard hasBreak else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if byte == 0x0A { bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")] } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `message` with each of `values` that holds a line break written on one line where the
    /// message quotes it (``oneLine(_:)``). argument-parser's usage errors quote a value as given
    /// (`The value 'x⏎::error::…' is invalid for '--format <format>'`), and its break had split
    /// the line; pm's own messages quote values on one line already. A value given as
    /// `--option=value` is looked for by the part after `=` too.
    public static func quotingOnOneLine(_ message: String, values: [String]) -> String {
        var result = message
        for value in values where value.utf8.contains(0x0A) {
            var candidates = [value]
            if value.hasPrefix("-"), let equals = value.firstIndex(of: "=") { candidates.append(String(value[value.index(after: equals)...])) }
            // As quoted, between `'`: a value that is a bare line break had put the message's own
            // lines on one (the review of stop 48).
            for candidate in candidates where candidate.utf8.contains(0x0A) {
                result = result.replacingOccurrences(of: "'\(candidate)'", with: "'\(oneLine(candidate))'")
            }
        }
        return result
    }

    /// `text` with every control character except newline and tab written as `\u{…}`: C0
    /// controls (ESC starts every terminal escape sequence), DEL, C1 controls (8-bit CSI), and
    /// the invisible bidirectional controls that make a line display in a different order than
    /// it reads ("Trojan Source", CVE-2021-42574), plus the Unicode line and paragraph separators.
    ///
    /// Text that GitHub Actions' runner would take for a workflow command is made inert: a line
    /// that starts with `::` once the runner trims its leading white space (any Unicode white space,
    /// as .NET's `TrimStart` does) has its first `:` written `\u{3a}`, and `##[` (the older form,
    /// which the runner finds anywhere in a line) its first `#` written `\u{23}`. So a service id or
    /// file name in text output cannot annotate, mask or stop the commands of a CI log.
    ///
    /// - Parameters:
    ///   - inertCommands: false leaves `::` and `##[` as they are: for text no value starts a
    ///     line of (a workflow command's percent-encoded property or message), and for a path the
    ///     user chose, which `pm new` prints for `$EDITOR "$(pm new …)"`.
    ///   - carriageReturns: false leaves a carriage return to a workflow command's reporter, which
    ///     percent-encodes it (`%0D`) as the runner reads it back.
    public static func escape(_ text: String, inertCommands: Bool = true, carriageReturns: Bool = true) -> String {
        // One pass over the bytes clears most text without decoding scalars: every scalar
        // escaped is an ASCII control or DEL, or starts with byte C2 (C1 controls), D8 (U+061C)
        // or E2 (the marks, separators and bidirectional controls from U+2000 on); a command
        // needs two colons or `##[` somewhere.
        var bytes = text
        let (clean, colons) = bytes.withUTF8 { buffer in
            (buffer.allSatisfy { b in
                b < 0x80 ? (b >= 0x20 && b != 0x7F) || b == 0x0A || b == 0x09 : b != 0xC2 && b != 0xD8 && b != 0xE2
            }, inertCommands && (contains(doubleColon, in: buffer) || contains(legacyCommand, in: buffer)))
        }
        if clean && !colons { return text }
        // Em dashes, curly quotes and ellipses start with E2 too: most such text needs nothing.
        guard colons || text.unicodeScalars.contains(where: { needsEscaping($0, carriageReturns: carriageReturns) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var lineStart = true
        for (index, scalar) in scalars.enumerated() {
            let isBreak = scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
            // The runner trims white space before looking for `::`; a line break starts a line.
            if lineStart, !isBreak, scalar.properties.isWhitespace {
                append(scalar, escaped: needsEscaping(scalar, carriageReturns: carriageReturns), to: &out)
                continue
            }
            let opensCommand = inertCommands
                && ((lineStart && scalars[index...].starts(with: [":", ":"])) || scalars[index...].starts(with: ["#", "#", "["]))
            lineStart = isBreak
            append(scalar, escaped: opensCommand || needsEscaping(scalar, carriageReturns: carriageReturns), to: &out)
        }
        return String(out)
    }

    private static func contains(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        needle.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: buffer, from: 0) != nil }
    }

    private static let doubleColon = Array("::".utf8)
    private static let legacyCommand = Array("##[".utf8)

    private static func append(_ scalar: Unicode.Scalar, escaped: Bool, to out: inout String.UnicodeScalarView) {
        if escaped {
            out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
        } else {
            out.append(scalar)
        }
    }

    /// ``needsEscaping(_:)``, less the carriage return unless `carriageReturns`.
    private static func needsEscaping(_ scalar: Unicode.Scalar, carriageReturns: Bool) -> Bool {
        !carriageReturns && scalar == "\r" ? false : needsEscaping(scalar)
    }

    static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x7F }
        return (0x80...0x9F).contains(v)
            || v == 0x061C                      // Arabic letter mark
            || v == 0x200E || v == 0x200F       // left-to-right and right-to-left marks
            || (0x202A...0x202E).contains(v)    // embeddings and overrides, pop directional formatting
            || (0x2066...0x2069).contains(v)    // isolates, pop directional isolate
            || v == 0x2028 || v == 0x2029       // line and paragraph separators
    }
}
