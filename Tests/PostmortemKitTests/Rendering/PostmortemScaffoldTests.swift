import Foundation
import Testing
@testable import PostmortemKit

@Suite struct PostmortemScaffoldTests {
    let request = PostmortemScaffold.Request(title: "Checkout <script> & **502s**: \"quoted\"", severity: "SEV2",
                                             services: ["checkout-api", "edge"], date: CalendarDate(year: 2026, month: 7, day: 14)!)

    @Test func slugs() {
        #expect(PostmortemScaffold.slug("Checkout returned 502s after a proxy config push") == "checkout-returned-502s-after-a-proxy-config-push")
        #expect(PostmortemScaffold.slug("Café DNS — résolution échouée!") == "cafe-dns-resolution-echouee")
        // Other scripts are written in Latin letters, so distinct titles get distinct file names.
        #expect(PostmortemScaffold.slug("支付失败") == "zhi-fu-shi-bai")
        #expect(PostmortemScaffold.slug("Сбой оплаты") == "sboj-oplaty")
        #expect(PostmortemScaffold.slug("검색 장애") == "geomsaeg-jang-ae")
        // Latin letters with no accent to fold, and fullwidth forms (the black-box pass of stop 36).
        #expect(["Øresund link", "Đà Nẵng outage", "Łódź DC", "Æble", "Þingvellir", "Œil", "Straße", "Ｆｕｌｌ"].map(PostmortemScaffold.slug)
                == ["oresund-link", "da-nang-outage", "lodz-dc", "aeble", "thingvellir", "oeil", "strasse", "full"])
        #expect(PostmortemScaffold.slug("🔥🔥") == "incident")
        #expect(PostmortemScaffold.slug(String(repeating: "word ", count: 40)).count <= 60)
    }

    /// A service given twice is named once, in the order first given (left open by stop 36).
    @Test func aServiceGivenTwiceIsNamedOnce() {
        let twice = PostmortemScaffold.Request(title: "t", severity: "SEV2", services: ["edge", "api", "edge"], date: CalendarDate("2026-07-03")!)
        #expect(twice.services == ["edge", "api"])
    }

    /// Found by the black-box pass of stop 36: a template's anchor on a replaced value, or a key
    /// given twice, made a draft whose front matter did not read.
    @Test func aDraftWhoseFrontMatterWouldNotReadIsRefused() {
        let request = PostmortemScaffold.Request(title: "Helm test", severity: "SEV2", services: [], date: CalendarDate("2026-07-03")!, timezone: "UTC")
        for (template, line) in [("---\ntitle: &t placeholder\nservices: &s [x]\nother: *s\nseverity: SEV2\n---\n# {{title}}\n", 4),
                                 ("---\ntitle: a\ntitle: b\n---\n# x\n", 3)] {
            let error = #expect(throws: PostmortemScaffold.Failure.self) { _ = try PostmortemScaffold.render(template: template, request: request) }
            guard case .invalidFrontMatter(_, let at) = error else { Issue.record("\(String(describing: error))"); continue }
            #expect(at == line)
        }
        #expect(throws: Never.self) { _ = try PostmortemScaffold.render(template: "---\nowner: &o x\nreviewer: *o\n---\n# x\n", request: request) }
    }

    @Test func everyTemplateRendersToAValidDraft() throws {
        for name in ["full", "short"] {
            let template = try #require(BuiltInTemplates.text(named: name))
            let text = try PostmortemScaffold.render(template: template, request: request)
            let record = DocumentReader.read(text: text, path: "postmortems/\(request.id).md").postmortem
            #expect(record.problems.filter { $0.severity == .error }.isEmpty, "\(name): \(record.problems)")
            #expect(record.id == "2026-07-14-checkout-script-502s-quoted")
            #expect(record.title == request.title)
            #expect(record.status == "draft")
            #expect(record.severity == "SEV2")
            #expect(record.services == ["checkout-api", "edge"])
            // The H1 shows the title as text: Markdown in it is escaped, not interpreted.
            #expect(record.sections.first?.title == request.title)
            #expect(!MarkdownParser.renderHTML(text).contains("<script>"))
            // Body variables are filled: both templates name the services and the date.
            #expect(text.contains("what happened to checkout-api, edge on 2026-07-14"), "\(name)")
            #expect(!text.contains("{{"), "\(name)")
        }
    }

    /// Both templates had said "All times UTC." whatever pm.yml's zone was, so a team in Berlin
    /// that filled in the timeline in local time had it read two hours off. The new postmortem
    /// states pm.yml's zone and, when that is not UTC, sets it in the front matter.
    @Test(arguments: ["full", "short"])
    func newPostmortemsStateTheConfiguredZone(name: String) throws {
        let template = try #require(BuiltInTemplates.text(named: name))
        var berlin = request
        berlin.timezone = "Europe/Berlin"
        let text = try PostmortemScaffold.render(template: template, request: berlin)
        #expect(text.contains("\ntimezone: \"Europe/Berlin\"\n"))
        #expect(text.contains("All times Europe/Berlin."))
        // Filled in as a user would: local times in the timeline, none in the front matter.
        let filled = text.replacingOccurrences(of: "- HH:MM: <event>", with: "- 14:02: Checkout 5xx ratio rises to 35%.")
            .replacingOccurrences(of: "started:", with: "started: 2026-07-14T14:02:00+02:00")
        let document = DocumentReader.read(text: filled, path: "postmortems/\(berlin.id).md")
        let event = try #require(document.postmortem.timeline.first)
        #expect(event.time == Timestamp(year: 2026, month: 7, day: 14, hour: 12, minute: 2))
        #expect(event.time?.zoneAssumed == false)
        let findings = try Linter(configuration: Configuration()).lint(document, today: CalendarDate(year: 2026, month: 7, day: 20)!)
        #expect(!findings.contains { $0.ruleID == "PM021" || $0.ruleID == "PM024" }, "\(findings.map(\.message))")
        // In UTC nothing changes: no `timezone` line, and the timeline says UTC; so for any name
        // of UTC, and not for a zone that is UTC only in winter.
        let utc = try PostmortemScaffold.render(template: template, request: request)
        #expect(!utc.contains("\ntimezone:") && utc.contains("All times UTC."))
        for (zone, isUTC) in [("Etc/UTC", true), ("Z", true), ("+00:00", true), ("Europe/London", false)] {
            var other = request
            other.timezone = zone
            #expect(other.isUTC == isUTC, "\(zone)")
        }
    }

    @Test("templates are read as postmortems are: a BOM is skipped, CRLF and CR are line breaks, block values are replaced whole",
          arguments: [
              "\u{FEFF}---\ntitle: x\n---\n# {{title}}\n",
              "---\r\ntitle: x\r\n---\r\n# {{title}}\r\n",
              "---\rtitle: x\r---\r# {{title}}\r",
              "---\ntitle: >\n  A long\n  title\nservices:\n  - name-the-service\n\n  - another\nauthors: []\n---\n# {{title}}\n",
              "---\nservices:\n- name-the-service\n# a comment stays\nauthors: [a]\n---\n# {{title}}\n",
              "---\nservices: [a,\n  b]\n\nauthors: [a]\n---\n# {{title}}\n",
          ])
    func templateForms(template: String) throws {
        let text = try PostmortemScaffold.render(template: template, request: request)
        let record = DocumentReader.read(text: text, path: "postmortems/\(request.id).md").postmortem
        #expect(!record.problems.contains { $0.code == .invalidYAML || $0.code == .unclosedFrontMatter }, "\(record.problems)")
        #expect(record.title == request.title)
        #expect(record.services == ["checkout-api", "edge"])
        #expect(!text.contains("name-the-service") && !text.contains("another") && !text.contains("\r"))
        if template.contains("authors: [a]") { #expect(record.authors == ["a"]) }
        if template.contains("# a comment stays") { #expect(text.contains("# a comment stays")) }
    }

    @Test func markdownEscapingLooksAtCodePoints() {
        let escape = MarkdownContentType().escapeText
        // A bracket or angle bracket followed by a combining mark is still escaped.
        #expect(escape("[\u{301}x](javascript:y) <\u{338}b>") == "\\[\u{301}x\\](javascript:y) \\<\u{338}b\\>")
        #expect(escape("# a\r\nb\nc\rd") == "\\# a b c d")
    }

    @Test func defaultTemplateFollowsSeverity() {
        let scale = ["SEV1", "SEV2", "SEV3", "SEV4"]
        #expect(PostmortemScaffold.defaultTemplate(for: "SEV1", scale: scale) == "full")
        #expect(PostmortemScaffold.defaultTemplate(for: "SEV2", scale: scale) == "full")
        #expect(PostmortemScaffold.defaultTemplate(for: "SEV3", scale: scale) == "short")
    }

    @Test("with no --severity, a draft takes its project's third level, or its last when the scale is shorter")
    func defaultSeverityFollowsTheScale() {
        #expect(PostmortemScaffold.defaultSeverity(scale: ["SEV1", "SEV2", "SEV3", "SEV4"]) == "SEV3")
        #expect(PostmortemScaffold.defaultSeverity(scale: ["P1", "P2", "P3", "P4", "P5"]) == "P3")
        #expect(PostmortemScaffold.defaultSeverity(scale: ["critical", "major"]) == "major")
        #expect(PostmortemScaffold.defaultSeverity(scale: ["one"]) == "one")
    }

    @Test func templateWithoutFrontMatterIsRejected() {
        #expect(throws: PostmortemScaffold.Failure.self) {
            try PostmortemScaffold.render(template: "# {{title}}\n", request: request)
        }
    }

    @Test func builtInTemplatesMatchTheRepository() throws {
        for name in ["full", "short"] {
            let repository = try String(contentsOf: packageRoot.appendingPathComponent("templates/\(name).md"), encoding: .utf8)
            #expect(BuiltInTemplates.text(named: name) == repository,
                    "Sources/PostmortemKit/Resources/templates/\(name).md differs from templates/\(name).md: copy it over")
        }
    }
}
