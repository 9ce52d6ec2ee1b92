import Foundation
import Testing
@testable import PostmortemKit

@Suite("Long sections rendered row by row")
struct StreamedTemplateTests {
    /// The index as swift-mustache renders the template whole, and as pm streams it.
    func bothWays(_ templates: ReportTemplates, _ context: [String: Any]) -> (whole: String, streamed: String, pieces: Int) {
        var streamed = "", pieces = 0
        templates.render(context, with: "index") { piece in
            streamed += piece
            pieces += 1
        }
        return (templates.render(context, with: "index"), streamed, pieces)
    }

    func templates(_ index: String) throws -> ReportTemplates {
        try ReportTemplates(templates: ["index": index, "postmortem": "", "row": "<i>{{id}}</i>\n"], source: "test")
    }

    func rows(_ count: Int) -> LazyRows {
        LazyRows(count: count) { ["id": "r\($0)", "flag": $0 % 2 == 0, "text": "<\($0)> & \u{1}"] }
    }

    @Test("the built-in index has all its long tables cut, and renders the report fixture as swift-mustache does")
    func builtInIndex() throws {
        let templates = try ReportFixture.templates()
        let cut = try #require(templates.streamed["index"])
        #expect(Set(cut.cuts.map(\.key)) == IndexPageModel.rowKeys)
        let (review, _) = try ReportFixture.site()
        let (whole, streamed, pieces) = bothWays(templates, IndexPageModel.context(review))
        #expect(streamed == whole)
        #expect(pieces > cut.cuts.count)
        #expect(!whole.contains("\u{1}"))
    }

    @Test("the staircases, made one SLO and one step at a time, render as the same rows made at once")
    func lazyStaircases() throws {
        let templates = try ReportFixture.templates()
        let (review, _) = try ReportFixture.site()
        let lazy = IndexPageModel.context(review)
        let staircases = try #require(lazy["staircases"] as? LazyRows)
        var eager = lazy
        eager["staircases"] = staircases.array.map { row -> [String: Any] in
            var row = row
            if let steps = row["steps"] as? LazyRows { row["steps"] = steps.array }
            return row
        }
        let steps = staircases.array.compactMap { ($0["steps"] as? LazyRows)?.count }.reduce(0, +)
        #expect(steps > 0, "the fixture's staircases have steps")
        #expect(templates.render(lazy, with: "index") == templates.render(eager, with: "index"))
    }

    @Test("templates the cut handles and templates it leaves whole render exactly as swift-mustache renders them", arguments: [
        // Cut: tags alone on their lines, with indentation, CRLF, inside Bool sections, twice.
        "<ul>\n{{#incidents}}\n<li>{{id}} {{text}}</li>\n{{/incidents}}\n</ul>\n",
        "  {{#incidents}}  \n  <li>{{id}}</li>\n  {{/incidents}}\t\nafter",
        "<ul>\r\n{{#incidents}}\r\n<li>{{id}}</li>\r\n{{/incidents}}\r\n</ul>\r\n",
        "{{#on}}\n{{^off}}\n{{#incidents}}\n{{#flag}}\n<b>{{id}}</b>\n{{/flag}}\n{{^flag}}{{title}}{{/flag}}\n{{/incidents}}\n{{/off}}\n{{/on}}\n",
        "{{#incidents}}\n{{id}}\n{{/incidents}}\n{{#incidents}}\n{{id}}{{title}}\n{{/incidents}}",
        "{{#incidents}}\n\n{{id}}\n\n{{/incidents}}\n",
        "{{#incidents}}\n{{id}}\n{{/incidents}}{{#on}}x{{/on}}",
        "{{#incidents}}\n{{! a comment }}\n{{{text}}} {{&text}} {{missing}}\n{{/incidents}}",
        "{{#on}}\n{{#incidents}}\n{{id}}\n{{/incidents}}\n{{/on}}\n{{^incidents}}none{{/incidents}}{{incidents.count}}",
        // Found by review: a section opened inline and closed on its own line leaves the next line
        // not "new" for swift-mustache's parser, before the cut or inside its rows; a content type
        // of the template's own; trailing spaces at the end of the text; a lone CR.
        "<p>{{#on}}\nx\n{{/on}}\n{{#incidents}}\n{{id}}\n{{/incidents}}\n",
        "<p>{{^off}}\nx\n{{/off}}\n{{#incidents}}\n{{id}}\n{{/incidents}}\n",
        "{{#incidents}}\n<b>{{#flag}}\ny\n{{/flag}}\n{{/incidents}}\n",
        "{{% CONTENT_TYPE: TEXT}}\n{{#incidents}}\n{{text}}\n{{/incidents}}\n",
        "{{#incidents}}\n{{id}}\n{{/incidents}}  ",
        "{{#incidents}}\r{{id}}\r{{/incidents}}\r",
        "x {{! c }}\n{{#incidents}}\n{{id}}\n{{/incidents}}\n{{> row}}\n{{#incidents}}\n{{id}}\n{{/incidents}}\n",
        // Left whole: inline tags, position transforms, the current object, partials, delimiters,
        // a section around it that pushes an object, and a nested row key.
        "<p>{{#incidents}}{{id}}, {{/incidents}}</p>\n",
        "{{#incidents}}\n{{#first()}}first {{/first()}}{{id}}\n{{/incidents}}\n",
        // (A row printed whole with `{{.}}` is a dictionary's description, whose order differs
        // from one dictionary to the next; `{{#.}}` reads the current object the same way.)
        "{{#incidents}}\n{{#.}}{{id}}{{/.}}\n{{/incidents}}\n",
        "{{#incidents}}\n{{.id}}\n{{/incidents}}\n",
        "{{#incidents}}\n{{> row}}\n{{/incidents}}\n",
        "{{=<% %>=}}\n<%#incidents%>\n<%id%>\n<%/incidents%>\n",
        "{{#page}}\n{{#incidents}}\n{{id}} {{title}}\n{{/incidents}}\n{{/page}}\n",
        "{{#incidents}}\n{{#repeats}}\n{{id}}\n{{/repeats}}\n{{/incidents}}\n",
    ])
    func sameAsWhole(index: String) throws {
        let templates = try templates(index)
        for count in [0, 1, 5] {
            let context: [String: Any] = ["incidents": rows(count), "repeats": rows(2), "on": true, "off": false,
                                          "title": "T", "page": ["title": "P"]]
            let (whole, streamed, _) = bothWays(templates, context)
            #expect(streamed == whole, "\(count) rows of \(index.debugDescription)")
        }
    }

