import Mustache
import Testing
@testable import PostmortemKit

@Suite("Template rows")
struct TemplateRowTests {
    /// Renders `template` with pm's content type, `rows` as the context's `rows` and `outer`
    /// beside them.
    func render(_ template: String, _ rows: Any) throws -> String {
        let templates = try ReportTemplates(templates: ["index": template, "postmortem": template], source: "test")
        return templates.render(["rows": rows, "outer": "from the page", "label": "page label"], with: "postmortem")
    }

    /// The same rows as dictionaries and as ``TemplateRow``s: text, flags, a nested list, and a
    /// row without some of the names.
    static var dictionaries: [[String: Any]] { [
        ["label": TemplateText("a < b"), "flag": true, "items": [["name": TemplateText("x")] as [String: Any], ["name": TemplateText("y")]]],
        ["label": TemplateText("é\u{301}"), "flag": false, "items": [[String: Any]]()],
        ["flag": true],
    ] }
    static var rows: [TemplateRow] { [
        ["label": TemplateText("a < b"), "flag": true, "items": [["name": TemplateText("x")] as TemplateRow, ["name": TemplateText("y")]]],
        ["label": TemplateText("é\u{301}"), "flag": false, "items": [TemplateRow]()],
        ["flag": true],
    ] }

    @Test("rows render as dictionaries of the same names and values, in every tag a template can use")
    func rendersAsDictionary() throws {
        let tags = [
            "{{#rows}}[{{label}}|{{{label}}}|{{&label}}]{{/rows}}",
            "{{#rows}}{{#flag}}on{{/flag}}{{^flag}}off{{/flag}}{{/rows}}",
            "{{#rows}}({{#items}}{{name}},{{label}},{{outer}};{{/items}}){{/rows}}",
            "{{#rows}}{{outer}}/{{missing}}/{{label.count}}{{/rows}}",
            "{{#rows}}{{#label}}<{{.}}>{{/label}}{{^label}}none{{/label}}{{/rows}}",
            "{{#rows}}{{uppercased(label)}}{{#first()}}first{{/first()}}{{#last()}}last{{/last()}}{{index()}}{{/rows}}",
            "{{count(rows)}}{{#first(rows)}}{{label}}{{/first(rows)}}{{#last(rows)}}{{flag}}{{/last(rows)}}{{^empty(rows)}}some{{/empty(rows)}}",
            "{{#rows}}{{#items}}{{.name}}{{/items}}{{/rows}}",
        ]
        for tag in tags {
            #expect(try render(tag, Self.rows) == render(tag, Self.dictionaries), "\(tag)")
        }
    }

    @Test("a row printed whole prints as a dictionary does, its names in the order written")
    func printedWhole() throws {
        // One name, so that the dictionary's hash order cannot differ from the row's.
        let one: [String: Any] = ["label": TemplateText("a < \"b\"")]
        #expect(try render("{{rows}}", [["label": TemplateText("a < \"b\"")] as TemplateRow]) == render("{{rows}}", [one]))
        #expect(try render("{{#rows}}{{.}}{{/rows}}", [["label": TemplateText("x")] as TemplateRow]) == render("{{#rows}}{{.}}{{/rows}}", [["label": TemplateText("x")] as [String: Any]]))
        let two: TemplateRow = ["b": 1, "a": true]
        #expect(two.description == "[\"b\": 1, \"a\": true]")
        #expect(TemplateRow().description == String(describing: [String: Any]()))
    }

    @Test("a name is found by its text, as a dictionary finds it")
    func lookup() {
        let row: TemplateRow = ["e\u{301}": 1, "state": "open", "stateClass": "overdue"]
        #expect(row.child(named: "state") as? String == "open")
        #expect(row.child(named: "stateClass") as? String == "overdue")
        #expect(row.child(named: "\u{E9}") as? Int == 1)
        #expect(row.child(named: "missing") == nil)
    }
}
