import Foundation

/// The source lines of a document with what is not the author's own prose blanked out, so text
/// rules can match words and still report exact `line:column` (UTF-8 bytes).
///
/// Excluded by default: front matter, fenced and indented code, code spans, HTML blocks and tags,
/// comments, block quotes, link destinations and URLs. Quoted speech in the timeline (chat logs:
/// `@handle: …`, `<nick> …`, `"…"`) is excluded on request.
public struct ProseText: Sendable {
    /// The source lines as UTF-8 bytes; index 0 is line 1.
    public let lines: [[UInt8]]
    /// What each line is part of, by line number (index 0 unused). Rules ask about every line,
    /// so these are flags rather than sets of line numbers, whose hashing cost more.
    private let kinds: [LineKind]
    /// Lowercased author handles and their first names, which chat-log lines start with.
    let speakers: Set<String>

    struct LineKind: OptionSet, Sendable {
        let rawValue: UInt8
        /// Never prose: front matter, code blocks, HTML blocks.
        static let code = LineKind(rawValue: 1)
        /// Front matter and code blocks only (HTML blocks are not).
        static let literal = LineKind(rawValue: 2)
        /// Inside a block quote.
        static let quote = LineKind(rawValue: 4)
        /// In the timeline section (and its subsections).
        static let timeline = LineKind(rawValue: 8)
        /// Goes on with the paragraph of the line before: a sentence may run across the line end.
        static let continuation = LineKind(rawValue: 16)
    }

    /// True when line `number` is `kind`; false outside the document.
    private func line(_ number: Int, is kind: LineKind) -> Bool {
        number >= 0 && number < kinds.count && kinds[number].contains(kind)
    }

    public init(document: ReadDocument) {
        // On UTF-8 bytes: "\n" is a grapheme of its own and the reader removed every "\r", so
        // this is the same split as on characters, without grapheme breaking.
        lines = ProseText.splitLines(document.source)
        var kinds = [LineKind](repeating: [], count: lines.count + 1)
        /// Marks the lines of `first...last` that are in the document.
        func mark(_ first: Int, _ last: Int, _ kind: LineKind) {
            let low = max(1, first), high = min(last, kinds.count - 1)
            guard low <= high else { return }
            for number in low...high { kinds[number].formUnion(kind) }
        }
        if let range = document.postmortem.frontMatter.range { mark(range.start.line, range.end.line, [.literal, .code]) }
        // Code blocks, HTML blocks and block quotes sit in the document, list items, footnotes
        // and block quotes; paragraphs, headings and tables hold only inline nodes.
        document.tree.walk(descend: { node in
            switch node.tag {
            case .document, .list, .item, .footnoteDefinition, .blockQuote: return true
            default: return false
            }
        }) { node in
            let tag = node.tag
            // A paragraph, or a heading underlined over several lines, runs on across its lines.
            if tag == .paragraph || tag == .heading, let range = node.range, range.end.line > range.start.line {
                mark(range.start.line + 1, range.end.line, .continuation)
                return
            }
            guard tag == .codeBlock || tag == .htmlBlock || tag == .blockQuote,
                  let range = node.range, range.end.line >= range.start.line else { return }
            switch tag {
            case .codeBlock: mark(range.start.line, range.end.line, [.code, .literal])
            case .htmlBlock: mark(range.start.line, range.end.line, .code)
            default: mark(range.start.line, range.end.line, .quote)
            }
        }
        for section in document.postmortem.sections where section.kind == .timeline {
            if section.range.end.line >= section.range.start.line {
                mark(section.range.start.line + 1, max(section.range.start.line + 1, section.range.end.line), .timeline)
            }
        }
        self.kinds = kinds
        speakers = Self.authorNames(document.postmortem.authors)
    }

