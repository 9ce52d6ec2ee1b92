/// Makes cmark-gfm's safe HTML valid HTML5 for a report page.
///
/// cmark-gfm writes table alignment as the `align` attribute, which HTML5 made obsolete (the Nu
/// checker reports it as an error); it becomes an inline `text-align` style. The input is HTML
/// cmark-gfm rendered, where `<` only starts tags cmark wrote (text is escaped), so matching its
/// exact tag spellings is safe.
public enum PageHTML {
    public static func prepare(_ cmarkHTML: String) -> String {
        var html = HTMLEscaping.removingForbiddenCharacters(cmarkHTML)
        for tag in ["th", "td"] {
            for alignment in ["left", "center", "right"] {
                html = html.replacingOccurrences(of: "<\(tag) align=\"\(alignment)\">",
                                                 with: "<\(tag) style=\"text-align: \(alignment)\">")
            }
        }
        return html
    }
}
