import Foundation

/// A document read from bytes: the record, plus what single-document lint rules need and the
/// report's renderer may want. Dropped once those stages are done with it; only the
/// ``Postmortem`` is kept for corpus-wide work.
public struct ReadDocument: Sendable {
    public var postmortem: Postmortem
    /// The Markdown tree of the body (front matter lines are blank in it, so lines match the file).
    public var tree: MarkdownNode
    /// The decoded text with line endings normalised to `\n`; line numbers match the file.
    public var source: String
    /// Safe HTML of the body, when asked for.
    public var html: String?
    /// Where the text differs in length from the file, when the file is not valid UTF-8.
    public var invalidUTF8: InvalidUTF8Columns? = nil

    /// `findings` (located in ``source``) with byte columns of the file, as `pm lint` prints them:
    /// the same findings unless the file has invalid UTF-8 (see ``InvalidUTF8Columns``).
    public func fileColumns(_ findings: [Finding]) -> [Finding] {
        invalidUTF8.map { $0.fileColumns(findings) } ?? findings
    }
}

/// Options for reading.
public struct ReadOptions: Sendable {
    /// The zone for times without one when the document states none.
    public var defaultZone: ZoneResolver = .utc
    /// Cause category ids that a factor's label can name.
    public var categoryIDs: Set<String> = Set(DefaultTaxonomy.categories.map(\.id))
    /// Category ids by their labels in lower case, from pm.yml's taxonomy.
    public var categoryLabels: [String: String] = [:]
    /// Also render the body as safe HTML.
    public var renderHTML = false

    public init(defaultZone: ZoneResolver = .utc, categoryIDs: Set<String>? = nil, renderHTML: Bool = false) {
        self.defaultZone = defaultZone
        if let categoryIDs { self.categoryIDs = categoryIDs }
        self.renderHTML = renderHTML
    }

    public init(configuration: Configuration, renderHTML: Bool = false) {
        self.init(defaultZone: ZoneResolver(configuration.timezone) ?? .utc, categoryIDs: Set(configuration.causeCategoryIDs), renderHTML: renderHTML)
        categoryLabels = configuration.causeCategoryLabels
    }
}

/// Why `bytes` are text that pm does not read, for the finding or configuration error: UTF-16
/// or UTF-32 by its byte-order mark, or UTF-16 without one (``unmarkedUTF16(_:)``); nil for
/// anything else.
func wideEncodingMessage(_ bytes: some Collection<UInt8>) -> String? {
    if let encoding = wideEncoding(bytes) { return "the file is \(encoding) (it starts with that byte-order mark), not UTF-8: save it as UTF-8" }
    if let encoding = unmarkedUTF16(bytes) {
        return "the file looks like \(encoding) without a byte-order mark (its NULs are the high bytes of UTF-16 text), not UTF-8: save it as UTF-8"
    }
    return nil
}

/// "UTF-16LE" or "UTF-16BE" when nine in ten of the first 128 pairs of bytes hold one NUL and
/// one other byte, in the same order: Latin text in UTF-16, written by a tool that left out the
/// byte-order mark. Left open by stop 46: such a file was "binary, not Markdown".
func unmarkedUTF16(_ bytes: some Collection<UInt8>) -> String? {
    let start = Array(bytes.prefix(256))
    let pairs = start.count / 2
    guard pairs >= 2 else { return nil }
    // The byte beside the NUL is a letter of Latin text (a tab, a line break, printable ASCII or
    // Latin-1): 16-bit binary samples below 256 are no text (the review of stop 48).
    func isText(_ byte: UInt8) -> Bool { byte == 0x09 || byte == 0x0A || byte == 0x0D || (0x20...0x7E).contains(byte) || byte >= 0xA0 }
    var little = 0, big = 0
    for k in 0..<pairs {
        let first = start[2 * k], second = start[2 * k + 1]
        if isText(first), second == 0 { little += 1 } else if first == 0, isText(second) { big += 1 }
    }
    if little * 10 >= pairs * 9 { return "UTF-16LE" }
    if big * 10 >= pairs * 9 { return "UTF-16BE" }
    // Greek, Cyrillic or CJK text has few NULs: only its spaces, digits and line breaks have
    // them. It is UTF-16 when the bytes read as such text: a line break, some ASCII, and no
    // NUL character, other control character, lone surrogate or noncharacter (left open by
    // stops 48 and 49, where such a file was "binary").
    for littleEndian in [true, false] where readsAsUTF16Text(start, littleEndian: littleEndian) {
        return littleEndian ? "UTF-16LE" : "UTF-16BE"
    }
    return nil
}

