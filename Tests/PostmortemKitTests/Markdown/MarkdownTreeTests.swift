import Foundation
import Testing
@testable import PostmortemKit

/// The flat tree behind ``MarkdownNode``: children in order and in place, the depth limit, plain
/// text as the node-by-node version wrote it, and equality by structure.
@Suite struct MarkdownTreeTests {
    /// Markdown with every kind of node pm reads, and the real and bundled postmortems.
    static let documents: [String] = {
        var texts = [
            """
            ---
            title: x
            ---
            # Title with `code` and [a link](https://example.com "t")

            Para *em* **strong** ~~struck~~ <span>html</span> ![img](a.png)\\
            hard break, soft
            break. Footnote[^1].

            > quoted
            > - list in quote

            1. one
            2. two
               - [ ] open task
               - [x] done task

            | a | b |
            |---|---|
            | `c` | **d** |

            ```swift
            let x = 1
            ```

            <div>block html</div>

            ---

            [^1]: The footnote.
            """,
            "",
            "plain",
            "- \n- item\n\n  continued\n",
            "Café ☕\n日本 line&#13;\nlast",
        ]
        for directory in [realDevCorpus, packageRoot.appendingPathComponent("postmortems")] {
            for path in markdownFiles(in: directory) {
                if let text = try? String(contentsOfFile: path, encoding: .utf8) { texts.append(text) }
            }
        }
        return texts
    }()

    /// Every node of `node`'s subtree with its depth (the root's is 0).
    static func nodes(_ node: MarkdownNode, depth: Int = 0) -> [(MarkdownNode, Int)] {
        [(node, depth)] + node.children.flatMap { nodes($0, depth: depth + 1) }
    }

    /// Plain text as ``MarkdownNode`` wrote it when every node held its own strings: a `String`
    /// appended to node by node.
    static func referencePlainText(_ node: MarkdownNode, softBreak: String, into out: inout String) {
        switch node.kind {
        case .text, .code, .codeBlock: out += node.literal
        case .softBreak: out += softBreak
        case .lineBreak: out += "\n"
        case .htmlInline:
            // `<br>` breaks a line as a soft break does (stop 41), where no space stands for it.
            if ["<br>", "<br/>", "<br />"].contains(node.literal.lowercased()), !(softBreak == " " && out.last == " ") { out += softBreak }
        case .htmlBlock: return
        default:
            var first = true
            for child in node.children {
                if child.isBlock && !first && !out.isEmpty && out.last != "\n" { out += "\n" }
                if case .tableCell = child.kind, !first { out += " | " }
                referencePlainText(child, softBreak: softBreak, into: &out)
                first = false
            }
        }
    }

    @Test func corpusIsThere() {
        #expect(Self.documents.count > 50)
    }

    @Test func plainTextMatchesTheNodeByNodeVersion() {
        var compared = 0
        for text in Self.documents {
            for (node, _) in Self.nodes(MarkdownParser.parse(text).document) {
                var spaced = ""
                Self.referencePlainText(node, softBreak: " ", into: &spaced)
                #expect(node.plainText == spaced)
                var lined = ""
                Self.referencePlainText(node, softBreak: "\n", into: &lined)
                #expect(node.plainTextLines.map(String.init) == lined.split(separator: "\n").map(String.init))
                compared += 1
            }
        }
        #expect(compared > 10_000)
    }

