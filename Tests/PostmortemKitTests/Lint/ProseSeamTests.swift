import Testing
@testable import PostmortemKit

/// PM012 and PM013 on sentences wrapped across lines: a phrase that runs from one line of a
/// paragraph into the next is found, with a range from the first line to the second, and the
/// words on the next line decide as they do on one line. The example documents' authors are
/// dana.k and li.w.
struct ProseSeamTests {
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
    ])
    func otherLineDecides(text: String) throws {
        #expect(try Self.findings(text) == [])
    }

    /// Only lines of one paragraph are joined: not across a blank line, list items, a code block
    /// or a block quote.
    @Test(arguments: [
        "The pool should\n\nhave more room.",
        "- The pool is the one we should\n- have checked, said the ticket.",
        "The pool should\n\n```\nhave checked\n```",
        "> The engineer should\n> have checked the pool.",
    ])
    func joinsOnlyLinesOfOneParagraph(text: String) throws {
        #expect(try Self.findings(text) == [])
    }

    /// A sentence that ends between a subject and its verb is no subject of it, on one line as
    /// across two.
    @Test(arguments: ["The alert paged the on-call; caches forgot every key.", "The alert paged the on-call;\ncaches forgot every key."])
    func sentenceEndBetweenSubjectAndVerb(text: String) throws {
        #expect(try Self.findings(text).filter { $0.hasPrefix("PM013") } == [])
    }
}
