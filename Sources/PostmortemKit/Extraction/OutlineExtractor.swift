/// Fills the Markdown-derived fields of a ``Postmortem`` from its ``Outline``.
enum OutlineExtractor {
    static func fill(_ postmortem: inout Postmortem, outline: Outline, options: ReadOptions) {
        for index in outline.entries.indices {
            let entry = outline.entries[index]
            let subtree = outline.subtree(index)
            let hasContent = subtree.contains { i in
                (i != index && !outline.entries[i].blocks.isEmpty) || (i == index && entry.blocks.contains(where: isContent))
            }
            postmortem.sections.append(Section(title: entry.title, level: entry.level, kind: entry.kind,
                                               range: outline.range(of: index), isEmpty: !hasContent))
        }
        if postmortem.title == nil {
            if let h1 = outline.entries.first(where: { $0.level == 1 && !$0.isPseudo }) {
                postmortem.title = h1.title
            } else if let first = outline.entries.first(where: { !$0.isPseudo }) {
                postmortem.title = first.title
            }
        }
        postmortem.summary = summary(outline)
        postmortem.timeline = TimelineExtractor.events(in: outline, postmortem: postmortem, options: options,
                                                       problems: &postmortem.problems)
        postmortem.factors = FactorExtractor.factors(in: outline, categoryIDs: options.categoryIDs, labels: options.categoryLabels)
        postmortem.actions = ActionExtractor.actions(in: outline, started: postmortem.started?.localDate, problems: &postmortem.problems)
        postmortem.lessons = lessons(outline)
        var links: [DocumentLink] = []
        collectLinks(outline.preamble + outline.entries.flatMap(\.blocks), blockRange: nil, into: &links)
        postmortem.links = links
    }

    /// Blocks that count as content: not HTML comments.
    static func isContent(_ block: MarkdownNode) -> Bool {
        if case .htmlBlock = block.kind {
            return !block.literal.trimmingWhitespaceAndNewlines().hasPrefix("<!--")
        }
        return true
    }

    static func summary(_ outline: Outline) -> String? {
        guard let index = outline.indices(of: [.summary]).first else {
            // No Summary section: the first paragraph before or under the title.
            let firstBlocks = outline.entries.first.map { $0.level == 1 ? $0.blocks : [] } ?? []
            let paragraph = (outline.preamble + firstBlocks).first { if case .paragraph = $0.kind { return true }; return false }
            return paragraph?.plainText.trimmingWhitespaceAndNewlines()
        }
        let blocks = outline.entries[index].blocks
        let text = blocks.filter(isContent).map(\.plainText).joined(separator: "\n\n")
            .trimmingWhitespaceAndNewlines()
        return text.isEmpty ? nil : text
    }

    static func lessons(_ outline: Outline) -> Lessons {
        var lessons = Lessons()
        for index in outline.entries.indices {
            let entry = outline.entries[index]
            // Only the lesson sections' items are read (reading every section's was 3% of a lint run).
            // Tasks in a lessons section are its actions (``ActionExtractor``).
            let items = { BlockItems.items(in: entry.blocks).filter { !$0.node.isTaskItem }.map { Lesson(text: $0.text, range: $0.range) } }
            switch entry.kind {
            case .wentWell: lessons.wentWell += items()
            case .wentWrong: lessons.wentWrong += items()
            case .lucky: lessons.lucky += items()
            case .lessons: lessons.other += items()
            default: break
            }
        }
        return lessons
    }

    static func collectLinks<Nodes: Sequence<MarkdownNode>>(_ nodes: Nodes, blockRange: SourceRange?, into links: inout [DocumentLink]) {
        for node in nodes {
            let tag = node.tag
            let range = tag.isBlock ? (node.range ?? blockRange) : blockRange
            if tag == .link, case .link(let destination, _) = node.kind {
                links.append(DocumentLink(destination: destination, range: node.range ?? range))
            }
            collectLinks(node.children, blockRange: range, into: &links)
        }
    }
}

/// Items of a section's content: each top-level list item, table row or paragraph becomes one
/// item, which is how factors and lessons are written in practice.
enum BlockItems {
    struct Item {
        var text: String
        var range: SourceRange
        /// The first paragraph's inline nodes, for labels.
        var lead: MarkdownNode?
        var node: MarkdownNode
        /// For a table row, the cell under a title that names a category ("Category", "Type",
        /// "Cause"), if the table has one.
        var categoryColumn: Int? = nil

    }

    /// Column titles that hold a factor's category.
    static let categoryTitles: Set<String> = ["category", "categories", "type", "cause", "cause type", "cause category", "kind",
                                              "area", "factor type", "classification"]