/// True when `bytes` (the start of a file) read as UTF-16 text in that byte order: at least two
/// characters of ASCII or Latin-1 (whose high byte is NUL) besides line breaks; a line break; no
/// other control character, no U+FFFE or U+FFFF, and no surrogate without its partner (but one
/// cut off at the end).
func readsAsUTF16Text(_ bytes: [UInt8], littleEndian: Bool) -> Bool {
    let units = bytes.count / 2
    guard units >= 4 else { return false }
    var nuls = 0, lineBreaks = 0
    var k = 0
    while k < units {
        let low = littleEndian ? bytes[2 * k] : bytes[2 * k + 1], high = littleEndian ? bytes[2 * k + 1] : bytes[2 * k]
        // Characters of ASCII or Latin-1 other than a line break.
        if high == 0, low != 0x0A { nuls += 1 }
        let unit = UInt16(high) << 8 | UInt16(low)
        switch unit {
        case 0x0A: lineBreaks += 1
        case 0x09, 0x0D: break
        case ..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: return false
        case 0xD800...0xDBFF:
            // A high surrogate is followed by a low one, unless the sample ends here.
            guard k + 1 < units else { break }
            let nextHigh = littleEndian ? bytes[2 * k + 3] : bytes[2 * k + 2]
            guard (0xDC...0xDF).contains(nextHigh) else { return false }
            k += 1
        case 0xDC00...0xDFFF: return false
        default: break
        }
        k += 1
    }
    return nuls >= 2 && lineBreaks >= 1
}

/// `UTF-16LE`, `UTF-16BE`, `UTF-32LE` or `UTF-32BE` when `bytes` start with that byte-order mark.
func wideEncoding(_ bytes: some Collection<UInt8>) -> String? {
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32LE" }
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32BE" }
    if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
    if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
    return nil
}

