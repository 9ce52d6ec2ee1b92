import Testing
@testable import PostmortemKit

/// PM053 on statements ("X should …") and on items that start with a plural or a possessive.
struct SpecificActionRuleTests {
    static func pm053(_ action: String) throws -> [String] {
        let document = RuleExamples.document(sections: ["Follow-up actions": "- [ ] \(action) (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)"])
        return try LintTestSupport.lint(document).filter { $0.ruleID == "PM053" }.map(\.message)
    }

    @Test(arguments: [
        ("DevEX will update all service accounts", "describes what should happen"),
        ("Workload segmentation might be an option to limit blast radius", "describes what should happen"),
        ("Config pushes should go through a canary stage", "describes what should happen"),
        ("sushibar\u{2019}s instance moves to the sushibar project", "does not start with a verb"),
        ("Dashboards for the proxy fleet", "does not start with a verb"),
        ("Kubernetes upgrade to 1.29 on the search cluster", "does not start with a verb"),
    ])
    func flagged(action: String, message: String) throws {
        let messages = try Self.pm053(action)
        #expect(messages.count == 1)
        #expect(messages.first?.contains(message) == true)
    }

    @Test(arguments: [
        "Ensure config pushes will fail when a pool is empty",
        "Document what will happen when the primary fails over",
        "Decide who will own the proxy alerts",
        "Check whether it can drain in under 60 s",
        "Address the proxy's handling of empty pools",
        "Focus the canary stage on the 5 busiest edges",
        "Bypass the cache for /img/* on the origin shield",
        "Add a check that will reject empty pools",
        "Canary config pushes to 5% of edge nodes for 10 minutes",
    ])
    func notFlagged(action: String) throws {
        #expect(try Self.pm053(action).isEmpty)
    }
}
