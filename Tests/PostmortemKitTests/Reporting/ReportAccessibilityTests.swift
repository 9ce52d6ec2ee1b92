import Foundation
import Testing
@testable import PostmortemKit

/// What the accessibility audit of stop 51 (axe-core 4.12 in Chromium, light and dark, at 1,280
/// and 320 CSS pixels, and a reading of the style sheet) asked of the report, kept as properties
/// of the built-in templates and of the pages they make: WCAG 2.2 AA contrast in both colour
/// schemes, computed from the style sheet's own colours; scroll boxes a keyboard can reach;
/// task boxes with a name; no page wider than a 320-pixel screen.
@Suite("pm report accessibility")
struct ReportAccessibilityTests {
    // MARK: - Colour contrast, from style.mustache's custom properties

    static let style: String = (try? String(contentsOf: packageRoot.appendingPathComponent("templates/report/style.mustache"),
                                            encoding: .utf8)) ?? ""

    /// The `--name: #rrggbb` declarations of the first `:root { … }` after `marker` (from the
    /// start when nil).
    static func properties(after marker: String?) -> [String: String] {
        var text = Substring(style)
        if let marker {
            guard let at = text.range(of: marker) else { return [:] }
            text = text[at.upperBound...]
        }
        guard let open = text.range(of: ":root {"), let close = text[open.upperBound...].firstIndex(of: "}") else { return [:] }
        var result: [String: String] = [:]
        for declaration in text[open.upperBound..<close].split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if parts.count == 2, parts[0].hasPrefix("--") { result[String(parts[0].dropFirst(2))] = parts[1] }
        }
        return result
    }

    /// The colours of each scheme: light (the default), dark, and print (light with its own).
    static let schemes: [(name: String, colours: [String: String])] = {
        let light = properties(after: nil)
        return [("light", light),
                ("dark", properties(after: "@media (prefers-color-scheme: dark) {")),
                ("print", light.merging(properties(after: "@media print {")) { $1 })]
    }()

    /// sRGB channels of `#rrggbb`, 0…1.
    static func rgb(_ hex: String) -> [Double]? {
        let digits = Array(hex.dropFirst())
        guard hex.hasPrefix("#"), digits.count == 6 else { return nil }
        return stride(from: 0, to: 6, by: 2).compactMap { UInt8(String(digits[$0...$0 + 1]), radix: 16).map { Double($0) / 255 } }
    }

    /// `top` at `opacity` over `bottom`, as the charts' shades (`fill="currentColor"` with a
    /// `fill-opacity`) are painted.
    static func blend(_ top: [Double], over bottom: [Double], opacity: Double) -> [Double] {
        zip(top, bottom).map { $0 * opacity + $1 * (1 - opacity) }
    }

    /// WCAG 2.2's relative luminance.
    static func luminance(_ rgb: [Double]) -> Double {
        let linear = rgb.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: [Double], _ b: [Double]) -> Double {
        let (l1, l2) = (luminance(a), luminance(b))
        return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
    }

    @Test("the style sheet defines every colour the checks read, in each scheme")
    func coloursAreRead() {
        let names = ["bg", "fg", "muted", "line", "panel", "accent", "stair", "zero", "bar", "cumulative", "ok", "warn", "bad"]
        for (scheme, colours) in Self.schemes {
            for name in names { #expect(colours[name].flatMap(Self.rgb) != nil, "--\(name) in \(scheme)") }
        }
    }

    /// Text, badges (their text and border are the state's colour), links and the charts' labels:
    /// 4.5:1 (WCAG 1.4.3), on the page and on the side panels and cards.
    @Test("every text colour has 4.5:1 on the page's and the panels' background, in light, dark and print")
    func textContrast() throws {
        for (scheme, c) in Self.schemes {
            func colour(_ name: String) throws -> [Double] { try #require(c[name].flatMap(Self.rgb), "--\(name) in \(scheme)") }
            var pairs: [(String, [Double], String, [Double])] = []
            for text in ["fg", "muted", "accent", "ok", "warn", "bad", "zero"] {
                for background in ["bg", "panel"] { pairs.append((text, try colour(text), background, try colour(background))) }
            }
            // A marker's number is the background's colour on the line's, or on --zero while
            // hovered or focused.
            pairs.append(("bg", try colour("bg"), "stair", try colour("stair")))
            pairs.append(("bg", try colour("bg"), "zero", try colour("zero")))
            // The charts' labels in the shade of what is not yet known (6% of the text colour)
            // and of what is outside the period (3.5%), drawn by StaircaseChart.
            for (shade, opacity) in [("not-yet-known shade", 0.06), ("outside-period shade", 0.035)] {
                let shaded = Self.blend(try colour("fg"), over: try colour("bg"), opacity: opacity)
                for text in ["muted", "zero", "fg"] { pairs.append((text, try colour(text), shade, shaded)) }
            }
            for (text, foreground, background, behind) in pairs {
                let ratio = Self.contrast(foreground, behind)
                #expect(ratio >= 4.5, "\(scheme): --\(text) on \(background) is \(ratio):1")
            }
        }
    }

    /// The parts of a chart that carry its data (the staircase's line and markers, the zero line,
    /// the diamonds, the bars, the cumulative line): 3:1 against what is next to them (WCAG 1.4.11).
    @Test("the charts' lines, markers and bars have 3:1 against the background, in light and dark")
    func graphicsContrast() throws {
        for (scheme, c) in Self.schemes where scheme != "print" {
            for name in ["stair", "zero", "bar", "cumulative"] {
                let ratio = Self.contrast(try #require(c[name].flatMap(Self.rgb)), try #require(c["bg"].flatMap(Self.rgb)))
                #expect(ratio >= 3, "\(scheme): --\(name) on the background is \(ratio):1")
            }
        }
    }

    /// Found by the audit: the cumulative line crosses the bars, 1.02:1 from them in the light
    /// scheme and 1.84:1 in the dark. The colour next to the line is its casing's, where the style
    /// sheet draws one, else the bar's.
    @Test("the Pareto chart's cumulative line has 3:1 against what it crosses")
    func cumulativeLineAgainstBars() throws {
        let casing = try #require(Self.style.range(of: "svg.chart path.cumulative-casing {").map { Self.style[$0.upperBound...] }
            .flatMap { rule in rule.range(of: "stroke: var(--").map { rule[$0.upperBound...].prefix { $0 != ")" } } }
            .map(String.init) as String?, "style.mustache draws no casing under the cumulative line")
        for (scheme, c) in Self.schemes where scheme != "print" {
            let line = try #require(c["cumulative"].flatMap(Self.rgb)), bar = try #require(c["bar"].flatMap(Self.rgb))
            let next = try #require(c[casing].flatMap(Self.rgb))
            #expect(Self.contrast(line, next) >= 3, "\(scheme): the line on its casing")
            #expect(Self.contrast(next, bar) >= 3, "\(scheme): the casing on a bar")
        }
        // Its points too.
        #expect(Self.style.contains("svg.chart circle.cumulative { fill: var(--cumulative); stroke: var(--\(casing));"))
    }

    // MARK: - Reflow and keyboard

    /// Found by the audit: at 320 CSS pixels the index's three headline tables, in grid columns
    /// of at least 300 pixels beside 24 pixels of padding, scrolled the whole page sideways
    /// (WCAG 1.4.10).
    @Test("no grid column asks for more than a 320-pixel screen leaves beside the page's padding")
    func gridColumnsFitAPhone() throws {
        // Each minmax's minimum, up to its comma at the top level: a length in pixels that fits
        // (or 0), or `min(…px, 100%)`, which is never wider than the column's container. Any other form
        // fails, so the test reads every minimum the style sheet has (the review of stop 51: it
        // had read only plain pixel lengths, and after the fix there were none).
        let minimums = Self.style.components(separatedBy: "minmax(").dropFirst().map { rest -> String in
            var depth = 0
            return String(rest.prefix { character in
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
                return !(character == "," && depth == 0)
            })
        }
        #expect(!minimums.isEmpty)
        for minimum in minimums {
            let compact = minimum.replacingOccurrences(of: " ", with: "")
            if compact.hasPrefix("min("), compact.hasSuffix(",100%)") { continue }
            let digits = compact.prefix { $0.isNumber }
            let unit = compact.dropFirst(digits.count)
            let pixels = unit == "px" || (unit.isEmpty && digits == "0") ? Int(digits) : nil
            #expect(pixels.map { $0 <= 320 - 2 * 24 } == true, "a grid column of at least \(minimum)")
        }
    }

    /// Found by the audit (axe-core's scrollable-region-focusable, at 320 pixels): the boxes the
    /// tables and charts scroll in could not be scrolled from the keyboard, and code blocks and
    /// the postmortems' own tables not even at 1,280 pixels; its label rule: the task boxes of
    /// `- [x]` items had no name.
    @Test("every scroll box of the index and of a postmortem's page takes the focus and has a name")
    func scrollBoxesTakeTheFocus() throws {
        let (_, files) = try ReportFixture.site()
        let pages = files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 1)
        var boxes = 0
        for page in pages {
            let html = page.contents
            for box in html.components(separatedBy: "<div class=\"table-scroll\"").dropFirst() {
                boxes += 1
                let tag = box.prefix { $0 != ">" }
                #expect(tag.hasPrefix(" role=\"group\" tabindex=\"0\" aria-"), "\(page.path): \(tag)")
                if let labelled = tag.range(of: "aria-labelledby=\"") {
                    let id = tag[labelled.upperBound...].prefix { $0 != "\"" }
                    #expect(box.hasPrefix("\(tag)><table>\n<caption id=\"\(id)\">"), "\(page.path): \(id) names no caption")
                } else {
                    #expect(tag.contains("aria-label=\""), "\(page.path): \(tag)")
                }
            }
            #expect(!html.contains("<figure>") && !html.contains("<pre>"), "\(page.path)")
            #expect(html.components(separatedBy: "<table>").count == html.components(separatedBy: "<div class=\"table-scroll\"").count,
                    "\(page.path): a table outside a scroll box")
        }
        #expect(boxes >= 15)
        let index = try #require(pages.first { $0.path == "index.html" }).contents
        #expect(index.contains("<figure tabindex=\"0\">"))
        #expect(Self.style.contains(".table-scroll:focus-visible, figure:focus-visible, article.postmortem pre:focus-visible { outline: 2px solid var(--accent);"))
    }

    @Test("a postmortem's tables scroll in a box of their own, its code blocks take the focus, its task boxes are named")
    func postmortemBodyMarkup() {
        let html = PageHTML.prepare(MarkdownParser.renderHTML("""
            | a | b |
            |---|---|
            | 1 | 2 |

            ```
            code
            ```

            - [x] ship it
            - [ ] measure it

            Text about `<table>`, `<pre>` and `<input type="checkbox" disabled="" />`.
            """))
        #expect(html.contains("<div class=\"table-scroll\" role=\"group\" tabindex=\"0\" aria-label=\"Table\"><table>\n"))
        #expect(html.contains("</table></div>\n"))
        #expect(html.contains("<pre tabindex=\"0\"><code>code\n</code></pre>"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" /> ship it"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" /> measure it"))
        // Text that reads like those tags is escaped, and left as it is.
        #expect(html.contains("Text about <code>&lt;table&gt;</code>, <code>&lt;pre&gt;</code> and <code>&lt;input type=&quot;checkbox&quot; disabled=&quot;&quot; /&gt;</code>."))
        #expect(html.components(separatedBy: "<div class=\"table-scroll\"").count == 2)
    }
}
