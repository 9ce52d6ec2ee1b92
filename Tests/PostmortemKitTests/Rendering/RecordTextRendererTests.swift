import Testing
@testable import PostmortemKit

/// `pm show`'s text: one line per field, whatever a value holds.
struct RecordTextRendererTests {
    /// Found by the black-box pass of stop 36: a YAML block title or a service with a line break
    /// made lines of their own, which read as pm's output ("- [ ] injected").
    @Test func lineBreaksInValuesStayInTheirLine() {
        let p = read("---\ntitle: |\n  line one\n  - [ ] injected\nservices: [\"a\\n## x\"]\n---\n# x\n")
        let text = RecordTextRenderer.render(p)
        #expect(text.contains("  title: line one\\n- [ ] injected\\n\n"))
        #expect(text.contains("services: a\\n## x\n"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("- [ ]") || $0.hasPrefix("## ") })
        #expect(TerminalEscaping.oneLine("a\r\nb") == "a\r\\nb")
    }
}
