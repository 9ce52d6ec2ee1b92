/// The document cut into sections at its headings, the shape every extractor reads.
///
/// A paragraph that is only a known section title ("Action Items", "**Follow-ups:**") also
/// starts a section, one level below the section it appears in: many real postmortems use
/// such pseudo-headings.
struct Outline {
    struct Entry {
        var title: String
        var level: Int
        var kind: SectionKind?
        var headingRange: SourceRange
        /// Blocks after the heading up to the next heading of any level.
        var blocks: [MarkdownNode]
        var isPseudo: Bool
    }

    /// Blocks before the first heading.
    var preamble: [MarkdownNode] = []
    var entries: [Entry] = []
    /// The last line of the document.
    var lastLine = 1

    init(document: MarkdownNode) {
        // A pseudo-heading with nothing after it before the next heading (or the end) heads
        // nothing: it stays the paragraph it is. "TODO:" or "**TODO**" alone in a section had
        // become a section of actions of its own, and left its section empty (PM010).
        var pending: (block: MarkdownNode, title: String, kind: SectionKind)? = nil
        func append(_ block: MarkdownNode) {
            if entries.isEmpty { preamble.append(block) } else { entries[entries.count - 1].blocks.append(block) }
        }
        func flush(headsContent: Bool) {
            guard let (block, title, kind) = pending else { return }
            pending = nil
            guard headsContent else { return append(block) }
            let level = min(6, (entries.last?.level ?? 1) + 1)
            // A pseudo-heading at the same depth as the previous pseudo-heading is its sibling.
            let siblingLevel = entries.last.map { $0.isPseudo ? $0.level : level } ?? level
            entries.append(Entry(title: title, level: siblingLevel, kind: kind,
                                 headingRange: block.range ?? SourceRange(line: 1), blocks: [], isPseudo: true))
        }
        for block in document.children {
            if let end = block.range?.end.line { lastLine = max(lastLine, end) }
            // cmark-gfm gathers footnote definitions at the end of the document, wherever they
            // were written: they belong to no section.
            if block.tag == .footnoteDefinition { continue }
            flush(headsContent: block.tag != .heading)
            if block.tag == .heading, case .heading(let level) = block.kind {
                let title = block.plainText.trimmingWhitespace()
                entries.append(Entry(title: title, level: level, kind: SectionTitles.kind(of: title),
                                     headingRange: block.range ?? SourceRange(line: 1), blocks: [], isPseudo: false))
                continue
            }
            if block.tag == .paragraph, let pseudo = Outline.pseudoHeading(block) {
                pending = (block, pseudo.title, pseudo.kind)
                continue
            }
            append(block)
        }
        flush(headsContent: false)
        keepTimelineSubsections()
    }

    /// Headings under a timeline that are times (`### 09:30 — Root cause identified`), or whose
    /// content is timed entries (`### Detection`, `### Follow-up` over `- 18:00 Incident
    /// closed`), are parts of the timeline, not sections of the kind their words name: they had
    /// taken its entries, made them factors and actions, and left the timeline empty.
    private mutating func keepTimelineSubsections() {
        var i = 0
        while i < entries.count {
            guard entries[i].kind == .timeline else { i += 1; continue }
            let tree = subtree(i)
            for j in tree.dropFirst() where entries[j].kind != nil && entries[j].kind != .timeline {
                // A section of actions or lessons only when every item is a timed entry and none is
                // a task (`- [ ] 14:00 deploys must go through the canary` is an action).
                let strict = entries[j].kind.map { $0 == .actions || SectionKind.lessonKinds.contains($0) } ?? false
                if TimeExpression.leading(entries[j].title).map({ !$0.inProse }) ?? false
                    || entries[j].blocks.contains(where: { TimelineExtractor.hasClockEntries($0, all: strict) }) {
                    entries[j].kind = nil
                }
            }
            i = tree.upperBound
        }
    }

    static func pseudoHeading(_ paragraph: MarkdownNode) -> (title: String, kind: SectionKind)? {
        guard let range = paragraph.range, range.start.line == range.end.line else { return nil }
        let text = paragraph.plainText.trimmingWhitespace()
        // At most 48 characters; the byte count decides it without counting graphemes nearly always.
        guard text.utf8.count <= 48 || text.dropFirst(48).isEmpty, text.hasSuffix(":") || paragraph.children.allSatisfy({
            if case .strong = $0.kind { return true }
            if case .text = $0.kind { return true }
            return false
        }) else { return nil }
        // "TODO" alone in a section is the placeholder PM011 reports, not a heading of actions
        // (the section had become empty, a PM010 error on templates that TBD did not get).
        if text == "TODO", paragraph.children.allSatisfy({ if case .text = $0.kind { return true }; return false }) { return nil }
        let title = text.hasSuffix(":") ? String(text.dropLast()) : text
        // Only an exact known title counts; "Summary of the call" is a sentence, not a heading.
        // A note in parentheses after it is the title's (`**Timeline (UTC):**`, as documents
        // exported from Google Docs write headings).
        var bare = title[...]
        if let (head, _) = bare.splittingTrailingNote() { bare = head }
        let normalised = SectionTitles.normalise(String(bare))
        guard let kind = SectionTitles.kind(normalised: normalised),
              SectionTitles.isExactName(normalised, of: kind) else { return nil }
        return (title, kind)
    }

    /// Indices of `index` and the sections nested under it.
    func subtree(_ index: Int) -> Range<Int> {
        let level = entries[index].level
        var end = index + 1
        while end < entries.count, entries[end].level > level { end += 1 }
        return index..<end
    }

    /// The range from the heading to the end of the last block of the subtree.
    func range(of index: Int) -> SourceRange {
        let tree = subtree(index)
        var end = entries[index].headingRange.end
        for i in tree {
            if let last = entries[i].blocks.last?.range?.end, last > end { end = last }
            if entries[i].headingRange.end > end { end = entries[i].headingRange.end }
        }
        return SourceRange(start: entries[index].headingRange.start, end: end)
    }

    /// Indices of sections of a kind, outermost first: a matching section nested in another
    /// matching section is not listed again.
    func indices(of kinds: Set<SectionKind>) -> [Int] {
        var result: [Int] = []
        var i = 0
        while i < entries.count {
            if let kind = entries[i].kind, kinds.contains(kind) {
                result.append(i)
                i = subtree(i).upperBound
            } else {
                i += 1
            }
        }
        return result
    }
}
