import Testing
@testable import PostmortemKit

/// PM012 and PM013 on sentences wrapped across lines: a phrase that runs from one line of a
/// paragraph into the next is found, with a range from where it starts to where it ends, and the
/// words on the other lines decide as they do on one line. The example documents' authors are
/// dana.k and li.w.
struct ProseParagraphTests {
    /// PM012 and PM013 findings in a Summary of `text`: the rule, where the finding starts and
    /// ends (`line:column`, counted from the Summary's first line), and the words it quotes.
    static func findings(_ text: String) throws -> [String] {
        let document = RuleExamples.document(sections: ["Summary": text])
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex(of: "## Summary")) + 3
        return try LintTestSupport.lint(document).filter { $0.ruleID == "PM012" || $0.ruleID == "PM013" }.compactMap { finding in
            guard let range = finding.range, let quoted = finding.message.split(separator: "\"").first else { return nil }
            return "\(finding.ruleID) \(range.start.line - first + 1):\(range.start.column)-\(range.end.line - first + 1):\(range.end.column) \(quoted)"
        }
    }

    @Test(arguments: [
        ("The on-call engineer should\nhave checked the pool size.", ["PM012 1:22-2:4 should have"]),
        ("We failed\nto verify the pool.", ["PM012 1:4-2:2 failed to"]),
        ("The config should not\nhave been pushed on a Friday.", ["PM012 1:12-2:4 should not have"]),
        ("The outage was caused\nby @dana.k pushing twice.", ["PM013 1:16-2:10 caused by @dana.k"]),
        ("The outage was caused by\n@dana.k pushing twice.", ["PM013 1:16-2:7 caused by @dana.k"]),
        ("It was Dana's\noversight.", ["PM013 1:8-2:9 Dana's oversight"]),
        ("The pool was emptied, caused\nby engineers skipping the check.", ["PM013 1:23-2:12 caused by engineers"]),
        ("It was a mistake made\nby a new engineer.", ["PM013 1:10-2:17 mistake made by a new engineer"]),
        ("The certificate expired because Dana\nforgot to renew it.",
         ["PM013 1:33-2:6 Dana forgot", "PM012 2:1-2:9 forgot to"]),
        // A phrase over three lines, and one word on a line of its own.
        ("It was a\nmistake made\nby an engineer.", ["PM013 2:1-3:14 mistake made by an engineer"]),
        ("It was a\ncareless\nmistake.", ["PM012 2:1-2:8 careless"]),
        // A list item's lines are one paragraph too, and the second line's indent is skipped.
        ("- The reviewer failed to notice the pool, and we should\n  have paged sooner.", ["PM013 1:7-1:21 reviewer failed", "PM012 1:16-1:24 failed to", "PM012 1:50-2:6 should have"]),
    ])
    func findsPhrasesWrappedAcrossLines(text: String, expected: [String]) throws {
        #expect(try Self.findings(text) == expected)
    }

    /// The words on the other line decide, as they would on one line.
    @Test(arguments: [
        "We should have\na runbook for emptying a pool.",
        "The job failed\nto start after the push.",
        "The deploy was reverted\nby @dana.k at 14:41.",
        "Under Dana's\noversight the migration went well.",
        "Dana never\nforgot a rollout.",
        "The regression was caused\nby the engineer onboarding\nscript, which reset the config.",
        "Dana forgot\nnothing: the checklist was complete.",
        // A quotation wrapped across lines is someone else's words too.
        "The customer said: \"someone on your side\nforgot to renew the certificate\".",
        "The vendor wrote: \u{201C}it was our engineer\u{2019}s\nmistake\u{201D}.",
    ])
    func otherLineDecides(text: String) throws {
        #expect(try Self.findings(text) == [])
    }

    /// A straight quote after a digit is an inch mark: it does not open a quotation that hides
    /// the words up to the next quote and leaves the real quotation to be read.
    @Test(arguments: [
        ("We racked the 19\" servers, and we should have\nchecked the rails. The vendor said \"it was simply loose\".",
         ["PM012 1:35-1:45 should have"]),
        ("The 2.5\" drives were slow; the vendor called it \"simply\nold\", and someone forgot to order spares.",
         ["PM013 2:11-2:24 someone forgot", "PM012 2:19-2:27 forgot to"]),
        // A quotation that ends in a digit still closes there.
        ("The alert read \"disk at 95\" and we should have\npaged.", ["PM012 1:36-1:46 should have"]),
    ])
    func inchMarksAreNoQuotes(text: String, expected: [String]) throws {
        let found = try Self.findings(text)
        #expect(found == expected, "\(found)")
    }

    /// Only lines of one paragraph are joined: not across a blank line, list items or a code
    /// block (block quotes: ``quotedParagraphs()``).
    @Test(arguments: [
        "The pool should\n\nhave more room.",
        "- The pool is the one we should\n- have checked, said the ticket.",
        "The pool should\n```\nhave checked\n```",
    ])
    func joinsOnlyLinesOfOneParagraph(text: String) throws {
        #expect(try Self.findings(text) == [])
    }

    /// A sentence that ends between a subject and its verb is no subject of it, on one line as
    /// across two.
    @Test(arguments: ["The alert paged the on-call; then forgot the flag.", "The alert paged the on-call;\nthen forgot the flag."])
    func sentenceEndBetweenSubjectAndVerb(text: String) throws {
        #expect(try Self.findings(text).filter { $0.hasPrefix("PM013") } == [])
    }
}

