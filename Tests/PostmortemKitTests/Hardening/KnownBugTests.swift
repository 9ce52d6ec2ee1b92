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

    /// Word processors and some wikis write a negative offset with the minus sign U+2212. The
    /// offset reader compared one byte with it, so "UTC−05:00" read as UTC, five hours off.
    @Test("an offset written with the minus sign U+2212 is the same offset as with a hyphen")
    func minusSignOffset() throws {
        for (minus, hyphen) in [("UTC−05:00", "UTC-05:00"), ("GMT−3", "GMT-3"), ("−0530", "-0530"), ("UTC−", "UTC-")] {
            #expect(TimeExpression.offset(named: minus) == TimeExpression.offset(named: hyphen), "\(minus)")
            #expect(TimeExpression.statedZone(in: "All times \(minus).") == TimeExpression.statedZone(in: "All times \(hyphen)."), "\(minus)")
        }
        #expect(TimeExpression.statedZone(in: "All times UTC−05:00.") == -18000)
        let minus = try #require(TimeExpression.parseTimestamp("2026-07-14T14:02−05:00"))
        #expect(minus == TimeExpression.parseTimestamp("2026-07-14T14:02-05:00"))
        #expect(minus.offsetSeconds == -18000)
        let entry = try #require(TimeExpression.leading("14:02 UTC−05:00 Paged the on-call engineer"))
        #expect(entry.offsetSeconds == -18000)
        #expect(entry.rest == "Paged the on-call engineer")
        // A minus sign with no digits after UTC: the zone is UTC and the sign stays in the text.
        let bare = try #require(TimeExpression.leading("14:02 UTC−x"))
        #expect(bare.matched == "14:02 UTC")
        #expect(bare.offsetSeconds == 0)
    }

    /// Writers use the minus sign mostly for negative numbers: only `UTC−5`, `GMT−5`, `−HH:MM`
    /// and `−HHMM` are offsets.
    @Test("a negative number written with the minus sign is not read as an offset")
    func minusSignNumbers() throws {
        #expect(TimeExpression.offset(named: "−5") == nil)
        #expect(TimeExpression.statedZone(in: "Time to detect improved −2 min") == nil)
        let entry = try #require(TimeExpression.leading("14:02 −12% error rate on checkout"))
        #expect(entry.offsetSeconds == nil)
        #expect(entry.rest == "−12% error rate on checkout")
        #expect(TimeExpression.offset(named: "UTC−5") == -18000)
        #expect(TimeExpression.offset(named: "−0530") == -19800)
    }
}
