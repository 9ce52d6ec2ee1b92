import Testing
@testable import PostmortemKit

@Suite struct MarkdownParserTests {
    @Test func blocksCarrySourceRanges() {
        let result = MarkdownParser.parse("# Title\n\nSome *text*.\n\n- [ ] open\n- [x] done\n")
        let blocks = result.document.children
        #expect(blocks.count == 3)
        #expect(blocks[0].kind == .heading(level: 1))
        #expect(blocks[0].range?.start == SourceLocation(line: 1, column: 1))
        #expect(blocks[1].range?.start.line == 3)
        let items = blocks[2].children
        #expect(items.map(\.kind) == [.item(task: false), .item(task: true)])
        #expect(items[1].range?.start == SourceLocation(line: 6, column: 1))
    }

    @Test func columnsAreUTF8Bytes() {
        // "é" and "日本" are 2 and 6 bytes: the nested list item starts after them in bytes.
        let result = MarkdownParser.parse("- é日本\n  - x\n")
        let nested = result.document.children[0].children[0].children[1].children[0]
        #expect(nested.range?.start == SourceLocation(line: 2, column: 3))
    }

    @Test func tablesAndStrikethrough() {
        let result = MarkdownParser.parse("| Time | Event |\n|---|---|\n| 14:02 | ~~x~~ up |\n")
        let table = result.document.children[0]
        #expect(table.kind == .table(columns: 2))
        #expect(table.children[0].kind == .tableRow(isHeader: true))
        #expect(table.children[1].children[1].children.first?.kind == .strikethrough)
        #expect(table.children[1].range?.start.line == 3)
    }

    @Test func htmlIsSafe() {
        let html = MarkdownParser.renderHTML("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onerror"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func deepNestingIsCutNotCrashing() {
        let text = String(repeating: ">", count: 10_000) + " deep\n"
        let result = MarkdownParser.parse(text)
        #expect(result.depthLimitReached)
    }
    @Test("a paragraph's plain-text lines split where its Characters do", arguments: [
        ("14:02 UTC: first\n14:05 UTC: second\n\n", 2),
        ("Café ☕\n日本 line\nlast", 3),
        // "\r\n" is one Character: no split there.
        ("ends with a carriage return&#13;\nnext line", 1),
        ("a line\n\u{301}starting with a combining mark", 2),
        ("one line only", 1),
    ])
    func plainTextLinesSplitOnCharacters(source: String, lines: Int) throws {
        let paragraph = try #require(MarkdownParser.parse(source).document.children.first)
        var text = ""
        paragraph.appendPlainText(to: &text, softBreak: "\n")
        let expected = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(paragraph.plainTextLines.map(String.init) == expected)
        #expect(paragraph.plainTextLinesWithRanges.map { String($0.text) } == expected)
        #expect(expected.count == lines)
    }

    /// The inlines of a paragraph's later lines, where cmark-gfm 0.29.0.gfm.6 places them as if
    /// each line were indented as the first line's text (column 7 under `- [ ] `).
    @Test("the inlines of a paragraph's later lines are where they are in the source", arguments: [
        // A task item's later line, indented two spaces: cmark-gfm said column 7.
        ("- [ ] Add an alert\n  due: 2027-01-15 `x` y\n", ["1:7-1:18", "2:3-2:18", "2:20-2:20", "2:22-2:23"]),
        // Indented more, and less (a lazy line), than the item's text.
        ("- Fix it\n      Deu: *now*\n Onwer: @a\nDone\n", ["1:3-1:8", "2:7-2:11", "2:12-2:16", "2:13-2:15", "3:2-3:10", "4:1-4:4"]),
        // In a block quote, after its `>`; a tab is one byte.
        ("> - Quoted\n>\t\tDeu: 2027\n", ["1:5-1:10", "2:4-2:12"]),
        // A setext heading's second line.
        ("Title\n   more\n===\n", ["1:1-1:5", "2:4-2:7"]),
        // Emphasis over a line break: its start on the first line, its end on the second.
        ("a *b\n   c* d\n", ["1:1-1:2", "1:3-2:5", "1:4-1:4", "2:4-2:4", "2:6-2:7"]),
        // Lines ended by "\r\n" and by a lone "\r", as cmark-gfm ends them.
        ("- [ ] Add an alert\r\n  due: x\r\n\r\n- [ ] b\r\n    c\r\n", ["1:7-1:18", "2:3-2:8", "4:7-4:7", "5:5-5:5"]),
        ("- [ ] Add an alert\r  due: x\r", ["1:7-1:18", "2:3-2:8"]),
        // A line that starts with a link the autolink extension made is left as cmark-gfm has it.
        ("- Fix it\n    www.example.com and\n", ["1:3-1:8", "2:2-2:17", "2:2-2:17", "2:18-2:21"]),
    ])
    func continuationLineColumns(source: String, ranges: [String]) throws {
        var found: [String] = []
        MarkdownParser.parse(source).document.walk { node in
            guard !node.isBlock, node.kind != .softBreak, node.kind != .lineBreak, let range = node.range else { return }
            found.append("\(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)")
        }
        #expect(found == ranges)
    }

    @Test func plainTextLinesKeepTheirSourceRanges() throws {
        let item = try #require(MarkdownParser.parse("- [ ] Add an alert\n  owner: @li.w <!-- moved -->\n    due: 2027-01-15\n").document.children.first?.children.first)
        let paragraph = try #require(item.children.first)
        let lines = paragraph.plainTextLinesWithRanges
        #expect(lines.map { String($0.text) } == ["Add an alert", "owner: @li.w ", "due: 2027-01-15"])
        #expect(lines.map { $0.range.map { "\($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column)" } }
                == ["1:7-1:18", "2:3-2:14", "3:5-3:19"])
    }
}
