import Foundation

/// A Markdown node as plain Swift values: what cmark-gfm parsed, with its source range.
///
/// Built once from the C tree by ``MarkdownParser``; nothing here refers to C memory.
public struct MarkdownNode: Sendable, Hashable {
    /// The node types of CommonMark plus the GFM extensions pm enables.
    public enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `task` is nil for plain items, `false`/`true` for `- [ ]` / `- [x]`.
        case item(task: Bool?)
        case codeBlock(info: String)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table(columns: Int)
        case tableRow(isHeader: Bool)
        case tableCell
        case footnoteDefinition
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String, title: String)
        case footnoteReference
        /// A node type this version of pm does not know, kept by its cmark-gfm name so it is
        /// visible in dumps and tests instead of silently dropped.
        case unsupported(String)
    }

    public var kind: Kind
    /// Literal content of text, code, code blocks and HTML; empty otherwise.
    public var literal: String
    public var children: [MarkdownNode]
    /// Where the node is in the file. Nil when cmark-gfm reports no position (some inlines).
    public var range: SourceRange?

    public init(kind: Kind, literal: String = "", children: [MarkdownNode] = [], range: SourceRange? = nil) {
        self.kind = kind
        self.literal = literal
        self.children = children
        self.range = range
    }

    /// True for block-level nodes.
    public var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading,
             .thematicBreak, .table, .tableRow, .tableCell, .footnoteDefinition:
            return true
        default:
            return false
        }
    }

    /// The node's text with markup removed: soft breaks become spaces, hard breaks newlines,
    /// raw HTML is dropped, and blocks are separated by newlines.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out, softBreak: " ")
        return out
    }

    /// Like ``plainText`` but soft breaks stay line breaks, so the lines of a paragraph can be
    /// read one by one (timelines written as one time per line).
    public var plainTextLines: [Substring] {
        var out = ""
        appendPlainText(to: &out, softBreak: "\n")
        // "\n" is a Character of its own unless "\r" precedes it (a `&#13;` reference), so
        // without "\r" the split on bytes is the split on Characters, without grapheme breaking.
        guard !out.containsBytes(of: "\r") else { return out.split(separator: "\n", omittingEmptySubsequences: true) }
        // The line breaks found with memchr; each line is a slice of `out` by byte offsets.
        var text = out
        let ranges = text.withUTF8 { buffer -> [Range<Int>] in
            guard let base = buffer.baseAddress else { return [] }
            var ranges: [Range<Int>] = []
            var start = 0
            while start < buffer.count {
                let end = memchr(base + start, Int32(UInt8(ascii: "\n")), buffer.count - start).map {
                    base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                } ?? buffer.count
                if end > start { ranges.append(start..<end) }
                start = end + 1
            }
            return ranges
        }
        let utf8 = text.utf8
        return ranges.map { range in
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
    }

    func appendPlainText(to out: inout String, softBreak: String) {
        switch kind {
        case .text, .code:
            out += literal
        case .codeBlock:
            out += literal
        case .softBreak:
            out += softBreak
        case .lineBreak:
            out += "\n"
        case .htmlInline, .htmlBlock:
            return
        default:
            var first = true
            for child in children {
                if child.isBlock && !first && !out.isEmpty && !Self.endsWithNewline(out) { out += "\n" }
                if case .tableCell = child.kind, !first { out += " | " }
                child.appendPlainText(to: &out, softBreak: softBreak)
                first = false
            }
        }
    }

    /// `out.last == "\n"` on bytes: true when the last byte is a line feed that is not part of
    /// a "\r\n" grapheme.
    @inline(__always)
    static func endsWithNewline(_ out: String) -> Bool {
        let bytes = out.utf8
        guard let last = bytes.last, last == 10 else { return false }
        let before = bytes.index(before: bytes.endIndex)
        return before == bytes.startIndex || bytes[bytes.index(before: before)] != 13
    }

    /// The first descendant (depth first, self included) that satisfies `predicate`.
    public func first(where predicate: (MarkdownNode) -> Bool) -> MarkdownNode? {
        if predicate(self) { return self }
        for child in children {
            if let found = child.first(where: predicate) { return found }
        }
        return nil
    }

    /// Calls `body` on this node and every descendant, depth first, skipping the subtrees for
    /// which `descend` returns false.
    public func walk(descend: (MarkdownNode) -> Bool = { _ in true }, _ body: (MarkdownNode) -> Void) {
        body(self)
        guard descend(self) else { return }
        for child in children { child.walk(descend: descend, body) }
    }
}
