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

    /// `/postmortems/r.md` is read from the repository's root on GitHub, here from pm.yml's
    /// directory; it and `///postmortems/r.md` had stayed as written on the page, broken, and the
    /// second failed the Nu checker (left open by stop 49). `//host/r.md` is another site's.
    @Test func linksFromTheRootPointAtPages() {
        let body = MarkdownParser.renderHTML("[a](/postmortems/r.md#timeline) [b](///postmortems/r.md) [c](//example.com/r.md) [d](/docs/x.md) [e](///docs/x.md)\n")
        #expect(PageLinks.rewrite(body, from: "postmortems/2026/s.md", pages: ["postmortems/r.md": "r.html"]) == """
            <p><a href="r.html#timeline">a</a> <a href="r.html">b</a> <a href="//example.com/r.md">c</a> <a href="/docs/x.md">d</a> <a href="/docs/x.md">e</a></p>

            """)
        let base = "https://github.com/acme/pm/blob/main/"
        #expect(PageLinks.rewrite(body, from: "postmortems/2026/s.md", pages: [:], sourceURL: base).contains("<a href=\"\(base)docs/x.md\">e</a>"))
        // With no page to point at and no source_url, `///` is written `/` still (the retest: the
        // rewrite had returned early).
        let alone = PageLinks.rewrite(body, from: "postmortems/2026/s.md", pages: [:])
        #expect(alone.contains("<a href=\"/docs/x.md\">e</a>") && alone.contains("<a href=\"/postmortems/r.md\">b</a>") && !alone.contains("///"))
        let record = DocumentReader.read(text: "# S\n\nSee [a](/postmortems/r.md) and [b](///postmortems/r.md).\n", path: "postmortems/2026/s.md").postmortem
        #expect(PageLinks.linkedInputs(of: record, in: CorpusIndex(paths: ["postmortems/r.md"])) == ["postmortems/r.md", "postmortems/r.md"])
    }

    /// A link to a file of the repository that is no postmortem (a runbook in `docs/`) led
    /// nowhere on the report's page (left open by stop 46); with `report.source_url` it points at
    /// the file in the repository's browser. Links that leave pm.yml's directory, have a scheme or
    /// are a fragment alone stay as written, as does everything without the setting.
    @Test func otherFilesPointAtTheSourceURL() throws {
        let body = MarkdownParser.renderHTML("""
            [runbook](../docs/runbooks/db.md#step-2) [config](../deploy/proxy%20pool.yaml?plain=1) [r](r.md) \
            [mail](mailto:a@b.c) [tel](tel:+15555) [up](../../etc/passwd) [abs](/etc/x) [frag](#summary) [web](https://x.example/a) [dir](../docs/)

            """)
        let base = "https://github.com/acme/pm/blob/main/"
        let rewritten = PageLinks.rewrite(body, from: "postmortems/s.md", pages: ["postmortems/r.md": "r.html"], sourceURL: base)
        #expect(rewritten == """
            <p><a href="\(base)docs/runbooks/db.md#step-2">runbook</a> <a href="\(base)deploy/proxy%20pool.yaml?plain=1">config</a> \
            <a href="r.html">r</a> <a href="mailto:a@b.c">mail</a> <a href="tel:+15555">tel</a> <a href="../../etc/passwd">up</a> \
            <a href="\(base)etc/x">abs</a> <a href="#summary">frag</a> <a href="https://x.example/a">web</a> <a href="\(base)docs">dir</a></p>

            """)
        #expect(PageLinks.rewrite(body, from: "postmortems/s.md", pages: [:]) == body)
        // The setting: an http(s) address, given its closing slash; anything else is an error at its line.
        #expect(try LintTestSupport.configuration("report:\n  source_url: https://github.com/acme/pm/blob/main\n").reportSourceURL == base)
        #expect(try LintTestSupport.configuration("report: {}\n").reportSourceURL == nil)
        for (yaml, message) in [("report:\n  source_url: ftp://x/\n", "2:15: `report.source_url` must be an http(s) address"),
                                ("report:\n  sorce_url: https://x/\n", "2:3: unknown key `report.sorce_url`; did you mean `report.source_url`?"),
                                ("report:\n  source_url: [a]\n", "2:15: `report.source_url` must be a string")] {
            let error = #expect(throws: ConfigurationError.self) { try LintTestSupport.configuration(yaml) }
            #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        }
    }
}