    @Test func childrenAreInDocumentOrderWithinTheirParent() {
        for text in Self.documents {
            for (node, _) in Self.nodes(MarkdownParser.parse(text).document) {
                let ranges = node.children.compactMap(\.range)
                for (before, after) in zip(ranges, ranges.dropFirst()) {
                    #expect(before.start <= after.start, "\(before) then \(after)")
                }
                if let parent = node.range, node.isBlock {
                    for child in node.children where child.isBlock {
                        if let range = child.range { #expect(parent.contains(range), "\(range) outside \(parent)") }
                    }
                }
                // Only the root is a document: no record is left as it was reserved.
                for child in node.children { #expect(child.kind != .document) }
            }
        }
    }

    @Test("nodes deeper than the limit are left out, and only then", arguments: [1, 2, 5, 64])
    func depthLimit(maxDepth: Int) {
        for nesting in [maxDepth - 1, maxDepth, maxDepth + 1, maxDepth + 10] where nesting >= 0 {
            // `nesting` block quotes, and a paragraph with a text node inside the innermost.
            let text = String(repeating: "> ", count: nesting) + "deep\n"
            let result = MarkdownParser.parse(text, maxDepth: maxDepth)
            let all = Self.nodes(result.document)
            let deepest = all.map(\.1).max() ?? 0
            // The document, `nesting` quotes, a paragraph and its text.
            let full = nesting + 2
            #expect(deepest == min(full, maxDepth), "nesting \(nesting)")
            #expect(result.depthLimitReached == (full > maxDepth), "nesting \(nesting)")
            #expect(all.dropFirst().allSatisfy { $0.0.kind != .document })
        }
    }

    @Test func aNodeMadeFromPartsEqualsTheParsedOne() throws {
        let parsed = MarkdownParser.parse(Self.documents[0]).document
        let rebuilt = MarkdownNode(kind: parsed.kind, literal: parsed.literal, children: Array(parsed.children), range: parsed.range)
        #expect(rebuilt == parsed)
        #expect(rebuilt.hashValue == parsed.hashValue)
        #expect(Self.nodes(rebuilt).count == Self.nodes(parsed).count)
        // One word changed deep in the document makes it unequal.
        let other = MarkdownParser.parse(Self.documents[0].replacingOccurrences(of: "open task", with: "open tusk")).document
        #expect(other != parsed)
        let code = MarkdownNode(kind: .codeBlock(info: "swift"), literal: "let x = 1\n")
        #expect(code.kind == .codeBlock(info: "swift"))
        #expect(code.literal == "let x = 1\n")
        #expect(code.children.isEmpty)
        let link = MarkdownNode(kind: .link(destination: "https://e.com", title: "t"), children: [MarkdownNode(kind: .text, literal: "e")])
        #expect(link.kind == .link(destination: "https://e.com", title: "t"))
        #expect(link.literal == "")
        #expect(link.plainText == "e")
    }

    @Test func kindsCarryTheirPayloads() throws {
        let document = MarkdownParser.parse(Self.documents[0]).document
        let kinds = Self.nodes(document).map(\.0.kind)
        #expect(kinds.contains(.heading(level: 1)))
        #expect(kinds.contains(.link(destination: "https://example.com", title: "t")))
        #expect(kinds.contains(.image(source: "a.png", title: "")))
        #expect(kinds.contains(.list(ordered: true, start: 1, tight: true)))
        #expect(kinds.contains(.item(task: false)))
        #expect(kinds.contains(.item(task: true)))
        #expect(kinds.contains(.item(task: nil)))
        #expect(kinds.contains(.codeBlock(info: "swift")))
        #expect(kinds.contains(.table(columns: 2)))
        #expect(kinds.contains(.tableRow(isHeader: true)))
        #expect(kinds.contains(.tableRow(isHeader: false)))
        #expect(kinds.contains(.strikethrough))
        #expect(kinds.contains(.footnoteReference))
        #expect(kinds.contains(.footnoteDefinition))
        #expect(kinds.contains(.htmlBlock))
        #expect(kinds.contains(.htmlInline))
        #expect(kinds.contains(.lineBreak))
        #expect(kinds.contains(.thematicBreak))
        let code = try #require(Self.nodes(document).first { $0.0.kind == .codeBlock(info: "swift") }?.0)
        #expect(code.literal == "let x = 1\n")
    }

    /// cmark-gfm's iterator reports a footnote reference's exit as well as its entry. Taken for
    /// a leaf, that exit closed the paragraph around it, and the document came out as its last
    /// footnote definition: a postmortem with a footnote lost every section and action.
    @Test func aFootnoteReferenceKeepsTheDocument() throws {
        let text = """
            # Incident

            ## Summary

            The cache refused writes for 14 minutes[^1].

            ## Action items

            - [ ] Alert on cache write errors (owner: @sre, due: 2026-08-01)

            [^1]: Measured at the load balancer.
            """
        let document = MarkdownParser.parse(text).document
        #expect(document.kind == .document)
        #expect(document.children.map(\.kind) == [.heading(level: 1), .heading(level: 2), .paragraph, .heading(level: 2), .list(ordered: false, start: 0, tight: true), .footnoteDefinition])
        let paragraph = document.children[2]
        #expect(paragraph.children.map(\.kind) == [.text, .footnoteReference, .text])
        #expect(paragraph.plainText == "The cache refused writes for 14 minutes.")
        let postmortem = read(text)
        #expect(postmortem.sections.map(\.title) == ["Incident", "Summary", "Action items"])
        #expect(postmortem.actions.map(\.text) == ["Alert on cache write errors"])
        #expect(postmortem.summary == "The cache refused writes for 14 minutes.")
        // A definition belongs to no section: not to the summary when it comes last.
        let summaryLast = read("# Incident\n\n## Summary\n\nWrites failed[^a].\n\n[^a]: At the balancer.\n")
        #expect(summaryLast.summary == "Writes failed.")
        let emptyLast = read("# Incident\n\n## Summary\n\nWrites failed[^a].\n\n## Lessons learned\n\n[^a]: At the balancer.\n")
        #expect(emptyLast.sections.last?.isEmpty == true)
    }
}
