import Mustache

/// A long template parsed in parts: each part is registered as a partial of its own, and the
/// template itself is one line of the parts' partial tags.
///
/// swift-mustache 2.1.1 takes time that grows with the square of a template's length to parse
/// it. At every `{` (each tag, and each brace of the CSS in `style`) `Parser.read(count:)` counts
/// the Characters left to the end of the text. Parsing the built-in templates took 186 M
/// instructions, about 15 ms, before every report: 40% of `pm report` on the bundled
/// postmortems. A part of about a kilobyte counts at most a kilobyte each time.
///
/// The parts render the same text as the whole template:
/// - A template is cut only at the start of a line, outside any section, where swift-mustache's
///   parser is in the state it starts a template in, a new line (see
///   ``TemplateTags/standaloneTags(_:in:)``). That is after a line break in text, after a
///   standalone comment or partial, or after a section closed on a line of its own that was
///   opened on a line of its own. So every tag is standalone in its part exactly when it is in the
///   whole.
/// - A partial renders with the context of the place that includes it, as the text in its place
///   would.
/// - The parts' tags are written on one line with nothing between them, so none of them is
///   standalone, and none indents its part.
///
/// A template the tag reading does not know (``TemplateTags/keepsToDefaults(_:)``: other
/// delimiters, inheritance, a content-type pragma of its own, other line breaks), or whose
/// sections do not pair up, is parsed whole, as is a part that does not parse: swift-mustache then
/// reports the error on the whole text, at the line the user wrote.
enum TemplateParts {
    /// Templates shorter than this are parsed whole: a postmortem's page is rendered once per
    /// document, and each part costs a partial's lookup every time.
    static let minimumLength = 4_096
    /// The length a part has at least, in bytes, unless it is the last.
    static let partLength = 1_024

    /// The places `text` can be cut at, as byte offsets: line starts outside any section where the
    /// parser is at a new line. Empty when the template is not one this reads (see the type's
    /// documentation).
    static func cutPoints(_ text: String) -> [Int] {
        guard TemplateTags.keepsToDefaults(text) else { return [] }
        let bytes = Array(text.utf8)
        let tags = TemplateTags.tags(in: bytes)
        let standalone = TemplateTags.standaloneTags(tags, in: bytes)
        var points: [Int] = []
        /// Adds each line start after a line break of the text in `range`, which is at depth 0.
        func addLineStarts(in range: Range<Int>) {
            for index in range where bytes[index] == UInt8(ascii: "\n") && index + 1 < bytes.count { points.append(index + 1) }
        }
        var opened: [(name: String, standalone: Bool)] = []
        var cursor = 0
        for (index, tag) in tags.enumerated() {
            if opened.isEmpty, cursor < tag.range.lowerBound { addLineStarts(in: cursor..<tag.range.lowerBound) }
            // Where the text after the tag starts: after the spaces, tabs and line break that a
            // standalone tag takes along. (Not ``TemplateTags/standaloneLine(of:in:)``, which
            // also wants nothing but spaces before the tag on its line: `{{/b}}{{/a}}` after a
            // section opened inline makes the second close standalone though it is not first on
            // its line, and its line break is not text.)
            cursor = tag.range.upperBound
            if standalone[index] {
                while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") { cursor += 1 }
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\n") {
                    cursor += 1
                } else if cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "\r"), bytes[cursor + 1] == UInt8(ascii: "\n") {
                    cursor += 2
                }
            }
            var newLine = false
            switch tag.kind {
            case .section, .inverted:
                opened.append((tag.name, standalone[index]))
            case .close:
                // Sections that do not pair up make a template swift-mustache does not parse.
                guard let open = opened.popLast(), open.name == tag.name else { return [] }
                newLine = open.standalone && standalone[index]
            case .other:
                newLine = standalone[index]
            case .variable:
                break
            }
            // A standalone tag takes its line break along: the next line starts where the tag's
            // state says.
            if opened.isEmpty, newLine, standalone[index], bytes[cursor - 1] == UInt8(ascii: "\n"), cursor < bytes.count {
                points.append(cursor)
            }
        }
        guard opened.isEmpty else { return [] }
        addLineStarts(in: cursor..<bytes.count)
        return points
    }

    /// `text` cut into parts of at least `partLength` bytes (the last may be shorter), or nil when
    /// it is shorter than `minimumLength` or cannot be cut into two.
    static func split(_ text: String, minimumLength: Int = minimumLength, partLength: Int = partLength) -> [String]? {
        guard text.utf8.count >= minimumLength else { return nil }
        let bytes = Array(text.utf8)
        var parts: [String] = []
        var start = 0
        for point in cutPoints(text) where point - start >= partLength {
            parts.append(String(decoding: bytes[start..<point], as: UTF8.self))
            start = point
        }
        guard !parts.isEmpty else { return nil }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// Parses `prefix + text` and registers it in `library` as `name`: in parts named
    /// `<partsName><number>` when it is long enough to cut, whole otherwise.
    ///
    /// - Parameter prefix: put before the text and before each part (pm's content-type pragma
    ///   line, which selects the escaping of every value a part prints).
    /// - Throws: `MustacheTemplate.ParserError` from parsing the whole text, when it or a part
    ///   does not parse.
    static func register(_ text: String, prefix: String, named name: String, partsNamed partsName: String,
                         in library: inout MustacheLibrary, minimumLength: Int = minimumLength, partLength: Int = partLength) throws {
        if let parts = split(text, minimumLength: minimumLength, partLength: partLength),
           let templates = try? parts.map({ try MustacheTemplate(string: prefix + $0) }),
           let outer = try? MustacheTemplate(string: prefix + parts.indices.map { "{{>\(partsName)\($0)}}" }.joined()) {
            for (number, template) in templates.enumerated() { library.register(template, named: "\(partsName)\(number)") }
            library.register(outer, named: name)
            return
        }
        library.register(try MustacheTemplate(string: prefix + text), named: name)
    }
}
