/// What pm reads of a Mustache template's tags without parsing it: where each tag is, its kind
/// and name, and which tags swift-mustache's parser treats as standalone. ``StreamedTemplate``
/// cuts long sections out on these, and ``TemplateParts`` cuts a long template into parts.
///
/// It knows the default delimiters only, and LF and CRLF as line breaks: see
/// ``keepsToDefaults(_:)``.
enum TemplateTags {
    /// Whether a template uses only what these readings know: the default delimiters (no `{{=`),
    /// no inheritance (`{{<`, `{{$`), no content-type pragma of its own (`{{%`, which changes how
    /// the text after it renders), and LF or CRLF as its only line breaks (not the others Swift's
    /// `isNewline` accepts, nor a lone CR).
    ///
    /// Looked for as bytes, not with Foundation's `contains` (which bridged the whole template for
    /// each, 40 M instructions a report): bytes find every spelling Foundation finds and more
    /// (before a combining mark), and a refused template is only left whole.
    static func keepsToDefaults(_ text: String) -> Bool {
        let refused = ["{{=", "{{<", "{{$", "{{%", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        let bytes = text.utf8
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: "\r"), byte != UInt8(ascii: "\n") { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "\r") && !refused.contains(where: { text.containsBytes(of: $0) })
    }

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
}
