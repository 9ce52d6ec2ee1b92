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
///   ``TemplateTags/standaloneTags(_:in:)``), or its text holds a tag that reads the position in
///   the list (`first()`, `index()` and other transforms) or only the current object (`{{.}}`,
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
        // parses or renders, and the standalone rules know only LF and CRLF as line breaks.
        guard TemplateTags.keepsToDefaults(text), !text.containsBytes(of: String(Self.markerCharacter)) else { return nil }
        let bytes = Array(text.utf8)
        let tags = TemplateTags.tags(in: bytes)
        let standalone = TemplateTags.standaloneTags(tags, in: bytes)
        var cuts: [Cut] = []
        var output: [UInt8] = []
        var copied = 0
        var stack: [(tag: TemplateTags.Tag, cut: Bool)] = []
        for (position, tag) in tags.enumerated() {
            switch tag.kind {
            case .section, .inverted:
                // A row key inside a section that is itself cut is left in its row template.
                let inCut = stack.contains { $0.cut }
                var cut = false
                if !inCut, tag.kind == .section, rowKeys.contains(tag.name),
                   let close = TemplateTags.closing(of: position, in: tags), standalone[position], standalone[close],
                   let open = TemplateTags.standaloneLine(of: tag, in: bytes), let end = TemplateTags.standaloneLine(of: tags[close], in: bytes),
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

    /// Whether the tags of a row render the same in a ``RowScope`` as inside the section: none
    /// reads the list position (a transform) or only the current object (a name starting with a
    /// dot), and none is a partial, which could do either.
    static func rowTagsAreSafe(_ tags: ArraySlice<TemplateTags.Tag>) -> Bool {
        tags.allSatisfy { tag in
            let name = tag.name.drop { $0 == "&" || $0 == "{" || $0 == "}" }.trimmingWhitespace()
            return !name.hasPrefix(".") && !name.contains("(") && !name.hasPrefix(">")
        }
    }
}
