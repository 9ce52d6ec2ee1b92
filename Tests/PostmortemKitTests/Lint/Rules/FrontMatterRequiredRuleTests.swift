import Testing
@testable import PostmortemKit

@Suite struct FrontMatterRequiredRuleTests {
    /// From the black-box pass of stop 43: Hugo's TOML front matter (`+++`) was reported as no
    /// front matter at all.
    @Test func tomlFrontMatterIsNamed() throws {
        let found = try LintTestSupport.lint("+++\ntitle = \"Checkout outage\"\n+++\n\n## Summary\n\nText.\n").filter { $0.ruleID == "PM001" }
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("the document's front matter is TOML (`+++`), which pm does not read") == true)
        let none = try LintTestSupport.lint("## Summary\n\nText.\n").filter { $0.ruleID == "PM001" }
        #expect(none.first?.message.hasPrefix("the document has no front matter") == true)
    }
}
