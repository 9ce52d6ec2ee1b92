import Testing
@testable import PostmortemKit

/// Found by the black-box pass of stop 46: links to a section (`[Timeline](#timeline)`,
/// `[B's timeline](2026-07-12-b.md#timeline)`) led nowhere on the report's pages, whose headings
/// had no ids. They have GitHub's now.
@Suite struct HeadingAnchorsTests {
    func page(_ markdown: String) -> String { PageHTML.prepare(MarkdownParser.renderHTML(markdown)) }

    @Test func headingsGetGitHubsIDs() {
        let html = page("""
            # Checkout 502s: 2026-07-14
            ## Timeline
            See [the timeline](#timeline).
            ## What went *well* & `badly`
            ## Timeline
            ## Timeline
            ### Ça a coûté 5 % du budget_mensuel
            ## 🔥
            ---
            """)
        #expect(html.contains("<h1 id=\"checkout-502s-2026-07-14\">Checkout 502s: 2026-07-14</h1>"), "\(html)")
        #expect(html.contains("<h2 id=\"timeline\">Timeline</h2>"))
        #expect(html.contains("<a href=\"#timeline\">the timeline</a>"))
        #expect(html.contains("<h2 id=\"what-went-well--badly\">What went <em>well</em> &amp; <code>badly</code></h2>"))
        #expect(html.contains("<h2 id=\"timeline-1\">Timeline</h2>\n<h2 id=\"timeline-2\">Timeline</h2>"))
        #expect(html.contains("<h3 id=\"ça-a-coûté-5--du-budget_mensuel\">"))
        // No letter or number: no id (an empty one is not valid HTML).
        #expect(html.contains("<h2>🔥</h2>"))
        #expect(html.contains("<hr />"))
    }

    /// From the retest of the mend: github-slugger leaves out other numbers (`²`, `½`, `①`) and
    /// keeps marks, an emoji's variation selector (U+FE0F) among them.
    @Test func slugsFollowGitHubSluggersCategories() {
        #expect(HeadingAnchors.slug("Top² issues and ½ measures") == "top-issues-and--measures")
        #expect(HeadingAnchors.slug("① Detection") == "-detection")
        #expect(HeadingAnchors.slug("⚠️ Warning") == "\u{FE0F}-warning")
        #expect(HeadingAnchors.slug("😄 emoji") == "-emoji")
        #expect(HeadingAnchors.slug("Привет non-latin 你好") == "привет-non-latin-你好")
        #expect(HeadingAnchors.slug("Phase Ⅻ: snake_case\u{00A0}tab\tend") == "phase-ⅻ-snake_casetabend")
    }

    /// The slug made on an ASCII heading's bytes is the one made from its text.
    @Test func asciiSlugsAgreeWithTextSlugs() {
        let headings = ["What went *well* & `badly`", "Q3: 5% of `p99` <b>", "A \"quoted\" 'title' -- ok_1", "[Link](https://x.io) and **bold**",
                        "Tabs\tand   spaces", "100% (of) {it}/[them]", "x < y > z", "Ends with &"]
        for heading in headings {
            let html = Array(MarkdownParser.renderHTML("## " + heading + "\n").utf8)
            guard let start = HeadingAnchors.nextHeading(in: html, from: 0), let end = HeadingAnchors.closingTag(html[start + 2], in: html, from: start + 4)
            else { Issue.record("no heading: \(heading)"); continue }
            let content = html[(start + 4)..<end]
            #expect(HeadingAnchors.asciiSlug(content) == HeadingAnchors.unicodeSlug(HeadingAnchors.text(of: content)), "\(heading)")
        }
        #expect(HeadingAnchors.asciiSlug(Array("Störung".utf8)[...]) == nil)
    }

    /// From the review of the stop's diff: each repeat of a heading counted up from `-1` through
    /// a list of the ids in use, so 4,000 `## Update` headings took 19 s. The next number of each
    /// slug is kept.
    @Test func manyRepeatedHeadings() {
        let html = PageHTML.prepare(MarkdownParser.renderHTML(String(repeating: "## Update\n\nText.\n\n", count: 4_000) + "## Update-1\n"))
        #expect(html.contains("<h2 id=\"update\">") && html.contains("<h2 id=\"update-3999\">"))
        // `Update-1` is taken by the second heading: the last gets the next free number.
        #expect(html.contains("<h2 id=\"update-1-1\">Update-1</h2>"))
    }

    /// A heading named like a footnote's id does not take that id: ids stay unique.
    @Test func footnoteIDsAreNotGivenAgain() {
        let html = page("## fn-1\n\nA claim.[^1]\n\n[^1]: The source.\n")
        #expect(html.contains("id=\"fn-1\""))
        #expect(html.contains("<h2 id=\"fn-1-1\">fn-1</h2>"), "\(html)")
    }

    /// Text that looks like a heading tag in a code block or a paragraph is escaped by cmark-gfm,
    /// and is left alone.
    @Test func escapedTagsAreNotHeadings() {
        let html = page("Write `<h2>x</h2>` in the template.\n\n```\n<h3>y</h3>\n```\n")
        #expect(!html.contains(" id="))
        #expect(HeadingAnchors.addingIDs(to: "<p>no headings</p>") == "<p>no headings</p>")
    }
}
