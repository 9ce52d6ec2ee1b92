import Testing
@testable import PostmortemKit

struct FrontMatterValuesRuleTests {
    /// The retest of stop 41: `causes: [Configuration]` got "one of: …" though `**Configuration:**`
    /// names the `config` category as a factor's label (not a "did you mean": `monitoring` is no
    /// misspelling of `process`, which it names).
    @Test func aCauseWrittenAsAFactorLabelIsSuggestedItsCategory() throws {
        let document = RuleExamples.document(frontMatter: ["causes: [configuration, cosmic-rays]"])
        let messages = try LintTestSupport.lint(document).filter { $0.ruleID == "PM002" }.map(\.message)
        #expect(messages.first == "`causes` lists `configuration`, which is not a cause category; as a factor's label it names `config`")
        #expect(messages.count == 2 && messages[1].hasPrefix("`causes` lists `cosmic-rays`, which is not a cause category (one of: "))
    }

    /// Found while mending the black-box pass of stop 46: a category of pm.yml's own taxonomy
    /// was a category to `pm classify` only. `pm lint` called `causes: [payments-provider]` wrong
    /// (PM002), PM041 did not count a factor labelled with it, and `pm schema` rejected it.
    @Test func causesFromPMYAMLsTaxonomy() throws {
        let configuration = try LintTestSupport.configuration("""
            classification:
              categories:
                - id: payments-provider
                  label: Payments provider
                  terms: {paylane: 3}
            """)
        #expect(configuration.causeCategoryIDs.contains("payments-provider") && configuration.causeCategoryIDs.last == "unknown")
        let document = RuleExamples.document(frontMatter: ["causes: [payments-provider]"],
                                             sections: ["Contributing factors": "- **Payments-provider:** The acquirer timed out.\n- **Deploy:** Config pushes reach every edge node at once."])
        let read = DocumentReader.read(text: document, path: "postmortems/x.md", options: ReadOptions(configuration: configuration))
        let findings = try Linter(configuration: configuration).lint(read, today: RuleDescription.exampleToday)
            .filter { $0.ruleID == "PM041" || $0.message.contains("causes") }
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(read.postmortem.factors.map(\.category) == ["payments-provider", "deploy"])
        // The second retest: the category's own label names it too.
        let labelled = RuleExamples.document(sections: ["Contributing factors": "- **Payments provider:** The acquirer timed out.\n\n| Category | Factor |\n|---|---|\n| payments PROVIDER | x |"])
        #expect(DocumentReader.read(text: labelled, path: "postmortems/x.md", options: ReadOptions(configuration: configuration)).postmortem.factors.map(\.category)
                == ["payments-provider", "payments-provider"])
        #expect(try FrontMatterSchema.json(configuration: configuration).contains("\"payments-provider\""))
        // Without pm.yml's category, as before.
        let messages = try LintTestSupport.lint(document).filter { $0.ruleID == "PM002" }.map(\.message)
        #expect(messages.count == 1 && messages[0].hasPrefix("`causes` lists `payments-provider`, which is not a cause category"))
        // A replaced taxonomy leaves only its own categories and `unknown`.
        let replaced = try LintTestSupport.configuration("classification:\n  taxonomy: replace\n  categories:\n    - id: vendor\n      label: Vendor\n      terms: {acquirer: 2}\n")
        #expect(replaced.causeCategoryIDs == ["vendor", "unknown"])
        // From the retest of the mend: PM041 inferred a factor's category with the built-in
        // vocabulary, so a custom term was "none can be inferred" and a built-in one passed
        // under a taxonomy that had replaced it.
        func notes(_ factors: String, _ configuration: Configuration) throws -> [String] {
            let text = RuleExamples.document(sections: ["Contributing factors": factors])
            let read = DocumentReader.read(text: text, path: "postmortems/x.md", options: ReadOptions(configuration: configuration))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            return try Linter(configuration: configuration).lint(read, today: RuleDescription.exampleToday).filter { $0.ruleID == "PM041" }
                .compactMap { finding in finding.range.map { String(lines[$0.start.line - 1].prefix(12)) } }
        }
        let factors = "- The acquirer timed out on every second call.\n- A bad deploy of the release shipped the broken client."
        #expect(try notes(factors, replaced) == ["- A bad depl"])
        #expect(try notes(factors, RuleExamples.configuration) == ["- The acquir"])
    }

    /// Found by the sink audit of stop 47: `pm schema` wrote pm.yml's bidi overrides and C1
    /// controls raw, where every other JSON pm writes escapes them.
    @Test func schemaEscapesInvisibleControls() throws {
        let configuration = try LintTestSupport.configuration("severities: [SEV1, \"SEV2\\u202Eevil\\u009B31m\", SEV3]\n")
        let schema = try FrontMatterSchema.json(configuration: configuration)
        #expect(!schema.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x9B })
        #expect(schema.contains("SEV2\\u202eevil\\u009b31m"))
    }
}
