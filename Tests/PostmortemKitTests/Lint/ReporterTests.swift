import Foundation
import Testing
@testable import PostmortemKit

/// Each reporter against a canned output file. Set PM_UPDATE_GOLDEN=1 to rewrite them after a
/// deliberate change, and review the diff.
@Suite struct ReporterTests {
    static func report() throws -> LintReport {
        let text = LintTestSupport.read(LintTestSupport.fixture("reporters.md"))
        // A path with a space and a comma, which every format must escape its own way.
        let findings = try LintTestSupport.lint(text, path: "postmortems/search slow, rebuild.md")
        return LintReport(findings: findings, fileCount: 1, sources: ["postmortems/search slow, rebuild.md": text])
    }

    static func check(_ output: String, against name: String) {
        let path = LintTestSupport.fixture(name)
        if ProcessInfo.processInfo.environment["PM_UPDATE_GOLDEN"] == "1" {
            try? output.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(output == LintTestSupport.read(path), "\(name) differs; run with PM_UPDATE_GOLDEN=1 and review")
    }

    @Test func text() throws {
        Self.check(TextReporter().render(try Self.report()), against: "expected.txt")
    }

    @Test func textInColourWrapsOnlyLabels() throws {
        let coloured = TextReporter(colour: true).render(try Self.report())
        #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m"))
        let plain = coloured.replacing(/\x{1B}\[[0-9;]*m/, with: "")
        #expect(plain == TextReporter().render(try Self.report()))
    }

    @Test func json() throws {
        let output = JSONReporter().render(try Self.report())
        Self.check(output, against: "expected.json")
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        #expect((object?["findings"] as? [Any])?.isEmpty == false)
    }

    @Test func sarif() throws {
        let output = SARIFReporter().render(try Self.report())
        Self.check(output, against: "expected.sarif")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        // "simply" is at UTF-8 byte column 32 and code point column 29 ("Café ☕ " is 10 bytes, 7 code points).
        let results = try #require(((object["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let simply = try #require(results.first { ($0["message"] as? [String: Any])?["text"] as? String == "\"simply\" is blame or counterfactual language" })
        let region = ((simply["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(region?["startColumn"] as? Int == 29)
        #expect(region?["endColumn"] as? Int == 35)
    }

    @Test("SARIF from only the lines findings point at is SARIF from the whole sources")
    func sarifFromColumnSources() throws {
        for report in [try Self.report(), try HostileContentTests.lintReport()] {
            var columns = SARIFReporter.ColumnSources()
            for (path, source) in report.sources.sorted(by: { $0.key < $1.key }) {
                columns.add(source, path: path, findings: report.findings.filter { $0.path == path })
            }
            var reduced = report
            reduced.sources = columns.sources
            // Bytes, not String equality (which is canonical equivalence).
            #expect(Array(SARIFReporter().render(reduced).utf8) == Array(SARIFReporter().render(report).utf8))
            // The reduction keeps less than the whole text.
            #expect(reduced.sources.values.map(\.utf8.count).reduce(0, +) < report.sources.values.map(\.utf8.count).reduce(0, +))
        }
    }

    @Test("a path added twice keeps its last text, with the lines of both additions' findings")
    func columnSourcesOfAPathAddedTwice() {
        func finding(line: Int) -> Finding {
            Finding(ruleID: "PM012", alias: "blame-language", severity: .warning, message: "m", path: "a.md",
                    range: SourceRange(start: SourceLocation(line: line, column: 1), end: SourceLocation(line: line, column: 2)))
        }
        var columns = SARIFReporter.ColumnSources()
        columns.add("one\ntwo\nthree", path: "a.md", findings: [finding(line: 1)])
        columns.add("uno\ndos\ntres", path: "a.md", findings: [finding(line: 3)])
        columns.add("no findings here", path: "b.md", findings: [])
        #expect(columns.sources == ["a.md": "uno\n\ntres"])
    }

    @Test func github() throws {
        let output = GitHubReporter().render(try Self.report())
        Self.check(output, against: "expected.github")
        #expect(output.contains("file=postmortems/search slow%2C rebuild.md"))
    }

    @Test func githubEscapesNewlinesAndPercent() {
        #expect(GitHubReporter.escapeData("50%\nnext") == "50%25%0Anext")
        #expect(GitHubReporter.escapeProperty("a:b,c") == "a%3Ab%2Cc")
    }
}
