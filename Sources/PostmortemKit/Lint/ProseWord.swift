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
    ///
    /// Every prose line of every document goes through here, so it works on the bytes through a
    /// pointer and writes each word's lowercased text straight into its `String`.
    /// `ProseWordTests` compares it with the plain version it replaced.
    public static func words(in bytes: [UInt8]) -> [ProseWord] {
        bytes.withUnsafeBufferPointer { words(in: $0) }
    }

    static func words(in p: UnsafeBufferPointer<UInt8>) -> [ProseWord] {
        let n = p.count
        var result: [ProseWord] = []
        // Prose averages a word per six bytes or so; one allocation instead of several doublings.
        result.reserveCapacity(n / 6 + 1)
        /// The length of the curly apostrophe at `i` (U+2019), or 0.
        func curlyApostrophe(_ i: Int) -> Int {
            i + 2 < n && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0x99 ? 3 : 0
        }
        /// The length of the punctuation scalar at `i` that separates words (curly double and
        /// left single quotes, dashes, ellipsis, no-break space), or 0.
        func separator(_ i: Int) -> Int {
            let b = p[i]
            if b == 0xC2 { return i + 1 < n && p[i + 1] == 0xA0 ? 2 : 0 }
            guard b == 0xE2, i + 2 < n, p[i + 1] == 0x80 else { return 0 }
            switch p[i + 2] {
            case 0x9C, 0x9D, 0x94, 0x93, 0xA6, 0x98: return 3
            default: return 0
            }
        }
        var i = 0
        while i < n {
            let b = p[i]
            // Only a byte from 0x80 up can begin a separator or a curly apostrophe.
            let startsWord = ProseText.isWordByte(b) && (b < 0x80 || separator(i) == 0 && curlyApostrophe(i) == 0)
            let startsHandle = b == UInt8(ascii: "@") && i + 1 < n && ProseText.isLetter(p[i + 1])
            guard startsWord || startsHandle else {
                i += b < 0x80 ? 1 : max(1, separator(i))
                continue
            }
            let start = i
            // The word's end and its lowercased length, found first so its text can be written
            // in one go. `changed`: the text differs from the bytes as written (a lowercased
            // letter, a straightened apostrophe); `isASCII`: every byte as written is ASCII.
            var length = 0
            var changed = false
            var isASCII = true
            if startsHandle { length = 1; i += 1 }
            while i < n {
                let c = p[i]
                if c >= 0x80 {
                    if separator(i) != 0 { break }
                    isASCII = false
                    let curly = curlyApostrophe(i)
                    if curly != 0, i + curly < n, ProseText.isLetter(p[i + curly]), length > 0 {
                        changed = true
                        length += 1; i += curly; continue
                    }
                    length += 1; i += 1; continue
                }
                if c == UInt8(ascii: "'"), i + 1 < n, ProseText.isLetter(p[i + 1]), length > 0 {
                    length += 1; i += 1; continue
                }
                if ProseText.isWordByte(c) {
                    if c >= 65 && c <= 90 { changed = true }
                    length += 1; i += 1; continue
                }
                if (c == UInt8(ascii: ".") || c == UInt8(ascii: "-")) && startsHandle, i + 1 < n, ProseText.isWordByte(p[i + 1]) {
                    length += 1; i += 1; continue
                }
                if c == UInt8(ascii: "-"), i + 1 < n, ProseText.isLetter(p[i + 1]) {
                    // Hyphenated words stay one word: "follow-up", "on-call".
                    length += 1; i += 1; continue
                }
                break
            }
            let end = i
            let written = UnsafeBufferPointer(rebasing: p[start..<end])
            let asWritten = String(decoding: written, as: UTF8.self)
            // Most words are written in lowercase: then the text is the same string.
            let lowered = !changed ? asWritten : String(unsafeUninitializedCapacity: length) { out in
                var j = 0
                var k = start
                while k < end {
                    let c = p[k]
                    // A curly apostrophe inside a word and before a letter is straightened.
                    if c == 0xE2, k > start, curlyApostrophe(k) != 0, k + 3 < n, ProseText.isLetter(p[k + 3]) {
                        out[j] = UInt8(ascii: "'"); j += 1; k += 3; continue
                    }
                    out[j] = c >= 65 && c <= 90 ? c + 32 : c
                    j += 1; k += 1
                }
                assert(j == length, "the writer and the scan disagree on the word's length")
                return j
            }
            result.append(ProseWord(text: lowered, original: asWritten, start: start, end: end, isASCII: isASCII))
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
