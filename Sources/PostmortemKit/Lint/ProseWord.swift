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
    /// The words of a ``ProseLine``, with their texts written out.
    /// `ProseWordTests` compares it with the plain version it replaced.
    public static func words(in bytes: [UInt8]) -> [ProseWord] {
        let line = ProseLine(bytes)
        return line.words.indices.map { i in
            let span = line.words[i]
            return ProseWord(text: line.text(i), original: line.original(i), start: span.start, end: span.end, isASCII: span.isASCII)
        }
    }
}

/// A word of a prose line by its place in the line: what ``ProseWord/words(in:)`` finds, without
/// its text. Every prose line of every document is split into words, and the language rules
/// look closely at very few of them; writing each word's text as a `String` was the largest
/// single cost of linting, so ``ProseLine`` writes a text only when a rule asks for it.
struct WordSpan: Sendable, Hashable {
    /// 0-based byte offsets in the line.
    var start: Int
    var end: Int
    /// The byte length of the word's text (lowercased, curly apostrophes straightened), as
    /// written out from valid UTF-8; exact for every ASCII word, the only ones it is read for.
    /// (Invalid bytes are repaired when the text is made, which can change its length.)
    var length: Int
    /// True when the text differs from the bytes as written.
    var changed: Bool
    /// True when every byte as written is ASCII; then the text is the bytes lowercased, byte for byte.
    var isASCII: Bool

    /// The words of a line, in order. Works on the bytes through a pointer.
    static func spans(in p: UnsafeBufferPointer<UInt8>) -> [WordSpan] {
        byteKinds.withUnsafeBufferPointer { kinds in spans(in: p, kinds: kinds) }
    }

    /// What each byte is, as bits: ``wordByte`` (``ProseText/isWordByte(_:)``), ``letter``
    /// (``ProseText/isLetter(_:)``), ``upper`` (A to Z), ``asciiWord`` and ``asciiGap``. One load
    /// per byte instead of a chain of comparisons.
    static let byteKinds: [UInt8] = (0...255).map { value in
        let b = UInt8(value)
        let word = ProseText.isWordByte(b)
        return (word ? wordByte : 0) | (ProseText.isLetter(b) ? letter : 0) | (b >= 65 && b <= 90 ? upper : 0)
            | (word && b < 0x80 ? asciiWord : 0) | (!word && b < 0x80 && b != UInt8(ascii: "@") ? asciiGap : 0)
    }
    static let wordByte: UInt8 = 1
    static let letter: UInt8 = 2
    static let upper: UInt8 = 4
    /// An ASCII word byte: the bytes a word's runs are made of, read in a loop of their own.
    static let asciiWord: UInt8 = 8
    /// An ASCII byte that neither is in a word nor starts one (`@` can start a handle).
    static let asciiGap: UInt8 = 16

    private static func spans(in p: UnsafeBufferPointer<UInt8>, kinds: UnsafeBufferPointer<UInt8>) -> [WordSpan] {
        let n = p.count
        var result: [WordSpan] = []
        // One allocation instead of doublings. Prose averages a word per five or six bytes, and
        // short words run denser, so a sixth of the bytes was too little for most lines.
        result.reserveCapacity(n / 3 + 1)
        @inline(__always) func kind(_ b: UInt8) -> UInt8 { kinds[Int(b)] }
        var i = 0
        while i < n {
            // Spaces and ASCII punctuation between words, skipped in a loop of their own.
            while i < n, kind(p[i]) & asciiGap != 0 { i += 1 }
            guard i < n else { break }
            let b = p[i]
            // Only a byte from 0x80 up can begin a separator or a curly apostrophe.
            let startsWord = kind(b) & wordByte != 0 && (b < 0x80 || separator(p, i) == 0 && curlyApostrophe(p, i) == 0)
            // "@dana.k", and "@åse.b": a letter beyond ASCII (no separator or apostrophe) too.
            let startsHandle = b == UInt8(ascii: "@") && i + 1 < n && (kind(p[i + 1]) & letter != 0 || p[i + 1] >= 0x80 && startsLetter(p, i + 1))
            guard startsWord || startsHandle else {
                i += b < 0x80 ? 1 : max(1, separator(p, i))
                continue
            }
            let start = i
            // The word's end and the length of its text, found first so the text can be written
            // in one go. `changed`: the text differs from the bytes as written (a lowercased
            // letter, a straightened apostrophe); `isASCII`: every byte as written is ASCII.
            var length = 0
            var changed = false
            var isASCII = true
            if startsHandle { length = 1; i += 1 }
            while i < n {
                // A run of ASCII word bytes, the common case, in a loop of its own.
                let run = i
                var kindsSeen: UInt8 = 0
                while i < n {
                    let k = kind(p[i])
                    guard k & asciiWord != 0 else { break }
                    kindsSeen |= k
                    i += 1
                }
                length += i - run
                if kindsSeen & upper != 0 { changed = true }
                guard i < n else { break }
                let c = p[i]
                if c < 0x80 {
                    if c == UInt8(ascii: "'"), i + 1 < n, kind(p[i + 1]) & letter != 0, length > 0 {
                        length += 1; i += 1; continue
                    }
                    if (c == UInt8(ascii: ".") || c == UInt8(ascii: "-")) && startsHandle, i + 1 < n, kind(p[i + 1]) & wordByte != 0 {
                        length += 1; i += 1; continue
                    }
                    if c == UInt8(ascii: "-"), i + 1 < n, kind(p[i + 1]) & letter != 0 {
                        // Hyphenated words stay one word: "follow-up", "on-call".
                        length += 1; i += 1; continue
                    }
                    break
                }
                if separator(p, i) != 0 { break }
                isASCII = false
                let curly = curlyApostrophe(p, i)
                if curly != 0, i + curly < n, kind(p[i + curly]) & letter != 0, length > 0 {
                    changed = true
                    length += 1; i += curly; continue
                }
                length += 1; i += 1
            }
            result.append(WordSpan(start: start, end: i, length: length, changed: changed, isASCII: isASCII))
        }
        return result
    }

