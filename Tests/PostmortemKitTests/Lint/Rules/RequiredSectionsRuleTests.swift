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

    /// The adoption audit of stop 50: factors under `## Diagnosis` got "needs the section
    /// \"Contributing factors\"" without a word that pm does not read "Diagnosis".
    @Test func aMissingSectionNamesTheHeadingsPmDoesNotRead() throws {
        let renamed = RuleExamples.document().replacingBytes(of: "## Contributing factors", with: "## Diagnosis")
        let found = try #require(try LintTestSupport.lint(renamed).first { $0.ruleID == "PM010" })
        #expect(found.message.hasSuffix("needs the section \"Contributing factors\""))
        #expect(found.suggestion == "add `## Contributing factors`, or rename a heading pm does not read (\"Diagnosis\") to one it does: docs/format.md, \"Sections pm recognises\"")
        // Without such a heading (what went well left out), the suggestion is only to add it.
        let dropped = RuleExamples.document().replacingBytes(of: "## What went well\n\n- The alert fired seven minutes after impact began.\n", with: "")
        let plain = try #require(try LintTestSupport.lint(dropped).first { $0.ruleID == "PM010" && $0.message.contains("needs the section") })
        #expect(plain.suggestion == "add `## What went well`")
    }

    /// Found by the black-box pass of stop 46: with pm.yml's own scale (`[critical, major,
    /// minor]`), the defaults of PM010, PM040 and PM050, written as SEV1 to SEV3, never applied:
    /// a critical postmortem without actions or lessons had no finding. They go by place on the
    /// scale now, and the messages write the level as the scale does.
    @Test func defaultsFollowTheScalesOrder() throws {
        var configuration = RuleExamples.configuration
        configuration.severities = ["critical", "major", "minor"]
        func findings(_ severity: String, without sections: [String]) throws -> [Finding] {
            var text = RuleExamples.frontMatter(["severity: \(severity)"])
                + RuleExamples.body(["Contributing factors": "- **Config:** The proxy accepted an empty pool."])
            for title in sections { text = text.replacingBytes(of: "## \(title)", with: "## Notes on \(title.lowercased())") }
            text = text.replacingBytes(of: "- [ ] ", with: "- ")
            return try LintTestSupport.lint(text, configuration: configuration).filter { ["PM010", "PM040", "PM050"].contains($0.ruleID) }
        }
        let critical = try findings("critical", without: ["What went well", "Follow-up actions"])
        #expect(critical.map(\.message) == ["a critical postmortem needs the sections \"Follow-up actions\", \"What went well\"",
                                            "a critical postmortem needs at least one follow-up action",
                                            "a critical postmortem with a single contributing factor: serious incidents rarely have one root cause"], "\(critical.map(\.message))")
        let minor = try findings("MINOR", without: ["What went well", "Follow-up actions"])
        #expect(minor.map(\.message) == ["a minor postmortem needs the section \"Follow-up actions\"", "a minor postmortem needs at least one follow-up action"])
        // The built-in scale is as it was.
        let sev4 = try LintTestSupport.lint(RuleExamples.frontMatter(["severity: SEV4"]) + RuleExamples.body().replacingBytes(of: "## What went well", with: "## Notes"))
        #expect(sev4.allSatisfy { $0.ruleID != "PM010" })
    }
}
