import Mustache

/// A template whose long sections are rendered one row at a time and handed out as they are
/// made, instead of swift-mustache building the whole page as one `String`.
///
/// swift-mustache renders a template into a single string, and each section into a string of its
/// own first. The index of a large corpus lists every open follow-up action of every incident:
/// 15 MB of HTML for 10,000 documents, and more than twice that in memory while it was built.
///
/// At parse time, each section named in `rowKeys` that stands on lines of its own
/// (`{{#openActions}}` and `{{/openActions}}` each alone on its line, as in the built-in index) is
/// cut out: its text becomes a row template, and the lines become a standalone partial that
/// prints a marker. Rendering then prints the rest of the page with the markers, and at each
/// marker renders the section's rows one by one with the row template.
///
/// The result is the same text, byte for byte, as rendering the original template: the cut is
/// made on whole lines, which Mustache drops for standalone tags, so the text around it and
/// inside it is parsed as before; a row is looked up in the row first and then in the page's
/// context, as a section does. Where that could differ, the section is left to swift-mustache:
///
/// - the template changes delimiters (`{{=`), uses inheritance (`{{<`, `{{$`), sets a content
///   type (`{{%`), breaks lines with anything but LF or CRLF, or holds the marker character U+0001
///   anywhere: nothing is cut;
/// - swift-mustache's parser would not treat both of the section's tags as standalone (see
///   ``standaloneTags(_:in:)``), or its text holds a tag that reads the position in the list
///   (`first()`, `index()` and other transforms) or only the current object (`{{.}}`,
///   `{{.name}}`), or a partial: that section is not cut;
/// - at render time, a section around the cut one is not a `Bool` in the context (so it would
///   change what names resolve to), the cut one is not ``LazyRows``, or a value outside the rows
///   holds the marker character: the original template is rendered instead.
///
/// Tests compare the two renderings on the built-in index, on hand-written templates and on
/// thousands of seeded random ones.
struct StreamedTemplate: Sendable {
    /// One cut section.
    struct Cut: Sendable {
        /// The section's name, a key of the context holding ``LazyRows``.
        var key: String
        /// The partial that stands where the section was.
        var partial: String
        /// What the partial prints.
        var marker: String
        /// The names of the sections around it, outermost first.
        var enclosing: [String]
        /// The section's text, rendered once per row.
        var row: MustacheTemplate
    }

    /// The template with each cut section replaced by its partial.
    let outer: String
    let cuts: [Cut]

    /// The character that marks a cut in the outer page's output. HTML forbids it, so
    /// ``HTMLEscaping`` never prints it and no value can fake a marker.
    static let markerCharacter: Character = "\u{1}"

