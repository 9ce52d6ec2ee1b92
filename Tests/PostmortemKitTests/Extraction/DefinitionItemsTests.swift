import Testing
@testable import PostmortemKit

/// P022: list items Markdown reads as link reference definitions (found by the black-box pass of
/// stop 36: `- [14:06]: Mitigated` vanished from the timeline without a word).
struct DefinitionItemsTests {
    @Test func itemsThatAreDefinitionsAreProblems() {
        let p = read("""
            ---
            started: 2026-07-14T14:02:00Z
            ---
            ## Timeline
            - [14:02]: Alert fires
            - [14:05]: Rollback (v1.2)
            - [14:06]: Mitigated

            ## Follow-up actions
            - [ ] [OPS-2]: Fix
            1. [OPS-3]: canary
            - [link]
            - [ ] [x] y
            - [OPS-4] Alert on lag
            """)
        let problems = p.problems.filter { $0.code == .definitionItem }
        #expect(problems.map { "\($0.range!.start)" } == ["6:3", "7:3", "10:7", "11:4"])
        #expect(problems.first?.message.hasSuffix("drop the colon after `[14:05]`, or the brackets") == true)
        #expect(problems.allSatisfy { $0.severity == .warning })
        // What is text stays text: two words after the colon, and items without the colon.
        #expect(p.timeline.map(\.text) == ["Alert fires"])
        #expect(p.actions.count == 3)
    }

    /// From the retest of stop 36: a definition meant as one is told how to keep it working, and
    /// a footnote in a list is no link definition.
    @Test func realDefinitionsAndFootnotes() {
        let p = read("## Supporting information\n- [dashboard]: https://grafana.example/d/abc\n- [^1]: A footnote\n\nSee the [dashboard].\n")
        #expect(p.problems.filter { $0.code == .definitionItem }.map(\.message)
                == ["this list item is a link reference definition, which Markdown shows as an empty bullet; write the definition on a line of its own, without the list marker"])
    }

    /// A definition followed by a line of text (left open by stop 36): the paragraph is that
    /// text, placed from the item's first line; the definition was not reported. In a quote too.
    @Test func aDefinitionBeforeALineOfText() {
        let p = read("## Timeline\n- [14:06]: Mitigated\n  by rolling back the proxy config.\n- [14:02]: Alert fires\n  on checkout.\n- 14:10 Recovered.\n\n> - [14:07]: Paged\n")
        let problems = p.problems.filter { $0.code == .definitionItem }
        #expect(problems.map { "\($0.range!.start)" } == ["2:3", "8:5"])
        #expect(problems.first?.message.contains("this list item's first line as a link reference definition") == true)
        #expect(problems.first?.message.hasSuffix("drop the colon after `[14:06]`, or the brackets") == true)
        let link = read("## Supporting information\n- [dashboard]: https://grafana.example/d/abc\n  The latency panel.\n")
        #expect(link.problems.filter { $0.code == .definitionItem }.map(\.message)
                == ["this list item starts with a link reference definition, which Markdown shows as nothing; write the definition on a line of its own, without the list marker"])
    }

    @Test func markersAndTaskBoxesAreSkipped() {
        func start(_ line: String) -> Int? { DefinitionItems.definitionStart(Array(line.utf8), from: 0)?.0 }
        #expect(start("- [a]: b") == 2)
        #expect(start("  * [ ] [a]: b") == 8)
        #expect(start("12) [a]: b") == 4)
        #expect(start("- [a] b") == nil)
        #expect(start("- []: b") == nil)
        #expect(start("- [a\\]]: b") == 2)
        #expect(start("-") == nil)
        #expect(start("x [a]: b") == nil)
    }
}