    /// A paragraph of nothing but images (`![CPU graph](cpu.png)`): a figure, not an item.
    /// A linked image (`[![graph](a.png)](url)`) is one too, and so is an image with an emphasised
    /// caption on its next line (`*Figure 2: p99 latency*`).
    static func isFigure(_ paragraph: MarkdownNode) -> Bool {
        var image = false
        for child in paragraph.children {
            switch child.kind {
            case .image: image = true
            case .link where child.children.contains(where: { if case .image = $0.kind { return true }; return false })
                && child.children.allSatisfy({ if case .image = $0.kind { return true }; return $0.plainText.trimmingWhitespace().isEmpty }):
                image = true
            case .softBreak, .lineBreak: continue
            case .text where child.literal.trimmingWhitespace().isEmpty: continue
            case .emphasis where image: continue
            default: return false
            }
        }
        return image
    }

    /// A paragraph of nothing but emphasised text right after a figure, of at most twenty words,
    /// that starts as captions do (``captionWords`` with a number, or a colon or dash in the first
    /// five words; ``nounCaptionWords`` only as `Source:`, `Table 2:`, `Table 2.`, `Image 3 –`): the figure's
    /// caption, written as a paragraph of its own (`*Figure 2: p99 latency during the failover*`
    /// after a blank line, `_Source: Grafana_`). An emphasised sentence after a figure ("_Retries
    /// had no jitter._", "_Image pulls were throttled._") is an item.
    static func isCaption(_ paragraph: MarkdownNode, after previous: MarkdownNode?) -> Bool {
        guard let previous, previous.kind == .paragraph, isFigure(previous) else { return false }
        let parts = paragraph.children.filter { !($0.kind == .text && $0.literal.trimmingWhitespace().isEmpty) }
        guard !parts.isEmpty, parts.allSatisfy({ $0.kind == .emphasis || $0.kind == .strong }) else { return false }
        let words = paragraph.plainText.split(separator: " ")
        guard words.count <= 20, let first = words.first, case let word = first.lowercased().filter(\.isLetter),
              captionWords.contains(word) || nounCaptionWords.contains(word) else { return false }
        func isDash(_ w: Substring) -> Bool { ["-", "\u{2013}", "\u{2014}"].contains(w) }
        let numbered = words.count > 1 && words[1].first?.isNumber == true
        // `Source: Grafana`, `Table 2: hosts`, `Fig. 2. CPU`, `Image 3 – the base layer`.
        if first.hasSuffix(":") || numbered && (words[1].hasSuffix(":") || words[1].hasSuffix(".") || words.count > 2 && isDash(words[2])) {
            return true
        }
        // `Figure 10 Error rate by minute`, `Figures 5 and 6: heap`, `Screenshot 7 of the
        // dashboard`; but "Chart 3.1.4 of ingress-nginx changed the default", "Image pulls
        // failed: the registry throttled us" and "Source of the outage: a bad push" are prose.
        return captionWords.contains(word) && (numbered || words.prefix(5).contains { $0.hasSuffix(":") || isDash($0) })
    }

    /// The words a caption starts with, and the nouns that start one only before a colon or a
    /// dash (a Helm chart, a container image, a table, a source are written about in prose).
    static let captionWords: Set<String> = ["figure", "figures", "fig", "graph", "screenshot", "diagram", "photo"]
    static let nounCaptionWords: Set<String> = ["image", "chart", "source", "table"]

    static func items(in blocks: [MarkdownNode]) -> [Item] {
        var result: [Item] = []
        for (index, block) in blocks.enumerated() {
            switch block.kind {
            case .list:
                for item in block.children {
                    let text = item.plainText.trimmingWhitespaceAndNewlines()
                    guard !text.isEmpty else { continue }
                    result.append(Item(text: text, range: item.range ?? block.range ?? SourceRange(line: 1),
                                       lead: item.children.first, node: item))
                }
            case .paragraph:
                let text = block.plainText.trimmingWhitespaceAndNewlines()
                guard !text.isEmpty, !isFigure(block), !isCaption(block, after: index > 0 ? blocks[index - 1] : nil) else { continue }
                // "As a result, three things happened:" over a list introduces its items, and is
                // none of them. A longer one says more than that ("While we consider the lack of
                // least privilege the biggest factor, there were a number of factors that …:").
                if text.hasSuffix(":"), index + 1 < blocks.count, blocks[index + 1].tag == .list || blocks[index + 1].tag == .table,
                   text.split(separator: " ").count <= 10, !text.containsBytes(of: ". ") { continue }
                result.append(Item(text: text, range: block.range ?? SourceRange(line: 1), lead: block, node: block))
            case .table:
                let header = block.children.first { if case .tableRow(true) = $0.kind { return true }; return false }
                let categoryColumn = header?.children.firstIndex { categoryTitles.contains(SectionTitles.normalise($0.plainText)) }
                for row in block.children {
                    if case .tableRow(true) = row.kind { continue }
                    let cells = row.children.map { $0.plainText.trimmingWhitespace() }.filter { !$0.isEmpty }
                    guard !cells.isEmpty else { continue }
                    result.append(Item(text: cells.joined(separator: " — "), range: row.range ?? SourceRange(line: 1),
                                       lead: row.children.first, node: row, categoryColumn: categoryColumn))
                }
            default:
                continue
            }
        }
        return result
    }
}
