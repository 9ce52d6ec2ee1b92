import Testing
@testable import PostmortemKit

@Suite struct RequiredSectionsRuleTests {
    /// From the black-box pass of stop 43: a timeline pm read no time from (prose, or years
    /// written `20202`) gave the rules that compare times nothing to compare, and nothing said so.
    @Test func timelineWithoutATimeIsAWarning() throws {
        let prose = RuleExamples.frontMatter() + RuleExamples.body(["Timeline": "In the afternoon the pool emptied; errors lasted until the config was restored."])
        let found = try LintTestSupport.lint(prose).filter { $0.ruleID == "PM010" }
        #expect(found.map(\.message) == ["the \"Timeline\" section has no entry with a time pm can read"])
        #expect(found.map(\.severity) == [.warning])
        // One timed entry is enough.
        let timed = RuleExamples.frontMatter() + RuleExamples.body(["Timeline": "In the afternoon the pool emptied.\n\n- 14:02 UTC: Errors begin."])
        #expect(try LintTestSupport.lint(timed).allSatisfy { $0.ruleID != "PM010" })
        #expect(try LintTestSupport.lint(RuleExamples.document()).allSatisfy { $0.ruleID != "PM010" })
    }
}
