import Foundation
import Testing
@testable import PostmortemKit

/// cmark-gfm 0.29.0.gfm.6 fills every table row up to the header's columns and appends each cell
/// by walking its row; texts whose tables could make more cells or steps than the limits are
/// refused before parsing.
@Suite struct TableWorkTests {
    static func work(_ text: String) -> (cells: Int, steps: Int) {
        var text = text
        return text.withUTF8 { MarkdownParser.tableWork($0) }
    }

    /// `columns` header cells and `rows` one-cell rows: a few bytes a row, `columns` cells each.
    static func autocompleted(columns: Int, rows: Int) -> String {
        "# Incident\n\n" + String(repeating: "x|", count: columns) + "\n" + String(repeating: "-|", count: columns) + "\n"
            + String(repeating: "x\n", count: rows)
    }

    @Test("1,600 columns filled into 16,000 one-cell rows (38 KB; over 4 GB parsed) are refused, with P007")
    func autocompletedRowsAreRefused() {
        expectRefusedBeforeParsing(Self.autocompleted(columns: 1_600, rows: 16_000), code: .tableTooLarge, refused: \.tablesRefused)
    }

    @Test("64,000 columns in 5 rows (40 s of appending) are refused")
    func manyColumnsAreRefused() {
        let row = "|" + String(repeating: "10:02|", count: 64_000) + "\n"
        let text = "# T\n\n" + row + "|" + String(repeating: "-|", count: 64_000) + "\n" + String(repeating: row, count: 5)
        #expect(MarkdownParser.parse(text).tablesRefused)
    }

    @Test("the bound covers the cells cmark makes: columns × (rows + 1), to the next blank line")
    func theBoundCoversWhatCmarkMakes() {
        #expect(Self.work(Self.autocompleted(columns: 10, rows: 20)).cells >= 10 * 21)
        // In a quote, in a list item (indented), with alignment colons, without outer pipes,
        // and with lone "\r" line ends.
        for text in ["> a | b | c\n> --- | :-: | ---:\n> 1\n> 2\n", "- item\n\n  a | b | c\n  ---|---|---\n  1\n  2\n",
                     "a|b|c\n:--|:-:|--:\n1\n2\n", "a|b|c\r---|---|---\r1\r2\r"] {
            #expect(Self.work(text).cells >= 3 * 3, "\(text.debugDescription)")
        }
        // A blank line ends the table; a later paragraph is not counted.
        #expect(Self.work("a|b\n-|-\n1\n\n" + String(repeating: "text\n", count: 100)).cells == 2 * 2)
        // No `|`, no table.
        #expect(Self.work("# T\n\n---\n\n- a\n- b\n") == (0, 0))
    }

    @Test("real tables are far below the limits: 12 columns × 20,000 rows, 128 columns × 2,000 rows")
    func realTablesAreRead() {
        for (columns, rows) in [(12, 20_000), (128, 2_000), (5, 100)] {
            let row = "|" + String(repeating: " 14:02 |", count: columns) + "\n"
            let text = "# T\n\n" + row + "|" + String(repeating: "---|", count: columns) + "\n" + String(repeating: row, count: rows)
            let limits = text.utf8.count
            let work = Self.work(text)
            #expect(work.cells <= MarkdownParser.tableLimits(sourceBytes: limits).cells, "\(columns)×\(rows)")
            #expect(work.steps <= MarkdownParser.tableLimits(sourceBytes: limits).steps, "\(columns)×\(rows)")
        }
    }
}
