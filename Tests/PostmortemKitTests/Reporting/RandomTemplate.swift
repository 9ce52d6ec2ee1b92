@testable import PostmortemKit

/// Seeded random Mustache templates for the tests that compare a template pm cuts with the
/// template swift-mustache renders whole (``StreamedTemplateTests``, ``TemplatePartsTests``).
enum RandomTemplate {
    /// A random template of text, line breaks, indentation, variables, comments, partials and
    /// sections (opened and closed inline or on lines of their own), balanced.
    static func make(_ random: inout SplitMix64, depth: Int = 0, partials: Bool = false) -> String {
        var pieces = ["x", " ", "\t", "\n", "\n", "\r\n", "{{id}}", "{{title}}", "{{{text}}}", "{{! c }}", "  "]
        if partials { pieces += ["{{> row}}", "\n{{> row}}\n", "  {{> row}}\n"] }
        var text = ""
        for _ in 0..<Int.random(in: 0...5, using: &random) {
            if depth < 3, Int.random(in: 0..<3, using: &random) == 0 {
                let name = ["incidents", "incidents", "on", "off", "flag", "repeats", "page"].randomElement(using: &random)!
                let kind = Int.random(in: 0..<4, using: &random) == 0 ? "^" : "#"
                func around() -> String { ["", "\n", " \n", "\n  ", "x\n", "\r\n"].randomElement(using: &random)! }
                text += around() + "{{\(kind)\(name)}}" + around() + make(&random, depth: depth + 1, partials: partials) + around()
                    + "{{/\(name)}}" + around()
            } else {
                text += pieces.randomElement(using: &random)!
            }
        }
        return text
    }
}
