/// PM014: lines written as table rows are read as a table.
///
/// GFM reads a table only from a header row, a delimiter row with as many cells right under it,
/// and rows up to the first blank line or other block. Anything else is a paragraph whose lines
/// happen to start with `|`: it renders as one run of text, and pm reads no follow-up actions or
/// timeline entries from it, silently. This rule finds such paragraphs and says which of the
/// usual slips made them: an HTML comment or a blank line between rows (which ends the table
/// above), a delimiter row with the wrong number of cells or a cell that is not `:?-+:?`, no
/// delimiter row at all, a table written as the unindented continuation of a list item's or a
/// quote's text, or a list item between rows (the rows after it continue the item's text).
public struct TableShapeRule: LintRule {
    public static let description = RuleDescription(
        id: "PM014", alias: "broken-table", name: "Table rows form a table",
        summary: "Lines written as table rows (`| … |`) are a table: a header row, a delimiter row with as many cells under it, and no blank line or HTML comment between rows.",
        rationale: "Rows that are not a table render as one run of text, and pm reads no follow-up actions or timeline entries from them; without a finding they are lost silently.",
        category: .structure, defaultSeverity: .warning,
        triggeringExamples: [
            RuleExamples.document(sections: ["Follow-up actions": """
                | Action | Owner | Due | Ticket |
                |---|---|---|---|
                | Reject proxy configs with empty upstream pools in CI | @dana.k | 2026-12-28 | OPS-412 |
                <!-- added after the review -->
                ↓| Alert on the 5xx ratio per upstream | @li.w | 2026-12-21 | OPS-409 |
                """]),
            RuleExamples.document(sections: ["Follow-up actions": """
                ↓| Action | Owner | Due | Ticket |
                | Reject proxy configs with empty upstream pools in CI | @dana.k | 2026-12-28 | OPS-412 |
                """]),
            RuleExamples.document(sections: ["Follow-up actions": """
                ↓| Action | Owner | Due | Ticket |
                |---|---|---|
                | Reject proxy configs with empty upstream pools in CI | @dana.k | 2026-12-28 | OPS-412 |
                """]),
            RuleExamples.document(sections: ["Follow-up actions": """
                | Action | Owner | Due | Ticket |
                |---|---|---|---|
                | Reject proxy configs with empty upstream pools in CI | @dana.k | 2026-12-28 | OPS-412 |
                - Added after the review:
                ↓| Alert on the 5xx ratio per upstream | @li.w | 2026-12-21 | OPS-409 |
                """]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(sections: ["Follow-up actions": """
                | Action | Owner | Due | Ticket |
                |---|---|---|---|
                | Reject proxy configs with empty upstream pools in CI | @dana.k | 2026-12-28 | OPS-412 |

                <!-- added after the review -->

                The pipe in `a | b` and the one in "x | y" start no row.
                """]),
        ]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {}

    public func check(_ context: LintContext) -> [Violation] {
        // A table too large to parse is reported as P007 already, and its rows are paragraphs.
        guard !context.postmortem.problems.contains(where: { $0.code == .tableTooLarge }) else { return [] }
        var result: [Violation] = []
        visit(context.document.tree, context, &result)
        return result
    }

    /// Checks the paragraphs among `node`'s children and looks into its container children.
    /// `tableBefore` is the table right before the list `node` is (or is an item of), if any, and
    /// the line where that list starts.
    private func visit(_ node: MarkdownNode, _ context: LintContext, _ result: inout [Violation],
                       tableBefore: (table: MarkdownNode, list: Int)? = nil) {
        let children = node.children
        for (offset, child) in children.enumerated() {
            switch child.tag {
            case .list:
                let previous = offset > 0 ? children[children.index(children.startIndex, offsetBy: offset - 1)] : nil
                let listLine = child.range?.start.line ?? 0
                visit(child, context, &result, tableBefore: previous.flatMap { $0.tag == .table ? ($0, listLine) : nil })
            case .item:
                visit(child, context, &result, tableBefore: tableBefore)
            case .blockQuote, .footnoteDefinition:
                visit(child, context, &result)
            case .paragraph:
                if let violation = check(child, in: node, after: children[..<offset], tableBefore: tableBefore, context) { result.append(violation) }
            default:
                break
            }
        }
    }

    /// A violation when `paragraph` (a child of `parent`) ends in table rows that are no table.
    private func check(_ paragraph: MarkdownNode, in parent: MarkdownNode, after before: Slice<MarkdownNode.Children>,
                       tableBefore: (table: MarkdownNode, list: Int)?, _ context: LintContext) -> Violation? {
        guard let range = paragraph.range, range.start.line >= 1, range.end.line <= context.text.lines.count else { return nil }
        let lines = context.text.lines
        // The first line that is a row, from which every line to the paragraph's end is one.
        // Most paragraphs have no line that starts with `|`: one byte test per line finds that.
        func start(of line: Int) -> Int { line == range.start.line ? range.start.column - 1 : 0 }
        var first = range.end.line + 1
        while first > range.start.line, Self.isRow(lines[first - 2], from: start(of: first - 1)) { first -= 1 }
        guard first <= range.end.line else { return nil }
        let rows = range.end.line - first + 1
        let rowStart = Self.contentStart(lines[first - 1], from: start(of: first))
        let at = SourceRange(start: SourceLocation(line: first, column: rowStart + 1),
                             end: SourceLocation(line: first, column: lines[first - 1].count))
        let lost = Self.consequence(at: first, in: context.postmortem.sections, rows: rows)
        let headerCells = Self.cellCount(lines[first - 1], from: start(of: first))

        // Rows right after a table, with only blank lines and HTML blocks between, and as many
        // cells as it has columns: the table was cut.
        if first == range.start.line {
            var separators: [MarkdownNode] = []
            for sibling in before.reversed() {
                if sibling.tag == .htmlBlock { separators.append(sibling); continue }
                if sibling.tag == .table, case .table(let columns) = sibling.kind, let tableEnd = sibling.range?.end.line,
                   rows == 1 || headerCells == columns {
                    let cut = separators.isEmpty ? "a blank line"
                        : separators.count == 1 ? "the HTML block at line \(separators[0].range?.start.line ?? tableEnd + 1)"
                        : "\(separators.count) HTML blocks"
                    let subject = rows == 1 ? "this row" : "these \(rows) rows"
                    let verb = rows == 1 ? "it is" : "they are"
                    return Violation("\(subject) would continue the table that ends at line \(tableEnd), but \(cut) ends that table; \(verb) read as text\(lost)",
                                     at: at,
                                     suggestion: separators.isEmpty ? "remove the blank line between the rows" : "move the comment above or below the table, or into a cell")
                }
                break
            }
        }
        // Rows after a list item that stands between them and a table: the list ended the table,
        // and the rows, unindented (before the item's text column), continue the last item's
        // text. Not a whole table (a delimiter row under the first row): that is the lazy
        // continuation below.
        if first > range.start.line, parent.tag == .item, let (table, list) = tableBefore, case .table(let columns) = table.kind,
           let tableEnd = table.range?.end.line, rowStart + 1 < range.start.column, headerCells == columns,
           !(rows >= 2 && Self.isDelimiterRow(lines[first])) {
            let subject = rows == 1 ? "this row" : "these \(rows) rows"
            let verb = rows == 1 ? "it is" : "they are"
            return Violation("\(subject) would continue the table that ends at line \(tableEnd), but the list at line \(list) ends that table; \(verb) read as part of its last item's text\(lost)",
                             at: at, suggestion: "move the list above or below the table, or make its items rows")
        }
        guard rows >= 2 else { return nil }
        let second = lines[first]
        if Self.isDelimiterRow(second) {
            let delimiterCells = Self.cellCount(second, from: 0)
            if delimiterCells != headerCells {
                return Violation("the delimiter row (line \(first + 1)) has \(delimiterCells) \(delimiterCells == 1 ? "cell" : "cells") and the header row \(headerCells); GFM reads a table only when they match, so these \(rows) lines are read as text\(lost)",
                                 at: at, suggestion: "give the delimiter row one `---` cell per header cell")
            }
            if let (index, cell) = Self.invalidDelimiterCell(second) {
                let shown = cell.isEmpty ? "empty" : "`\(cell)`"
                return Violation("cell \(index) of the delimiter row (line \(first + 1)) is \(shown); GFM reads a table only when every delimiter cell is `---`, `:---`, `---:` or `:---:`, so these \(rows) lines are read as text\(lost)",
                                 at: at, suggestion: "write `---` (with a `:` on a side to align) in every cell of the delimiter row")
            }
            if first > range.start.line {
                // A whole table, but inside a paragraph: the lines continue a list item's or a
                // quote's text (unindented lines are "lazy" continuations), so no table starts.
                let container = parent.tag == .item ? "the list item above" : parent.tag == .blockQuote ? "the quote above" : "the paragraph above"
                return Violation("these \(rows) lines would be a table, but they continue the text of \(container); they are read as text\(lost)",
                                 at: at, suggestion: parent.tag == .blockQuote ? "start each row with `>`, or put a blank line before the table to end the quote"
                                     : "put a blank line before the table, or indent it under the list item")
            }
            return nil
        }
        return Violation("these \(rows) lines look like table rows, but a table needs a delimiter row (`|---|---|`) under its header row; they are read as text\(lost)",
                         at: at, suggestion: "add a delimiter row with \(headerCells) `---` \(headerCells == 1 ? "cell" : "cells") under the first row")
    }

    /// The byte offset of the first byte of `line` from `start` that is not a space, a tab or a
    /// block quote's `>`.
    static func contentStart(_ line: [UInt8], from start: Int) -> Int {
        var i = max(0, start)
        while i < line.count, line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") || line[i] == UInt8(ascii: ">") { i += 1 }
        return i
    }

    /// The first cell (1-based) of a delimiter row that is not `:?-+:?` (spaces around it
    /// allowed), and its text.
    static func invalidDelimiterCell(_ line: [UInt8]) -> (Int, String)? {
        var lower = contentStart(line, from: 0), upper = line.count
        while upper > lower, line[upper - 1] == UInt8(ascii: " ") || line[upper - 1] == UInt8(ascii: "\t") { upper -= 1 }
        if lower < upper, line[lower] == UInt8(ascii: "|") { lower += 1 }
        if upper > lower, line[upper - 1] == UInt8(ascii: "|") { upper -= 1 }
        for (index, cell) in line[lower..<upper].split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).enumerated() {
            var body = cell.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            while let last = body.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { body = body.dropLast() }
            if body.first == UInt8(ascii: ":") { body = body.dropFirst() }
            if body.last == UInt8(ascii: ":") { body = body.dropLast() }
            if body.isEmpty || body.contains(where: { $0 != UInt8(ascii: "-") }) {
                return (index + 1, String(decoding: cell, as: UTF8.self).trimmingWhitespace())
            }
        }
        return nil
    }

    /// What pm does not read because of the broken table, by the section it is in.
    static func consequence(at line: Int, in sections: [Section], rows: Int) -> String {
        // The innermost known section holding the line: sections are in document order.
        let kind = sections.last { $0.kind != nil && $0.range.start.line <= line && line <= $0.range.end.line }?.kind
        let them = rows == 1 ? "it" : "them"
        switch kind {
        case .actions: return ", and pm reads no follow-up actions from \(them)"
        case .timeline: return ", and pm reads no timeline entries from \(them)"
        default: return ""
        }
    }

    /// True when `line` from byte `start` is a table row: after spaces (and a block quote's `>`),
    /// a `|` with another `|` after it.
    static func isRow(_ line: [UInt8], from start: Int) -> Bool {
        let i = contentStart(line, from: start)
        guard i < line.count, line[i] == UInt8(ascii: "|") else { return false }
        return line[(i + 1)...].contains(UInt8(ascii: "|"))
    }

    /// True when `line` is only `|`, `-`, `:`, spaces (and a block quote's `>`), with a `-` and a `|`.
    static func isDelimiterRow(_ line: [UInt8]) -> Bool {
        var dash = false, pipe = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "-"): dash = true
            case UInt8(ascii: "|"): pipe = true
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"): continue
            default: return false
            }
        }
        return dash && pipe
    }

    /// The cells of a row from byte `start`: one more than its unescaped `|`, less a leading and a
    /// trailing one (GFM splits cells at a `|` in a code span too, unless it is escaped).
    static func cellCount(_ line: [UInt8], from start: Int) -> Int {
        max(cellRanges(line, from: start).count, 1)
    }

    /// Where each cell of a row from byte `start` lies, between its unescaped pipes (without a
    /// leading and a trailing pipe, and the spaces after the last).
    static func cellRanges(_ line: [UInt8], from start: Int) -> [Range<Int>] {
        let lower = contentStart(line, from: start)
        var upper = line.count
        while upper > lower, line[upper - 1] == UInt8(ascii: " ") || line[upper - 1] == UInt8(ascii: "\t") { upper -= 1 }
        var pipes: [Int] = []
        var i = lower
        while i < upper {
            if line[i] == UInt8(ascii: "\\") { i += 2; continue }
            if line[i] == UInt8(ascii: "|") { pipes.append(i) }
            i += 1
        }
        var bounds = [lower - 1] + pipes + [upper]
        if pipes.first == lower { bounds.removeFirst() }
        if let last = pipes.last, last == upper - 1, last != lower { bounds.removeLast() }
        return zip(bounds, bounds.dropFirst()).map { ($0 + 1)..<max($0 + 1, $1) }
    }
}
