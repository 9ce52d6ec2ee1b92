import Foundation
import Testing
@testable import PostmortemKit

/// ``ProseWord/words(in:)`` and ``ProseText/blankInlineMarkup(_:)`` on a pointer against the
/// plain versions they replaced, on every line of every document the tests can reach and on
/// seeded random lines built from the bytes they treat specially.
@Suite struct ProseWordTests {
    /// `ProseWord.words(in:)` as it was written: subscripts, `String` needles, a byte buffer
    /// per word.
    static func reference(_ bytes: [UInt8]) -> [ProseWord] {
        var result: [ProseWord] = []
        var i = 0
        func isApostrophe(_ i: Int) -> Int? {
            if bytes[i] == UInt8(ascii: "'") { return 1 }
            if bytes[i] == 0xE2, ProseText.startsWith(bytes, i, "’") { return 3 }
            return nil
        }
        func isSeparatorScalar(_ i: Int) -> Int? {
            guard bytes[i] >= 0x80 else { return nil }
            for s in ["“", "”", "—", "–", "…", "‘", "\u{00A0}"] where ProseText.startsWith(bytes, i, s) { return s.utf8.count }
            return nil
        }
        var text = [UInt8]()
        while i < bytes.count {
            let b = bytes[i]
            let startsWord = ProseText.isWordByte(b) && (b < 0x80 || isSeparatorScalar(i) == nil && !(ProseText.startsWith(bytes, i, "’")))
            // "@dana.k", "@åse.b": an ASCII letter, or a letter beyond ASCII, after the "@".
            func letterBeyondASCII(at j: Int) -> Bool {
                (2...4).contains { n in
                    guard let scalars = String(validating: bytes[j...].prefix(n), as: UTF8.self)?.unicodeScalars, scalars.count == 1 else { return false }
                    return scalars.first!.properties.isAlphabetic
                }
            }
            let startsHandle = b == UInt8(ascii: "@") && i + 1 < bytes.count
                && (ProseText.isLetter(bytes[i + 1]) || bytes[i + 1] >= 0x80 && letterBeyondASCII(at: i + 1))
            guard startsWord || startsHandle else {
                i += isSeparatorScalar(i) ?? 1
                continue
            }
            let start = i
            text.removeAll(keepingCapacity: true)
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
                    if c >= 65 && c <= 90 { text.append(c + 32); changed = true } else { text.append(c) }
                    i += 1; continue
                }
                if (c == UInt8(ascii: ".") || c == UInt8(ascii: "-")) && startsHandle,
                   i + 1 < bytes.count, ProseText.isWordByte(bytes[i + 1]) {
                    text.append(c); i += 1; continue
                }
                if c == UInt8(ascii: "-"), i + 1 < bytes.count, ProseText.isLetter(bytes[i + 1]) {
                    text.append(c); i += 1; continue
                }
                break
            }
            // Beyond ASCII, letters are lowercased as Unicode says ("Åse" is "åse"), with Turkish
            // `İ` and `ı` read as `i`.
            var folded = String.UnicodeScalarView()
            for scalar in String(decoding: text, as: UTF8.self).lowercased().unicodeScalars {
                if scalar == "\u{307}", folded.last == "i" { continue }
                folded.append(scalar == "ı" ? "i" : scalar)
            }
            let lowered = isASCII ? String(decoding: text, as: UTF8.self) : String(folded)
            let asWritten = String(decoding: bytes[start..<i], as: UTF8.self)
            result.append(ProseWord(text: lowered, original: asWritten, start: start, end: i, isASCII: isASCII))
        }
        return result
    }

    /// `ProseText.blankInlineMarkup` as it was written, on the array with subscripts.
    static func referenceBlank(_ line: [UInt8]) -> [UInt8] {
        var bytes = line
        func blank(_ range: Range<Int>) { for i in range where i < bytes.count { bytes[i] = UInt8(ascii: " ") } }
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "`") else { i += 1; continue }
            var run = 0
            while i + run < bytes.count && bytes[i + run] == UInt8(ascii: "`") { run += 1 }
            var j = i + run
            var closed: Int? = nil
            while j < bytes.count {
                if bytes[j] == UInt8(ascii: "`") {
                    var r = 0
                    while j + r < bytes.count && bytes[j + r] == UInt8(ascii: "`") { r += 1 }
                    if r == run { closed = j + r; break }
                    j += r
                } else { j += 1 }
            }
            if let closed { blank(i..<closed); i = closed } else { i += run }
        }
        i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "<"), i + 1 < bytes.count,
               ProseText.isLetter(bytes[i + 1]) || bytes[i + 1] == UInt8(ascii: "/") || bytes[i + 1] == UInt8(ascii: "!") {
                if let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) {
                    blank(i..<(close + 1)); i = close + 1; continue
                }
            }
            if b == UInt8(ascii: "]"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "("),
               let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: ")")) {
                blank((i + 1)..<(close + 1)); i = close + 1; continue
            }
            if b == UInt8(ascii: "h"), ProseText.startsWith(bytes, i, "http://") || ProseText.startsWith(bytes, i, "https://") {
                var j = i
                while j < bytes.count, bytes[j] != UInt8(ascii: " "), bytes[j] != UInt8(ascii: ")"), bytes[j] != UInt8(ascii: ">") { j += 1 }
                blank(i..<j); i = j; continue
            }
            i += 1
        }
        return bytes
    }

    static func blanked(_ line: [UInt8]) -> [UInt8] {
        var bytes = line
        ProseText.blankInlineMarkup(&bytes)
        return bytes
    }

    /// Equal as `ProseWord`s and byte for byte in both strings (`String` equality is canonical
    /// equivalence, which would hide a difference in the bytes).
    static func same(_ a: [ProseWord], _ b: [ProseWord]) -> Bool {
        a == b && zip(a, b).allSatisfy { Array($0.text.utf8) == Array($1.text.utf8) && Array($0.original.utf8) == Array($1.original.utf8) }
    }

    /// Stop 48: the prefilter knows which first letter goes with which last, so a word does not
    /// pass on one set word's first letter and another's last ("after" for "aware" and "their").
    @Test func prefilterPairsFirstAndLastLetters() {
        let filter = WordPrefilter(["aware", "their"])
        let line = ProseLine(Array("After the alert we were aware of their queue".utf8))
        let passed = line.words.indices.filter { filter.mayContain(line, $0) }.map { line.text($0) }
        #expect(passed == ["aware", "their"])
    }

    @Test("every line of every reachable document splits as the plain version split it")
    func documentLines() {
        var lines = 0
        for document in ClassifierTextTests.documents() {
            let text = ProseText(document: document)
            for (index, line) in text.lines.enumerated() {
                lines += 1
                #expect(Self.same(ProseWord.words(in: line), Self.reference(line)), "\(document.postmortem.path):\(index + 1)")
                #expect(Self.blanked(line) == Self.referenceBlank(line), "\(document.postmortem.path):\(index + 1)")
                if let prose = text.prose(line: index + 1) {
                    #expect(Self.same(ProseWord.words(in: prose), Self.reference(prose)), "\(document.postmortem.path):\(index + 1)")
                }
            }
        }
        #expect(lines > 1_000)
    }

    @Test("seeded random lines of markup bytes are blanked as the plain version blanked them")
    func randomMarkup() {
        let pieces: [[UInt8]] = ["`", "``", "<", ">", "<a", "</", "<!--", "-->", "]", "(", ")", "](", "http://", "https://", "h",
                                 "x", " ", "é", "@"].map { Array($0.utf8) }
        var generator = SplitMix64(seed: 0xB1A2C)
        for _ in 0..<20_000 {
            var line: [UInt8] = []
            for _ in 0..<Int.random(in: 0...16, using: &generator) { line += pieces.randomElement(using: &generator)! }
            #expect(Self.blanked(line) == Self.referenceBlank(line), "\(String(decoding: line, as: UTF8.self))")
        }
    }

    @Test("seeded random lines of the bytes the splitter treats specially split as the plain version split them")
    func randomLines() {
        let pieces: [[UInt8]] = ["a", "Z", "7", "_", "@", ".", "-", "'", " ", "’", "“", "”", "—", "–", "…", "‘", "\u{00A0}", "é", "É",
                                 "☕", "\u{301}", "ß", "İ"].map { Array($0.utf8) } + [[0xE2], [0xE2, 0x80], [0x80], [0xFF], [0xC2], [0x99]]
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<20_000 {
            var line: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) { line += pieces.randomElement(using: &generator)! }
            #expect(Self.same(ProseWord.words(in: line), Self.reference(line)), "\(line)")
        }
    }

    /// True when `line` answers for each word what the plain splitter (``reference(_:)``) says
    /// of it: the same places, texts and originals byte for byte, `text(_:is:)` as `String`
    /// equality against `probes`, `matches` as comparing texts word for word, and prefilters of
    /// `probes` (one with non-ASCII words, which passes everything, and one of the ASCII ones)
    /// that pass every word of their set.
    static func agrees(_ line: ProseLine, probes: [String]) -> Bool {
        let words = reference(line.bytes)
        guard words.count == line.words.count else { return false }
        let filter = WordPrefilter(probes)
        let asciiProbes = probes.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        let asciiFilter = WordPrefilter(asciiProbes)
        for (i, word) in words.enumerated() {
            let span = line.words[i]
            guard span.start == word.start, span.end == word.end, span.isASCII == word.isASCII,
                  Array(line.text(i).utf8) == Array(word.text.utf8), Array(line.original(i).utf8) == Array(word.original.utf8) else { return false }
            // An ASCII word's text is its bytes lowercased. (Other texts can differ in length:
            // invalid UTF-8 is repaired when the strings are made.)
            if span.isASCII, span.length != word.text.utf8.count || span.changed != (word.text != word.original) { return false }
            for probe in probes + [word.text, word.original] where line.text(i, is: probe) != (word.text == probe) { return false }
            if probes.contains(word.text) && !filter.mayContain(line, i) { return false }
            if asciiProbes.contains(word.text) && !asciiFilter.mayContain(line, i) { return false }
            // A phrase does not run across a table cell border.
            func inOneCell(_ count: Int) -> Bool {
                count < 2 || !line.bytes[word.end..<words[i + count - 1].start].contains(UInt8(ascii: "|"))
            }
            for length in 1...2 {
                let phrase = Array(probes.prefix(length))
                let expected = i + length <= words.count && zip(words[i...], phrase).allSatisfy { $0.text == $1 } && inOneCell(length)
                if line.matches(phrase, at: i) != expected { return false }
            }
            let phrase = words[i...].prefix(3).map(\.text)
            if line.matches(phrase, at: i) != inOneCell(phrase.count) { return false }
        }
        return true
    }

    @Test("a prose line's words, texts written on request, are the words ProseWord splits")
    func proseLines() {
        let probes = ["should", "have", "dana", "don't", "on-call", "zoe\u{308}", "zoë", "@dana.k", "failed", "to", "is", "if", "ŝarĝo", "x"]
        var lines = 0
        for document in ClassifierTextTests.documents() {
            let text = ProseText(document: document)
            for number in 1...max(1, text.lines.count) {
                guard let prose = text.prose(line: number) else { continue }
                lines += 1
                #expect(Self.agrees(ProseLine(prose), probes: probes), "\(document.postmortem.path):\(number)")
            }
        }
        #expect(lines > 1_000)
        let pieces: [[UInt8]] = ["a", "Z", "7", "@", ".", "-", "'", " ", "’", "“", "—", "\u{00A0}", "é", "É", "\u{301}", "İ", "is", "If", "DANA"]
            .map { Array($0.utf8) } + [[0xE2], [0xE2, 0x80], [0x80], [0xFF]]
        var generator = SplitMix64(seed: 0x11E5)
        for _ in 0..<10_000 {
            var line: [UInt8] = []
            for _ in 0..<Int.random(in: 0...20, using: &generator) { line += pieces.randomElement(using: &generator)! }
            #expect(Self.agrees(ProseLine(line), probes: probes + ["a", "z7", "é", "dana's"]), "\(line)")
        }
    }

    @Test("words as the rules see them")
    func examples() {
        let words = ProseWord.words(in: Array("Dana’s follow-up: @dana.k didn’t — “Obviously” O’Neil's 99%".utf8))
        #expect(words.map(\.text) == ["dana's", "follow-up", "@dana.k", "didn't", "obviously", "o'neil's", "99"])
        #expect(words.map(\.original) == ["Dana’s", "follow-up", "@dana.k", "didn’t", "Obviously", "O’Neil's", "99"])
        #expect(words.map(\.isASCII) == [false, true, true, false, true, false, true])
    }
}

/// A small seeded generator (SplitMix64), so random tests give the same cases on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
