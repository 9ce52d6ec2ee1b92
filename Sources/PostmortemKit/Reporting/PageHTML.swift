import Foundation

/// Makes cmark-gfm's safe HTML valid HTML5 for a report page, with GitHub's ids on its headings
/// (``HeadingAnchors``), and reachable by keyboard and screen reader (``accessibleSpellings``).
///
/// Safe mode empties unsafe image sources (`![x](javascript:…)` becomes `<img src="" alt="x" />`),
/// and an empty `src` is invalid; such an image is replaced by its alt text, which cmark has
/// already escaped.
///
/// cmark-gfm writes table alignment as the `align` attribute, which HTML5 made obsolete (the Nu
/// checker reports it as an error); it becomes an inline `text-align` style. The input is HTML
/// cmark-gfm rendered, where `<` only starts tags cmark wrote (text is escaped), so matching its
/// exact tag spellings is safe.
public enum PageHTML {
    public static func prepare(_ cmarkHTML: String) -> String {
        var html = HTMLEscaping.removingForbiddenCharacters(cmarkHTML)
        // Every step below is rare in real documents, so each first looks for its trigger in
        // the bytes (Foundation's `contains` and regular expressions bridge the whole page).
        var bytes = Array(html.utf8)
        var replaced = false
        if ByteSearch.firstIndex(of: alignAttribute, in: bytes, from: 0, key: alignAttributeKey) != nil {
            for (spelling, replacement) in alignments {
                if let result = ByteSearch.replacingAll(spelling, with: replacement, in: bytes) {
                    bytes = result
                    replaced = true
                }
            }
        }
        if let result = ByteSearch.replacingAll(accessibleSpellings, in: bytes) {
            bytes = result
            replaced = true
        }
        if replaced { html = String(decoding: bytes, as: UTF8.self) }
        if hasEncodedControlCharacter(bytes) {
            // cmark-gfm's autolinks keep control characters (a terminal escape after a URL) and
            // safe mode percent-encodes them: inert, but not a URL a page should link to, and the
            // Nu checker rejects it. Such a link keeps its text and loses its href.
            html = controlCharacterHref.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html),
                                                                 withTemplate: "<a")
        }
        // One search for images of either kind: most pages have none.
        let image = ByteSearch.firstIndex(of: imageStart, in: bytes, from: 0)
        if let image, ByteSearch.firstIndex(of: emptyImageStart, in: bytes, from: image) != nil {
            html = emptyImage.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html),
                                                       withTemplate: "<span class=\"removed-image\">$1</span>")
        }
        html = HeadingAnchors.addingIDs(to: html)
        // After the ids: a heading's id is GitHub's, which an image's alt text is no part of.
        return image == nil ? html : linkingRemoteImages(html)
    }

    /// `html` with each image from another site (`https://…`, `//host/…`, any scheme but `data:`)
    /// made a link to it, "Image: " and its alt text: a report fetches nothing from the network,
    /// and a page that loaded a postmortem's remote images would tell their host who reads the
    /// review, and when. Inside a link (`[![graph](https://…)](dashboard)`) the image becomes the
    /// text alone, since a link cannot hold another.
    static func linkingRemoteImages(_ html: String) -> String {
        let matches = remoteImage.matches(in: html, range: NSRange(html.startIndex..., in: html))
        guard !matches.isEmpty else { return html }
        var result = ""
        var copied = html.startIndex
        // Links open around the image: counted in one pass over the text between images (the
        // first version searched back from each image to the start of the page: 4,000 images
        // took 50 s). cmark-gfm writes a link as `<a href=…>` and ``controlCharacterHref``'s
        // replacement as `<a>`; text has its `<` escaped.
        var openLinks = 0
        for match in matches {
            guard let whole = Range(match.range, in: html), let source = Range(match.range(at: 1), in: html),
                  let alt = Range(match.range(at: 2), in: html) else { continue }
            let between = html[copied..<whole.lowerBound]
            openLinks = max(0, openLinks + count(linkOpen, in: between) + count(addresslessLinkOpen, in: between) - count(linkClose, in: between))
            let text = html[alt].isEmpty ? "Image" : "Image: \(html[alt])"
            // An address holding an encoded control character is no link, as a text link's is not
            // (``controlCharacterHref``).
            let replacement = openLinks > 0 || hasEncodedControlCharacter(Array(html[source].utf8))
                ? "<span class=\"remote-image\">\(text)</span>"
                : "<a class=\"remote-image\" href=\"\(html[source])\">\(text)</a>"
            result += between
            result += replacement
            copied = whole.upperBound
        }
        result += html[copied...]
        return result
    }

    private static let linkOpen = Array("<a ".utf8)
    private static let addresslessLinkOpen = Array("<a>".utf8)
    private static let linkClose = Array("</a>".utf8)

    /// How many times `needle` occurs in `text`.
    private static func count(_ needle: [UInt8], in text: Substring) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            needle.withUnsafeBufferPointer { needle in
                var found = 0
                var from = 0
                while let at = ByteSearch.firstIndex(of: needle, in: bytes, from: from) {
                    found += 1
                    from = at + needle.count
                }
                return found
            }
        }
    }

    /// What a keyboard and a screen reader need of cmark-gfm's tables, code blocks and task
    /// boxes (found by axe-core, stop 51). A table scrolls sideways in its own box, as the
    /// index's do, so a narrow screen (320 CSS pixels) does not scroll the whole page; that box,
    /// and a code block (which scrolls as it is), can be focused, so a keyboard can scroll them;
    /// a task's box, which the reader cannot tick, is named by its state. A table holds no table
    /// in Markdown, so each `</table>` closes the box its `<table>` opened.
    private static let accessibleSpellings: [(needle: [UInt8], replacement: [UInt8])] = [
        ("<table>", "<div class=\"table-scroll\" role=\"group\" tabindex=\"0\" aria-label=\"Table\"><table>"),
        ("</table>", "</table></div>"),
        ("<pre>", "<pre tabindex=\"0\">"),
        ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />", "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />"),
        ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" />"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    private static let alignAttribute = Array(" align=\"".utf8)
    /// The byte ``alignAttribute`` is searched by: its `=`, which a page has a few dozen of,
    /// where it has thousands of spaces.
    private static let alignAttributeKey = alignAttribute.firstIndex(of: UInt8(ascii: "="))!
    private static let emptyImageStart = Array("<img src=\"\"".utf8)
    /// cmark-gfm's spellings of an aligned table cell and their HTML5 replacements.
    private static let alignments: [([UInt8], [UInt8])] = ["th", "td"].flatMap { tag in
        ["left", "center", "right"].map { alignment in
            (Array("<\(tag) align=\"\(alignment)\">".utf8), Array("<\(tag) style=\"text-align: \(alignment)\">".utf8))
        }
    }

    /// True when `bytes` hold `%` followed by the hex code of a C0 control character or DEL, the
    /// only text ``controlCharacterHref`` can match.
    static func hasEncodedControlCharacter(_ bytes: [UInt8]) -> Bool {
        func isHex(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "f"))
        }
        var from = 0
        while let at = ByteSearch.firstIndex(of: percent, in: bytes, from: from) {
            guard at + 2 < bytes.count else { return false }
            let high = bytes[at + 1], low = bytes[at + 2]
            if (high == UInt8(ascii: "0") || high == UInt8(ascii: "1")) && isHex(low) { return true }
            if high == UInt8(ascii: "7") && low | 0x20 == UInt8(ascii: "f") { return true }
            from = at + 1
        }
        return false
    }

    private static let percent: [UInt8] = [UInt8(ascii: "%")]

    /// A link whose destination holds a percent-encoded C0 control character or DEL.
    static let controlCharacterHref = try! NSRegularExpression(pattern: #"<a href="[^"]*%(?:[01][0-9A-Fa-f]|7[Ff])[^"]*""#)

    private static let imageStart = Array("<img src=\"".utf8)

    /// An image whose source has a scheme other than `data:` or starts with `//`, as cmark-gfm
    /// writes it (source and alt text already escaped for an attribute).
    static let remoteImage = try! NSRegularExpression(
        pattern: #"<img src="((?![Dd][Aa][Tt][Aa]:)(?:[A-Za-z][A-Za-z0-9+.-]*:|//)[^"]*)" alt="([^"]*)"(?: title="[^"]*")? />"#)

    /// An image whose source safe mode removed, as cmark-gfm writes it (with or without a title).
    static let emptyImage = try! NSRegularExpression(pattern: #"<img src="" alt="([^"]*)"(?: title="[^"]*")? />"#)
}