    /// The authors' handles and first names of more than one letter, lowercased: `@dana.k` gives
    /// `dana.k` and `dana`. The speakers of chat lines (PM012), the people of PM013 and PM053.
    static func authorNames(_ authors: [String]) -> Set<String> {
        var names = Set<String>()
        for author in authors {
            let lowered = folded(author)
            // `hasPrefix` and `dropFirst` rather than `trimmingPrefix`, whose generic matching
            // cost more than the rest of this loop; both compare whole characters.
            let handle = lowered.hasPrefix("@") ? lowered.dropFirst() : lowered[...]
            names.insert(String(handle))
            if let first = handle.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" }).first, first.count > 1 {
                names.insert(String(first))
            }
        }
        return names
    }

    /// `text` lowercased as words and names are compared: as Unicode lowercases it, with
    /// Turkish `İ` and `ı` read as `i` (Unicode makes `İ` an `i` with a dot above, so `İLKER`
    /// never matched the author `ilker.y`: the retest of stop 50).
    static func folded(_ text: String) -> String {
        let lowered = text.lowercased()
        guard lowered.unicodeScalars.contains(where: { $0 == "\u{307}" || $0 == "ı" }) else { return lowered }
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar? = nil
        for scalar in lowered.unicodeScalars {
            if scalar == "\u{307}", previous == "i" { continue }
            let kept: Unicode.Scalar = scalar == "ı" ? "i" : scalar
            scalars.append(kept)
            previous = kept
        }
        return String(scalars)
    }

    /// True when line `number` goes on with a paragraph (or a heading) of the line before it, so
    /// that a sentence can run on from one to the other (see ``ProseParagraph``).
    func continuesParagraph(line number: Int) -> Bool {
        line(number, is: .continuation)
    }

    /// Line `number` (1-based) with code spans, HTML tags, comments, URLs, link destinations and
    /// emphasis underscores replaced by spaces; nil for lines that are not prose at all. Block quotes count as prose
    /// only when `includeQuotes`; chat-log speech in the timeline is blanked when `blankChat`.
    public func prose(line number: Int, includeQuotes: Bool = false, blankChat: Bool = true) -> [UInt8]? {
        guard isProse(number, includeQuotes: includeQuotes) else { return nil }
        var bytes = lines[number - 1]
        blankProse(&bytes, blankChat: blankChat, timeline: line(number, is: .timeline))
        return bytes
    }

    /// Blanks in `bytes` (a line, or the lines of a paragraph joined) what is not the author's
    /// prose: code spans, HTML tags, comments, URLs, link destinations and emphasis underscores;
    /// with `blankChat`, quoted words too ("The customer wrote: "you should have warned us"" is
    /// someone else's), and in the `timeline`, chat-log speech after a speaker label. Every byte
    /// blanked becomes a space, so columns stay where they were.
    func blankProse(_ bytes: inout [UInt8], lineStarts: [(offset: Int, number: Int)] = [], blankChat: Bool, timeline: Bool) {
        // A `<nick>` label is found before markup is blanked, which takes it for an HTML tag
        // (`<sam>` is one to cmark-gfm too): "- 07:47 <li.w> I forgot to silence it" had been read.
        let nickLabel = blankChat && timeline ? Self.nickLabel(in: bytes, lineStarts: lineStarts) : nil
        ProseText.blankInlineMarkup(&bytes)
        ProseText.blankEmphasisUnderscores(&bytes)
        guard blankChat else { return }
        ProseText.blankQuotedText(&bytes)
        if let nickLabel { ProseText.blank(&bytes, nickLabel..<bytes.count) }
        if timeline { blankSpeakerLabels(&bytes) }
    }

    /// Where the first chat label `<nick>` starts in `bytes` (a timeline paragraph whose lines
    /// start at `lineStarts`): a handle between `<` and `>`, not an HTML tag pm knows (`<b>`), as
    /// the first word of a line after its list marker (`-`, `*`, `+`, `1.`, a table's `|`) and its
    /// times (`- 07:47 UTC: <li.w> …`, `1. [07:49] <danak> …`, `| 07:47 | <sam> … |`,
    /// `- 07:49 UTC: [07:49] <danak> …`). A `<pool-name>` later in an entry is no label, and the
    /// words after it stay prose.
    static func nickLabel(in bytes: [UInt8], lineStarts: [(offset: Int, number: Int)] = []) -> Int? {
        guard ByteSearch.contains(UInt8(ascii: "<"), in: bytes) else { return nil }
        // One line from 0 when no starts are given.
        for k in 0..<max(1, lineStarts.count) {
            let start = lineStarts.isEmpty ? 0 : lineStarts[k].offset
            let end = k + 1 < lineStarts.count ? lineStarts[k + 1].offset : bytes.count
            guard let open = bytes[start..<end].firstIndex(of: UInt8(ascii: "<")) else { continue }
            var close = open + 1
            while close < end {
                // ASCII first, in the loop: most names are.
                if isHandleByte(bytes[close]) { close += 1; continue }
                guard bytes[close] >= 0x80, case let length = nameLength(bytes, close), length > 0 else { break }
                close += length
            }
            guard close > open + 1, close < end, bytes[close] == UInt8(ascii: ">"),
                  !htmlTags.contains(String(decoding: bytes[(open + 1)..<close], as: UTF8.self).lowercased()) else { continue }
            if isEntryStart(bytes[start..<open]) { return open }
        }
        return nil
    }

    /// True when `prefix` is nothing but a list marker or a table's `|` and times with their
    /// separators.
    static func isEntryStart(_ prefix: ArraySlice<UInt8>) -> Bool {
        var rest = Substring(String(decoding: prefix, as: UTF8.self)).drop { $0 == " " || $0 == "\t" }
        if let first = rest.first, "-*+|".contains(first) {
            rest = rest.dropFirst()
        } else if let digits = rest.firstIndex(where: { !$0.isASCII || !$0.isNumber }), digits > rest.startIndex,
                  rest[digits] == "." || rest[digits] == ")" {
            rest = rest[rest.index(after: digits)...]
        }
        var text = String(rest.drop { $0 == " " || $0 == "\t" })
        // A time, and another after it (an entry's time, then a chat log's own).
        for _ in 0..<3 where !text.isEmpty {
            guard let leading = TimeExpression.leading(text), !leading.isDateOnly, leading.rest.utf8.count < text.utf8.count else { return false }
            text = leading.rest
        }
        return text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "|" }
    }

    /// HTML tags, which are markup, not a chat label or a placeholder (`<b>`, `<br>`, `<details>`).
    static let htmlTags: Set<String> = ["a", "abbr", "b", "br", "cite", "code", "del", "details", "div", "em", "hr", "i", "img",
                                        "ins", "kbd", "mark", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary",
                                        "sup", "table", "td", "th", "tr", "u", "ul", "ol", "li", "time", "video", "source",
                                        "picture", "iframe", "figure", "figcaption", "blockquote", "center", "font", "h1",
                                        "h2", "h3", "h4", "h5", "h6", "section", "tbody", "thead", "dl", "dt", "dd"]

    /// True when line `number` is in the document and prose: not code, front matter or an HTML
    /// block, and not in a block quote unless `includeQuotes`.
    func isProse(_ number: Int, includeQuotes: Bool) -> Bool {
        number >= 1 && number <= lines.count && !line(number, is: .code) && (includeQuotes || !line(number, is: .quote))
    }

    /// True when line `number` is in the timeline section.
    func isTimeline(_ number: Int) -> Bool {
        line(number, is: .timeline)
    }

    /// True when line `number` is in a block quote.
    func isQuote(_ number: Int) -> Bool {
        line(number, is: .quote)
    }

    /// Line `number` with only code spans blanked (for placeholders, which often look like tags);
    /// nil for code blocks and front matter. HTML blocks are included: cmark reads a prompt like
    /// `<describe the impact.>` as an HTML tag.
    public func withoutCode(line number: Int) -> [UInt8]? {
        guard number >= 1, number <= lines.count, !line(number, is: .literal) else { return nil }
        var bytes = lines[number - 1]
        ProseText.blankCodeSpans(&bytes)
        return bytes
    }

    /// The lines of `source` as UTF-8 bytes, split at every `\n` (a trailing `\n` gives a last,
    /// empty line), found with memchr.
    static func splitLines(_ source: String) -> [[UInt8]] {
        var text = source
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return [[]] }
            var result: [[UInt8]] = []
            var start = 0
            while start <= buffer.count {
                let rest = buffer.count - start
                let end = memchr(base + start, Int32(UInt8(ascii: "\n")), rest).map {
                    base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                } ?? buffer.count
                result.append(Array(UnsafeBufferPointer(rebasing: buffer[start..<end])))
                start = end + 1
            }
            return result
        }
    }

    static let space = UInt8(ascii: " ")

    static func blank(_ bytes: inout [UInt8], _ range: Range<Int>) {
        for i in range where i < bytes.count { bytes[i] = space }
    }

    /// Blanks code spans: a run of backticks up to the next run of the same length.
    static func blankCodeSpans(_ bytes: inout [UInt8]) {
        // Most lines have no backtick.
        guard ByteSearch.contains(UInt8(ascii: "`"), in: bytes) else { return }
        bytes.withUnsafeMutableBufferPointer { blankCodeSpans($0) }
    }

    /// The runs of backticks are listed once, and each run length keeps a cursor into its own
    /// runs: an opener's closer is the next run of its length, found by moving that cursor
    /// forward, never by scanning the line again. A line of ever longer runs (`` ` `` `` `` ``
    /// `` ``` `` …) had cost n^1.5 (4 MB took 9 s); now every run is looked at a bounded number
    /// of times.
    private static func blankCodeSpans(_ p: UnsafeMutableBufferPointer<UInt8>) {
        let n = p.count
        let tick = UInt8(ascii: "`")
        var runs: [(start: Int, length: Int)] = []
        var i = 0
        while i < n {
            guard p[i] == tick else { i += 1; continue }
            var length = 0
            while i + length < n && p[i + length] == tick { length += 1 }
            runs.append((i, length))
            i += length
        }
        // The positions in `runs` of the runs of each length, in order, and how far each list
        // has been passed.
        var byLength: [Int: [Int]] = [:]
        for (index, run) in runs.enumerated() { byLength[run.length, default: []].append(index) }
        var passed: [Int: Int] = [:]
        var k = 0
        while k < runs.count {
            let (start, length) = runs[k]
            let same = byLength[length]!
            var cursor = passed[length] ?? 0
            while cursor < same.count && same[cursor] <= k { cursor += 1 }
            passed[length] = cursor
            guard cursor < same.count else { k += 1; continue }
            let closer = runs[same[cursor]]
            for position in start..<(closer.start + closer.length) { p[position] = space }
            k = same[cursor] + 1
        }
    }

    /// Blanks code spans, HTML comments and tags, link destinations and bare URLs. Every prose
    /// line of every document goes through here, so it works through a pointer, and only on
    /// lines with a `<`, `]` or `http` (most have none, and writing copies the line);
    /// `ProseWordTests` compares it with the plain version it replaced.
    static func blankInlineMarkup(_ bytes: inout [UInt8]) {
        blankCodeSpans(&bytes)
        guard ByteSearch.contains(UInt8(ascii: "<"), in: bytes) || ByteSearch.contains(UInt8(ascii: "]"), in: bytes)
                || ByteSearch.firstIndex(of: httpBytes, in: bytes, from: 0) != nil else { return }
        bytes.withUnsafeMutableBufferPointer { blankInlineMarkup($0) }
    }

    private static let httpBytes = Array("http".utf8)

    /// Blanks the underscores of `_emphasis_` and `__strong__`: a run of `_` that does not sit
    /// between two word bytes, as CommonMark reads them. Underscores inside a word stay
    /// (`gc_grace_seconds`), so that the word does too. `_Dana forgot_` had hidden its words from
    /// the language rules, which saw `_dana` and `forgot_`.
    static func blankEmphasisUnderscores(_ bytes: inout [UInt8]) {
        guard ByteSearch.contains(UInt8(ascii: "_"), in: bytes) else { return }
        let n = bytes.count
        func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || (b >= 48 && b <= 57) || b >= 0x80 }
        /// True when the bytes before `i` are a handle (`@dana_`), whose underscores are its own.
        func endsHandle(before i: Int) -> Bool {
            var k = i
            while k > 0 {
                if isHandleByte(bytes[k - 1]) { k -= 1; continue }
                guard bytes[k - 1] >= 0x80, case let length = nameLength(bytes, before: k), length > 0 else { break }
                k -= length
            }
            return k < i && k > 0 && bytes[k - 1] == UInt8(ascii: "@")
        }
        var i = 0
        while i < n {
            guard bytes[i] == UInt8(ascii: "_") else { i += 1; continue }
            var end = i
            while end < n, bytes[end] == UInt8(ascii: "_") { end += 1 }
            let inWord = i > 0 && end < n && isAlphanumeric(bytes[i - 1]) && isAlphanumeric(bytes[end])
            if !inWord && !endsHandle(before: i) { blank(&bytes, i..<end) }
            i = end
        }
    }

    private static func blankInlineMarkup(_ p: UnsafeMutableBufferPointer<UInt8>) {
        let n = p.count
        // The bytes ahead of `i` never change and `i` only grows (see ``NextByte``).
        var nextAngle = NextByte(UInt8(ascii: ">")), nextParen = NextByte(UInt8(ascii: ")"))
        /// The index of the first `byte` (`>` or `)`) after `from`, if any.
        func find(_ byte: UInt8, after from: Int) -> Int? {
            byte == nextAngle.byte ? nextAngle.index(after: from, in: p) : nextParen.index(after: from, in: p)
        }
        func blank(_ range: Range<Int>) { for k in range { p[k] = space } }
        var i = 0
        while i < n {
            let b = p[i]
            // HTML comments and tags: `<!-- … -->`, `<a …>`, `</b>`.
            if b == UInt8(ascii: "<"), i + 1 < n, isLetter(p[i + 1]) || p[i + 1] == UInt8(ascii: "/") || p[i + 1] == UInt8(ascii: "!") {
                if let close = find(UInt8(ascii: ">"), after: i) {
                    blank(i..<(close + 1))
                    i = close + 1
                    continue
                }
            }
            // Link destinations: `](…)`.
            if b == UInt8(ascii: "]"), i + 1 < n, p[i + 1] == UInt8(ascii: "("), let close = find(UInt8(ascii: ")"), after: i) {
                blank((i + 1)..<(close + 1))
                i = close + 1
                continue
            }
            // Bare URLs.
            if b == UInt8(ascii: "h"), startsWith(p, i, "http://") || startsWith(p, i, "https://") {
                var j = i
                while j < n, p[j] != space, p[j] != UInt8(ascii: ")"), p[j] != UInt8(ascii: ">") { j += 1 }
                blank(i..<j)
                i = j
                continue
            }
            i += 1
        }
    }

    private static func startsWith(_ p: UnsafeMutableBufferPointer<UInt8>, _ i: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard i + count <= p.count else { return false }
        let needle = text.utf8Start
        for k in 0..<count where p[i + k] != needle[k] { return false }
        return true
    }

    /// Blanks text in straight, curly, German (`„…“`) or French (`«…»`) double quotes, each quote
    /// with its closer.
    static func blankQuotedText(_ bytes: inout [UInt8]) {
        // Quoted text, which opens with `"`, `“` (E2 80 9C), `„` (E2 80 9E) or `«` (C2 AB): most
        // lines have none of these bytes. (Every curly quote, dash and ellipsis starts with E2, so
        // look for the whole quote.)
        var i = bytes.count
        if ByteSearch.contains(UInt8(ascii: "\""), in: bytes) {
            i = 0
        } else {
            if ByteSearch.contains(0xE2, in: bytes) {
                for quote in [Self.openingCurlyQuote, Self.openingLowQuote] {
                    if let found = ByteSearch.firstIndex(of: quote, in: bytes, from: 0) { i = min(i, found) }
                }
            }
            if ByteSearch.contains(0xC2, in: bytes), let found = ByteSearch.firstIndex(of: Self.openingGuillemet, in: bytes, from: 0) {
                i = min(i, found)
            }
        }
        // Where a search for each closer found none: none follows any later position either, so
        // a line of unclosed quotes is read once, not once per quote.
        var noCloserFrom: [String: Int] = [:]
        while i < bytes.count {
            // A straight quote right after a digit is an inch mark (`19"`, `2.5"`), not a quotation:
            // it paired with the next quote in the paragraph, hid the words between and left the
            // real quotation to be read.
            let inchMark = bytes[i] == UInt8(ascii: "\"") && i > 0 && isDigit(bytes[i - 1])
            if !inchMark, let (openLength, closer) = ProseText.openingQuote(bytes, i), i + openLength < noCloserFrom[closer, default: .max] {
                var j = i + openLength
                var found: Int? = nil
                while j < bytes.count {
                    if ProseText.startsWith(bytes, j, closer) { found = j + closer.utf8.count; break }
                    j += 1
                }
                if found == nil { noCloserFrom[closer] = i + openLength }
                if let found {
                    ProseText.blank(&bytes, i..<found)
                    i = found
                    continue
                }
            }
            i += 1
        }
    }

    /// Blanks everything after a speaker label (`@handle:`, `author:`; `<nick>` is found before
    /// markup is blanked, by ``nickLabel(in:)``).
    func blankSpeakerLabels(_ bytes: inout [UInt8]) {
        var i = 0
        while i < bytes.count {
            let atStart = i == 0 || !ProseText.isWordByte(bytes[i - 1])
            guard atStart else { i += 1; continue }
            var j = i
            if bytes[j] == UInt8(ascii: "@") { j += 1 }
            let nameStart = j
            while j < bytes.count {
                if ProseText.isHandleByte(bytes[j]) { j += 1; continue }
                guard bytes[j] >= 0x80, case let length = ProseText.nameLength(bytes, j), length > 0 else { break }
                j += length
            }
            if j > nameStart, j < bytes.count, bytes[j] == UInt8(ascii: ":"), j + 1 == bytes.count || bytes[j + 1] == ProseText.space {
                let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
                if bytes[i] == UInt8(ascii: "@") || speakers.contains(name) {
                    ProseText.blank(&bytes, i..<bytes.count)
                    return
                }
            }
            i = max(j, i + 1)
        }
    }

    static let openingCurlyQuote = Array("“".utf8)
    static let openingLowQuote = Array("„".utf8)
    static let openingGuillemet = Array("«".utf8)

    /// The length of the quote that opens at `i` and the text that closes it: `"…"`, `“…”`, the
    /// German `„…“` and the French `«…»`.
    static func openingQuote(_ bytes: [UInt8], _ i: Int) -> (Int, String)? {
        if bytes[i] == UInt8(ascii: "\"") { return (1, "\"") }
        if bytes[i] == 0xE2, startsWith(bytes, i, "“") { return (3, "”") }
        if bytes[i] == 0xE2, startsWith(bytes, i, "„") { return (3, "“") }
        if bytes[i] == 0xC2, startsWith(bytes, i, "«") { return (2, "»") }
        return nil
    }

    static func startsWith(_ bytes: [UInt8], _ i: Int, _ text: String) -> Bool {
        var j = i
        for b in text.utf8 {
            guard j < bytes.count, bytes[j] == b else { return false }
            j += 1
        }
        return true
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
    static func isWordByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 48 && b <= 57) || b >= 0x80 || b == UInt8(ascii: "_") }
    static func isHandleByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= 48 && b <= 57) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
    }
    /// The length of the character of a handle or a name at `i`, as a chat label writes it: 1 for
    /// a byte of ``isHandleByte(_:)``, the bytes of a letter beyond ASCII (`@åse.b:`, `<bjørn>`,
    /// `Åse:`), and 0 for anything else: an em dash, a curly quote or a no-break space ends the
    /// name (the review of stop 50).
    static func nameLength(_ bytes: [UInt8], _ i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 { return isHandleByte(b) ? 1 : 0 }
        return letterWidth(bytes[i..<min(bytes.count, i + 4)])
    }

    /// The number of bytes of the letter (a scalar Unicode calls alphabetic) that `bytes` start
    /// with, or 0: for `å` 2, for `☕`, `—` or bytes that are no UTF-8 0.
    static func letterWidth<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.properties.isAlphabetic else { return 0 }
        return UTF8.width(scalar)
    }

    /// ``nameLength(_:_:)`` of the character that ends right before `end`.
    static func nameLength(_ bytes: [UInt8], before end: Int) -> Int {
        var start = end - 1
        while start > 0, end - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let length = nameLength(bytes, start)
        return start + length == end ? length : 0
    }
}

/// The next position of a byte after positions that only grow, in bytes that do not change
/// ahead of them: found once and reused until passed, so a line of openers that never close is
/// read once instead of once per opener (a 240 KB line of `<a ` had taken 9.6 s).
struct NextByte {
    let byte: UInt8
    /// Where the last search started, and what it found.
    private var searchedAfter = Int.max
    private var found: Int?

    init(_ byte: UInt8) { self.byte = byte }

    /// The index of the first ``byte`` after `from` in `bytes`, if any.
    mutating func index<Bytes: RandomAccessCollection>(after from: Int, in bytes: Bytes) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        if searchedAfter > from || found.map({ $0 <= from }) == true {
            var k = from + 1
            while k < bytes.endIndex, bytes[k] != byte { k += 1 }
            searchedAfter = from
            found = k < bytes.endIndex ? k : nil
        }
        return found
    }
}
