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
        // The path too (the sink audit of stop 47): a file named with a line break.
        var named = p
        named.path = "postmortems/b\n::error::show.md"
        #expect(RecordTextRenderer.render(named).hasPrefix("postmortems/b\\n::error::show.md\n"))
    }

    /// From the review of stop 36: a detected time before the start hid the time to mitigate.
    @Test func eachDurationShowsWhenKnown() {
        let p = read("---\nstarted: 2026-02-10T10:00:00Z\ndetected: 2026-02-10T09:00:00Z\nmitigated: 2026-02-10T11:00:00Z\n---\n# x\n")
        let text = RecordTextRenderer.render(p)
        #expect(text.contains("  time to mitigate: 60 min\n"))
        #expect(!text.contains("time to detect"))
    }
}
