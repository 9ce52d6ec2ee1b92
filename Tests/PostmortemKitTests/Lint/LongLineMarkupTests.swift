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

    @Test("code spans close at the next run of their length, as the plain scan found it, on backtick-heavy lines")
    func codeSpans() {
        func blanked(_ line: [UInt8]) -> [UInt8] {
            var bytes = line
            ProseText.blankInlineMarkup(&bytes)
            return bytes
        }
        let pieces: [[UInt8]] = ["`", "``", "```", "````", "x", " "].map { Array($0.utf8) }
        var generator = SplitMix64(seed: 0xC0DE)
        for _ in 0..<20_000 {
            var line: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) { line += pieces.randomElement(using: &generator)! }
            #expect(blanked(line) == ProseWordTests.referenceBlank(line), "\(String(decoding: line, as: UTF8.self))")
        }
        // Runs of 1, 2, … 300 backticks, each without a twin, then 300 … 1: the run of one closes at
        // the last run, so only what follows it (" x blame") is prose.
        let runs = (1...300).map { String(repeating: "`", count: $0) + " x " }
        let line = Array((runs.joined() + runs.reversed().joined() + "blame").utf8)
        let result = blanked(line)
        #expect(result == ProseWordTests.referenceBlank(line))
        #expect(result.filter { $0 != UInt8(ascii: " ") } == Array("xblame".utf8))
    }

    @Test("NextByte finds the next byte after each position, searching again only once passed")
    func nextByte() {
        let bytes = Array("a>b>>c".utf8)
        var next = NextByte(UInt8(ascii: ">"))
        #expect((-1..<bytes.count).map { next.index(after: $0, in: bytes) } == [1, 1, 3, 3, 4, nil, nil])
        var none = NextByte(UInt8(ascii: ")"))
        #expect(none.index(after: 0, in: bytes) == nil && none.index(after: 3, in: bytes) == nil)
    }

    /// `<li.w> I forgot…` in the timeline had been read, though docs/lint.md says chat speech is
    /// not: markup blanking took the label for an HTML tag before the chat label was looked for.
    /// An HTML tag pm knows (`<b>`) is no label, and outside the timeline a label means nothing.
    @Test func nickLabelsInTheTimeline() throws {
        let timeline = "All times UTC.\n\n- 07:47 UTC: <li.w> I forgot to silence the disk alert, ignore it\n- 07:48 UTC: <sam> we should have paged\n"
            + "- 07:49 UTC: [07:49] <danak> I forgot the flag\n1. 07:49 <kim> I forgot the pager\n- 07:50 UTC: <b>Note</b>: we failed to notice the lag\n"
            + "\n| Time | Event |\n|---|---|\n| 07:51 | <sam> I forgot to renew it |\n"
            + "\n07:52 the deploy starts\n<sam> I forgot the canary\n"
        let findings = try LintTestSupport.lint(RuleExamples.document(sections: ["Timeline": timeline]))
            .filter { $0.ruleID == "PM012" || $0.ruleID == "PM013" }
        #expect(findings.map(\.message) == ["\"failed to\" puts the cause on people"])
        let summary = try LintTestSupport.lint(RuleExamples.document(sections: ["Summary": "<sam> we should have paged."]))
        #expect(summary.contains { $0.ruleID == "PM012" })
        #expect(ProseText.nickLabel(in: Array("- 07:47 UTC: <li.w> I forgot".utf8)) == 13)
        #expect(ProseText.nickLabel(in: Array("[07:49] <danak> I forgot".utf8)) == 8)
        #expect(ProseText.nickLabel(in: Array("07:52 the deploy starts <sam> I forgot".utf8), lineStarts: [(0, 8), (24, 9)]) == 24)
        #expect(ProseText.nickLabel(in: Array("07:52 the deploy starts <sam> I forgot".utf8)) == nil)
        #expect(ProseText.nickLabel(in: Array("<sam> we should have".utf8)) == 0)
        // A label is the entry's first word after its time: a placeholder later in it is none.
        #expect(ProseText.nickLabel(in: Array("- 07:50: pushed <pool-name> to prod; we failed to notice".utf8)) == nil)
        #expect(ProseText.nickLabel(in: Array("a <x.y> c".utf8)) == nil)
        #expect(ProseText.nickLabel(in: Array("<br> <c d>".utf8)) == nil)
        let placeholder = try LintTestSupport.lint(RuleExamples.document(sections: ["Timeline": "All times UTC.\n\n- 07:50 UTC: pushed <pool-name> to prod; we failed to notice the lag\n"]))
        #expect(placeholder.contains { $0.ruleID == "PM012" })
    }

    @Test("a timeline line of ` <ab` without `>` stays prose after them; a `<nick>` label still blanks the rest")
    func unclosedNicks() {
        let prose = ProseText(document: DocumentReader.read(text: "# T\n", path: "a.md"))
        var open = Array((String(repeating: " <ab", count: 2_000) + " blame").utf8)
        prose.blankSpeakerLabels(&open)
        #expect(String(decoding: open, as: UTF8.self).hasSuffix(" blame"))
        var label = Array("10:05 <ops> blame".utf8)
        prose.blankProse(&label, blankChat: true, timeline: true)
        #expect(String(decoding: label, as: UTF8.self).trimmingCharacters(in: .whitespaces) == "10:05")
    }
}