    /// The word's text (``ProseWord/text``), written from `p`, the line it was found in.
    func text(in p: UnsafeBufferPointer<UInt8>) -> String {
        let n = p.count
        return String(unsafeUninitializedCapacity: length) { out in
            var j = 0
            var k = start
            while k < end {
                let c = p[k]
                // A curly apostrophe inside a word and before a letter is straightened.
                if c == 0xE2, k > start, Self.curlyApostrophe(p, k) != 0, k + 3 < n, ProseText.isLetter(p[k + 3]) {
                    out[j] = UInt8(ascii: "'"); j += 1; k += 3; continue
                }
                out[j] = c >= 65 && c <= 90 ? c + 32 : c
                j += 1; k += 1
            }
            assert(j == length, "the writer and the scan disagree on the word's length")
            return j
        }
    }

    /// True when the bytes at `i` are the UTF-8 of a letter (a scalar Unicode calls alphabetic):
    /// `å` and `É` are, `☕`, `—` and bytes that are no UTF-8 are not.
    static func startsLetter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        ProseText.letterWidth(p[i..<min(p.count, i + 4)]) > 0
    }

    /// The length of the curly apostrophe at `i` (U+2019), or 0.
    @inline(__always)
    static func curlyApostrophe(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        i + 2 < p.count && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0x99 ? 3 : 0
    }

    /// The length of the punctuation scalar at `i` that separates words (curly double and
    /// left single quotes, dashes, ellipsis, no-break space), or 0.
    @inline(__always)
    static func separator(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = p[i]
        if b == 0xC2 { return i + 1 < p.count && p[i + 1] == 0xA0 ? 2 : 0 }
        guard b == 0xE2, i + 2 < p.count, p[i + 1] == 0x80 else { return 0 }
        switch p[i + 2] {
        case 0x9C, 0x9D, 0x94, 0x93, 0xA6, 0x98: return 3
        default: return 0
        }
    }
}

