import Testing
@testable import PostmortemKit

@Suite struct SuppressionTests {
    static let blame = "The fix was simply to revert."

    func lint(summary: String) throws -> [Finding] {
        try LintTestSupport.lint(RuleExamples.document(sections: ["Summary": summary]))
    }

    @Test func disableNextLineWithReasonSilencesOnlyTheNextLine() throws {
        let findings = try lint(summary: "<!-- pm-lint disable-next-line PM012 -- quoting the vendor -->\n\(Self.blame)\n\nAnd obviously again.")
        #expect(findings.filter { $0.ruleID == "PM012" }.map(\.message) == ["\"obviously\" is blame or counterfactual language"])
        #expect(!findings.contains { $0.ruleID.hasPrefix("PM09") })
    }

    @Test func aliasesAndDisableLineWork() throws {
        let findings = try lint(summary: "\(Self.blame) <!-- pm-lint disable-line blame-language -- vendor's words -->")
        #expect(!findings.contains { $0.ruleID == "PM012" || $0.ruleID.hasPrefix("PM09") })
    }

    @Test func regionsEndAtEnable() throws {
        let findings = try lint(summary: """
            <!-- pm-lint disable PM012 -- imported from the vendor report -->
            \(Self.blame)
            <!-- pm-lint enable PM012 -->
            \(Self.blame)
            """)
        let lines = findings.filter { $0.ruleID == "PM012" }.compactMap { $0.range?.start.line }
        #expect(lines.count == 1)
        #expect(!findings.contains { $0.ruleID.hasPrefix("PM09") })
    }

    @Test func missingReasonUnusedAndUnknownAreReported() throws {
        let findings = try lint(summary: """
            <!-- pm-lint disable-next-line PM012 -->
            \(Self.blame)
            <!-- pm-lint disable-next-line PM013 -- nothing here -->
            Checkout recovered.
            <!-- pm-lint disable-next-line PM9999 -- typo -->
            <!-- pm-lint silence PM012 -- wrong verb -->
            """)
        #expect(!findings.contains { $0.ruleID == "PM012" })
        #expect(findings.filter { $0.ruleID == "PM090" }.count == 1)
        #expect(findings.filter { $0.ruleID == "PM091" }.count == 1)
        #expect(findings.filter { $0.ruleID == "PM092" }.count == 2)
    }

    @Test func readingProblemsCanBeSilenced() throws {
        let text = RuleExamples.document(sections: ["Follow-up actions":
            "<!-- pm-lint disable-next-line P021 -- date agreed later -->\n- [ ] Add a canary stage (owner: @li.w, due: someday, ticket: OPS-1)"])
        let findings = try LintTestSupport.lint(text)
        #expect(!findings.contains { $0.ruleID == "P021" })
        #expect(!findings.contains { $0.ruleID == "PM091" })
    }

    @Test func commentsInCodeBlocksAreNotDirectives() throws {
        let findings = try lint(summary: "```\n<!-- pm-lint disable-file PM012 -->\n```\n\n\(Self.blame)")
        #expect(findings.contains { $0.ruleID == "PM012" })
        #expect(!findings.contains { $0.ruleID == "PM090" })
    }
}
