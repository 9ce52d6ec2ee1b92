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

    @Test("NextByte finds the next byte after each position, searching again only once passed")
    func nextByte() {
        let bytes = Array("a>b>>c".utf8)
        var next = NextByte(UInt8(ascii: ">"))
        #expect((-1..<bytes.count).map { next.index(after: $0, in: bytes) } == [1, 1, 3, 3, 4, nil, nil])
        var none = NextByte(UInt8(ascii: ")"))
        #expect(none.index(after: 0, in: bytes) == nil && none.index(after: 3, in: bytes) == nil)
    }

    @Test("a timeline line of ` <ab` without `>` stays prose after them; a `<nick>` label still blanks the rest")
    func unclosedNicks() {
        let prose = ProseText(document: DocumentReader.read(text: "# T\n", path: "a.md"))
        var open = Array((String(repeating: " <ab", count: 2_000) + " blame").utf8)
        prose.blankChatSpeech(&open)
        #expect(String(decoding: open, as: UTF8.self).hasSuffix(" blame"))
        var label = Array("10:05 <ops> blame".utf8)
        prose.blankChatSpeech(&label)
        #expect(String(decoding: label, as: UTF8.self).trimmingCharacters(in: .whitespaces) == "10:05")
    }
}
