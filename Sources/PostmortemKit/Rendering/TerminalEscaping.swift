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

    /// `text` with every control character except newline and tab written as `\u{…}`: C0
    /// controls (ESC starts every terminal escape sequence), DEL, C1 controls (8-bit CSI), and
    /// the invisible bidirectional controls that make a line display in a different order than
    /// it reads ("Trojan Source", CVE-2021-42574), plus the Unicode line and paragraph separators.
    ///
    /// A line that would start a GitHub Actions workflow command (`::error::…`, `::add-mask::…`,
    /// the older `##[…]`, after any spaces and tabs, as the runner reads them) has its first
    /// character written `\u{3a}` or `\u{23}`: a service id or file name that begins a line of
    /// text output cannot annotate, mask or stop the commands of a CI log. `commands: false`
    /// leaves them for text that is no line of its own (a workflow command's percent-encoded
    /// property or message).
    public static func escape(_ text: String, commands: Bool = true) -> String {
        // One pass over the bytes clears most text without decoding scalars: every scalar
        // escaped is an ASCII control or DEL, or starts with byte C2 (C1 controls), D8 (U+061C)
        // or E2 (the marks, separators and bidirectional controls from U+2000 on).
        var bytes = text
        let (clean, hasCommands) = bytes.withUTF8 { buffer in
            (buffer.allSatisfy { b in
                b < 0x80 ? (b >= 0x20 && b != 0x7F) || b == 0x0A || b == 0x09 : b != 0xC2 && b != 0xD8 && b != 0xE2
            }, commands && startsCommand(buffer))
        }
        if clean && !hasCommands { return text }
        guard hasCommands || text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var lineStart = true
        for (index, scalar) in scalars.enumerated() {
            if lineStart, scalar == " " || scalar == "\t" {
                out.append(scalar)
                continue
            }
            let opensCommand = hasCommands && lineStart && isCommand(scalars[index...])
            lineStart = scalar == "\n" || scalar == "\r"
            if needsEscaping(scalar) || opensCommand {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when a line of `bytes` (the first, or one after a line feed or carriage return)
    /// starts, after spaces and tabs, with `::` or `##[`.
    static func startsCommand(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            while i < n, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
            if i + 1 < n, bytes[i] == UInt8(ascii: ":"), bytes[i + 1] == UInt8(ascii: ":") { return true }
            if i + 2 < n, bytes[i] == UInt8(ascii: "#"), bytes[i + 1] == UInt8(ascii: "#"), bytes[i + 2] == UInt8(ascii: "[") { return true }
            // The next line.
            while i < n, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
            i += 1
        }
        return false
    }

    private static func isCommand(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        rest.starts(with: [":", ":"]) || rest.starts(with: ["#", "#", "["])
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