    @Test("3,000 seeded random templates render the same streamed as whole")
    func randomTemplates() throws {
        var random = SplitMix64(seed: 42)
        var cut = 0
        for _ in 0..<3_000 {
            let index = RandomTemplate.make(&random)
            let templates = try templates(index)
            if templates.streamed["index"] != nil { cut += 1 }
            for count in [0, 1, 3] {
                let context: [String: Any] = ["incidents": rows(count), "repeats": rows(2), "on": true, "off": false,
                                              "title": "T", "page": ["title": "P"]]
                let (whole, streamed, _) = bothWays(templates, context)
                #expect(streamed == whole, "\(count) rows of \(index.debugDescription)")
                if streamed != whole { return }
            }
        }
        #expect(cut > 300)
    }

    @Test("a raw value that holds a marker makes the page render whole")
    func rawMarker() throws {
        let templates = try templates("{{{evil}}}\n{{#incidents}}\n{{id}}\n{{/incidents}}\n")
        let marker = try #require(templates.streamed["index"]?.cuts.first?.marker)
        for evil in [marker, "x"] {
            let (whole, streamed, _) = bothWays(templates, ["incidents": rows(2), "evil": evil, "list": [["deep": evil]]])
            #expect(streamed == whole)
        }
    }

    @Test("which templates are cut")
    func whatIsCut() throws {
        #expect(try templates("{{#incidents}}\n{{id}}\n{{/incidents}}\n").streamed["index"]?.cuts.count == 1)
        #expect(try templates("{{#on}}\n{{#incidents}}\n{{id}}\n{{/incidents}}\n{{/on}}\n{{#repeats}}\nx\n{{/repeats}}").streamed["index"]?.cuts.count == 2)
        // Inline, or reading the position or the current object, or a template the cut does not read.
        for index in ["a{{#incidents}}\n{{id}}\n{{/incidents}}\n", "{{#incidents}}\n{{id}}\n{{/incidents}} b",
                      "{{#incidents}}\n{{index()}}\n{{/incidents}}\n", "{{#incidents}}\n{{.}}\n{{/incidents}}\n",
                      "{{=| |=}}\n|#incidents|\n|id|\n|/incidents|\n", "\u{1}{{#incidents}}\n{{id}}\n{{/incidents}}\n",
                      "{{#incidents}}\n{{id}}\n{{/incidents}}\n{{<parent}}{{/parent}}",
                      "<p>{{#on}}\nx\n{{/on}}\n{{#incidents}}\n{{id}}\n{{/incidents}}\n",
                      "{{#incidents}}\n<b>{{#flag}}\ny\n{{/flag}}\n{{/incidents}}\n",
                      "{{% CONTENT_TYPE: TEXT}}\n{{#incidents}}\n{{text}}\n{{/incidents}}\n"] {
            #expect(try templates(index).streamed["index"] == nil, "\(index.debugDescription)")
        }
        // A refused spelling is found by its bytes, also where a combining mark makes it part of a
        // longer Character ("$\u{301}", here in a comment): the template is left whole and renders
        // the same.
        let marked = try templates("d{{! {{$\u{301} }}\n{{#incidents}}\n{{id}}\n{{/incidents}}\n")
        #expect(marked.streamed["index"] == nil)
        let (markedWhole, markedStreamed, _) = bothWays(marked, ["incidents": rows(2)])
        #expect(markedStreamed == markedWhole && markedWhole == "d\nr0\nr1\n")
        // Cut, but at render time a section around it is not a Bool: rendered whole, same text.
        let templates = try templates("{{#page}}\n{{#incidents}}\n{{id}}{{title}}\n{{/incidents}}\n{{/page}}\n")
        #expect(templates.streamed["index"]?.cuts.count == 1)
        let (whole, streamed, pieces) = bothWays(templates, ["incidents": rows(3), "page": ["title": "P"], "title": "T"])
        #expect(streamed == whole && whole == "r0P\nr1P\nr2P\n")
        #expect(pieces == 1)
    }

