/// PM011: template placeholders were replaced with real content.
public struct PlaceholderRule: LintRule {
    public static let description = RuleDescription(
        id: "PM011", alias: "template-placeholder", name: "Template placeholder left in",
        summary: "No `TODO`, `TBD`, `<describe …>` prompt, `{{field}}`, `YYYY-MM-DD`, `HH:MM`, `@handle` or `OPS-000` is left in the document (a `TODO` that ends an action's Status or Ticket cell is its state).",
        rationale: "A published postmortem with template prompts in it tells readers the analysis was not finished.",
        category: .structure, defaultSeverity: .error,
        options: [RuleOption("markers", default: "[TODO, TBD, TBC, FIXME, XXX]", help: "Words (matched case-sensitively, as whole words) that mark unfinished text.")],
        triggeringExamples: [
            RuleExamples.document(sections: ["Impact": "↓TBD once the billing export is in."]),
            RuleExamples.document(sections: ["Summary": "↓<In three sentences: what happened and how it was mitigated.>"]),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] Add a canary stage to config pushes (owner: ↓@handle, due: 2026-12-28, ticket: ↓OPS-000)"]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(sections: ["Impact": "The <abbr title=\"Service Level Objective\">SLO</abbr> was hit: 35% of requests failed. `TODO` comments in code are fine."]),
            RuleExamples.document(sections: ["Follow-up actions": "| Action | Owner | Due | Bug |\n|---|---|---|---|\n| Add a canary stage to config pushes | @li.w | 2026-12-28 | OPS-4127 TODO |"]),
        ],
        skipsTemplates: true
    )

    let markers: Set<String>

    public init(options: RuleOptions) throws(ConfigurationError) {
        markers = Set(try options.strings("markers", default: ["TODO", "TBD", "TBC", "FIXME", "XXX"]))
        markerBytes = markers.sorted().map { Array($0.utf8) }
    }

    /// The UTF-8 bytes of each marker.
    let markerBytes: [[UInt8]]

    /// Literal placeholders the bundled templates use.
    static let literals = ["YYYY-MM-DD", "HH:MM", "@handle", "OPS-000"]
    static let closingBraces = Array("}}".utf8)
    /// ``literals`` with their UTF-8 bytes, searched for on the line's bytes.
    static let literalBytes = literals.map { ($0, Array($0.utf8)) }

    /// HTML tag names that are real markup, not prompts.
    static let htmlTags = ProseText.htmlTags

    /// The most bytes a `{{…}}` or `<…>` placeholder spans, its brackets included.
    static let longestPlaceholder = 256

    /// True when `TODO` from `start` to `end` on line `number`, an action's table row, ends a cell
    /// of a Status or Ticket column (`| Bug 5554826 TODO |`, as the Google SRE book's Action
    /// Items table writes a state; `| TODO |` under Status): the action's state, not text left
    /// unfinished. The header is the first of the rows above the action's, up to a line without
    /// a `|`.
    static func isStateCell(_ lines: [[UInt8]], line number: Int, _ start: Int, _ end: Int) -> Bool {
        let bytes = lines[number - 1]
        let cells = TableShapeRule.cellRanges(bytes, from: 0)
        // The cell the word ends: nothing but spaces after it in the cell; not the first (the action).
        guard let index = cells.firstIndex(where: { $0.contains(start) }), index >= 1,
              bytes[end..<cells[index].upperBound].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else { return false }
        // Rows of a table written with or without outer pipes all hold one.
        var header = number - 1
        while header >= 1, lines[header - 1].contains(UInt8(ascii: "|")) { header -= 1 }
        // `header` is now the line above the table; its first line is the header row.
        let row = lines[header]
        let titles = TableShapeRule.cellRanges(row, from: 0)
        guard header + 1 < number, index < titles.count,
              let column = ActionExtractor.column(for: String(decoding: row[titles[index]], as: UTF8.self)) else { return false }
        // A ticket cell holds a ticket before its state (`Bug 5554826 TODO`); `TODO` alone there
        // is a ticket left to fill in.
        if column == "ticket" { return ActionExtractor.ticketAndStatus(String(decoding: bytes[cells[index]], as: UTF8.self).trimmingWhitespace()) != nil }
        return column == "status"
    }

    public func check(_ context: LintContext) -> [Violation] {
        var result: [Violation] = []
        // The lines of actions written as table rows, where `TODO` at the end of a cell is a state.
        let actionRows = Set(context.postmortem.actions.compactMap { $0.range.start.line == $0.range.end.line ? $0.range.start.line : nil })
        let frontMatterLines = context.postmortem.frontMatter.range.map { $0.start.line...$0.end.line }
        for number in 1...max(1, context.text.lines.count) {
            guard let bytes = frontMatterLines?.contains(number) == true ? context.text.lines[number - 1] : context.text.withoutCode(line: number) else { continue }
            guard !bytes.isEmpty else { continue }
            func add(_ start: Int, _ end: Int, _ what: String) {
                result.append(Violation("template placeholder left in: \(what)",
                                        at: SourceRange(start: SourceLocation(line: number, column: start + 1),
                                                        end: SourceLocation(line: number, column: max(start + 1, end))),
                                        suggestion: "replace it with the real content, or delete it"))
            }
            // A marker is a whole word as written, so a line without its bytes cannot hold it.
            if markerBytes.contains(where: { ByteSearch.firstIndex(of: $0, in: bytes, from: 0) != nil }) {
                for word in ProseWord.words(in: bytes) {
                    if markers.contains(word.original) {
                        if word.original == "TODO", actionRows.contains(number), Self.isStateCell(context.text.lines, line: number, word.start, word.end) { continue }
                        add(word.start, word.end, "`\(word.original)`")
                        continue
                    }
                    // `_TBD_` and `__TODO__`: underscores of emphasis are part of the word as split.
                    guard word.original.utf8.first == UInt8(ascii: "_") || word.original.utf8.last == UInt8(ascii: "_") else { continue }
                    let leading = word.original.utf8.prefix { $0 == UInt8(ascii: "_") }.count
                    let inner = word.original.utf8.dropFirst(leading).reversed().drop { $0 == UInt8(ascii: "_") }
                    let marker = String(decoding: inner.reversed(), as: UTF8.self)
                    if markers.contains(marker) { add(word.start + leading, word.start + leading + marker.utf8.count, "`\(marker)`") }
                }
            }
            for (literal, needle) in Self.literalBytes {
                var from = 0
                while let start = ByteSearch.firstIndex(of: needle, in: bytes, from: from) {
                    let end = start + needle.count
                    let before = start == 0 ? UInt8(ascii: " ") : bytes[start - 1]
                    let after = end >= bytes.count ? UInt8(ascii: " ") : bytes[end]
                    if !ProseText.isWordByte(before) && !ProseText.isHandleByte(after) || (after == UInt8(ascii: ".") && (end + 1 >= bytes.count || !ProseText.isWordByte(bytes[end + 1]))) {
                        add(start, end, "`\(literal)`")
                    }
                    from = end
                }
            }
            // `{{field}}` and `<prompt text>`: most lines have neither `{` nor `<`.
            let opens = ByteSearch.contains(UInt8(ascii: "{"), in: bytes) || ByteSearch.contains(UInt8(ascii: "<"), in: bytes)
            var i = opens ? 0 : bytes.count
            while i < bytes.count {
                // A placeholder closes within ``longestPlaceholder`` bytes: searching to the end of
                // the line from every opener made a line of unclosed `<a` quadratic.
                let end = min(bytes.count, i + Self.longestPlaceholder)
                if bytes[i] == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{"),
                   let close = ByteSearch.firstIndex(of: Self.closingBraces, in: Array(bytes[(i + 2)..<max(i + 2, end)]), from: 0).map({ $0 + i + 2 }) {
                    add(i, close + 2, "`\(String(decoding: bytes[i..<(close + 2)], as: UTF8.self))`")
                    i = close + 2
                    continue
                }
                if bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, ProseText.isLetter(bytes[i + 1]),
                   let close = bytes[(i + 1)..<max(i + 1, end)].firstIndex(of: UInt8(ascii: ">")) {
                    let inner = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                    let name = inner.prefix { $0.isLetter || $0.isNumber }.lowercased()
                    // A link's destination in angle brackets, as CommonMark writes one with spaces
                    // (`[runbook](<runbooks/checkout pool.md>)`, `[runbook]: <runbooks/a b.md>` at
                    // the start of a line), when it reads as a path: a `/`, `.` or `#` in it.
                    // `[checkout](<link to the dashboard>)` is a placeholder all the same.
                    let afterLinkText = i >= 2 && bytes[i - 1] == UInt8(ascii: "(") && bytes[i - 2] == UInt8(ascii: "]")
                    let afterDefinition = i >= 3 && bytes[i - 1] == UInt8(ascii: " ") && bytes[i - 2] == UInt8(ascii: ":") && bytes[i - 3] == UInt8(ascii: "]")
                        && (bytes[..<(i - 3)].firstIndex(of: UInt8(ascii: "[")).map { bytes[..<$0].allSatisfy { $0 == UInt8(ascii: " ") } } ?? false)
                    let isDestination = (afterLinkText || afterDefinition) && inner.contains { $0 == "/" || $0 == "." || $0 == "#" }
                    let isTag = Self.htmlTags.contains(name) || inner.contains("=") || inner.hasPrefix("http") || inner.contains("@") && !inner.contains(" ")
                        || isDestination
                    if !isTag && inner.contains(" ") {
                        let shown = inner.count > 40 ? String(inner.prefix(40)) + "…" : inner
                        add(i, close + 1, "`<\(shown)>`")
                        i = close + 1
                        continue
                    }
                }
                i += 1
            }
        }
        return result
    }
}