/// Bytes → ``ReadDocument``. A pure function of its input: never throws, never does I/O; what
/// is wrong with the content becomes ``Problem``s on the record.
public enum DocumentReader {
    /// Reads one document.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - path: the path to report and to derive the default id from.
    public static func read(_ bytes: [UInt8], path: String, options: ReadOptions = ReadOptions()) -> ReadDocument {
        var postmortem = Postmortem(path: path, id: defaultID(for: path))
        // Empty, or only blank lines and spaces (a file truncated to a newline), after a byte
        // order mark if there is one: nothing to read.
        let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            postmortem.problems.append(Problem(.empty, bytes.isEmpty ? "the file is empty" : "the file holds only blank lines and spaces"))
            return ReadDocument(postmortem: postmortem, tree: MarkdownNode(kind: .document), source: "", html: "")
        }
        let nulOffset: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress, let hit = memchr(start, 0, buffer.count) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(start)
        }
        if let nul = nulOffset {
            let location = location(ofByte: nul, in: bytes)
            // Notepad's "Unicode" and PowerShell 5's `>` write UTF-16, whose ASCII letters are
            // each followed or preceded by a NUL: it is text, in an encoding pm does not read.
            let message = wideEncodingMessage(bytes) ?? "the file contains a NUL byte: it is binary, not Markdown"
            postmortem.problems.append(Problem(.binary, message, at: SourceRange(start: location, end: location)))
            return ReadDocument(postmortem: postmortem, tree: MarkdownNode(kind: .document), source: "", html: "")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // Valid UTF-8 (nearly every file) is validated and copied in one pass.
        let decoded: String
        var repaired: InvalidUTF8Columns? = nil
        if let valid = String(validating: body, as: UTF8.self) {
            decoded = valid
        } else {
            repaired = InvalidUTF8Columns(body)
            if let bad = firstInvalidUTF8(body) {
                let location = location(ofByte: bad - body.startIndex, in: Array(body))
                postmortem.problems.append(Problem(.invalidUTF8, "the file is not valid UTF-8; invalid bytes are read as U+FFFD",
                                                   at: SourceRange(start: location, end: location)))
            }
            decoded = String(decoding: body, as: UTF8.self)
        }
        let source = normaliseLineEndings(decoded)
        var document = read(source: source, into: postmortem, options: options)
        document.invalidUTF8 = repaired
        return document
    }

    /// Reads already-decoded text (line endings normalised by the caller or not).
    public static func read(text: String, path: String, options: ReadOptions = ReadOptions()) -> ReadDocument {
        read(Array(text.utf8), path: path, options: options)
    }

    static func read(source: String, into start: Postmortem, options: ReadOptions) -> ReadDocument {
        var postmortem = start
        var markdown = source

        // Front matter: `---` on the first line, closed by `---` or `...`. Lines are found on
        // UTF-8 bytes ("\n" is always a grapheme of its own, and the source has no "\r").
        let utf8 = source.utf8
        func lineEnd(_ start: String.Index) -> String.Index { utf8[start...].firstIndex(of: 10) ?? utf8.endIndex }
        func isFence(_ start: String.Index, _ end: String.Index, dots: Bool) -> Bool {
            var end = end
            while end > start, case let last = utf8[utf8.index(before: end)], last == 32 || last == 9 { end = utf8.index(before: end) }
            let line = utf8[start..<end]
            return line.elementsEqual("---".utf8) || (dots && line.elementsEqual("...".utf8))
        }
        let firstEnd = lineEnd(utf8.startIndex)
        if isFence(utf8.startIndex, firstEnd, dots: false) {
            var close: (line: Int, start: String.Index, end: String.Index)? = nil
            var lineNumber = 1
            var lineStart = firstEnd == utf8.endIndex ? nil : utf8.index(after: firstEnd)
            while let start = lineStart {
                let end = lineEnd(start)
                if isFence(start, end, dots: true) {
                    close = (lineNumber, start, end)
                    break
                }
                lineNumber += 1
                lineStart = end == utf8.endIndex ? nil : utf8.index(after: end)
            }
            if let close {
                let yaml = close.line == 1 ? "" : String(source[utf8.index(after: firstEnd)..<utf8.index(before: close.start)])
                postmortem.frontMatter.range = SourceRange(start: SourceLocation(line: 1, column: 1),
                                                           end: SourceLocation(line: close.line + 1, column: 3))
                FrontMatterReader.read(yaml, firstLine: 2, defaultZone: options.defaultZone, into: &postmortem)
                // Blank the front matter so Markdown line numbers are file line numbers.
                var blanked = String(repeating: "\n", count: close.line)
                blanked.append(contentsOf: source[close.end...])
                markdown = blanked
            } else {
                postmortem.problems.append(Problem(.unclosedFrontMatter,
                    "front matter opened with `---` on line 1 is never closed with `---`; it is read as Markdown",
                    at: SourceRange(line: 1)))
            }
        }

        let parsed = MarkdownParser.parse(markdown, renderHTML: options.renderHTML)
        if parsed.depthLimitReached {
            postmortem.problems.append(Problem(.tooDeep,
                "lists or block quotes are nested more than 64 levels deep; deeper content is not analysed"))
        }
        if parsed.referencesRefused {
            let limit = MarkdownParser.referenceExpansionLimit(sourceBytes: markdown.utf8.count) >> 20
            postmortem.problems.append(Problem(.linksTooLarge,
                "link references here could expand to more than \(limit) MiB (a long reference definition and many links that may use it); the body is not analysed"))
        }
        if parsed.tablesRefused {
            postmortem.problems.append(Problem(.tableTooLarge,
                "a table here has too many columns, or too many rows that would each be filled up to the header's columns (over \(MarkdownParser.tableLimits(sourceBytes: markdown.utf8.count).cells) cells); the body is not analysed"))
        }
        postmortem.problems += DefinitionItems.problems(in: parsed.document, markdown: markdown)
        let outline = Outline(document: parsed.document)
        OutlineExtractor.fill(&postmortem, outline: outline, options: options)
        return ReadDocument(postmortem: postmortem, tree: parsed.document, source: source, html: parsed.html)
    }

    /// The id of a document without `id:`: the file name without directory and extension, or,
    /// for `index.md` and `README.md` (any case), the name of the folder holding it, the way
    /// static-site generators and GitHub name a folder's page: `2026-08-04-storefront/index.md`
    /// is `2026-08-04-storefront`.
    public static func defaultID(for path: String) -> String {
        let stem = fileStem(of: path)
        guard stem.utf8.count <= 6, ["index", "readme"].contains(stem.lowercased()) else { return stem }
        let components = path.utf8.split(separator: UInt8(ascii: "/"))
        guard components.count >= 2 else { return stem }
        let folder = String(Substring(components[components.count - 2]))
        return folder == "." || folder == ".." ? stem : folder
    }

    /// The file name without directory and extension.
    static func fileStem(of path: String) -> String {
        // In ASCII "/" and "." are Characters of their own, so the bytes give the same cuts
        // without breaking the whole path into Characters.
        if path.isASCIIBytes {
            let name = path.utf8.split(separator: UInt8(ascii: "/")).last.map { Substring($0) } ?? path[...]
            if let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex { return String(name[..<dot]) }
            return String(name)
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }

    static func normaliseLineEndings(_ text: String) -> String {
        let hasCR = text.utf8.withContiguousStorageIfAvailable { buffer in
            buffer.baseAddress.map { memchr($0, 13, buffer.count) != nil } ?? false
        } ?? text.utf8.contains(13)
        guard hasCR else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for b in text.utf8 {
            if b == 13 {
                out.append(10)
                previousCR = true
            } else {
                if !(b == 10 && previousCR) { out.append(b) }
                previousCR = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func location(ofByte index: Int, in bytes: some Collection<UInt8>) -> SourceLocation {
        var line = 1, column = 1, i = 0
        for b in bytes {
            if i == index { break }
            if b == 10 { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return SourceLocation(line: line, column: column)
    }

    /// The index of the first byte that is not part of a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        var consumed = 0
        // Count bytes by re-encoding each decoded scalar.
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed = UTF8.width(scalar)
                offset += consumed
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
