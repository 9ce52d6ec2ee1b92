/// Gives the headings of cmark-gfm's HTML the ids GitHub gives them, so that a postmortem's
/// links to its own sections (`[the timeline](#timeline)`) and to another's
/// (`[B](2026-07-12-b.md#timeline)`, pointed at B's page by ``PageLinks``) land on the report's
/// pages as they do on GitHub.
///
/// The id is GitHub's (github-slugger's): the heading's text in lower case, with spaces made
/// hyphens and every character that is not a letter, a number, `-` or `_` left out; a second
/// heading of the same id gets `-1`, a third `-2`. A heading with no such character (only emoji
/// or punctuation) gets no id, as an empty id is not valid HTML. The ids cmark-gfm wrote for
/// footnotes (`fn-1`, `fnref-1`) are kept and not given again.
///
/// The input is cmark-gfm's safe-mode HTML, where `<` only starts tags cmark wrote (raw HTML is
/// omitted, text is escaped), and a heading is written `<h2>` without attributes.
enum HeadingAnchors {
    static func addingIDs(to html: String) -> String {
        let bytes = Array(html.utf8)
        guard let first = nextHeading(in: bytes, from: 0) else { return html }
        var used = existingIDs(in: bytes)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 256)
        var copied = 0
        var at: Int? = first
        while let start = at {
            let level = bytes[start + 2]
            let close: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "h"), level, UInt8(ascii: ">")]
            let contentStart = start + 4
            guard let end = ByteSearch.firstIndex(of: close, in: bytes, from: contentStart) else { break }
            let slug = self.slug(text(of: bytes[contentStart..<end]))
            if !slug.isEmpty {
                var id = slug
                var n = 0
                while used.contains(id) {
                    n += 1
                    id = slug + "-\(n)"
                }
                used.insert(id)
                result += bytes[copied..<(start + 3)]
                result += Array(" id=\"\(HTMLEscaping.attribute(id))\"".utf8)
                copied = start + 3
            }
            at = nextHeading(in: bytes, from: end + close.count)
        }
        guard copied > 0 else { return html }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    /// Where the next `<h1>` to `<h6>` starts.
    static func nextHeading(in bytes: [UInt8], from: Int) -> Int? {
        var from = from
        while let at = ByteSearch.firstIndex(of: headingStart, in: bytes, from: from) {
            if at + 3 < bytes.count, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[at + 2]), bytes[at + 3] == UInt8(ascii: ">") {
                return at
            }
            from = at + 2
        }
        return nil
    }

    private static let headingStart: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: "h")]
    private static let idStart = Array(" id=\"".utf8)

    /// The ids already in `bytes` (cmark-gfm's footnotes).
    static func existingIDs(in bytes: [UInt8]) -> Set<String> {
        var ids: Set<String> = []
        var from = 0
        while let at = ByteSearch.firstIndex(of: idStart, in: bytes, from: from) {
            let valueStart = at + idStart.count
            guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            ids.insert(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))
            from = valueEnd
        }
        return ids
    }

    /// The text of a heading's HTML: its tags left out and cmark-gfm's escapes read back.
    static func text(of html: ArraySlice<UInt8>) -> String {
        var bytes: [UInt8] = []
        var inTag = false
        for byte in html {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
            } else {
                bytes.append(byte)
            }
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if bytes.contains(UInt8(ascii: "&")) {
            for (escaped, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#x27;", "'"), ("&amp;", "&")] {
                text = text.replacingBytes(of: escaped, with: character)
            }
        }
        return text
    }

    /// github-slugger's slug of a heading's text: in lower case, each space a hyphen, and the
    /// characters its pattern removes left out (by Unicode category: other numbers such as `²`,
    /// `½` and `①`, punctuation but `-` and connectors such as `_`, symbols and emoji, controls,
    /// format characters, private use, unassigned, separators), so letters, marks (an emoji's
    /// U+FE0F too), digits and letter numbers stay.
    static func slug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || keeps(scalar.properties.generalCategory) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func keeps(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .connectorPunctuation, .surrogate:
            return true
        default:
            return false
        }
    }
}
