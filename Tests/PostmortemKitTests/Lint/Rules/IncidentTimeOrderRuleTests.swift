import Testing
@testable import PostmortemKit

struct IncidentTimeOrderRuleTests {
    static func pm020(_ frontMatter: [String], today: String) throws -> [String] {
        let document = RuleExamples.document(frontMatter: frontMatter)
        return try LintTestSupport.lint(document, today: CalendarDate(today)!).filter { $0.ruleID == "PM020" }.map(\.message)
    }

    static let july = ["started: 2026-07-14T14:02:00+14:00", "detected: 2026-07-14T14:09:00+14:00",
                       "mitigated: 2026-07-14T14:41:00+14:00", "resolved: 2026-07-14T15:20:00+14:00"]

    @Test("a time dated after today where it was written is flagged once, at the first such key; a day of slack for the zones")
    func timesAfterToday() throws {
        #expect(try Self.pm020(Self.july, today: "2026-07-12") == [
            "`started` (2026-07-14T14:02:00+14:00) is after today (2026-07-12); a postmortem is about an incident that has happened",
        ])
        // On 13 July it is already the 14th in Kiribati.
        #expect(try Self.pm020(Self.july, today: "2026-07-13").isEmpty)
        #expect(try Self.pm020(Self.july, today: "2026-07-14").isEmpty)
    }
}
