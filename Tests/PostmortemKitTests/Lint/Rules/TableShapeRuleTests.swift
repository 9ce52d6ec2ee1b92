import Testing
@testable import PostmortemKit

struct TableShapeRuleTests {
    static let header = "| Action | Owner | Due | Ticket |"
    static let delimiter = "|---|---|---|---|"
    static let row1 = "| Reject proxy configs with empty upstream pools in CI | @dana.k | 2026-12-28 | OPS-412 |"
    static let row2 = "| Alert on the 5xx ratio per upstream | @li.w | 2026-12-21 | OPS-409 |"

    /// PM014's findings (`line:col message`) and the actions read, for a Follow-up actions section.
    static func check(_ section: String, title: String = "Follow-up actions") throws -> (findings: [String], actions: Int) {
        let text = RuleExamples.document(sections: [title: section])
        let findings = try LintTestSupport.lint(text).filter { $0.ruleID == "PM014" }
        let actions = DocumentReader.read(text: text, path: "postmortems/x.md").postmortem.actions.count
        return (findings.map { "\($0.range.map { "\($0.start)" } ?? "-") \($0.message)" }, actions)
    }

    /// The line of the section's first line in ``RuleExamples/document(frontMatter:removing:sections:)``.
    static func line(of text: String, in section: String, title: String = "Follow-up actions") -> Int {
        let document = RuleExamples.document(sections: [title: section])
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0 == text[...] } ?? -1) + 1
    }

    @Test func aWholeTableIsClean() throws {
        let result = try Self.check([Self.header, Self.delimiter, Self.row1, Self.row2].joined(separator: "\n"))
        #expect(result.findings.isEmpty)
        #expect(result.actions == 2)
    }

    @Test func aCommentBetweenRowsEndsTheTableAndIsNamed() throws {
        let section = [Self.header, Self.delimiter, Self.row1, "<!-- added after the review -->", Self.row2].joined(separator: "\n")
        let result = try Self.check(section)
        let row = Self.line(of: Self.row2, in: section)
        let table = row - 2
        #expect(result.findings == ["\(row):1 this row would continue the table that ends at line \(table), but the HTML block at line \(row - 1) ends that table; it is read as text, and pm reads no follow-up actions from it"])
        #expect(result.actions == 1)
    }

    @Test func aBlankLineBetweenRowsEndsTheTable() throws {
        let section = [Self.header, Self.delimiter, Self.row1, "", Self.row2, Self.row2].joined(separator: "\n")
        let result = try Self.check(section)
        let row = Self.line(of: Self.row2, in: section)
        #expect(result.findings == ["\(row):1 these 2 rows would continue the table that ends at line \(row - 2), but a blank line ends that table; they are read as text, and pm reads no follow-up actions from them"])
    }

    @Test func rowsWithoutADelimiterRowAreNamed() throws {
        let section = [Self.header, Self.row1, Self.row2].joined(separator: "\n")
        let result = try Self.check(section)
        let line = Self.line(of: Self.header, in: section)
        #expect(result.findings == ["\(line):1 these 3 lines look like table rows, but a table needs a delimiter row (`|---|---|`) under its header row; they are read as text, and pm reads no follow-up actions from them"])
        #expect(result.actions == 0)
    }

    @Test func aDelimiterRowWithTooFewCellsIsCounted() throws {
        let section = [Self.header, "| --- | :---: | --- |", Self.row1].joined(separator: "\n")
        let result = try Self.check(section)
        let line = Self.line(of: Self.header, in: section)
        #expect(result.findings == ["\(line):1 the delimiter row (line \(line + 1)) has 3 cells and the header row 4; GFM reads a table only when they match, so these 3 lines are read as text, and pm reads no follow-up actions from them"])
    }

    @Test func aBrokenTimelineTableSaysWhatIsLost() throws {
        let section = "All times UTC.\n\n| Time | Event |\n| 14:00 | Config 4812 is pushed. |"
        let result = try Self.check(section, title: "Timeline")
        #expect(result.findings.count == 1)
        #expect(result.findings.first?.hasSuffix("they are read as text, and pm reads no timeline entries from them") == true)
    }

    @Test func tablesInQuotesAndListsAreChecked() throws {
        let quoted = try Self.check("> | a | b |\n> | c | d |")
        #expect(quoted.findings.count == 1)
        let listed = try Self.check("- Notes:\n\n  | a | b |\n  | c | d |")
        #expect(listed.findings.count == 1)
        #expect(listed.findings.first?.hasPrefix("\(Self.line(of: "  | a | b |", in: "- Notes:\n\n  | a | b |\n  | c | d |")):3 ") == true)
    }

    /// Found by the black-box pass of stop 35.
    @Test func rowsUnderTextLazyRowsBadDelimiterCellsAndAnotherTable() throws {
        // Rows right under a line of text, with no delimiter row.
        let under = "All times UTC.\n| Time | Event |\n| 14:00 | Config 4812 is pushed. |"
        let timeline = try Self.check(under, title: "Timeline")
        let line = Self.line(of: "| Time | Event |", in: under, title: "Timeline")
        #expect(timeline.findings == ["\(line):1 these 2 lines look like table rows, but a table needs a delimiter row (`|---|---|`) under its header row; they are read as text, and pm reads no timeline entries from them"])
        // A whole table continuing a list item's text.
        let lazy = "- Agreed in the review:\n\(Self.header)\n\(Self.delimiter)\n\(Self.row1)"
        let lazyResult = try Self.check(lazy)
        #expect(lazyResult.findings == ["\(Self.line(of: Self.header, in: lazy)):1 these 3 lines would be a table, but they continue the text of the list item above; they are read as text, and pm reads no follow-up actions from them"])
        // The same in a quote, with its own way out.
        let quoted = try LintTestSupport.lint(RuleExamples.document(sections: ["Summary": "> Notes:\n| a | b |\n|---|---|\n| c | d |"]))
            .filter { $0.ruleID == "PM014" }
        #expect(quoted.map(\.message) == ["these 3 lines would be a table, but they continue the text of the quote above; they are read as text"])
        #expect(quoted.first?.suggestion == "start each row with `>`, or put a blank line before the table to end the quote")
        // A delimiter cell without a dash.
        let colon = [Self.header, "|---|:|---|---|", Self.row1].joined(separator: "\n")
        #expect(try Self.check(colon).findings == ["\(Self.line(of: Self.header, in: colon)):1 cell 2 of the delimiter row (line \(Self.line(of: Self.header, in: colon) + 1)) is `:`; GFM reads a table only when every delimiter cell is `---`, `:---`, `---:` or `:---:`, so these 3 lines are read as text, and pm reads no follow-up actions from them"])
        // Cells with a dash that are still no delimiter cells, and an empty one.
        for (row, shown) in [("|---|-:-|---|---|", "`-:-`"), ("|---|- -|---|---|", "`- -`"), ("|---||---|---|", "empty")] {
            let text = [Self.header, row, Self.row1].joined(separator: "\n")
            #expect(try Self.check(text).findings.first?.contains("cell 2 of the delimiter row (line \(Self.line(of: Self.header, in: text) + 1)) is \(shown);") == true, "\(row)")
        }
        // Another table, with other columns, after a blank line: its own missing delimiter row.
        let other = [Self.header, Self.delimiter, Self.row1, "", "| Considered | Why not |", "| A vendor | The contract runs to 2028 |"].joined(separator: "\n")
        #expect(try Self.check(other).findings.first?.contains("a table needs a delimiter row") == true)
    }

    /// Left open by stop 35's passes: a list item between rows took the next row into its text.
    @Test func aListItemBetweenRowsIsNamed() throws {
        let section = [Self.header, Self.delimiter, Self.row1, "- Added after the review:", Self.row2].joined(separator: "\n")
        let result = try Self.check(section)
        let row = Self.line(of: Self.row2, in: section)
        #expect(result.findings == ["\(row):1 this row would continue the table that ends at line \(row - 2), but the list at line \(row - 1) ends that table; it is read as part of its last item's text, and pm reads no follow-up actions from it"])
        // Two rows after the item are named as rows the item took, not as a table without a delimiter row.
        let two = [Self.header, Self.delimiter, Self.row1, "* stray", Self.row2, Self.row1].joined(separator: "\n")
        #expect(try Self.check(two).findings.first?.contains("these 2 rows would continue the table") == true)
        // Indented under the item, the row is the item's own; with no table before the list, or
        // with other columns, nothing was cut.
        #expect(try Self.check([Self.header, Self.delimiter, Self.row1, "- Added after the review:", "  " + Self.row2].joined(separator: "\n")).findings.isEmpty)
        #expect(try Self.check(["Notes", "", "- Added after the review:", Self.row2].joined(separator: "\n")).findings.isEmpty)
        #expect(try Self.check([Self.header, Self.delimiter, Self.row1, "- Added after the review:", "| a | b |"].joined(separator: "\n")).findings.isEmpty)
        // A whole table after the item is the item's lazy continuation, named as such (the
        // review of stop 36); a row indented by one space is still before the item's text.
        let whole = [Self.header, Self.delimiter, Self.row1, "- Added after the review:", Self.header, Self.delimiter, Self.row2].joined(separator: "\n")
        #expect(try Self.check(whole).findings.first?.contains("would be a table, but they continue the text of the list item above") == true)
        let oneSpace = [Self.header, Self.delimiter, Self.row1, "- Added after the review:", " " + Self.row2].joined(separator: "\n")
        #expect(try Self.check(oneSpace).findings.first?.contains("this row would continue the table") == true)
    }

    @Test func proseWithPipesIsNotATable() throws {
        #expect(try Self.check("The filter `a | b` ran twice.\n| only one pipe\nA line | with pipes | inside.").findings.isEmpty)
        // One row-like line on its own is not flagged: it may be a one-off, and is no lost table.
        #expect(try Self.check("| a | b |").findings.isEmpty)
        // A paragraph that only starts with rows is not a table either way, nor one row under text.
        #expect(try Self.check("| a | b |\n| c | d |\nand then prose.").findings.isEmpty)
        #expect(try Self.check("Options:\n| a | b |").findings.isEmpty)
    }

    @Test func cellsAreCountedAsGFMSplitsThem() {
        func cells(_ line: String) -> Int { TableShapeRule.cellCount(Array(line.utf8), from: 0) }
        #expect(cells("| a | b |") == 2)
        #expect(cells("a | b") == 2)
        #expect(cells("| a | b") == 2)
        #expect(cells("|---|---|---|") == 3)
        #expect(cells("| a \\| b | c |") == 2)
        #expect(cells("| `a | b` | c |") == 3)
        #expect(cells("> | a | b |  ") == 2)
        #expect(cells("|") == 1)
    }
}
