import Foundation
import Testing
@testable import PostmortemKit

/// Bugs the hardening work found, pinned as regression tests once fixed (docs/hardening.md).
@Suite struct KnownBugTests {
    /// cmark-gfm's autolink extension keeps control characters after `http://x` inside the URL;
    /// safe mode percent-encodes them, so the link is inert, but the Nu HTML Checker rejects the
    /// page. A page must not link to a URL holding an encoded control character.
    @Test("an autolink followed by terminal escapes does not become an href with control characters")
    func autolinkWithControlCharacters() {
        let html = PageHTML.prepare(MarkdownParser.renderHTML("See http://x\u{07}link\u{1B}]8;;\u{07} now.\n"))
        let hrefs = html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
        for href in hrefs {
            #expect(href.firstMatch(of: /%(0[0-9A-Fa-f]|1[0-9A-Fa-f]|7[Ff])/) == nil, "\(href)")
        }
    }
}
