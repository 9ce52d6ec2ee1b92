import Testing
@testable import PostmortemKit

/// Openers that never close on a long line are read once, not once per opener.
@Suite struct LongLineMarkupTests {
    @Test("a placeholder closes within 256 bytes; a `<` or `{{` whose closer is further is not one")
    func placeholdersAreShort() throws {
        func placeholders(_ line: String) throws -> [String] {
            try LintTestSupport.lint("# T\n\n## Summary\n\n\(line)\n").filter { $0.ruleID == "PM011" }.map(\.message)
        }
        #expect(try placeholders("Checkout failed for <describe the impact here>.").count == 1)
        #expect(try placeholders("Checkout failed for {{ impact }}.").count == 1)
        let far = String(repeating: "x ", count: 200)
        #expect(try placeholders("Checkout failed for <describe \(far)>.").isEmpty)
        #expect(try placeholders("Checkout failed for {{ impact \(far)}}.").isEmpty)
    }

    @Test("unclosed `<a`, `](`, quotes and `<nick` are blanked as before: the rest of the line stays prose")
    func unclosedOpenersLeaveTheLine() {
        for opener in ["<a ", "](x ", "\u{201C}y ", "\"y "] {
            var bytes = Array((String(repeating: opener, count: 2_000) + "blame").utf8)
            ProseText.blankInlineMarkup(&bytes)
            #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("blame"), "\(opener)")
        }
    }
}
