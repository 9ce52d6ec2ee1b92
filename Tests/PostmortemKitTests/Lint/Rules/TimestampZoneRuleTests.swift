import Testing
@testable import PostmortemKit

struct TimestampZoneRuleTests {
    static func pm021(timezone: String?) throws -> [Finding] {
        let document = RuleExamples.document(frontMatter: ["started: 2026-07-14T14:02:00"] + (timezone.map { ["timezone: \($0)"] } ?? []))
        return try LintTestSupport.lint(document).filter { $0.ruleID == "PM021" }
    }

    @Test func aZonelessTimeIsFlaggedUnlessTheDocumentNamesARealZone() throws {
        #expect(try Self.pm021(timezone: nil).count == 1)
        #expect(try Self.pm021(timezone: "Europe/London").isEmpty)
        // PM002 reports the timezone itself; the time still has no zone (it had gone unflagged).
        let invalid = try Self.pm021(timezone: "Europe/Atlantis")
        #expect(invalid.map(\.message) == ["`started` has no zone; read as UTC"])
    }
}
