import Testing
@testable import PostmortemKit

/// Checks that a text cmark-gfm is not given (P006 link references, P007 tables) comes out as
/// nothing parsed, no HTML, and one reading problem of `code` on a record with no sections.
/// `refused` reads the parser's flag for that check.
func expectRefusedBeforeParsing(_ text: String, code: ProblemCode, refused: (MarkdownParser.Result) -> Bool,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let result = MarkdownParser.parse(text, renderHTML: true)
    #expect(refused(result), sourceLocation: sourceLocation)
    #expect(result.html == nil, sourceLocation: sourceLocation)
    #expect(result.document.children.isEmpty, sourceLocation: sourceLocation)
    let postmortem = read(text)
    #expect(postmortem.problems.map(\.code) == [code], sourceLocation: sourceLocation)
    #expect(postmortem.sections.isEmpty, sourceLocation: sourceLocation)
}
