import Testing
@testable import PostmortemKit

struct PageLinksTests {
    /// From the retest of stop 37: the `#` of cmark-gfm's `&#x27;` (a file named `it's.md`) was
    /// taken for the fragment, which gave `inc-c.html#x27;s.md`, and the Nu checker failed.
    @Test func anApostropheInTheFileNameIsNoFragment() {
        let pages = ["p/it's.md": "inc-c.html", "p/a&b.md": "inc-d.html"]
        let body = "<p><a href=\"it&#x27;s.md\">c</a> <a href=\"it&#x27;s.md#time&amp;line\">c2</a> <a href=\"a&amp;b.md\">d</a> <a href=\"other.md\">o</a></p>"
        #expect(PageLinks.rewrite(body, from: "p/x.md", pages: pages)
                == "<p><a href=\"inc-c.html\">c</a> <a href=\"inc-c.html#time&amp;line\">c2</a> <a href=\"inc-d.html\">d</a> <a href=\"other.md\">o</a></p>")
        #expect(PageLinks.rewrite(body, from: "p/x.md", pages: [:]) == body)
    }
}
