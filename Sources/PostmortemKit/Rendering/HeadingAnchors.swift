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
        // Ids in use (cmark-gfm writes them only for footnotes), and the number each repeated slug
        // goes on from: a document of a thousand `## Update` headings had counted up from `-1`
        // for each, through a list, and taken seconds.
        var used = Set(existingIDs(in: bytes))
        var nextNumber: [String: Int] = [:]
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 512)
        var copied = 0
        var at: Int? = first
        while let start = at {
            let level = bytes[start + 2]
            let contentStart = start + 4
            guard let end = closingTag(level, in: bytes, from: contentStart) else { break }
            let content = bytes[contentStart..<end]
            let slug = asciiSlug(content) ?? self.slug(text(of: content))
            if !slug.isEmpty {
                var id = slug
                if !used.insert(id).inserted {
                    var n = nextNumber[slug] ?? 0
                    repeat {
                        n += 1
                        id = slug + "-\(n)"
                    } while !used.insert(id).inserted
                    nextNumber[slug] = n
                }
                result += bytes[copied..<(start + 3)]
                result += idAttributeStart
                result += id.utf8.allSatisfy { $0 < 0x80 } ? Array(id.utf8) : Array(HTMLEscaping.attribute(id).utf8)
                result.append(UInt8(ascii: "\""))
                copied = start + 3
            }
            at = nextHeading(in: bytes, from: end + 5)
        }
        guard copied > 0 else { return html }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    private static let idAttributeStart = Array(" id=\"".utf8)

    /// The slug of a heading's HTML that is ASCII, made on its bytes (nearly every heading): tags
    /// and cmark-gfm's escapes (`&amp;`, `&lt;`, `&quot;`: punctuation the slug leaves out) are
    /// skipped, letters lowercased, digits, `-` and `_` kept, spaces made hyphens. Nil for a
    /// heading with other characters, which ``slug(_:)`` reads by their Unicode categories.
    static func asciiSlug(_ html: ArraySlice<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.count)
        var i = html.startIndex
        while i < html.endIndex {
            let byte = html[i]
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "<"):
                guard let close = html[i...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                i = close
            case UInt8(ascii: "&"):
                guard let semicolon = html[i...].prefix(8).firstIndex(of: UInt8(ascii: ";")) else { return nil }
                i = semicolon
            default:
                if let kept = slugByte(byte) { bytes.append(kept) }
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Where the next `<h1>` to `<h6>` starts: memchr finds each `<`.
    static func nextHeading(in bytes: [UInt8], from: Int) -> Int? {
        var from = from
        while let at = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: from) {
            if at + 3 < bytes.count, bytes[at + 1] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[at + 2]),
               bytes[at + 3] == UInt8(ascii: ">") {
                return at
            }
            from = at + 1
        }
        return nil
    }

    /// Where `</hN>` of `level` starts.
    static func closingTag(_ level: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        var from = from
        while let at = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: from) {
            if at + 4 < bytes.count, bytes[at + 1] == UInt8(ascii: "/"), bytes[at + 2] == UInt8(ascii: "h"), bytes[at + 3] == level,
               bytes[at + 4] == UInt8(ascii: ">") {
                return at
            }
            from = at + 1
        }
        return nil
    }

    /// The ids already in `bytes` (cmark-gfm's footnotes), found by their `=`, which text escapes
    /// do not hold and tags hold few of.
    static func existingIDs(in bytes: [UInt8]) -> [String] {
        var ids: [String] = []
        var from = 0
        while let at = ByteSearch.firstIndex(of: UInt8(ascii: "="), in: bytes, from: from) {
            from = at + 1
            guard at >= 3, at + 1 < bytes.count, bytes[at - 3] == UInt8(ascii: " "), bytes[at - 2] == UInt8(ascii: "i"),
                  bytes[at - 1] == UInt8(ascii: "d"), bytes[at + 1] == UInt8(ascii: "\""),
                  let valueEnd = bytes[(at + 2)...].firstIndex(of: UInt8(ascii: "\"")) else { continue }
            ids.append(String(decoding: bytes[(at + 2)..<valueEnd], as: UTF8.self))
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
        // ASCII (nearly every heading): on its bytes.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: text.utf8.compactMap(slugByte), as: UTF8.self) }
        return unicodeSlug(text)
    }

    /// An ASCII byte of a heading's text in its slug: a letter in lower case, a digit, `-` or
    /// `_` as it is, a space as `-`; nil for what the slug leaves out. ``unicodeSlug(_:)`` agrees.
    static func slugByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: " "): UInt8(ascii: "-")
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): byte
        default: nil
        }
    }

    /// ``slug(_:)`` by Unicode categories, for any text.
    static func unicodeSlug(_ text: String) -> String {
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
