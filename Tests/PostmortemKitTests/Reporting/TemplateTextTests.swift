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
            "{{x.renderText}}|{{#x}}{{renderText}}{{/x}}|{{x.y}}",
        ]
        let values = ["", "plain", "a < b & c > \"d\" 'e'", "e\u{301} <\u{301}", "🚀 \u{1B}[31m", "line\nbreak", "{{y}}"]
        for tag in tags {
            for value in values {
                let expected = try render(tag, value)
                #expect(try render(tag, TemplateText(value)) == expected, "\(tag) with \(value.debugDescription)")
            }
        }
    }

    @Test("lists and rows of text values print whole as lists and rows of strings do")
    func printedWhole() throws {
        let texts = ["a < b", "", "\"quoted\"", "é\u{301}"]
        let tags = ["{{x}}", "{{first(x)}}", "{{last(x)}}", "{{#first(x)}}{{.}}{{/first(x)}}", "{{count(x)}}"]
        for tag in tags {
            let expected = try render(tag, texts.map { ["label": $0] as [String: Any] })
            #expect(try render(tag, texts.map { ["label": TemplateText($0)] as [String: Any] }) == expected, "\(tag)")
            #expect(try render(tag, texts) == render(tag, texts.map(TemplateText.init)), "\(tag)")
        }
    }

    @Test("a text value is escaped for HTML as pm's content type escapes it")
    func escaped() throws {
        #expect(try render("<a title=\"{{x}}\">{{{x}}}</a>", TemplateText("a < \"b\" & 'c'"))
                == "<a title=\"a &lt; &quot;b&quot; &amp; &#39;c&#39;\">a < \"b\" & 'c'</a>")
    }

    @Test("a marker character in a text value keeps the index from being cut")
    func marker() {
        #expect(StreamedTemplate.holdsMarker(["x": TemplateText("a\u{1}b")]))
        #expect(StreamedTemplate.holdsMarker(["x": [["y": TemplateText("\u{1}")]]]))
        #expect(!StreamedTemplate.holdsMarker(["x": TemplateText("ab"), "y": [["z": TemplateText("c")]]]))
    }
}
