import Testing
@testable import PostmortemKit

@Suite struct TimelineAgreementRuleTests {
    /// From the adoption pass of stop 46: `started: 2026-07-11` for 2026-08-11 dated every entry a
    /// month early, and PM024 reported `detected` and `mitigated`, the lines that were right,
    /// without a word about `started`. An entry at the same time of day whole days away points at
    /// the date entries are counted from.
    @Test func aMistypedStartIsNamed() throws {
        let document = RuleExamples.document(frontMatter: ["started: 2026-06-14T14:02:00Z"])
        let messages = try LintTestSupport.lint(document).filter { $0.ruleID == "PM024" }
        #expect(messages.map(\.message) == [
            "`detected` (2026-07-14T14:09:00Z) matches no timeline entry; the nearest is 43119 min away; an entry is at the same time of day 30 days earlier",
            "`mitigated` (2026-07-14T14:41:00Z) matches no timeline entry; the nearest is 43151 min away; an entry is at the same time of day 30 days earlier",
        ], "\(messages.map(\.message))")
        #expect(messages.first?.suggestion == "if the timeline's entries are dated from `started` (2026-06-14T14:02:00Z), check its date; else correct `detected`")
        // A day away is as often an entry read across midnight: no hint.
        let dayOff = try LintTestSupport.lint(RuleExamples.document(frontMatter: ["started: 2026-07-13T14:02:00Z"])).filter { $0.ruleID == "PM024" }
        #expect(!dayOff.isEmpty && dayOff.allSatisfy { !$0.message.contains("same time of day") })
        // With an entry within the day, `detected` is the likelier mistake: no hint.
        let timeline = "All times UTC.\n\n- 2026-07-12 14:09 A similar alert fired and cleared.\n- 2026-07-14 14:02 Errors begin.\n"
            + "- 2026-07-14 14:20 Paged.\n- 2026-07-14 14:41 Mitigated."
        let near = try LintTestSupport.lint(RuleExamples.document(sections: ["Timeline": timeline])).filter { $0.ruleID == "PM024" && $0.message.hasPrefix("`detected`") }
        #expect(near.map(\.suggestion) == ["add the timeline entry for it, or correct `detected`"], "\(near.map(\.message))")
        // A `detected` that is simply wrong is reported as before.
        let wrong = try LintTestSupport.lint(RuleExamples.document(frontMatter: ["detected: 2026-07-14T14:25:00Z"])).filter { $0.ruleID == "PM024" }
        #expect(wrong.map(\.suggestion) == ["add the timeline entry for it, or correct `detected`"])
        // Across a clock change, an hour more or less is the same time of day.
        let march28 = try #require(Timestamp(year: 2026, month: 3, day: 28, hour: 14))
        let march30 = try #require(Timestamp(year: 2026, month: 3, day: 30, hour: 13))
        #expect(TimelineAgreementRule.wholeDays(from: march28, to: march30, within: 300) == 2)
        let minutesLater = try #require(Timestamp(year: 2026, month: 3, day: 30, hour: 13, minute: 3))
        #expect(TimelineAgreementRule.wholeDays(from: march30, to: minutesLater, within: 300) == nil)
    }
}
