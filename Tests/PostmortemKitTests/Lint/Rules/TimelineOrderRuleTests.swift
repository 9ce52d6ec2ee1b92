import Testing
@testable import PostmortemKit

struct TimelineOrderRuleTests {
    /// Relative times are to the minute: one out of order is flagged (it had been read as a
    /// whole-day entry, since its text has no colon, and passed).
    @Test func relativeEntriesOutOfOrder() throws {
        let timeline = "- T0: Errors begin.\n- T+37m: Rolled back.\n- T+10m: Paged.\n"
        let findings = try LintTestSupport.lint(RuleExamples.document(sections: ["Timeline": timeline])).filter { $0.ruleID == "PM022" }
        #expect(findings.map(\.message).count == 1)
        #expect(findings.first?.message.hasPrefix("timeline entry at T+10m comes after the entry at T+37m") == true)
    }
}