    @Test("rows are written as they are made: a table of many rows arrives in many pieces")
    func piecesAreBounded() throws {
        let templates = try templates("<table>\n{{#incidents}}\n<tr><td>{{id}}</td><td>{{text}}</td></tr>\n{{/incidents}}\n</table>\n")
        var largest = 0, total = 0
        templates.render(["incidents": rows(20_000)], with: "index") { piece in
            largest = max(largest, piece.utf8.count)
            total += piece.utf8.count
        }
        #expect(total > 800_000)
        #expect(largest < 70_000)
    }

    @Test("a row of 64 KiB or more is written as its own piece, in its place among the rows around it")
    func largeRows() throws {
        let templates = try templates("<ol>\n{{#incidents}}\n<li>{{id}}{{text}}</li>\n{{/incidents}}\n</ol>\n")
        // Small rows, then rows of 70,000 and 140,000 bytes between and after them.
        let sizes = [0, 0, 70_000, 0, 140_000, 0, 0, 70_000]
        let rows = LazyRows(count: sizes.count) { ["id": "r\($0)", "text": String(repeating: "x", count: sizes[$0])] }
        let (whole, streamed, pieces) = bothWays(templates, ["incidents": rows])
        #expect(Array(streamed.utf8) == Array(whole.utf8))
        #expect(whole.utf8.count > 280_000)
        var large: [Int] = []
        templates.render(["incidents": rows], with: "index") { piece in
            if piece.utf8.count >= 1 << 16 { large.append(piece.utf8.count) }
        }
        // Each large row alone, with its own markup: `<li>`, the id, the text, `</li>` and its line break.
        #expect(large == [70_000 + 12, 140_000 + 12, 70_000 + 12])
        #expect(pieces >= 6)
    }

    @Test("data.json written array by array is the whole ReportData encoded at once, with and without incidents")
    func dataJSON() throws {
        let (review, _) = try ReportFixture.site()
        let empty = QuarterlyReview(documents: [], configuration: ReportFixture.configuration,
                                    categories: review.categories, options: ReportFixture.options)
        // With one of pm.yml's two SLOs left out, the impacts on it get budget notes: the notes
        // stay in the summary written whole, beside the other SLO's windows written one by one.
        var oneSLO = ReportFixture.configuration
        oneSLO.slos.removeLast()
        let noted = QuarterlyReview(documents: review.documents, configuration: oneSLO,
                                    categories: review.categories, options: ReportFixture.options)
        #expect(!noted.budget.notes.isEmpty && !noted.budget.windows.isEmpty)
        for review in [review, empty, noted] {
            var pieces: [String] = []
            ReportSite.data(review) { pieces.append($0) }
            #expect(pieces.joined() == JSONOutput.encode(review.data) + "\n")
        }
        let data = review.data
        #expect(!data.incidents.isEmpty && !data.classifications.isEmpty && !data.burns.isEmpty)
        #expect(data.budget.windows.contains { !$0.window.steps.isEmpty })
        // A document that failed to encode is written as it is.
        var pieces: [String] = []
        JSONArrayStream.fill("null", arrays: [.init(key: "incidents", elements: [1, 2])]) { pieces.append($0) }
        #expect(pieces.joined() == "null")
    }
}
