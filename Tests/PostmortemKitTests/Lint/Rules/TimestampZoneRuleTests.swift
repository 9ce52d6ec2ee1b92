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

/// From the black-box pass of stop 43: "All times are BRT." was read as no zone at all, and PM021
/// said the timeline stated none. Common abbreviations of zones without summer time are read;
/// a statement in words pm does not know is named in the finding.
@Suite struct TimelineZoneStatementTests {
    @Test(arguments: [("BRT", "-03:00"), ("WIB", "+07:00"), ("ART", "-03:00"), ("SAST", "+02:00"), ("NPT", "+05:45")])
    func moreAbbreviations(zone: String, offset: String) {
        let p = read("---\nstarted: 2026-07-14T14:02:00Z\n---\n## Timeline\n\nAll times are \(zone).\n\n- 11:02 Errors begin.\n")
        #expect(p.timeline.first?.time?.iso8601.hasSuffix(offset) == true)
        #expect(p.timeline.first?.time?.zoneAssumed == false)
    }

    @Test func statementPmDoesNotKnow() throws {
        let document = RuleExamples.document(sections: ["Timeline": "All times are Venus Standard Time.\n\n- 14:02 Errors begin."])
        let found = try LintTestSupport.lint(document).filter { $0.ruleID == "PM021" }
        #expect(found.map(\.message) == ["the timeline says \"All times are Venus Standard Time.\", a zone pm does not know; its times are read as UTC"])
        let line = document.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("All times are Venus") }.map { $0 + 1 }
        #expect(found.first?.range?.start.line == line)
    }
}
