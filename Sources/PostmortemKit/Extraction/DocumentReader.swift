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
}

/// Options for reading.
public struct ReadOptions: Sendable {
    /// The zone for times without one when the document states none.
    public var defaultZone: ZoneResolver = .utc
    /// Cause category ids that a factor's label can name.
    public var categoryIDs: Set<String> = Set(DefaultTaxonomy.categories.map(\.id))
    /// Also render the body as safe HTML.
    public var renderHTML = false

    public init(defaultZone: ZoneResolver = .utc, categoryIDs: Set<String>? = nil, renderHTML: Bool = false) {
        self.defaultZone = defaultZone
        if let categoryIDs { self.categoryIDs = categoryIDs }
        self.renderHTML = renderHTML
    }

    public init(configuration: Configuration, renderHTML: Bool = false) {
        self.init(defaultZone: ZoneResolver(configuration.timezone) ?? .utc, renderHTML: renderHTML)
    }
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
        if bytes.isEmpty {
            postmortem.problems.append(Problem(.empty, "the file is empty"))
            return ReadDocument(postmortem: postmortem, tree: MarkdownNode(kind: .document), source: "", html: "")
        }
        if let nul = bytes.firstIndex(of: 0) {
            let location = location(ofByte: nul, in: bytes)
            postmortem.problems.append(Problem(.binary, "the file contains a NUL byte: it is binary, not Markdown",
                                               at: SourceRange(start: location, end: location)))
            return ReadDocument(postmortem: postmortem, tree: MarkdownNode(kind: .document), source: "", html: "")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let bad = firstInvalidUTF8(body) {
            let location = location(ofByte: bad - body.startIndex, in: Array(body))
            postmortem.problems.append(Problem(.invalidUTF8, "the file is not valid UTF-8; invalid bytes are read as U+FFFD",
                                               at: SourceRange(start: location, end: location)))
        }
        let source = normaliseLineEndings(String(decoding: body, as: UTF8.self))
        return read(source: source, into: postmortem, options: options)
    }

    /// Reads already-decoded text (line endings normalised by the caller or not).
    public static func read(text: String, path: String, options: ReadOptions = ReadOptions()) -> ReadDocument {
        read(Array(text.utf8), path: path, options: options)
    }

    static func read(source: String, into start: Postmortem, options: ReadOptions) -> ReadDocument {
        var postmortem = start
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var markdown = source

        // Front matter: `---` on the first line, closed by `---` or `...`.
        if lines.first.map({ $0.trimmingTrailingSpaces() == "---" }) == true {
            if let close = lines.indices.dropFirst().first(where: {
                let line = lines[$0].trimmingTrailingSpaces()
                return line == "---" || line == "..."
            }) {
                let yaml = lines[1..<close].joined(separator: "\n")
                postmortem.frontMatter.range = SourceRange(start: SourceLocation(line: 1, column: 1),
                                                           end: SourceLocation(line: close + 1, column: 3))
                FrontMatterReader.read(yaml, firstLine: 2, into: &postmortem)
                // Blank the front matter so Markdown line numbers are file line numbers.
                for i in 0...close { lines[i] = "" }
                markdown = lines.joined(separator: "\n")
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
        let outline = Outline(document: parsed.document)
        OutlineExtractor.fill(&postmortem, outline: outline, options: options)
        return ReadDocument(postmortem: postmortem, tree: parsed.document, source: source, html: parsed.html)
    }

    /// The file name without directory and extension.
    public static func defaultID(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }

    static func normaliseLineEndings(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
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