extension ProseParagraphTests {
    /// Sentences of every kind PM012 and PM013 judge, flagged and not.
    static let sentences = [
        "The on-call engineer should have checked the pool size before pushing.",
        "We should have a runbook for emptying a pool, and we could have more than one proxy vendor.",
        "The outage was caused by @dana.k pushing a config with an empty pool.",
        "The deploy was reverted by @dana.k at 14:41, which cut the impact to 12 minutes.",
        "It was a mistake made by a new engineer, who had no runbook for the migration.",
        "It was Dana's oversight, and under Li's oversight the second attempt went well.",
        "The certificate expired because Dana forgot to renew it; Dana never forgot a rollout before.",
        "The capacity model failed to predict the load, and the reviewer failed to notice the empty pool.",
        "Most edge nodes failed to load the new config, so traffic failed to reach the pool.",
        "The customer wrote: \"you should have warned us\", and the vendor blamed human error.",
        "The regression was caused by the engineer onboarding script, which reset the config twice.",
        "We lost 20 minutes because of the on-call, and recovered early due to @li.w spotting the queue.",
        "The `failed_to_connect` and `human error` strings in the logs came from the proxy.",
        "A careless push and a simply wrong value were reported; it was a careless mistake.",
    ]

    /// `text` wrapped greedily at `width` columns (words longer than that on lines of their own).
    static func wrapped(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// What PM012 and PM013 say about a Summary of `paragraphs`, without where.
    static func messages(_ paragraphs: [String]) throws -> [String] {
        let document = RuleExamples.document(sections: ["Summary": paragraphs.joined(separator: "\n\n")])
        return try LintTestSupport.lint(document).filter { $0.ruleID == "PM012" || $0.ruleID == "PM013" }
            .map { "\($0.ruleID) \($0.message)" }.sorted()
    }

    /// However a paragraph is wrapped, the two rules say the same of it as of its one line.
    @Test(arguments: [8, 12, 17, 25, 36, 50])
    func wrappingChangesNothing(width: Int) throws {
        let flat = try Self.messages(Self.sentences)
        #expect(flat.count >= 10)
        #expect(try Self.messages(Self.sentences.map { Self.wrapped($0, width: width) }) == flat)
    }
}

extension ProseParagraphTests {
    /// PM012 and PM013 messages for a document of `sections`.
    static func messages(sections: [String: String], configuration: Configuration = RuleExamples.configuration) throws -> [String] {
        let document = RuleExamples.document(sections: sections)
        return try LintTestSupport.lint(document, configuration: configuration)
            .filter { $0.ruleID == "PM012" || $0.ruleID == "PM013" }.map { "\($0.ruleID) \($0.message.split(separator: "\"")[0])" }
    }

    /// Found by a black-box pass over paragraphs: what marks a line end, chat speech that wraps,
    /// headings underlined over two lines, and table cells.
    @Test func lineEndsChatHeadingsAndCells() throws {
        // A backslash hard break is no part of the words quoted.
        #expect(try Self.messages(sections: ["Summary": "The engineer should\\\nhave checked."]) == ["PM012 should have"])
        // A heading underlined over two lines is one heading.
        #expect(try Self.messages(sections: ["Summary": "The engineer should\nhave checked\n==="]) == ["PM012 should have"])
        // Chat speech in the timeline runs to the end of its list item.
        #expect(try Self.messages(sections: ["Timeline": "- 14:02 UTC: @dana.k: I think the pool is empty and\n  we should have checked it\n- 14:03 UTC: @li.w: I think\n  Dana forgot the flag"]) == [])
        // No phrase runs from one table cell into the next.
        #expect(try Self.messages(sections: ["Summary": "| Who | What |\n|---|---|\n| Dana | forgot the flag |\n| The engineer should | have checked |\n| caused by | @dana.k |"]) == [])
    }

    /// With `check_quotes`, a block quote's lines are one paragraph too, without their `>`.
    @Test func quotedParagraphs() throws {
        let configuration = try LintTestSupport.configuration("lint:\n  rules:\n    PM012:\n      check_quotes: true\n")
        #expect(try Self.messages(sections: ["Summary": "> The engineer should\n> have checked."], configuration: configuration) == ["PM012 should have"])
        #expect(try Self.messages(sections: ["Summary": "> The engineer should\n> have checked."]) == [])
        // A block quote that starts under a paragraph is a block of its own.
        #expect(try Self.messages(sections: ["Summary": "The engineer should\n> have checked."], configuration: configuration) == [])
    }
}
