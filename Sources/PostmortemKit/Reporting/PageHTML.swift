import Foundation

/// Makes cmark-gfm's safe HTML valid HTML5 for a report page.
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
        for tag in ["th", "td"] where html.contains("<\(tag) align=\"") {
            for alignment in ["left", "center", "right"] {
                html = html.replacingOccurrences(of: "<\(tag) align=\"\(alignment)\">",
                                                 with: "<\(tag) style=\"text-align: \(alignment)\">")
            }
        }
        if html.contains("%") {
            // cmark-gfm's autolinks keep control characters (a terminal escape after a URL) and
            // safe mode percent-encodes them: inert, but not a URL a page should link to, and the
            // Nu checker rejects it. Such a link keeps its text and loses its href.
            html = controlCharacterHref.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html),
                                                                 withTemplate: "<a")
        }
        if html.contains("<img src=\"\"") {
            html = emptyImage.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html),
                                                       withTemplate: "<span class=\"removed-image\">$1</span>")
        }
        return html
    }

    /// A link whose destination holds a percent-encoded C0 control character or DEL.
    nonisolated(unsafe) static let controlCharacterHref = try! NSRegularExpression(pattern: #"<a href="[^"]*%(?:[01][0-9A-Fa-f]|7[Ff])[^"]*""#)

    /// An image whose source safe mode removed, as cmark-gfm writes it (with or without a title).
    nonisolated(unsafe) static let emptyImage = try! NSRegularExpression(pattern: #"<img src="" alt="([^"]*)"(?: title="[^"]*")? />"#)
}
