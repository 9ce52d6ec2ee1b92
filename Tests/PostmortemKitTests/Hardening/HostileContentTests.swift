import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PostmortemKit

/// The hostile corpus through every output pm writes: each payload arrives as inert text in the
/// escaping of its sink (JSON, SARIF, GitHub workflow commands, CSV, HTML, inline SVG). Terminal
/// text is escaped by the executable (`Terminal.sanitise`), so that sink is checked end to end in
/// Tests/e2e/checks/hardening.sh.
@Suite struct HostileContentTests {
    // MARK: The corpus really carries its payloads

    @Test("the payloads survive reading, so the output tests are not vacuous")
    func payloadsAreRead() throws {
        let configuration = try HostileCorpus.configuration()
        #expect(configuration.organization?.contains("<script>alert('org')</script> \u{1B}[31m") == true)
        #expect(configuration.slos.map(\.id) == ["=HYPERLINK(\"http://evil.example\",\"slo\")", "@SUM(1+1)"])
        #expect(configuration.slos.first?.description?.contains("\u{1B}]8;;http://x\u{07}") == true)
        let records = try HostileCorpus.records()
        #expect(records.map(\.id) == ["-1+1", "@SUM(1+1)"])
        #expect(records[1].title?.hasSuffix("\"\u{301} onmouseover=\"\u{301}alert(2) <\u{338}b>") == true)
        let record = try HostileCorpus.first()
        let title = try #require(record.title)
        for payload in ["<script>alert('title')</script>", "\"><img src=x onerror=alert(1)>", "\u{1B}]8;;http://x\u{07}",
                        "\u{1B}[31m", "\r", "\u{07}", "]]>", "</svg>", "quote\"", "back\\slash", "\u{2028}", "=HYPERLINK("] {
            #expect(title.contains(payload), "title lost \(payload.debugDescription)")
        }
        #expect(record.services == ["+cmd|' /C calc'!A0", "<svg onload=alert(1)>"])
        #expect(record.authors.contains("\"><script>alert('author')</script>"))
        // Inline raw HTML is not text: `<script>` tags drop out of the action, their content stays.
        #expect(record.actions.first?.text == "Add a second provider \">alert('action') \u{1B}]8;;http://x\u{07}link\u{1B}]8;;\u{07}")
        #expect(record.actions.first?.ticket?.hasPrefix("=cmd") == true)
        #expect(record.timeline.first?.text.contains("\u{1B}[31m") == true)
        #expect(record.factors.first?.text.contains("<img src=x onerror=alert('factor')>") == true)
    }

    // MARK: JSON (pm show --format json)

