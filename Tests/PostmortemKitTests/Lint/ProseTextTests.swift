import Testing
@testable import PostmortemKit

@Suite struct ProseTextTests {
    @Test func columnsAreUTF8Bytes() throws {
        let text = RuleExamples.document(sections: ["Summary": "Café ☕ 日本: the fix was simply a revert."])
        let finding = try #require(try LintTestSupport.lint(text).first { $0.ruleID == "PM012" })
        // "Café ☕ 日本: the fix was " is 5 + 1 + 3 + 1 + 6 + 1 + 13 = 30 bytes before "simply".
        #expect(finding.range?.start.column == 31)
        #expect(finding.range?.end.column == 36)
    }

    @Test func codeQuotesLinksAndChatAreExempt() throws {
        let text = RuleExamples.document(sections: [
            "Summary": "See `failed to connect` and [the log](https://x.example/should-have) and <span title=\"simply\">x</span>.\n\n> They should have known.",
            "Timeline": "All times UTC.\n\n- 14:02 UTC: Checkout 5xx ratio rises to 35%.\n- 14:05 UTC: @li.w: the push failed to apply\n- 14:06 UTC: dana.k: obviously the pool\n- 14:07 UTC: Support relays \"customers say it simply hangs\".\n- 14:41 UTC: Config 4811 is restored.",
        ])
        #expect(try LintTestSupport.lint(text).filter { $0.ruleID == "PM012" }.isEmpty)
    }

    @Test("German and French quotes are someone else's words too, and emphasis underscores hide no word")
    func otherQuotesAndUnderscores() {
        var quoted = Array("Said „unser Techniker forgot it“ and «he simply forgot», not \"x\".".utf8)
        ProseText.blankQuotedText(&quoted)
        #expect(String(decoding: quoted, as: UTF8.self).split(separator: " ").map(String.init) == ["Said", "and", ",", "not", "."])
        var emphasis = Array("_Dana forgot_ the gc_grace_seconds __step__ snake_".utf8)
        ProseText.blankEmphasisUnderscores(&emphasis)
        #expect(String(decoding: emphasis, as: UTF8.self) == " Dana forgot  the gc_grace_seconds   step   snake ")
    }

    @Test func wordsKeepHandlesAndStraightenApostrophes() {
        let words = ProseWord.words(in: Array("@dana.k didn’t check; on-call".utf8)).map(\.text)
        #expect(words == ["@dana.k", "didn't", "check", "on-call"])
    }

    @Test(arguments: ["", "\n", "a", "a\n", "\n\nb", "one\ntwo\n\nthree", "Café ☕\n日本\n", "x\u{0}y\nz"])
    func linesSplitAtEveryNewline(source: String) {
        let expected = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        #expect(ProseText.splitLines(source) == expected)
    }

    @Test func wordsKeepCaseOfTheOriginal() {
        let words = ProseWord.words(in: Array("Dana TODO’s todo déjà “Vu”".utf8))
        #expect(words.map(\.text) == ["dana", "todo's", "todo", "déjà", "vu"])
        #expect(words.map(\.original) == ["Dana", "TODO’s", "todo", "déjà", "Vu"])
        #expect(words.map(\.isASCII) == [true, false, true, false, true])
    }

    @Test("the original is the word as written whenever lowercasing or straightening changed it")
    func originalOnlyDiffersWhenTheTextChanged() {
        let line = "don’t don't Don't @Dana.K on-Call ŝarĝo ŜARĜO x’"
        let prose = ProseLine(Array(line.utf8))
        for (i, word) in ProseWord.words(in: Array(line.utf8)).enumerated() {
            let written = String(decoding: Array(line.utf8)[word.start..<word.end], as: UTF8.self)
            #expect(word.original == written)
            #expect(word.isASCII == written.utf8.allSatisfy { $0 < 0x80 })
            // The prefilter never rejects a word whose text is in its set.
            let set = ["dont", "don't", "on-call"]
            #expect(!set.contains(word.text) || WordPrefilter(set).mayContain(prose, i), "\(word.text)")
        }
    }

    /// `text` as a prose line that holds exactly one word.
    static func word(_ text: String) throws -> ProseLine {
        let line = ProseLine(Array(text.utf8))
        try #require(line.words.count == 1, "\(text)")
        return line
    }

    @Test("the word prefilter never rejects a word of its set")
    func wordPrefilter() throws {
        let words = ["he", "she", "on-call", "dana", "", String(repeating: "a", count: 80)]
        let filter = WordPrefilter(words)
        for word in words where !word.isEmpty { #expect(filter.mayContain(try Self.word(word), 0), "\(word)") }
        #expect(WordPrefilter(["ŝarĝo"]).mayContain(try Self.word("ŝarĝo"), 0))
        #expect(!filter.mayContain(try Self.word("the"), 0))
        #expect(!filter.mayContain(try Self.word("h"), 0))
        #expect(!filter.mayContain(try Self.word("dan"), 0))
        #expect(!filter.mayContain(try Self.word("On-calls"), 0))
        // Same first byte and length, another last byte.
        #expect(!WordPrefilter(["if"]).mayContain(try Self.word("is"), 0))
        #expect(WordPrefilter(["if"]).mayContain(try Self.word("IF"), 0))
        // Canonically equivalent spellings of other lengths pass: String equality would match them.
        #expect(filter.mayContain(try Self.word("s\u{2C6}e"), 0))
        #expect(filter.mayContain(try Self.word("zoe\u{308}"), 0))
        #expect(WordPrefilter(["zo\u{EB}"]).mayContain(try Self.word("the"), 0))
    }

    /// A chat label's name is letters (the review of stop 50: it had taken in an em dash, a curly
    /// quote or a no-break space, as any byte from 0x80 up).
    @Test func nameLengthReadsLettersOnly() {
        let bytes = Array("å—“\u{A0}a☕É".utf8)
        #expect(ProseText.nameLength(bytes, 0) == 2)        // å
        #expect(ProseText.nameLength(bytes, 2) == 0)        // —
        #expect(ProseText.nameLength(bytes, 5) == 0)        // “
        #expect(ProseText.nameLength(bytes, 8) == 0)        // no-break space
        #expect(ProseText.nameLength(bytes, 10) == 1)       // a
        #expect(ProseText.nameLength(bytes, 11) == 0)       // ☕
        #expect(ProseText.nameLength(bytes, 14) == 2)       // É
        #expect(ProseText.nameLength(bytes, before: 2) == 2)
        #expect(ProseText.nameLength(bytes, before: 5) == 0)
        #expect(ProseText.nameLength(bytes, before: 16) == 2)
        #expect(ProseText.nameLength(Array([0xC3]), 0) == 0)   // cut off
    }
}
