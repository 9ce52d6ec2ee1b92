import Testing
@testable import PostmortemKit

/// The front matter fences are found on bytes; these pin the edge cases of that scan.
@Suite struct FrontMatterFenceTests {
    func read(_ text: String) -> Postmortem { DocumentReader.read(text: text, path: "x.md").postmortem }

    @Test func closedFrontMatterKeepsFileLineNumbers() {
        let p = read("---\ntitle: A\n---\n# H\n")
        #expect(p.title == "A")
        #expect(p.frontMatter.range?.end.line == 3)
        #expect(p.sections.first?.range.start.line == 4)
        #expect(p.problems.isEmpty)
    }

    @Test func emptyFrontMatter() {
        let p = read("---\n---\n# H")
        #expect(p.title == "H")
        #expect(p.frontMatter.range?.end.line == 2)
        #expect(p.sections.first?.range.start.line == 3)
    }

    @Test func trailingSpacesAndDotsClose() {
        let p = read("--- \t\ntitle: A\n...  \n\n## Summary\n\nText")
        #expect(p.title == "A")
        #expect(p.frontMatter.range?.end.line == 3)
        #expect(p.sections.first?.range.start.line == 5)
        #expect(p.summary == "Text")
    }

    @Test func closingFenceAtEndOfFile() {
        let p = read("---\ntitle: A\n---")
        #expect(p.title == "A")
        #expect(p.problems.isEmpty)
    }

    @Test func unclosedFrontMatterIsReadAsMarkdown() {
        for text in ["---", "---\n", "---\ntitle: A\n", "---\ntitle: A\n----\n"] {
            let p = read(text)
            #expect(p.problems.contains { $0.code == .unclosedFrontMatter }, "\(text.debugDescription)")
        }
    }

    @Test func dotsDoNotOpen() {
        let p = read("...\ntitle: A\n...\n# H")
        #expect(p.frontMatter.range == nil)
    }
}
