import Testing
@testable import PostmortemKit

/// Found by the black-box pass of stop 37.
struct PlaceholderRuleTests {
    /// Underscores of emphasis are part of a word as prose is split, so `_TBD_` hid its marker;
    /// a marker inside an identifier is still no marker.
    @Test func markersInUnderscoreEmphasis() throws {
        let document = RuleExamples.document(sections: [
            "Impact": "Revenue impact: _TBD_. Orders lost: *TBD*. Refunds: __TODO__. _TBD: fill in_; the snake_TODO_case flag.",
        ])
        let found = try LintTestSupport.lint(document).filter { $0.ruleID == "PM011" }
        #expect(found.map(\.message) == ["TBD", "TBD", "TODO", "TBD"].map { "template placeholder left in: `\($0)`" })
        // Each at the marker itself, inside its underscores.
        let line = try #require(document.split(separator: "\n", omittingEmptySubsequences: false).first { $0.hasPrefix("Revenue") })
        let columns = found.compactMap { $0.range?.start.column }
        #expect(columns.map { String(line.utf8.dropFirst($0 - 1).prefix(3))! } == ["TBD", "TBD", "TOD", "TBD"])
    }

    /// From the black-box pass of stop 43: the Google SRE book's Action Items table writes each
    /// action's state at the end of its Bug cell (`Bug 5554826 TODO`); each such `TODO` was a
    /// PM011 error, and the actions open with "TODO" in their tickets. The state is read, and a
    /// `TODO` ending a Status or Ticket cell of an action's row is no placeholder; elsewhere in
    /// the row it still is.
    @Test func statesInActionTableCells() throws {
        let document = RuleExamples.document(sections: ["Follow-up actions": """
            | Action Item | Type | Owner | Bug |
            |---|---|---|---|
            | Plug the file descriptor leak | prevent | @agoogler | Bug 5554825 DONE |
            | Add load shedding to the proxy | prevent | @agoogler | Bug 5554826 TODO |
            | Update the playbook for the proxy | mitigate | @jennifer | n/a DONE |
            | TODO | prevent | TODO | OPS-9 |

            | Action | Owner | Status |
            |---|---|---|
            | Add a canary stage to the deploy | @li.w | TODO |
            """])
        let found = try LintTestSupport.lint(document).filter { $0.ruleID == "PM011" }
        let rows = document.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(rows.firstIndex { $0.hasPrefix("| TODO |") }) + 1
        #expect(found.map { $0.range?.start.line } == [line, line])
        let p = read(document)
        #expect(p.actions.map(\.state) == [.done, .open, .done, .open, .open])
        #expect(p.actions.map(\.ticket) == ["Bug 5554825", "Bug 5554826", "none", "OPS-9", nil])
    }

    /// "TODO" alone in a section is a placeholder, as "TBD" is: it had been read as a heading of
    /// follow-up actions, which left the section empty (PM010, even in templates).
    @Test func aSectionOfTODOIsNotEmpty() throws {
        for marker in ["TODO", "TBD"] {
            let document = RuleExamples.document(sections: ["Summary": marker])
            let found = try LintTestSupport.lint(document)
            #expect(found.filter { $0.ruleID == "PM011" }.count == 1)
            #expect(!found.contains { $0.ruleID == "PM010" }, "\(marker): \(found.map(\.message))")
        }
        // A title in bold or with a colon is still a heading, of what comes after it; with nothing
        // after it before the next heading it is a paragraph (the retest: "TODO:" and "**TODO**"
        // alone in Follow-up actions had left it empty).
        let p = read("## Notes\n\n**TODO**\n\n- [ ] Add a canary stage\n")
        #expect(p.sections.map(\.kind) == [nil, .actions])
        for alone in ["TODO:", "**TODO**", "**TODO:**", "**Action items:**"] {
            let document = RuleExamples.document(sections: ["Follow-up actions": alone])
            #expect(!(try LintTestSupport.lint(document)).contains { $0.ruleID == "PM010" }, "\(alone)")
        }
    }

    /// From the retest of stop 38: a link's destination in angle brackets, as CommonMark writes one
    /// with spaces, was a "placeholder".
    @Test func angleBracketDestinationsAreNoPlaceholders() throws {
        let document = RuleExamples.document(sections: [
            "Summary": "See the [runbook](<runbooks/checkout pool.md>) and [the graphs][g]. Fill in <service name>.\n\n[g]: <dashboards/pool graphs.md>",
        ])
        let found = try LintTestSupport.lint(document).filter { $0.ruleID == "PM011" }
        #expect(found.map(\.message) == ["template placeholder left in: `<service name>`"])
        // A destination that reads as words, not a path, is a placeholder (the review after the
        // retest), and so is one after a `]: ` in the middle of a line.
        let words = RuleExamples.document(sections: [
            "Summary": "See [checkout](<link to the dashboard>). Status [draft]: <fill in the final status>\n\n[h]: <add the grafana link here>",
        ])
        #expect(try LintTestSupport.lint(words).filter { $0.ruleID == "PM011" }.count == 3)
    }
}