    @Test("pm show JSON parses and round-trips every hostile string exactly")
    func showJSON() throws {
        let records = try HostileCorpus.records()
        let output = JSONOutput.encode(ShowOutput(postmortems: records))
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "a raw control character in JSON")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let parsed = try #require(object["postmortems"] as? [[String: Any]])
        #expect(parsed.count == records.count)
        for (json, record) in zip(parsed, records) {
            #expect(json["id"] as? String == record.id)
            #expect(json["title"] as? String == record.title)
            #expect(json["services"] as? [String] == record.services)
            #expect(json["authors"] as? [String] == record.authors)
            let actions = try #require(json["actions"] as? [[String: Any]])
            #expect(actions.map { $0["text"] as? String } == record.actions.map(\.text))
            #expect(actions.map { $0["ticket"] as? String } == record.actions.map(\.ticket))
            let timeline = try #require(json["timeline"] as? [[String: Any]])
            #expect(timeline.map { $0["text"] as? String } == record.timeline.map(\.text))
        }
    }

    // MARK: Lint reporters

    static func lintReport() throws -> LintReport {
        let configuration = try HostileCorpus.configuration()
        let linter = try Linter(configuration: configuration)
        let documents = try HostileCorpus.documents()
        var findings = documents.flatMap { linter.lint($0, today: HostileCorpus.today) }
        findings += linter.lintCorpus(documents.map(\.postmortem))
        // A finding whose every field is hostile, as a rule quoting document text could produce.
        findings.append(Finding(ruleID: "PM999", alias: "evil:alias,x%", severity: .error,
                                message: "quoted \"<script>alert(1)</script>\" \u{1B}[31m%0A\r\n::error file=x::injected \\ \u{2028}",
                                path: "postmortems/a%b:c,d\r\n::warning::x.md", range: nil, suggestion: "=HYPERLINK(\"x\")\nnext"))
        let sources = Dictionary(uniqueKeysWithValues: documents.map { ($0.postmortem.path, $0.source) })
        return LintReport(findings: findings, fileCount: documents.count, sources: sources)
    }

    @Test("the unknown hostile front-matter key is reported with its text, which the reporters must carry")
    func lintQuotesHostileText() throws {
        let report = try Self.lintReport()
        #expect(report.findings.contains { $0.message.contains("<script>x</script>\u{1B}[31m") })
    }

    @Test("lint JSON parses and round-trips every message and path")
    func lintJSON() throws {
        let report = try Self.lintReport()
        let output = JSONReporter().render(report)
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == report.findings.count)
        let messages = Set(HostileCorpus.strings(in: findings))
        for finding in report.findings {
            #expect(messages.contains(finding.message), "\(finding.message.debugDescription) did not round-trip")
            #expect(messages.contains(finding.path))
        }
    }

    @Test("SARIF parses and round-trips every message and path")
    func lintSARIF() throws {
        let report = try Self.lintReport()
        let output = SARIFReporter().render(report)
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let strings = HostileCorpus.strings(in: object)
        let hostile = try #require(report.findings.last)
        // A SARIF message is plain text where `\`, `[` and `]` are escaped with `\` (embedded
        // links); read back as a viewer reads it, it is the message.
        #expect(strings.contains { Self.unescapingSARIFText($0).contains(hostile.message) })
        #expect(!strings.contains { $0.contains(hostile.message) }, "the backslash and bracket were not escaped")
        // The path is a URI: percent-encoded, so `%`, `:`, `,` and CR LF cannot break anything.
        #expect(strings.contains("postmortems/a%25b%3Ac%2Cd%0D%0A%3A%3Awarning%3A%3Ax.md"))
    }

    /// SARIF plain text as a viewer reads it: `\\`, `\[` and `\]` are the characters.
    static func unescapingSARIFText(_ text: String) -> String {
        var out = ""
        var escaped = false
        for scalar in text.unicodeScalars {
            if !escaped, scalar == "\\" { escaped = true; continue }
            escaped = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    @Test("GitHub workflow commands: one line per finding; % CR LF escaped in messages, also : and , in properties")
    func lintGitHub() throws {
        let report = try Self.lintReport()
        let output = GitHubReporter().render(report)
        #expect(!output.contains("\r"))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == report.findings.count, "a message or property broke out of its line")
        for line in lines {
            #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "))
        }
        let hostile = try #require(lines.last.map(String.init))
        let parts = hostile.split(separator: "::", maxSplits: 2, omittingEmptySubsequences: false)
        #expect(parts.count == 3)
        #expect(parts[1] == "error file=postmortems/a%25b%3Ac%2Cd%0D%0A%3A%3Awarning%3A%3Ax.md,title=PM999 evil%3Aalias%2Cx%25")
        #expect(parts[2] == "quoted \"<script>alert(1)</script>\" \u{1B}[31m%250A%0D%0A::error file=x::injected \\ \u{2028}%0ASuggestion: =HYPERLINK(\"x\")%0Anext")
    }

    // MARK: CSV (pm budget, pm classify, report staircase.csv)

    /// Fails for any cell a spreadsheet would run as a formula; numbers (`-12.50`) are allowed.
    static func expectNoFormula(_ csv: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for row in HostileCorpus.csvCells(csv) {
            for cell in row {
                guard let first = cell.first, HostileCorpus.formulaLeads.contains(first) else { continue }
                #expect(Double(cell) != nil, "formula cell \(cell.debugDescription)", sourceLocation: sourceLocation)
            }
        }
    }

    static func budget() throws -> BudgetReport {
        let configuration = try HostileCorpus.configuration()
        return BudgetReport(slos: configuration.slos, records: try HostileCorpus.records(), period: HostileCorpus.period,
                            zone: .utc, timezone: "UTC", today: HostileCorpus.today)
    }

    @Test("budget CSV: formula-leading SLO ids and incident ids get a leading apostrophe")
    func budgetCSV() throws {
        let csv = BudgetCSVRenderer.render(try Self.budget(), zone: .utc)
        Self.expectNoFormula(csv)
        let cells = Set(HostileCorpus.csvCells(csv).flatMap { $0 })
        #expect(cells.contains("'=HYPERLINK(\"http://evil.example\",\"slo\")"))
        #expect(cells.contains("'@SUM(1+1)"))
        #expect(cells.contains("'-1+1"))
    }

    @Test("budget JSON parses and round-trips the SLO ids")
    func budgetJSON() throws {
        let output = JSONOutput.encode(try Self.budget())
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        let strings = Set(HostileCorpus.strings(in: object))
        #expect(strings.contains("=HYPERLINK(\"http://evil.example\",\"slo\")"))
        #expect(strings.contains("-1+1"))
    }

    static func causes(_ groupBy: GroupingDimension) throws -> CauseReport {
        let configuration = try HostileCorpus.configuration()
        let documents = try HostileCorpus.documents()
        let burns = ErrorBudgetCalculator.burns(slos: configuration.slos, records: documents.map(\.postmortem), zone: .utc)
        return CauseReport(records: documents.map(\.postmortem), sources: documents.map(\.source),
                           classifier: try Classifier(configuration: configuration), burns: burns, groupBy: groupBy, slos: configuration.slos)
    }

    @Test("classify CSV: service keys, incident ids and SLO columns are formula-guarded", arguments: GroupingDimension.allCases)
    func classifyCSV(groupBy: GroupingDimension) throws {
        let csv = CauseCSVRenderer.render(try Self.causes(groupBy))
        Self.expectNoFormula(csv)
        if groupBy == .service {
            let keys = HostileCorpus.csvCells(csv).dropFirst().map { $0[1] }
            #expect(Set(keys) == ["'+cmd|' /C calc'!A0", "'-1+1", "<svg onload=alert(1)>"])
        }
    }

    @Test("classify JSON parses and round-trips the service names")
    func classifyJSON() throws {
        let output = JSONOutput.encode(try Self.causes(.service))
        let strings = Set(HostileCorpus.strings(in: try JSONSerialization.jsonObject(with: Data(output.utf8))))
        #expect(strings.contains("+cmd|' /C calc'!A0"))
        #expect(strings.contains("<svg onload=alert(1)>"))
    }

    @Test("a cell's leading formula character is guarded even after quoting is needed")
    func spreadsheetCell() {
        #expect(SpreadsheetCell.text("=1+1") == "'=1+1")
        #expect(SpreadsheetCell.text("+cmd") == "'+cmd")
        #expect(SpreadsheetCell.text("-1+1") == "'-1+1")
        #expect(SpreadsheetCell.text("@SUM(1)") == "'@SUM(1)")
        #expect(SpreadsheetCell.text("\tx") == "'\tx")
        #expect(SpreadsheetCell.text("=HYPERLINK(\"a\",\"b\")") == "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"")
        // A carriage return is written as the terminal escaping writes it (the sink audit of stop
        // 47: CSV is printed to terminals), and the cell no longer starts with a formula character.
        #expect(SpreadsheetCell.text("\r=x") == "\\u{d}=x")
        #expect(SpreadsheetCell.text("inc\u{1B}]0;PWN\u{07}\u{202E}") == "inc\\u{1b}]0;PWN\\u{7}\\u{202e}")
        #expect(SpreadsheetCell.text("a\n::error::x") == "\"a\n\\u{3a}:error::x\"")
        #expect(SpreadsheetCell.text("plain") == "plain")
        // Found by the black-box pass of stop 36: "\r\n" is one Character, and was not quoted.
        // (Its carriage return is escaped since stop 47; the line feed keeps the cell quoted.)
        #expect(SpreadsheetCell.text("avail\r\n=2+5") == "\"avail\\u{d}\n=2+5\"")
        #expect(SpreadsheetCell.text("a\u{301},b\"\u{301}") == "\"a\u{301},b\"\"\u{301}\"")
    }

    // MARK: The report (HTML pages, inline SVG, CSV, JSON)

    static func site() throws -> [ReportFile] {
        let configuration = try HostileCorpus.configuration()
        let classifier = try Classifier(configuration: configuration)
        let linter = try Linter(configuration: configuration)
        let inputs = InputDiscovery.expand([HostileCorpus.directory.appendingPathComponent("postmortems").path])
        let documents = ReportGenerator.documents(inputs, configuration: configuration, classifier: classifier, linter: linter,
                                                  today: HostileCorpus.today, pathsRelativeTo: HostileCorpus.directory.path)
        let options = ReportOptions(period: HostileCorpus.period, today: HostileCorpus.today, zone: .utc)
        return ReportGenerator.site(documents: documents, configuration: configuration, classifier: classifier,
                                    linter: linter, options: options, templates: try ReportTemplates.builtIn()).files
    }

    /// Start tags in an HTML text: name and the raw attribute text.
    static func tags(_ html: String) -> [(name: String, attributes: String)] {
        html.matches(of: /<([A-Za-z][A-Za-z0-9:-]*)([^>]*)>/).map { (String($0.output.1).lowercased(), String($0.output.2)) }
    }

    @Test("report HTML: no script, frame or event handler; no javascript:/data: URL; no control character")
    func reportHTML() throws {
        let files = try Self.site()
        let pages = files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count == 3)
        for page in pages {
            let html = page.contents
            for tag in Self.tags(html) {
                #expect(!["script", "iframe", "object", "embed", "base", "form", "meta"].contains(tag.name) || (tag.name == "meta" && !tag.attributes.lowercased().contains("http-equiv=\"refresh")),
                        "\(page.path): <\(tag.name)\(tag.attributes)>")
                #expect(tag.attributes.firstMatch(of: /(?i)\son[a-z]+\s*=/) == nil, "\(page.path): handler in <\(tag.name)\(tag.attributes)>")
                #expect(tag.attributes.firstMatch(of: /(?i)(href|src|action|xlink:href)\s*=\s*["']?\s*(javascript|data|vbscript):/) == nil,
                        "\(page.path): URL in <\(tag.name)\(tag.attributes)>")
            }
            #expect(!html.unicodeScalars.contains { HTMLEscaping.isForbidden($0) }, "\(page.path): control character")
            #expect(!html.contains("<img src=x"))
            #expect(!html.contains("<svg onload"))
            #expect(!html.contains("<b>x</b>"))
            #expect(!html.contains("<b>slo</b>"))
        }
        let incident = try #require(pages.first { $0.contents.contains("Provider outage") })
        #expect(incident.contents.contains("&lt;script&gt;alert("))
        #expect(incident.contents.contains("&lt;img src=x onerror=alert("))
        #expect(incident.contents.contains("]]&gt; &lt;/svg&gt;"))
        // A quote or < followed by a combining mark (one grapheme cluster, two code points) is
        // escaped by the templates' {{…}} like any other, on both pages that show the second
        // document's title; the handler check above proves it never lands inside a tag.
        for page in pages where page.contents.contains("onmouseover=") {
            #expect(!page.contents.contains("<\u{338}"), "\(page.path)")
            #expect(page.contents.contains("&quot;\u{301} onmouseover=&quot;\u{301}alert(2) &lt;\u{338}b&gt;"), "\(page.path)")
        }
        #expect(pages.filter { $0.contents.contains("onmouseover=") }.count == 2)
    }

    @Test("report inline SVG is well-formed XML with the hostile labels as text")
    func reportSVG() throws {
        let files = try Self.site()
        var charts = 0
        for page in files where page.path.hasSuffix(".html") {
            for match in page.contents.matches(of: /(?s)<svg\b.*?<\/svg>/) {
                charts += 1
                let svg = String(match.output).replacingOccurrences(of: "&nbsp;", with: "&#160;")
                let parser = XMLParser(data: Data(svg.utf8))
                #expect(parser.parse(), "\(page.path): SVG not well-formed: \(String(describing: parser.parserError))")
            }
        }
        #expect(charts > 0)
    }

    @Test("report staircase.csv has no formula cell; data.json round-trips")
    func reportCSVAndJSON() throws {
        let files = try Self.site()
        let csv = try #require(files.first { $0.path == "staircase.csv" }).contents
        Self.expectNoFormula(csv)
        #expect(csv.contains("'=HYPERLINK("))
        let data = try #require(files.first { $0.path == "data.json" }).contents
        let strings = Set(HostileCorpus.strings(in: try JSONSerialization.jsonObject(with: Data(data.utf8))))
        #expect(strings.contains(try HostileCorpus.first().title!))
    }

    @Test("report page names of hostile ids stay inside incidents/")
    func reportPageNames() throws {
        for file in try Self.site() {
            #expect(!file.path.contains(".."))
            #expect(!file.path.hasPrefix("/"))
            #expect(file.path.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F })
        }
    }

    // MARK: Markdown raw HTML and links

    @Test("raw HTML and javascript:/data: links in the body never pass through", arguments: [
        "<script>alert(1)</script>\n", "<div onmouseover=\"x()\">a</div>\n", "a <img src=x onerror=alert(1)> b\n",
        "[x](javascript:alert(1))\n", "[x](JaVaScRiPt:alert(1))\n", "[x](data:text/html,<script>alert(1)</script>)\n",
        "![x](javascript:alert(1))\n", "[x](vbscript:msgbox)\n", "<iframe src=\"javascript:alert(1)\"></iframe>\n",
        "<a href=\"javascript:alert(1)\">x</a>\n", "[x]: javascript:alert(1)\n\n[x]\n", "<javascript:alert(1)>\n",
    ])
    func markdownBody(source: String) {
        let html = PageHTML.prepare(MarkdownParser.renderHTML(source))
        for tag in Self.tags(html) {
            #expect(!["script", "iframe", "div", "img", "a"].contains(tag.name) || tag.attributes.firstMatch(of: /(?i)(javascript|data|vbscript):|\son[a-z]+=/) == nil,
                    "\(html)")
            #expect(tag.name != "script" && tag.name != "iframe", "\(html)")
        }
    }

    /// Found by the sink audit of stop 47: images from other sites were kept, so opening a page
    /// fetched them, though docs/report.md says nothing is fetched from the network.
    @Test func remoteImagesBecomeLinks() {
        let source = "![p99 latency](https://grafana.example/p99.png \"p99\") ![](//cdn.example/x.png) "
            + "[![dash](HTTP://img.example/d.png)](https://dash.example) ![inline](data:image/png;base64,iVBORw0KGgo=) ![local](img/a.png)\n"
        let html = PageHTML.prepare(MarkdownParser.renderHTML(source))
        #expect(html == "<p><a class=\"remote-image\" href=\"https://grafana.example/p99.png\">Image: p99 latency</a> "
            + "<a class=\"remote-image\" href=\"//cdn.example/x.png\">Image</a> "
            + "<a href=\"https://dash.example\"><span class=\"remote-image\">Image: dash</span></a> "
            + "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"inline\" /> <img src=\"img/a.png\" alt=\"local\" /></p>\n")
        // The retest of stop 47: a heading keeps GitHub's id, which leaves an image's alt text out,
        // and a link whose address was dropped holds no second link.
        #expect(PageHTML.prepare(MarkdownParser.renderHTML("### Heading ![h](https://example.com/h.png)\n"))
                == "<h3 id=\"heading-\">Heading <a class=\"remote-image\" href=\"https://example.com/h.png\">Image: h</a></h3>\n")
        #expect(!PageHTML.prepare(MarkdownParser.renderHTML("[![g](https://a.example/g.png)](https://x.example/\u{1B}[31m)\n")).contains("<a class"))
        // The review of stop 47: an address with an encoded control character is no link, as a
        // text link's is not; and links around images are counted, not searched for backwards.
        #expect(PageHTML.prepare(MarkdownParser.renderHTML("![img](https://a.example/y%1B[31m.png)\n"))
                == "<p><span class=\"remote-image\">Image: img</span></p>\n")
        #expect(PageHTML.linkingRemoteImages(#"<a href="x"><img src="https://a/b.png" alt="1" /></a> <img src="https://a/c.png" alt="2" />"#)
                == #"<a href="x"><span class="remote-image">Image: 1</span></a> <a class="remote-image" href="https://a/c.png">Image: 2</a>"#)
        // An alt text that holds markup stays escaped.
        #expect(PageHTML.prepare(MarkdownParser.renderHTML("![<b>\"x\"</b>](https://a.example/x.png)\n"))
                == "<p><a class=\"remote-image\" href=\"https://a.example/x.png\">Image: &lt;b&gt;&quot;x&quot;&lt;/b&gt;</a></p>\n")
    }
}
