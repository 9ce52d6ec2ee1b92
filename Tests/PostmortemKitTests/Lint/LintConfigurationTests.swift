import Testing
@testable import PostmortemKit

@Suite struct LintConfigurationTests {
    static let blame = RuleExamples.document(sections: ["Summary": "The rollback was simply delayed; the team dropped the ball."])

    @Test func disableBySeverityOffOrAlias() throws {
        for yaml in ["lint:\n  disable: [blame-language]\n", "lint:\n  rules:\n    PM012: {severity: off}\n"] {
            let findings = try LintTestSupport.lint(Self.blame, configuration: LintTestSupport.configuration(yaml))
            #expect(!findings.contains { $0.ruleID == "PM012" }, "\(yaml)")
        }
    }

    @Test func readingProblemsCanBeDisabled() throws {
        let text = RuleExamples.document(sections: ["Timeline": "All times UTC.\n\n- 14:02 UTC: Checkout 5xx ratio rises to 35%.\n- Later: the pool is refilled.\n- 14:41 UTC: Config 4811 is restored."])
        #expect(try LintTestSupport.lint(text).contains { $0.ruleID == "P020" })
        let configuration = try LintTestSupport.configuration("lint:\n  disable: [timeline-entry-without-time]\n")
        #expect(!(try LintTestSupport.lint(text, configuration: configuration)).contains { $0.ruleID == "P020" })
    }

