import Foundation
import Testing
@testable import PostmortemKit

/// cmark-gfm 0.29.0.gfm.6 copies a reference definition into every link that uses it, without a
/// limit; texts whose references could expand past the limit are refused before parsing.
@Suite struct ReferenceExpansionTests {
    static func bound(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { MarkdownParser.referenceExpansionBound($0) }
    }

    /// One definition of `size` bytes and `uses` links that use it.
    static func amplifier(size: Int, uses: Int) -> String {
        "# Incident\n\n[a]: https://example.com/" + String(repeating: "x", count: size) + "\n\n"
            + String(repeating: "[a] ", count: uses) + "\n"
    }

    @Test func aLongDefinitionUsedManyTimesIsRefused() {
        // 1 MB used 20,000 times: 20 GB of copies. It took 10 to 20 GB of memory to lint.
        expectRefusedBeforeParsing(Self.amplifier(size: 1_000_000, uses: 20_000), code: .linksTooLarge, refused: \.referencesRefused)
    }

    @Test func theBoundCoversWhatCmarkCopies() {
        for (size, uses) in [(10, 1), (1_000, 100), (50_000, 300), (1_000_000, 20_000)] {
            #expect(Self.bound(Self.amplifier(size: size, uses: uses)) >= size * uses)
        }
        // Definitions inside quotes and list items, indented, and with a title on the next line.
        for text in ["> [a]: https://e.com/xxxx\n\n[a]", "- [a]: https://e.com/xxxx\n\n[a]", "   [a]: https://e.com/xxxx\n\n[a]",
                     "1. > [a]:\n   https://e.com/xxxx\n   \"a title\"\n\n[a]",
                     // A label over two lines, and a destination of digits on a line of its own.
                     "[a\nb]: https://e.com/xxxx\n\n[a b]", "> [a]:\n> 123456789012345678\n\n[a]"] {
            #expect(Self.bound(text) >= "https://e.com/xxxx".utf8.count, "\(text)")
        }
        // Lines ended by a lone "\r", which cmark-gfm ends lines at too, and by "\r\n".
        for end in ["\r", "\r\n"] {
            let text = ["# Incident", "", "[a]: https://e.com/xxxx", "", "[a]"].joined(separator: end)
            #expect(Self.bound(text) >= "https://e.com/xxxx".utf8.count, "\(Array(end.utf8))")
        }
        let refused = Self.amplifier(size: 1_000_000, uses: 20_000).replacingBytes(of: "\n", with: "\r")
        #expect(MarkdownParser.parse(refused).referencesRefused)
        // No definition: nothing to copy.
        #expect(Self.bound("# T\n\n[a](https://e.com) and [b](https://f.com)\n- [ ] task\n") == 0)
    }

    @Test func aDefinitionUsedWithinTheLimitIsRead() throws {
        // 1 KB used 100 times is well within the limit, and the links keep their destination.
        let text = Self.amplifier(size: 1_000, uses: 100)
        let result = MarkdownParser.parse(text)
        #expect(!result.referencesRefused)
        let paragraph = try #require(result.document.children.last)
        let links = paragraph.children.filter { if case .link = $0.kind { return true }; return false }
        #expect(links.count == 100)
        #expect(links.allSatisfy { $0.kind == .link(destination: "https://example.com/" + String(repeating: "x", count: 1_000), title: "") })
    }

    /// A timeline of `lines` lines of 78 bytes, each time in brackets and followed by `:`, or
    /// not, with no blank line between them.
    static func timeline(lines: Int, brackets: Bool) -> String {
        "# Incident\n\n## Timeline\n\n" + (0..<lines).map { i in
            let time = String(format: "%02d:%02d", i / 60 % 24, i % 60)
            return (brackets ? "- [\(time)]: " : "- \(time): ") + "Checkout 5xx ratio on the edge proxies rises while the pool drains\n"
        }.joined()
    }

    /// The limit of the coarse bound as docs/format.md gives it: such a list is read up to about
    /// 900 lines and refused past it; times without brackets are always read.
    @Test func aLongBracketedTimelineIsTheDocumentedFalsePositive() {
        #expect(!MarkdownParser.parse(Self.timeline(lines: 900, brackets: true)).referencesRefused)
        #expect(MarkdownParser.parse(Self.timeline(lines: 1_000, brackets: true)).referencesRefused)
        // Each line links to a graph defined after the list: 5,000 `]`, none starting a line.
        let linked = Self.timeline(lines: 5_000, brackets: false).replacingBytes(of: "drains\n", with: "drains [graph]\n")
        #expect(!MarkdownParser.parse(linked + "\n[graph]: https://grafana.example.com/d/edge\n").referencesRefused)
    }

    @Test func realPostmortemsAreFarBelowTheLimit() throws {
        let files = markdownFiles(in: realDevCorpus) + markdownFiles(in: packageRoot.appendingPathComponent("postmortems"))
        #expect(files.count > 40)
        for path in files {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let limit = MarkdownParser.referenceExpansionLimit(sourceBytes: text.utf8.count)
            // At least a hundredfold headroom.
            #expect(Self.bound(text) * 100 < limit, "\(path)")
        }
    }
}
