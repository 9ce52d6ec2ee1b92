import Mustache
import Testing
@testable import PostmortemKit

@Suite("Template text values")
struct TemplateTextTests {
    /// Renders `template` with pm's content type and `value` as the context's `x`.
    func render(_ template: String, _ value: Any) throws -> String {
        let templates = try ReportTemplates(templates: ["index": template, "postmortem": template], source: "test")
        return templates.render(["x": value, "y": "outer"], with: "postmortem")
    }

    @Test("a TemplateText renders as the same String does, in every tag a template can put it in")
    func rendersAsString() throws {
        let tags = [
            "{{x}}", "{{{x}}}", "{{&x}}", "[{{#x}}({{.}}|{{y}}){{/x}}]", "[{{^x}}none{{/x}}]",
            "{{uppercased(x)}}", "{{lowercased(x)}}", "{{capitalized(x)}}", "{{reversed(x)}}",
            "[{{#empty(x)}}empty{{/empty(x)}}]", "<a title=\"{{x}}\">{{x}}</a>", "{{x.count}}|{{x.y}}",
        ]
        let values = ["", "plain", "a < b & c > \"d\" 'e'", "e\u{301} <\u{301}", "🚀 \u{1B}[31m", "line\nbreak", "{{y}}"]
        for tag in tags {
            for value in values {
                let expected = try render(tag, value)
                #expect(try render(tag, TemplateText(value)) == expected, "\(tag) with \(value.debugDescription)")
            }
        }
    }

    @Test("a changed text renders differently: the comparison above can fail")
    func differs() throws {
        #expect(try render("{{x}}", TemplateText("a")) != render("{{x}}", "b"))
    }
}