    @Test func severityAndPhrasesAreConfigurable() throws {
        let configuration = try LintTestSupport.configuration("""
            lint:
              rules:
                blame-language:
                  severity: error
                  phrases: ["dropped the ball"]
                  allow: [simply]
            """)
        let findings = try LintTestSupport.lint(Self.blame, configuration: configuration).filter { $0.ruleID == "PM012" }
        #expect(findings.map(\.message) == ["\"dropped the ball\" is on the configured list of blame phrases"])
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    /// Found by the black-box pass of stop 37: a configured phrase around a built-in one gave
    /// two findings for the same words.
    @Test func aPhraseInsideALongerOneIsOneFinding() throws {
        let configuration = try LintTestSupport.configuration("lint:\n  rules:\n    PM012:\n      phrases: [\"we should have checked\", \"have checked the\"]\n")
        let text = RuleExamples.document(sections: ["What went wrong": "In hindsight we should have checked the pool size. Someone should have paged earlier."])
        let findings = try LintTestSupport.lint(text, configuration: configuration).filter { $0.ruleID == "PM012" }
        // Overlapping but not inside each other, both stay.
        #expect(findings.map(\.message) == ["\"we should have checked\" is on the configured list of blame phrases",
                                            "\"have checked the\" is on the configured list of blame phrases",
                                            "\"should have\" is counterfactual: it describes what did not happen"])
    }

    @Test func checkQuotesAlsoJudgesQuotedAndChatText() throws {
        let text = RuleExamples.document(sections: [
            "What went wrong": "> The reviewer should have checked the pool.",
            "Timeline": "All times UTC.\n\n- 14:02 UTC: Checkout 5xx ratio rises to 35%.\n- 14:05 UTC: @li.w: we simply revert\n- 14:41 UTC: Config 4811 is restored.",
        ])
        #expect(try LintTestSupport.lint(text).filter { $0.ruleID == "PM012" }.isEmpty)
        let configuration = try LintTestSupport.configuration("lint:\n  rules:\n    blame-language:\n      check_quotes: true\n")
        let flagged = try LintTestSupport.lint(text, configuration: configuration).filter { $0.ruleID == "PM012" }.map(\.message)
        #expect(flagged.sorted() == ["\"should have\" is counterfactual: it describes what did not happen",
                                     "\"simply\" makes the work sound easy"])
    }

    @Test func templatesAreFoundByTheirLexicalAbsolutePath() throws {
        let linter = try Linter(configuration: LintTestSupport.configuration("templates: /srv/pm-templates\n"))
        #expect(linter.isTemplate(path: "/srv/pm-templates/default.md"))
        #expect(linter.isTemplate(path: "/srv/other/../pm-templates/./default.md"))
        #expect(linter.isTemplate(path: "/../../srv/pm-templates/default.md"))
        #expect(!linter.isTemplate(path: "/srv/pm-templates-old/default.md"))
        #expect(!linter.isTemplate(path: "postmortems/x.md"))
    }

    @Test func namesMatchInEitherUnicodeForm() throws {
        // "Zoë" in pm.yml precomposed, in the text once precomposed and once with a combining
        // diaeresis: Swift compares them as equal, and so must the word prefilter in front.
        let text = RuleExamples.document(sections: [
            "What went wrong": "- Zoe\u{308} forgot the pool size, then Zo\u{EB} forgot the drain step.",
        ])
        let configuration = try LintTestSupport.configuration("lint:\n  rules:\n    PM013:\n      people: [\"Zo\u{EB}\"]\n")
        let flagged = try LintTestSupport.lint(text, configuration: configuration).filter { $0.ruleID == "PM013" }
        #expect(flagged.count == 2)
    }

    /// `required` keys are severities in any case, as documents' severities are read (`sev2:`
    /// had replaced the built-in `SEV2` list or not, by the order of a dictionary).
    @Test func requiredSectionsBySeverityInAnyCase() throws {
        let configuration = try LintTestSupport.configuration("lint:\n  rules:\n    PM010:\n      required: {sev2: [summary], Default: [summary]}\n")
        let document = RuleExamples.frontMatter(["severity: SEV2"]) + "# T\n\n## Summary\n\nThe proxy returned 502s for 41 minutes.\n"
        #expect(try LintTestSupport.lint(document, configuration: configuration).filter { $0.ruleID == "PM010" }.isEmpty)
    }

    @Test(arguments: [
        ("lint:\n  disable: [PM999]\n", 2, "unknown lint rule `PM999`"),
        ("lint:\n  rules:\n    blame-languag: {severity: error}\n", 3, "did you mean `blame-language`?"),
        ("lint:\n  rules:\n    PM012: {severity: loud}\n", 3, "must be error, warning, info or off"),
        ("lint:\n  rules:\n    PM012:\n      phrase: [x]\n", 4, "did you mean `phrases`?"),
        ("lint:\n  rules:\n    PM012:\n      phrases: oops\n", 4, "must be a list of strings"),
        ("lint:\n  disabel: [PM012]\n", 2, "did you mean `disable`?"),
        ("lint:\n  rules:\n    PM010:\n      required: {SEV1: [summary, postmortem]}\n", 4, "not a section kind"),
        // Found by the black-box pass of stop 37: a rule by its id and its alias, where one entry
        // replaced the other; a severity pm.yml does not list; one given twice in two cases.
        ("lint:\n  rules:\n    blame-language: {allow: [simply]}\n    PM012: {severity: error}\n", 4, "configures PM012 a second time"),
        ("lint:\n  rules:\n    PM010:\n      required:\n        SEV-2: [summary]\n", 5, "`SEV-2` is not one of pm.yml's severities (SEV1, SEV2, SEV3, SEV4) or `default`; did you mean `SEV2`?"),
        ("lint:\n  rules:\n    PM010:\n      required:\n        SEV2: [summary]\n        sev2: [impact]\n", 6, "SEV2 is given twice"),
        // Numbers the rules turn into whole seconds or days are bounded (1e19 had stopped pm).
        ("lint:\n  rules:\n    PM052: {grace_days: 1e19}\n", 3, "`lint.rules.PM052.grace_days` must be a number from 0 to 3660, not 1e19"),
        ("lint:\n  rules:\n    PM023: {slack_before_hours: 1e16}\n", 3, "from 0 to 87840, not 1e16"),
        ("lint:\n  rules:\n    PM023: {slack_after_hours: 87841}\n", 3, "from 0 to 87840, not 87841"),
        ("lint:\n  rules:\n    PM024: {tolerance_minutes: 1e18}\n", 3, "from 0 to 5270400, not 1e18"),
        ("lint:\n  rules:\n    PM024: {tolerance_minutes: -1}\n", 3, "from 0 to 5270400, not -1"),
        ("lint:\n  rules:\n    PM024: {tolerance_minutes: soon}\n", 3, "must be a number, not"),
    ])
    func badConfigurationNamesKeyAndLine(_ yaml: String, _ line: Int, _ message: String) throws {
        let configuration = try LintTestSupport.configuration(yaml)
        #expect {
            _ = try Linter(configuration: configuration)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.location?.line == line && error.message.contains(message)
        }
    }

    @Test("the largest bounded option values are read and lint runs with them")
    func largestOptionValues() throws {
        let configuration = try LintTestSupport.configuration(
            "lint:\n  rules:\n    PM052: {grace_days: 3660}\n    PM023: {slack_before_hours: 87840, slack_after_hours: 87840}\n    PM024: {tolerance_minutes: 5270400}\n")
        let findings = try LintTestSupport.lint(Self.blame, configuration: configuration)
        #expect(findings.contains { $0.ruleID == "PM012" })
    }
}
