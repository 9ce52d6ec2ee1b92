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
        #expect(expected.count == lines)
    }
}