    /// Finds the sections to cut; nil when there is none, or the template is of a kind this does
    /// not handle (see the type's documentation).
    ///
    /// - Parameters:
    ///   - text: the template as written (without pm's content-type pragma).
    ///   - name: the template's name, which prefixes the partials' names.
    ///   - rowKeys: the context keys whose values are ``LazyRows``.
    ///   - prefix: put before each row template (pm's content-type pragma line).
    init?(text: String, name: String, rowKeys: Set<String>, prefix: String) {
        // Other delimiters, inheritance and content-type pragmas change how the text around a cut
        // parses or renders; the line breaks other than LF and CRLF that Swift's `isNewline`
        // accepts would need the standalone rules below to know them too.
        let refused = ["{{=", "{{<", "{{$", "{{%", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        let bytes = Array(text.utf8)
        let loneReturn = bytes.indices.contains { bytes[$0] == UInt8(ascii: "\r") && ($0 + 1 == bytes.count || bytes[$0 + 1] != UInt8(ascii: "\n")) }
        // Looked for as bytes, not with Foundation's `contains` (which bridged the whole template
        // for each, 40 M instructions a report): bytes find every spelling Foundation finds and
        // more (before a combining mark), and a refused template only renders whole.
        guard !text.containsBytes(of: String(Self.markerCharacter)), !refused.contains(where: { text.containsBytes(of: $0) }),
              !loneReturn else { return nil }
        let tags = Self.tags(in: bytes)
        let standalone = Self.standaloneTags(tags, in: bytes)
        var cuts: [Cut] = []
        var output: [UInt8] = []
        var copied = 0
        var stack: [(tag: Tag, cut: Bool)] = []
        for (position, tag) in tags.enumerated() {
            switch tag.kind {
            case .section, .inverted:
                // A row key inside a section that is itself cut is left in its row template.
                let inCut = stack.contains { $0.cut }
                var cut = false
                if !inCut, tag.kind == .section, rowKeys.contains(tag.name),
                   let close = Self.closing(of: position, in: tags), standalone[position], standalone[close],
                   let open = Self.standaloneLine(of: tag, in: bytes), let end = Self.standaloneLine(of: tags[close], in: bytes),
                   Self.rowTagsAreSafe(tags[(position + 1)..<close]) {
                    let rowText = String(decoding: bytes[open.upperBound..<end.lowerBound], as: UTF8.self)
                    if let row = try? MustacheTemplate(string: prefix + rowText) {
                        let number = cuts.count
                        let partial = "pm-stream-\(name)-\(number)"
                        cuts.append(Cut(key: tag.name, partial: partial, marker: "\u{1}\(partial)\u{1}",
                                        enclosing: stack.map(\.tag.name), row: row))
                        output += bytes[copied..<open.lowerBound]
                        output += Array("{{>\(partial)}}\n".utf8)
                        copied = end.upperBound
                        cut = true
                    }
                }
                stack.append((tag, cut))
            case .close:
                if let last = stack.popLast(), last.tag.name != tag.name { return nil }
            case .variable, .other:
                break
            }
        }
        guard !cuts.isEmpty, stack.isEmpty else { return nil }
        output += bytes[copied...]
        outer = String(decoding: output, as: UTF8.self)
        self.cuts = cuts
    }

    /// Renders with `library` (which must hold the outer template as `name` and each cut's
    /// partial) and passes the output on in pieces, in order. Returns false, having passed
    /// nothing, when the context is not one the cut applies to; the caller then renders the
    /// original template.
    func render<Failure: Error>(_ context: [String: Any], name: String, library: MustacheLibrary,
                                into emit: (String) throws(Failure) -> Void) throws(Failure) -> Bool {
        for cut in cuts {
            guard context[cut.key] is LazyRows, cut.enclosing.allSatisfy({ context[$0] is Bool }) else { return false }
        }
        // A value printed raw could hold a marker; pm cleans every value it prints, but this does
        // not rest on that.
        guard !Self.holdsMarker(context) else { return false }
        guard let page = library.render(context, withTemplate: name) else { return false }
        var rest = Substring(page)
        while let start = rest.firstIndex(of: Self.markerCharacter) {
            let afterStart = rest.index(after: start)
            guard let end = rest[afterStart...].firstIndex(of: Self.markerCharacter),
                  let cut = cuts.first(where: { $0.marker == String(rest[start...end]) }) else {
                // Not a marker of ours: cannot happen, as the markers are the only U+0001 in the output.
                try emit(String(rest[...start]))
                rest = rest[afterStart...]
                continue
            }
            try emit(String(rest[..<start]))
            let rows = context[cut.key] as! LazyRows
            var chunk = ""
            for index in 0..<rows.count {
                let row = cut.row.render(RowScope(row: rows.row(index), page: context), library: library)
                if row.utf8.count >= 1 << 16 {
                    // A large row (an SLO's staircase at 50,000 documents is a megabyte) is passed
                    // on as it is, not copied into the chunk.
                    if !chunk.isEmpty { try emit(chunk) }
                    chunk = ""
                    try emit(row)
                    continue
                }
                chunk += row
                if chunk.utf8.count >= 1 << 16 {
                    try emit(chunk)
                    chunk = ""
                }
            }
            try emit(chunk)
            rest = rest[rest.index(after: end)...]
        }
        try emit(String(rest))
        return true
    }

    /// Whether a value of the context, outside the rows, is or holds a string with the marker character.
    static func holdsMarker(_ value: Any) -> Bool {
        switch value {
        case let text as String: text.utf8.contains(1)
        case let text as TemplateText: text.renderText.utf8.contains(1)
        case let dictionary as [String: Any]: dictionary.values.contains(where: holdsMarker)
        case let array as [Any]: array.contains(where: holdsMarker)
        default: false
        }
    }

    /// The names a row sees: its own first, then the page's, as inside a section.
    struct RowScope: MustacheParent {
        let row: [String: Any]
        let page: [String: Any]

        func child(named name: String) -> Any? { row[name] ?? page[name] }
    }

    // MARK: - Reading tags

    struct Tag {
        /// `variable` is every kind of variable (`{{x}}`, `{{{x}}}`, `{{&x}}`), which Mustache never
        /// treats as standalone; `other` the tags it may (comments, partials).
        enum Kind { case section, inverted, close, variable, other }
        var kind: Kind
        var name: String
        /// The bytes of the tag, braces included.
        var range: Range<Int>
    }

    /// Every tag of the template, in order. Assumes the default delimiters.
    static func tags(in bytes: [UInt8]) -> [Tag] {
        var tags: [Tag] = []
        var index = 0
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        while index + 1 < bytes.count {
            guard bytes[index] == open, bytes[index + 1] == open else {
                index += 1
                continue
            }
            let start = index
            let triple = index + 2 < bytes.count && bytes[index + 2] == open
            var end = index + 2
            while end + 1 < bytes.count, !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
            guard end + 1 < bytes.count else { break }
            end += 2
            if triple, end < bytes.count, bytes[end] == close { end += 1 }
            let inside = String(decoding: bytes[(start + 2)..<(end - 2)], as: UTF8.self)
            var kind = Tag.Kind.variable
            var name = inside
            switch inside.first {
            case "#": kind = .section; name.removeFirst()
            case "^": kind = .inverted; name.removeFirst()
            case "/": kind = .close; name.removeFirst()
            case "!", ">": kind = .other
            default: break
            }
            tags.append(Tag(kind: kind, name: name.trimmingWhitespace(), range: start..<end))
            index = end
        }
        return tags
    }

    /// The index of the tag that closes the section opened at `position`.
    static func closing(of position: Int, in tags: [Tag]) -> Int? {
        var depth = 0
        for index in (position + 1)..<tags.count {
            switch tags[index].kind {
            case .section, .inverted: depth += 1
            case .close:
                if depth == 0 { return tags[index].name == tags[position].name ? index : nil }
                depth -= 1
            case .variable, .other: break
            }
        }
        return nil
    }

    /// Which tags swift-mustache's parser (2.1.1) treats as standalone, dropping their line.
    ///
    /// It decides from a "new line" state, not only from the bytes around the tag: the state is
    /// set by a line break in text, cleared by other text and by a variable, set by a standalone
    /// comment or partial, and after a section's closing tag it is whatever the section's opening
    /// tag left (so a section opened inline and closed on a line of its own leaves the next line
    /// not "new"). A tag is standalone when the state is set and only spaces or tabs follow it
    /// before a line break, or it ends the text.
    static func standaloneTags(_ tags: [Tag], in bytes: [UInt8]) -> [Bool] {
        var result = [Bool](repeating: false, count: tags.count)
        var newLine = true
        var cursor = 0
        var opened: [Bool] = []
        for (index, tag) in tags.enumerated() {
            if tag.range.lowerBound > cursor {
                var lineStart = cursor
                if let lastBreak = bytes[cursor..<tag.range.lowerBound].lastIndex(of: UInt8(ascii: "\n")) {
                    newLine = true
                    lineStart = lastBreak + 1
                }
                if bytes[lineStart..<tag.range.lowerBound].contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) {
                    newLine = false
                }
            }
            cursor = tag.range.upperBound
            var standalone = false
            if tag.kind != .variable, newLine {
                if tag.range.upperBound == bytes.count {
                    standalone = true
                } else {
                    var end = tag.range.upperBound
                    while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
                    if end < bytes.count, bytes[end] == UInt8(ascii: "\n") {
                        standalone = true
                        cursor = end + 1
                    } else if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "\r"), bytes[end + 1] == UInt8(ascii: "\n") {
                        standalone = true
                        cursor = end + 2
                    }
                }
            }
            result[index] = standalone
            switch tag.kind {
            case .section, .inverted:
                opened.append(standalone)
                newLine = standalone
            case .close:
                newLine = opened.popLast() ?? standalone
            case .variable:
                newLine = false
            case .other:
                newLine = standalone
            }
        }
        return result
    }

    /// The whole line of a tag that stands alone on it (spaces and tabs around it, then a line
    /// break or the end), from the line's start to after its break; nil if anything else is on it.
    static func standaloneLine(of tag: Tag, in bytes: [UInt8]) -> Range<Int>? {
        var start = tag.range.lowerBound
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
        guard start == 0 || bytes[start - 1] == UInt8(ascii: "\n") else { return nil }
        var end = tag.range.upperBound
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        if end == bytes.count { return start..<end }
        if bytes[end] == UInt8(ascii: "\n") { return start..<(end + 1) }
        if bytes[end] == UInt8(ascii: "\r"), end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "\n") { return start..<(end + 2) }
        return nil
    }

    /// Whether the tags of a row render the same in a ``RowScope`` as inside the section: none
    /// reads the list position (a transform) or only the current object (a name starting with a
    /// dot), and none is a partial, which could do either.
    static func rowTagsAreSafe(_ tags: ArraySlice<Tag>) -> Bool {
        tags.allSatisfy { tag in
            let name = tag.name.drop { $0 == "&" || $0 == "{" || $0 == "}" }.trimmingWhitespace()
            return !name.hasPrefix(".") && !name.contains("(") && !name.hasPrefix(">")
        }
    }
}
