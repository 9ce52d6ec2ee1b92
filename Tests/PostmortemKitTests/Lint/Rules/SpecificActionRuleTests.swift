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
        // Found by a black-box pass.
        ("Be more vigilant during config pushes", "asks people to be careful"),
        ("Take more care during deploys", "asks people to be careful"),
        ("Remind engineers to double-check configs", "asks people to be careful"),
        ("Double-check configs before pushing", "asks people to be careful"),
        ("Make sure this doesn't happen again", "hopes it will not happen again"),
        ("Try to avoid this in the future", "a wish or a suggestion"),
        ("Retrain @dana.k on config pushes", "corrects a person"),
        ("Tell Dana to run the validator", "corrects a person"),
        ("Look into the root cause", "too vague"),
        ("@dana.k will update the runbook", "describes what should happen"),
        // Found by the lint-rule pass: docs/lint.md's own example had passed.
        ("Ensure this does not recur", "hopes it will not happen again"),
        ("Prevent this from happening again", "hopes it will not happen again"),
        ("Prevent recurrence", "hopes it will not happen again"),
        ("Double check configs before pushing", "asks people to be careful"),
        ("Pay closer attention to the replica lag panel", "asks people to be careful"),
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
        "Add a double-check step that compares the pool size before and after a push",
        "Remind certificate owners 30 days before expiry with an automated email",
        "Train the search cluster's ranking model on the corrected price units",
        // Found by the review: a month is no modal, and a named mechanism is no mere hope.
        "Rotate May certificates before expiry",
        "Add an alert so this cannot happen again without a page",
        "Ensure the failover drill recurs every quarter",
        "Prevent replicas from falling behind by more than 1 MB",
    ])
    func notFlagged(action: String) throws {
        #expect(try Self.pm053(action).isEmpty)
    }

    @Test("a one-letter first name is no person: with an author a.b, \"Warn a user…\" is an action")
    func oneLetterNamesAreNotPeople() throws {
        let document = RuleExamples.document(frontMatter: ["authors: [a.b, dana.k]"], sections: [
            "Follow-up actions": "- [ ] Warn a user when the pool is empty (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)",
        ])
        #expect(try LintTestSupport.lint(document).filter { $0.ruleID == "PM053" }.isEmpty)
    }

    /// A finding points at the action's first word, not at the list marker or the row's first cell.
    @Test(arguments: [
        ("- [ ] Improve monitoring (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)", "Improve"),
        ("1. **Investigate** (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)", "Investigate"),
        ("- [ ] Monitoring improvements for the Monitoring team (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)", "Monitoring"),
        ("| Status | Action | Owner |\n|---|---|---|\n| Open | Investigate | @dana.k |", "Investigate"),
        ("| Area | Action | Owner |\n|---|---|---|\n| Alerting | Alerting improvements for the pool | @dana.k |", "Alerting improvements"),
    ])
    func findingPointsAtTheText(item: String, word: String) throws {
        let document = RuleExamples.document(sections: ["Follow-up actions": item])
        let finding = try #require(try LintTestSupport.lint(document).first { $0.ruleID == "PM053" })
        let range = try #require(finding.range)
        let line = Array(document.split(separator: "\n", omittingEmptySubsequences: false)[range.start.line - 1].utf8)
        #expect(String(decoding: line[(range.start.column - 1)...].prefix(word.utf8.count), as: UTF8.self) == word)
        #expect(range.start.column > 1)
    }

    /// PM051, PM052 and PM053 cover the action's text on its line, to the end of a list item's line
    /// or of a table row's cell, so an editor underlines the action (they had covered one byte).
    @Test func findingsCoverTheActionsText() throws {
        let item = "- [ ] Improve monitoring (due: 2026-01-28)  "
        let row = "| Status | Action | Owner |\n|---|---|---|\n| Open | Investigate  | - |"
        let noPipe = "Status | Action | Owner\n---|---|---\nOpen | Investigate | -"
        let comment = "- [ ] Improve monitoring (due: 2026-01-28) <!-- pm-lint disable-line PM051 -- tracked elsewhere -->"
        let escaped = "| Status | Action | Owner |\n|---|---|---|\n| Open | Investigate a\\|b | - |"
        let code = "- [ ] Improve monitoring `<!--` (due: 2026-01-28)"
        for (text, covered, rules) in [(item, "Improve monitoring (due: 2026-01-28)", ["PM051", "PM052", "PM053"]),
                                       (row, "Investigate", ["PM051", "PM053"]),
                                       (noPipe, "Investigate", ["PM051", "PM053"]),
                                       (comment, "Improve monitoring (due: 2026-01-28)", ["PM052", "PM053"]),
                                       (escaped, "Investigate a\\|b", ["PM051"]),
                                       (code, "Improve monitoring `<!--` (due: 2026-01-28)", ["PM051", "PM052", "PM053"])] {
            let document = RuleExamples.document(sections: ["Follow-up actions": text])
            let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
            let findings = try LintTestSupport.lint(document).filter { $0.ruleID.hasPrefix("PM05") }
            #expect(findings.map(\.ruleID).sorted() == rules)
            for finding in findings {
                let range = try #require(finding.range)
                #expect(range.start.line == range.end.line)
                let shown = String(decoding: lines[range.start.line - 1][(range.start.column - 1)..<range.end.column], as: UTF8.self)
                #expect(shown == covered, "\(finding.ruleID)")
            }
        }
    }
}
