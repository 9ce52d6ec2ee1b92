/// PM011: template placeholders were replaced with real content.
public struct PlaceholderRule: LintRule {
    public static let description = RuleDescription(
        id: "PM011", alias: "template-placeholder", name: "Template placeholder left in",
        summary: "No `TODO`, `TBD`, `<describe …>` prompt, `{{field}}`, `YYYY-MM-DD`, `HH:MM`, `@handle` or `OPS-000` is left in the document.",
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

    public func check(_ context: LintContext) -> [Violation] {
        var result: [Violation] = []
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
