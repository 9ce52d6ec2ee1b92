/// A word of prose with its byte position in the line.
public struct ProseWord: Sendable, Hashable {
    /// Lowercased, with curly apostrophes straightened.
    public var text: String
    /// The word as written.
    public var original: String
    /// 0-based byte offsets in the line.
    public var start: Int
    public var end: Int
    /// True when the word as written is all ASCII (then so is ``text``), so byte tests on it
    /// give the same answers as `Character` tests.
    var isASCII: Bool

    /// Splits a line into words: letters, digits, apostrophes and non-ASCII letters; `@`, `.`
    /// and `-` join a word when they sit between word characters (handles like `@dana.k`).
    public static func words(in bytes: [UInt8]) -> [ProseWord] {
        var result: [ProseWord] = []
        // Prose averages a word per six bytes or so; one allocation instead of several doublings.
        result.reserveCapacity(bytes.count / 6 + 1)
        var i = 0
        func isApostrophe(_ i: Int) -> Int? {
            if bytes[i] == UInt8(ascii: "'") { return 1 }
            if bytes[i] == 0xE2, ProseText.startsWith(bytes, i, "’") { return 3 }
            return nil
        }
        func isSeparatorScalar(_ i: Int) -> Int? {
            // Curly double quotes, dashes, ellipsis, non-breaking space: punctuation, not letters.
            guard bytes[i] >= 0x80 else { return nil }
            for s in ["“", "”", "—", "–", "…", "‘", "\u{00A0}"] where ProseText.startsWith(bytes, i, s) { return s.utf8.count }
            return nil
        }
        // One buffer for the lowercased text of every word (cleared, capacity kept).
        var text = [UInt8]()
        text.reserveCapacity(32)
        while i < bytes.count {
            let b = bytes[i]
            // Only a byte from 0x80 up can begin a separator or a curly apostrophe.
            let startsWord = ProseText.isWordByte(b) && (b < 0x80 || isSeparatorScalar(i) == nil && !(ProseText.startsWith(bytes, i, "’")))
            let startsHandle = b == UInt8(ascii: "@") && i + 1 < bytes.count && ProseText.isLetter(bytes[i + 1])
            guard startsWord || startsHandle else {
                i += isSeparatorScalar(i) ?? 1
                continue
            }
            let start = i
            text.removeAll(keepingCapacity: true)
            // Whether `text` differs from the bytes as written (a lowercased letter, a straightened
            // apostrophe), and whether any byte is outside ASCII.
            var changed = false
            var isASCII = true
            if startsHandle { text.append(b); i += 1 }
            while i < bytes.count {
                let c = bytes[i]
                if c >= 0x80 {
                    if isSeparatorScalar(i) != nil { break }
                    isASCII = false
                }
                if let n = isApostrophe(i), i + n < bytes.count, ProseText.isLetter(bytes[i + n]), !text.isEmpty {
                    if n != 1 { changed = true }
                    text.append(UInt8(ascii: "'")); i += n; continue
                }
                if ProseText.isWordByte(c) {
                    if c >= 65 && c <= 90 {
                        text.append(c + 32); changed = true
                    } else {
                        text.append(c)
                    }
                    i += 1; continue
                }
                if (c == UInt8(ascii: ".") || c == UInt8(ascii: "-")) && startsHandle,
                   i + 1 < bytes.count, ProseText.isWordByte(bytes[i + 1]) {
                    text.append(c); i += 1; continue
                }
                if c == UInt8(ascii: "-"), i + 1 < bytes.count, ProseText.isLetter(bytes[i + 1]) {
                    // Hyphenated words stay one word: "follow-up", "on-call".
                    text.append(c); i += 1; continue
                }
                break
            }
            let lowered = String(decoding: text, as: UTF8.self)
            // Most words are written in lowercase: then the original is the same string.
            let asWritten = changed ? String(decoding: bytes[start..<i], as: UTF8.self) : lowered
            result.append(ProseWord(text: lowered, original: asWritten, start: start, end: i, isASCII: isASCII))
        }
        return result
    }

    /// True when the texts of `words` from index `start` on are `phrase`, word for word (a
    /// phrase that runs past the end does not match).
    static func phrase(_ phrase: [String], matches words: [ProseWord], at start: Int) -> Bool {
        guard start >= 0, start + phrase.count <= words.count else { return false }
        for k in phrase.indices where words[start + k].text != phrase[k] { return false }
        return true
    }
}

/// A quick first test of whether a word can be in a set of words: one bit per first byte and
/// length. Rules look up every word of every prose line; hashing each as a `String` was most of
/// their time, and almost every word fails this test, so the set is only asked about the rest.
///
/// `String` equality is canonical equivalence, so a word with a non-ASCII byte can equal one of
/// another length or first byte ("zoë" and "zoe" + U+0308, "k" and U+212A KELVIN SIGN): such a
/// word always passes, and a set holding one lets every word pass.
struct WordPrefilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 256)
    private var passesAll = false

    init<Words: Sequence>(_ words: Words) where Words.Element == String {
        for word in words { insert(word) }
    }

    mutating func insert(_ word: String) {
        if !Self.isASCII(word) { passesAll = true }
        // The empty word gets byte 0 and length 0, which no real word has.
        let first = word.utf8.first ?? 0
        bits[Int(first)] |= 1 << UInt64(min(word.utf8.count, 63))
    }

    /// False when the ``ProseWord/text`` of `word` is certainly not one of the words; true when
    /// it may be. The word's own ASCII flag describes it as written, so a word with a curly
    /// apostrophe always passes.
    func mayContain(_ word: ProseWord) -> Bool {
        if passesAll || !word.isASCII { return true }
        let first = word.text.utf8.first ?? 0
        return bits[Int(first)] & (1 << UInt64(min(word.text.utf8.count, 63))) != 0
    }

    private static func isASCII(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 < 0x80 }
    }
}
