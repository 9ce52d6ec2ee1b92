/// Escaping for the two HTML sinks pm writes: element text and quoted attribute values.
///
/// Every string that comes from a document, pm.yml or the command line goes through one of these
/// before it reaches a page or an inline SVG; the only HTML that is not escaped is what cmark-gfm
/// rendered in safe mode and what pm draws itself.
public enum HTMLEscaping {
    /// Escapes `&`, `<` and `>` for element text (also valid inside SVG `<text>` and `<title>`).
    public static func text(_ value: String) -> String {
        escape(value, quotes: false)
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for an attribute value in either kind of quotes.
    public static func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// Replaces the code points HTML forbids in a document (C0 controls other than tab, line
    /// feed and carriage return, DEL, C1 controls and noncharacters) with U+FFFD, so a stray
    /// control byte in a postmortem cannot make a page invalid.
    public static func removingForbiddenCharacters(_ value: String) -> String {
        guard mayHoldForbidden(value), value.unicodeScalars.contains(where: isForbidden) else { return value }
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            scalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// False when no byte of `value` can start a forbidden code point, so the scalars need not
    /// be decoded. In UTF-8 those are C0 controls and DEL themselves, C1 controls (lead byte
    /// 0xC2), U+FDD0–U+FDEF and U+FFFE/U+FFFF (0xEF) and the noncharacters of the other planes
    /// (0xF0–0xF4); curly quotes, dashes and most letters start with other bytes.
    ///
    /// Eight bytes at a time: a word of printable ASCII (0x20–0x7E), most of a page body, is
    /// passed over with two word operations; only a word holding a control, a line break or a
    /// byte from 0x7F up is looked at byte by byte.
    static func mayHoldForbidden(_ value: String) -> Bool {
        var copy = value
        return copy.withUTF8 { bytes in
            @inline(__always) func may(_ b: UInt8) -> Bool {
                b < 0x20 ? b != 0x09 && b != 0x0A && b != 0x0D : b == 0x7F || b == 0xC2 || b >= 0xEF
            }
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let raw = UnsafeRawBufferPointer(bytes)
            var i = 0
            while i + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // A byte below 0x20, or above 0x7E (the classic "has less" and "has more" tests).
                let below = (word &- ones &* 0x20) & ~word & highs
                let above = ((word &+ ones &* (127 - 0x7E)) | word) & highs
                if below | above != 0 {
                    for k in i..<(i + 8) where may(bytes[k]) { return true }
                }
                i += 8
            }
            while i < bytes.count {
                if may(bytes[i]) { return true }
                i += 1
            }
            return false
        }
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        if (0x7F...0x9F).contains(v) { return true }
        if (0xFDD0...0xFDEF).contains(v) { return true }
        return v & 0xFFFE == 0xFFFE
    }

    /// Works on UTF-8 bytes: the five characters it replaces are ASCII, and an ASCII byte is
    /// never part of a longer sequence. A value with none of them is returned as it is.
    private static func escape(_ value: String, quotes: Bool) -> String {
        let clean = removingForbiddenCharacters(value)
        var copy = clean
        return copy.withUTF8 { bytes in
            func replacement(_ byte: UInt8) -> StaticString? {
                switch byte {
                case UInt8(ascii: "&"): "&amp;"
                case UInt8(ascii: "<"): "&lt;"
                case UInt8(ascii: ">"): "&gt;"
                case UInt8(ascii: "\"") where quotes: "&quot;"
                case UInt8(ascii: "'") where quotes: "&#39;"
                default: nil
                }
            }
            guard bytes.contains(where: { replacement($0) != nil }) else { return clean }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                if let entity = replacement(byte) {
                    entity.withUTF8Buffer { out.append(contentsOf: $0) }
                } else {
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
