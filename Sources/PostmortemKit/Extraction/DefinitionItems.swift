/// List items that Markdown reads as link reference definitions: `- [14:06]: Mitigated`,
/// `- [ ] [OPS-2]: Fix the alert`. CommonMark takes `[label]: destination "title"` at the start
/// of a paragraph for a definition, so the item renders as an empty bullet on GitHub, and pm's
/// tree has no text for it: a timeline entry or follow-up action is lost without a word. Only a
/// one-word rest, or one followed by a quoted or parenthesised title, makes a definition
/// (`[14:02]: Alert fires` does not), which is why a timeline loses some entries and not others.
enum DefinitionItems {
    /// A P022 problem at the `[` of each such item: an item whose first line left no node in the
    /// tree, and whose text after the list marker (and a task box) starts `[…]:`. `markdown` is
    /// the text the tree was parsed from.
    static func problems(in document: MarkdownNode, markdown: String) -> [Problem] {
        let records = document.tree.records
        var candidates: [(line: Int, column: Int, paragraph: Int32?)] = []
        for record in records where record.tag == .item && record.startLine > 0 {
            // The item's first line holds no block: its paragraph starts later, or there is none.
            // Or its paragraph starts there: a definition followed by a line of text is a
            // paragraph of that text, which cmark-gfm places from the item's first line on.
            if record.childCount > 0, records[Int(record.firstChild)].startLine <= record.startLine {
                guard records[Int(record.firstChild)].tag == .paragraph else { continue }
                candidates.append((Int(record.startLine), Int(record.startColumn), record.firstChild))
                continue
            }
            candidates.append((Int(record.startLine), Int(record.startColumn), nil))
        }
        // Only a `]:` can start a definition.
        guard candidates.contains(where: { $0.paragraph == nil }) || !candidates.isEmpty && markdown.containsBytes(of: "]:") else { return [] }
        let lines = markdown.utf8.split(separator: 10, omittingEmptySubsequences: false)
        var result: [Problem] = []
        for (line, column, paragraph) in candidates where line <= lines.count {
            let bytes = Array(lines[line - 1])
            guard let (open, close) = definitionStart(bytes, from: column - 1) else { continue }
            // The paragraph on the definition's line starts with the text after it, not with `[`
            // as the line does when it is no definition (`- [14:02]: Alert fires`).
            if let paragraph {
                var text: [UInt8] = []
                document.tree.appendPlainText(of: paragraph, to: &text, softBreak: 10)
                guard let first = text.first(where: { $0 != 32 && $0 != 9 }), first != UInt8(ascii: "[") else { continue }
            }
            // A footnote (`[^1]: …`) is GFM's own, not a link definition.
            guard bytes[open + 1] != UInt8(ascii: "^") else { continue }
            let range = SourceRange(start: SourceLocation(line: line, column: open + 1),
                                    end: SourceLocation(line: line, column: max(open + 1, bytes.count)))
            let destination = String(decoding: bytes[(close + 2)...], as: UTF8.self).trimmingWhitespace()
            if isLink(destination) {
                // A definition meant as one, in a list: it works, and leaves an empty bullet.
                result.append(Problem(.definitionItem,
                    "this list item \(paragraph == nil ? "is" : "starts with") a link reference definition, which Markdown shows as \(paragraph == nil ? "an empty bullet" : "nothing"); write the definition on a line of its own, without the list marker",
                    at: range))
                continue
            }
            // A long label is not repeated in the message.
            let label = close - open <= 40 ? "`" + String(decoding: bytes[open...close], as: UTF8.self) + "`" : "the brackets"
            result.append(Problem(.definitionItem,
                paragraph == nil
                    ? "Markdown reads this list item as a link reference definition (`[…]:` and one word or a title after it), so it renders as an empty bullet and pm reads nothing from it; drop the colon after \(label), or the brackets"
                    : "Markdown reads this list item's first line as a link reference definition (`[…]:` and one word or a title after it), so the line is not shown and pm reads only the lines after it; drop the colon after \(label), or the brackets",
                at: range))
        }
        return result
    }

    /// True when a definition's destination is a link: a URL, a path or an anchor.
    static func isLink(_ destination: String) -> Bool {
        let target = destination.hasPrefix("<") ? String(destination.dropFirst()) : destination
        return target.contains("://") || target.hasPrefix("/") || target.hasPrefix("#") || target.hasPrefix("./")
            || target.hasPrefix("../") || target.hasPrefix("mailto:")
    }

    /// The offsets of `[` and of the `]` before `:` when `line`, from the list marker at `start`,
    /// is a marker, spaces, an optional task box and `[label]:`.
    static func definitionStart(_ line: [UInt8], from start: Int) -> (Int, Int)? {
        var i = max(0, start)
        func skipSpaces() { while i < line.count, line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") { i += 1 } }
        skipSpaces()
        guard i < line.count else { return nil }
        if line[i] == UInt8(ascii: "-") || line[i] == UInt8(ascii: "*") || line[i] == UInt8(ascii: "+") {
            i += 1
        } else {
            let digits = i
            while i < line.count, line[i] >= UInt8(ascii: "0"), line[i] <= UInt8(ascii: "9") { i += 1 }
            guard i > digits, i < line.count, line[i] == UInt8(ascii: ".") || line[i] == UInt8(ascii: ")") else { return nil }
            i += 1
        }
        skipSpaces()
        // A task box: `[ ]`, `[x]`, `[X]` and a space after it.
        if i + 3 < line.count, line[i] == UInt8(ascii: "["), line[i + 2] == UInt8(ascii: "]"),
           [UInt8(ascii: " "), UInt8(ascii: "x"), UInt8(ascii: "X")].contains(line[i + 1]),
           line[i + 3] == UInt8(ascii: " ") || line[i + 3] == UInt8(ascii: "\t") {
            i += 3
            skipSpaces()
        }
        guard i < line.count, line[i] == UInt8(ascii: "[") else { return nil }
        var j = i + 1
        while j < line.count, line[j] != UInt8(ascii: "]") {
            if line[j] == UInt8(ascii: "\\") { j += 1 }
            j += 1
        }
        guard j + 1 < line.count, line[j] == UInt8(ascii: "]"), line[j + 1] == UInt8(ascii: ":"), j > i + 1 else { return nil }
        return (i, j)
    }
}
