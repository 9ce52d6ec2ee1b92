import Foundation

/// A Markdown node: what cmark-gfm parsed, with its source range.
///
/// A node is a position in a ``MarkdownTree``, the whole document held in one flat store built
/// once from the C tree by ``MarkdownParser``; nothing here refers to C memory. A document used
/// to be a tree of node values, each with its own array of children and its own strings: making,
/// copying and freeing those was about a tenth of a lint run. Nodes compare and hash by
/// structure (kind, literal, range and children), as those values did.
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

    let tree: MarkdownTree
    let index: Int32

    init(tree: MarkdownTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    /// A node on its own: a tree of one node and the given children (copied).
    public init(kind: Kind, literal: String = "", children: [MarkdownNode] = [], range: SourceRange? = nil) {
        var builder = MarkdownTree.Builder()
        let root = builder.reserve(1)
        builder.add(kind, literal: Array(literal.utf8), range: range, at: root)
        let first = builder.reserve(children.count)
        builder.setChildren(of: root, first: first, count: children.count)
        for (offset, child) in children.enumerated() { builder.copy(child, to: first + Int32(offset)) }
        self = MarkdownNode(tree: builder.finish(), index: root)
    }

    @inline(__always) var record: MarkdownTree.Record { tree.records[Int(index)] }

    public var kind: Kind { tree.kind(of: index) }

    /// True for a task list item (`- [ ] …`, `- [x] …`).
    public var isTaskItem: Bool {
        if case .item(let task) = kind { return task != nil }
        return false
    }

    /// Literal content of text, code, code blocks and HTML; empty otherwise.
    public var literal: String { String(decoding: literalBytes, as: UTF8.self) }

    /// The literal's bytes, without making a `String`.
    var literalBytes: ArraySlice<UInt8> {
        let record = record
        return tree.bytes[Int(record.literalStart)..<Int(record.literalStart + record.literalLength)]
    }

    public var children: Children { Children(tree: tree, first: record.firstChild, count: record.childCount) }

    /// Where the node is in the file. Nil when cmark-gfm reports no position (some inlines).
    public var range: SourceRange? {
        let record = record
        guard record.startLine > 0 else { return nil }
        return SourceRange(start: SourceLocation(line: Int(record.startLine), column: Int(record.startColumn)),
                           end: SourceLocation(line: Int(record.endLine), column: Int(record.endColumn)))
    }

    /// True for block-level nodes.
    public var isBlock: Bool { tag.isBlock }

    /// What the node is, without its kind's payload: tests on it make no strings.
    var tag: MarkdownTree.Tag { tree.records[Int(index)].tag }

    /// The children of a node, in order.
    public struct Children: RandomAccessCollection, Sendable {
        let tree: MarkdownTree
        /// The index in the tree of the first child.
        let base: Int32
        public let count: Int

        init(tree: MarkdownTree, first: Int32, count: Int32) {
            self.tree = tree
            self.base = first
            self.count = Int(count)
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        public subscript(position: Int) -> MarkdownNode {
            precondition(position >= 0 && position < count, "child index out of range")
            return MarkdownNode(tree: tree, index: base + Int32(position))
        }
    }

    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool {
        if lhs.tree === rhs.tree && lhs.index == rhs.index { return true }
        // `literal` as a `String`, compared (and hashed) as the stored strings were.
        return lhs.kind == rhs.kind && lhs.literal == rhs.literal && lhs.range == rhs.range
            && lhs.children.elementsEqual(rhs.children)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(literal)
        hasher.combine(range)
        hasher.combine(children.count)
        for child in children { hasher.combine(child) }
    }

    /// The node's text with markup removed: soft breaks become spaces, hard breaks newlines,
    /// raw HTML is dropped, and blocks are separated by newlines.
    public var plainText: String {
        var out: [UInt8] = []
        tree.appendPlainText(of: index, to: &out, softBreak: UInt8(ascii: " "))
        return String(decoding: out, as: UTF8.self)
    }

    /// True when a `<br>` among the node's children breaks it into lines (a table cell's).
    var holdsBreakTag: Bool {
        children.contains { $0.tag == .htmlInline && MarkdownTree.isBreakTag($0.literalBytes) }
    }

    /// Like ``plainText`` but soft breaks stay line breaks, so the lines of a paragraph can be
    /// read one by one (timelines written as one time per line).
    public var plainTextLines: [Substring] {
        var bytes: [UInt8] = []
        tree.appendPlainText(of: index, to: &bytes, softBreak: UInt8(ascii: "\n"))
        let out = String(decoding: bytes, as: UTF8.self)
        return Self.lineRanges(of: out).map { Self.slice(out, $0) }
    }

    /// ``plainTextLines`` with where each line is in the source: from the start of its first
    /// text or code with a position to the end of its last; nil when none has one.
    ///
    /// The columns of a paragraph's later lines are where their text is in the source: the parser
    /// corrects cmark-gfm's (``MarkdownParser``, `correctContinuationColumns`).
    var plainTextLinesWithRanges: [(text: Substring, range: SourceRange?)] {
        var bytes: [UInt8] = []
        // Each literal's node and where its bytes went.
        var pieces: [(node: Int32, bytes: Range<Int>)] = []
        tree.appendPlainText(of: index, to: &bytes, softBreak: UInt8(ascii: "\n")) { pieces.append(($0, $1)) }
        // Lines and pieces are both in order: one pass over the pieces for all the lines.
        var next = 0
        let out = String(decoding: bytes, as: UTF8.self)
        return Self.lineRanges(of: out).map { lineBytes in
            let line = (text: Self.slice(out, lineBytes), bytes: lineBytes)
            while next < pieces.count, pieces[next].bytes.upperBound <= line.bytes.lowerBound { next += 1 }
            var first: SourceRange?, last: (range: SourceRange, bytes: Range<Int>)?
            var piece = next
            // A piece can run over into the next line (a `&#10;` in a text); it is that one's too.
            while piece < pieces.count, pieces[piece].bytes.lowerBound < line.bytes.upperBound {
                if let range = MarkdownNode(tree: tree, index: pieces[piece].node).range {
                    if first == nil { first = range }
                    last = (range, pieces[piece].bytes)
                }
                piece += 1
            }
            guard let first, var (end, lastBytes) = last else { return (line.text, nil) }
            // Without the spaces a text ends with before a comment (`tikcet: OPS-9 <!-- … -->`).
            if end.start.line == end.end.line, lastBytes.upperBound <= line.bytes.upperBound {
                while lastBytes.count > 1, bytes[lastBytes.upperBound - 1] == UInt8(ascii: " ") || bytes[lastBytes.upperBound - 1] == UInt8(ascii: "\t") {
                    lastBytes = lastBytes.lowerBound..<(lastBytes.upperBound - 1)
                    end.end.column = max(end.start.column, end.end.column - 1)
                }
            }
            return (line.text, SourceRange(start: first.start, end: end.end))
        }
    }

    /// Where the non-empty lines of `out` (plain text with line breaks) are, by byte offsets.
    private static func lineRanges(of out: String) -> [Range<Int>] {
        // "\n" is a Character of its own unless "\r" precedes it (a `&#13;` reference), so
        // without "\r" the split on bytes is the split on Characters, without grapheme breaking.
        guard !out.containsBytes(of: "\r") else {
            let utf8 = out.utf8
            return out.split(separator: "\n", omittingEmptySubsequences: true).map { line in
                utf8.distance(from: utf8.startIndex, to: line.startIndex)..<utf8.distance(from: utf8.startIndex, to: line.endIndex)
            }
        }
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
        return ranges
    }

    /// The bytes `range` of `out`, as a slice of it.
    private static func slice(_ out: String, _ range: Range<Int>) -> Substring {
        let utf8 = out.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }

    /// Appends ``plainText`` (with `softBreak` for soft breaks) to `out`.
    func appendPlainText(to out: inout String, softBreak: String) {
        guard softBreak.utf8.count == 1, let byte = softBreak.utf8.first else {
            preconditionFailure("a soft break is one byte")
        }
        var bytes = Array(out.utf8)
        tree.appendPlainText(of: index, to: &bytes, softBreak: byte)
        out = String(decoding: bytes, as: UTF8.self)
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

/// A whole parsed document as flat arrays: one record per node, each node's children next to
/// each other, and the text of every literal, link and code block info in one byte buffer.
/// Immutable once built.
final class MarkdownTree: Sendable {
    /// What a record is; the payload of ``MarkdownNode/Kind`` is in the record's other fields.
    enum Tag: UInt8 {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case table, tableRow, tableCell, footnoteDefinition
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough, link, image
        case footnoteReference, unsupported

        var isBlock: Bool { rawValue <= Tag.footnoteDefinition.rawValue }
    }

    /// One node, with no references, so the records array is freed in one step.
    struct Record {
        var tag: Tag = .document
        /// List: ordered (1) and tight (2); item: a task (1) that is checked (2); table row: header (1).
        var flags: UInt8 = 0
        /// Heading level, list start or table columns.
        var number: Int32 = 0
        var firstChild: Int32 = 0
        var childCount: Int32 = 0
        /// The literal, in ``MarkdownTree/bytes``.
        var literalStart: Int32 = 0
        var literalLength: Int32 = 0
        /// The kind's texts: a code block's info string, a link's or image's destination and
        /// title, an unsupported node's cmark-gfm type name.
        var secondStart: Int32 = 0
        var secondLength: Int32 = 0
        var thirdStart: Int32 = 0
        var thirdLength: Int32 = 0
        /// 0 when cmark-gfm reports no position.
        var startLine: Int32 = 0
        var startColumn: Int32 = 0
        var endLine: Int32 = 0
        var endColumn: Int32 = 0
    }

    let records: [Record]
    let bytes: [UInt8]

    init(records: [Record], bytes: [UInt8]) {
        self.records = records
        self.bytes = bytes
    }

    func text(_ start: Int32, _ length: Int32) -> String {
        String(decoding: bytes[Int(start)..<Int(start + length)], as: UTF8.self)
    }

    func kind(of index: Int32) -> MarkdownNode.Kind {
        let r = records[Int(index)]
        switch r.tag {
        case .document: return .document
        case .blockQuote: return .blockQuote
        case .list: return .list(ordered: r.flags & 1 != 0, start: Int(r.number), tight: r.flags & 2 != 0)
        case .item: return .item(task: r.flags & 1 != 0 ? r.flags & 2 != 0 : nil)
        case .codeBlock: return .codeBlock(info: text(r.secondStart, r.secondLength))
        case .htmlBlock: return .htmlBlock
        case .paragraph: return .paragraph
        case .heading: return .heading(level: Int(r.number))
        case .thematicBreak: return .thematicBreak
        case .table: return .table(columns: Int(r.number))
        case .tableRow: return .tableRow(isHeader: r.flags & 1 != 0)
        case .tableCell: return .tableCell
        case .footnoteDefinition: return .footnoteDefinition
        case .text: return .text
        case .softBreak: return .softBreak
        case .lineBreak: return .lineBreak
        case .code: return .code
        case .htmlInline: return .htmlInline
        case .emphasis: return .emphasis
        case .strong: return .strong
        case .strikethrough: return .strikethrough
        case .link: return .link(destination: text(r.secondStart, r.secondLength), title: text(r.thirdStart, r.thirdLength))
        case .image: return .image(source: text(r.secondStart, r.secondLength), title: text(r.thirdStart, r.thirdLength))
        case .footnoteReference: return .footnoteReference
        case .unsupported: return .unsupported(text(r.secondStart, r.secondLength))
        }
    }

    /// The plain text of node `index` (see ``MarkdownNode/plainText``), appended to `out`.
    /// `literals`, when given, is told of each literal appended: its node and its bytes in `out`.
    func appendPlainText(of index: Int32, to out: inout [UInt8], softBreak: UInt8,
                         literals: ((_ node: Int32, _ bytes: Range<Int>) -> Void)? = nil) {
        let r = records[Int(index)]
        switch r.tag {
        case .text, .code, .codeBlock:
            let start = out.count
            out.append(contentsOf: bytes[Int(r.literalStart)..<Int(r.literalStart + r.literalLength)])
            literals?(index, start..<out.count)
        case .softBreak:
            out.append(softBreak)
        case .lineBreak:
            out.append(UInt8(ascii: "\n"))
        case .htmlInline:
            // `<br>` breaks a line as a soft break does: it is how a table cell holds two lines
            // (`@dana.k<br>@li.w`, `14:15<br>14:20`), whose texts had run together.
            // (A space already before it stands for it.)
            if Self.isBreakTag(bytes[Int(r.literalStart)..<Int(r.literalStart + r.literalLength)]),
               !(softBreak == UInt8(ascii: " ") && out.last == UInt8(ascii: " ")) {
                out.append(softBreak)
            }
        case .htmlBlock:
            return
        default:
            appendChildren(of: r, to: &out, softBreak: softBreak, literals: literals)
        }
    }

    private func appendChildren(of r: Record, to out: inout [UInt8], softBreak: UInt8,
                                literals: ((_ node: Int32, _ bytes: Range<Int>) -> Void)?) {
        var first = true
        for child in r.firstChild..<(r.firstChild + r.childCount) {
            let tag = records[Int(child)].tag
            if tag.isBlock && !first && !out.isEmpty && !Self.endsWithNewline(out) { out.append(UInt8(ascii: "\n")) }
            if tag == .tableCell, !first { out.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "|"), UInt8(ascii: " ")]) }
            appendPlainText(of: child, to: &out, softBreak: softBreak, literals: literals)
            first = false
        }
    }

    /// True for `<br>`, `<br/>` and `<br />`, in any case.
    static func isBreakTag(_ tag: ArraySlice<UInt8>) -> Bool {
        var i = tag.startIndex
        func next(_ lower: UInt8, _ upper: UInt8) -> Bool {
            guard i < tag.endIndex, tag[i] == lower || tag[i] == upper else { return false }
            i += 1
            return true
        }
        guard next(UInt8(ascii: "<"), UInt8(ascii: "<")), next(UInt8(ascii: "b"), UInt8(ascii: "B")),
              next(UInt8(ascii: "r"), UInt8(ascii: "R")) else { return false }
        while i < tag.endIndex, tag[i] == UInt8(ascii: " ") || tag[i] == UInt8(ascii: "\t") { i += 1 }
        if i < tag.endIndex, tag[i] == UInt8(ascii: "/") { i += 1 }
        return i + 1 == tag.endIndex && tag[i] == UInt8(ascii: ">")
    }

    /// True when the last byte is a line feed that is not part of a "\r\n" grapheme (what
    /// `out.last == "\n"` tests on a `String`).
    @inline(__always)
    static func endsWithNewline(_ out: [UInt8]) -> Bool {
        guard let last = out.last, last == 10 else { return false }
        return out.count == 1 || out[out.count - 2] != 13
    }

    /// Builds a tree node by node. Each node's children take consecutive records, reserved when
    /// the node is added, so a node is its index and its children are a range.
    struct Builder {
        var records: [Record] = []
        var bytes: [UInt8] = []

        /// Reserves `count` consecutive records and returns the first one's index.
        mutating func reserve(_ count: Int) -> Int32 {
            let first = Int32(records.count)
            records.append(contentsOf: repeatElement(Record(), count: count))
            return first
        }

        mutating func setChildren(of index: Int32, first: Int32, count: Int) {
            records[Int(index)].firstChild = first
            records[Int(index)].childCount = Int32(count)
        }

        /// Appends `text` to the byte buffer and returns where it is.
        mutating func store<C: Collection>(_ text: C) -> (Int32, Int32) where C.Element == UInt8 {
            // Offsets are 32-bit. Documents are at most 32 MiB, but link references can repeat a
            // long destination many times; past 2 GiB of text a node keeps an empty one.
            guard text.count <= Int(Int32.max) - bytes.count else { return (Int32(bytes.count), 0) }
            let start = Int32(bytes.count)
            bytes.append(contentsOf: text)
            return (start, Int32(bytes.count) - start)
        }

        /// Fills record `index` from a kind, a literal and a range.
        mutating func add(_ kind: MarkdownNode.Kind, literal: [UInt8], range: SourceRange?, at index: Int32) {
            var r = Record()
            (r.literalStart, r.literalLength) = store(literal)
            switch kind {
            case .document: r.tag = .document
            case .blockQuote: r.tag = .blockQuote
            case .list(let ordered, let start, let tight):
                r.tag = .list
                r.flags = (ordered ? 1 : 0) | (tight ? 2 : 0)
                r.number = Int32(clamping: start)
            case .item(let task):
                r.tag = .item
                r.flags = task.map { $0 ? 3 : 1 } ?? 0
            case .codeBlock(let info):
                r.tag = .codeBlock
                (r.secondStart, r.secondLength) = store(info.utf8)
            case .htmlBlock: r.tag = .htmlBlock
            case .paragraph: r.tag = .paragraph
            case .heading(let level):
                r.tag = .heading
                r.number = Int32(clamping: level)
            case .thematicBreak: r.tag = .thematicBreak
            case .table(let columns):
                r.tag = .table
                r.number = Int32(clamping: columns)
            case .tableRow(let isHeader):
                r.tag = .tableRow
                r.flags = isHeader ? 1 : 0
            case .tableCell: r.tag = .tableCell
            case .footnoteDefinition: r.tag = .footnoteDefinition
            case .text: r.tag = .text
            case .softBreak: r.tag = .softBreak
            case .lineBreak: r.tag = .lineBreak
            case .code: r.tag = .code
            case .htmlInline: r.tag = .htmlInline
            case .emphasis: r.tag = .emphasis
            case .strong: r.tag = .strong
            case .strikethrough: r.tag = .strikethrough
            case .link(let destination, let title), .image(let destination, let title):
                if case .link = kind { r.tag = .link } else { r.tag = .image }
                (r.secondStart, r.secondLength) = store(destination.utf8)
                (r.thirdStart, r.thirdLength) = store(title.utf8)
            case .footnoteReference: r.tag = .footnoteReference
            case .unsupported(let name):
                r.tag = .unsupported
                (r.secondStart, r.secondLength) = store(name.utf8)
            }
            if let range {
                r.startLine = Int32(clamping: range.start.line)
                r.startColumn = Int32(clamping: range.start.column)
                r.endLine = Int32(clamping: range.end.line)
                r.endColumn = Int32(clamping: range.end.column)
            }
            records[Int(index)] = r
        }

        /// Copies `node` and its descendants into record `index` and new records.
        mutating func copy(_ node: MarkdownNode, to index: Int32) {
            add(node.kind, literal: Array(node.literalBytes), range: node.range, at: index)
            let children = node.children
            let first = reserve(children.count)
            setChildren(of: index, first: first, count: children.count)
            for (offset, child) in children.enumerated() { copy(child, to: first + Int32(offset)) }
        }

        func finish() -> MarkdownTree { MarkdownTree(records: records, bytes: bytes) }
    }
}
