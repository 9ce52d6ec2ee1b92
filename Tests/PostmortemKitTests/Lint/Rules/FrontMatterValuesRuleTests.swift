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
}