/// A prose line and its words, whose texts are written when a rule asks: the form the
/// language rules read a document's paragraphs in (``ProseParagraph``). The answers
/// are those of the ``ProseWord`` values ``ProseWord/words(in:)`` gives for the same bytes.
struct ProseLine: Sendable {
    let bytes: [UInt8]
    let words: [WordSpan]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        words = bytes.withUnsafeBufferPointer { WordSpan.spans(in: $0) }
    }

    /// ``ProseWord/text`` of word `i`.
    func text(_ i: Int) -> String {
        let span = words[i]
        let text = bytes.withUnsafeBufferPointer { p in
            span.changed ? span.text(in: p) : String(decoding: UnsafeBufferPointer(rebasing: p[span.start..<span.end]), as: UTF8.self)
        }
        // Letters beyond ASCII are lowercased as Unicode says ("Åse" is "åse", "BJØRN" "bjørn"),
        // as the authors' names are: PM013 had missed an author whose name starts with one (the
        // adoption audit of stop 50). A word whose only such bytes are a curly apostrophe's
        // (already straightened) has none.
        guard !span.isASCII, text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        return ProseText.folded(text)
    }

    /// The words from `first` to `last` as a message quotes them: as written, with each run of
    /// blanks (where markup such as `_` or a tag was) and asterisks made one space, so that
    /// "It was *Dana's* oversight" quotes "Dana's oversight".
    func quoted(from first: Int, through last: Int) -> String {
        var result: [UInt8] = []
        var blank = false
        for b in bytes[words[first].start..<words[last].end] {
            if b == ProseText.space || b == UInt8(ascii: "\t") || b == UInt8(ascii: "*") {
                blank = true
                continue
            }
            if blank { result.append(ProseText.space) }
            blank = false
            result.append(b)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// ``ProseWord/original`` of word `i`.
    func original(_ i: Int) -> String {
        String(decoding: bytes[words[i].start..<words[i].end], as: UTF8.self)
    }

    /// `text(i) == word`. When both are ASCII, `String` equality is byte equality, so the bytes
    /// are compared without writing the text.
    func text(_ i: Int, is word: String) -> Bool {
        let span = words[i]
        guard span.isASCII, word.isASCIIBytes else { return text(i) == word }
        guard word.utf8.count == span.length else { return false }
        var k = span.start
        for expected in word.utf8 {
            let c = bytes[k]
            if (c >= 65 && c <= 90 ? c + 32 : c) != expected { return false }
            k += 1
        }
        return true
    }

    /// True when the texts of the words from index `start` on are `phrase`, word for word (a
    /// phrase that runs past the end does not match).
    func matches(_ phrase: [String], at start: Int) -> Bool {
        guard start >= 0, start + phrase.count <= words.count else { return false }
        for k in phrase.indices where !text(start + k, is: phrase[k]) { return false }
        return inOneCell(from: start, through: start + phrase.count - 1)
    }

    /// True when no table cell border (`|`) stands between words `first` and `last`: a phrase
    /// does not run from one cell into the next ("Dana | forgot the flag").
    func inOneCell(from first: Int, through last: Int) -> Bool {
        guard first < last else { return true }
        return !bytes[words[first].end..<words[last].start].contains(UInt8(ascii: "|"))
    }
}

/// A quick first test of whether a word can be in a set of words: one bit per pair of first and
/// last byte and length (the bytes' low five bits, which tell ASCII letters apart). Rules look up
/// every word of every prose line; hashing each as a `String` was most of their time, and almost
/// every word fails this test, so the set is only asked about the rest. (The last byte tells "is",
/// "in" and "it" from "if".) Until stop 48 the first and the last byte had a bit each, so a word
/// passed on any set word's first letter and any other's last: "after" and "about" passed for
/// "aware" beside a five-letter word in r or t, and the language audit's phrases added half as
/// many lookups again.
///
/// `String` equality is canonical equivalence, so a word with a non-ASCII byte can equal one of
/// another length or first byte ("zoë" and "zoe" + U+0308, "k" and U+212A KELVIN SIGN): such a
/// word always passes, and a set holding one lets every word pass.
struct WordPrefilter: Sendable {
    /// One bit per length, for each pair of first and last byte (``slot(_:_:)``).
    private var bits = [UInt64](repeating: 0, count: 1024)
    private var passesAll = false

    @inline(__always)
    private static func slot(_ first: UInt8, _ last: UInt8) -> Int { Int(first & 31) << 5 | Int(last & 31) }

    init<Words: Sequence>(_ words: Words) where Words.Element == String {
        for word in words { insert(word) }
    }

    mutating func insert(_ word: String) {
        if !Self.isASCII(word) { passesAll = true }
        // The empty word gets byte 0 and length 0, which no real word has.
        let length: UInt64 = 1 << UInt64(min(word.utf8.count, 63))
        bits[Self.slot(word.utf8.first ?? 0, word.utf8.last ?? 0)] |= length
    }

    @inline(__always)
    private func mayContain(first: UInt8, last: UInt8, length: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(min(length, 63))
        return bits[Self.slot(first, last)] & bit != 0
    }

    /// False when the text of word `i` of `line` is certainly not one of the words; true when
    /// it may be. A word written in ASCII has its bytes lowercased as its text, so its text need
    /// not be written; any other word (a curly apostrophe, an accent) always passes.
    @inline(__always)
    func mayContain(_ line: ProseLine, _ i: Int) -> Bool {
        let span = line.words[i]
        if passesAll || !span.isASCII { return true }
        func lowered(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
        return mayContain(first: lowered(line.bytes[span.start]), last: lowered(line.bytes[span.end - 1]), length: span.length)
    }

    private static func isASCII(_ word: String) -> Bool {
        word.isASCIIBytes
    }
}
