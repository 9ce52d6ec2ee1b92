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

    @Test("a finding in colour, byte for byte: bold location, coloured label, dim rule, green suggestion")
    func textInColourExactly() {
        let finding = Finding(ruleID: "PM012", alias: "blame-language", severity: .warning, message: "\"should have\" is blame",
                              path: "postmortems/a.md", range: SourceRange(start: SourceLocation(line: 3, column: 7),
                                                                          end: SourceLocation(line: 3, column: 17)),
                              suggestion: "say what happened")
        let esc = "\u{1B}"
        #expect(TextReporter(colour: true).elements([finding]) == [
            "\(esc)[1mpostmortems/a.md:3:7\(esc)[0m: \(esc)[1;33mwarning\(esc)[0m: \"should have\" is blame \(esc)[2m[PM012 blame-language]\(esc)[0m\n"
                + "    \(esc)[32msuggestion:\(esc)[0m say what happened\n",
        ])
        var unplaced = finding
        unplaced.range = nil
        #expect(TextReporter().elements([unplaced]) == ["postmortems/a.md:1:1: warning: \"should have\" is blame [PM012 blame-language]\n    suggestion: say what happened\n"])
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
        // The suggestion is in the message, which is what GitHub code scanning shows.
        let simply = try #require(results.first { ($0["message"] as? [String: Any])?["text"] as? String
            == "\"simply\" makes the work sound easy\nSuggestion: drop it: if it were simple it would have been done; say what it took" })
        let region = ((simply["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(region?["startColumn"] as? Int == 29)
        #expect(region?["endColumn"] as? Int == 35)
        // Every rule has the help GitHub requires, and a page to link to.
        let rules = try #require((((object["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count == RuleRegistry.all.count + ProblemCode.allCases.count)
        for rule in rules {
            let help = rule["help"] as? [String: String]
            #expect(help?["text"]?.isEmpty == false && help?["markdown"]?.isEmpty == false, "\(rule["id"] ?? "")")
            #expect((rule["helpUri"] as? String)?.hasPrefix("https://") == true, "\(rule["id"] ?? "")")
        }
        let p011 = try #require(rules.first { $0["id"] as? String == "P011" })
        #expect(p011["helpUri"] as? String == "https://github.com/larkspur-grocers/pm/blob/main/docs/format.md#reading-problems")
    }

    /// GitHub code scanning requires a region's start line; a finding about the whole file had
    /// none (the integration audit of stop 50).
    @Test func sarifWholeFileFindingIsAtLineOne() {
        let finding = Finding(ruleID: "P004", alias: "empty", severity: .error, message: "the file is empty", path: "postmortems/a.md", range: nil)
        let result = SARIFReporter.result(finding, lines: [])
        #expect(result.locations.first?.physicalLocation.region?.startLine == 1)
        #expect(result.locations.first?.physicalLocation.region?.startColumn == 1)
        #expect(result.message.text == "the file is empty")
    }

    @Test("SARIF splits a file into lines as pm numbers them, on bytes")
    func sarifLines() throws {
        // Without "\r", the split on "\n" bytes is the split on the Character "\n", even next to
        // combining marks and emoji sequences (a "\n" is always a grapheme of its own).
        var generator = SplitMix64(seed: 6)
        let pieces = ["a", "é", "e\u{301}", "\u{301}", "☕", "👩‍💻", "\n", "\n", " ", "\u{1}", "\u{85}", "\u{2028}"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let byBytes = SARIFReporter.lines(text).map { Array($0.utf8) }
            let byCharacters = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
            #expect(byBytes == byCharacters, "\(Array(text.unicodeScalars))")
        }
        // "\r\n" and a lone "\r" end lines too, as the reader counts them.
        #expect(SARIFReporter.lines("a\r\nb\rc\n\r\nd\r").map(String.init) == ["a", "b", "c", "", "d", ""])
        #expect(SARIFReporter.lines("").map(String.init) == [""])
        #expect(SARIFReporter.lines(nil).isEmpty)
        // So a finding on line 2 gets a code point column whatever ended line 1.
        let finding = Finding(ruleID: "PM012", alias: "blame-language", severity: .warning, message: "m", path: "a.md",
                              range: SourceRange(start: SourceLocation(line: 2, column: 5), end: SourceLocation(line: 2, column: 8)))
        for ending in ["\n", "\r\n", "\r"] {
            let region = SARIFReporter.result(finding, lines: SARIFReporter.lines("title\(ending)☕ é simply")).locations.first?.physicalLocation.region
            #expect(region?.startColumn == 3, "\(Array(ending.utf8))")
            #expect(region?.endColumn == 6, "\(Array(ending.utf8))")
        }
    }

    @Test("a SARIF region of a phrase wrapped across lines ends after its last character; a block's end on a blank line or indentation is left open")
    func multiLineRegions() throws {
        // A real lint run: "should⏎have" starts on one line and ends on the next.
        let document = RuleExamples.document(sections: ["Summary": "The on-call engineer should\nhave checked the pool size."])
        let finding = try #require(try LintTestSupport.lint(document).first { $0.ruleID == "PM012" })
        let range = try #require(finding.range)
        let region = try #require(SARIFReporter.result(finding, lines: SARIFReporter.lines(document)).locations.first?.physicalLocation.region)
        #expect(range.end.line == range.start.line + 1)
        #expect(region.startLine == range.start.line && region.startColumn == 22)
        #expect(region.endLine == range.end.line && region.endColumn == 5)
        // Code point columns on the end line too: "é" is two bytes and one column.
        let accented = Finding(ruleID: "PM012", alias: "blame-language", severity: .warning, message: "m", path: "a.md",
                               range: SourceRange(start: SourceLocation(line: 1, column: 5), end: SourceLocation(line: 2, column: 6)))
        let accentedRegion = SARIFReporter.result(accented, lines: SARIFReporter.lines("We should\né have")).locations.first?.physicalLocation.region
        #expect(accentedRegion?.endLine == 2 && accentedRegion?.endColumn == 6)
        // A range that ends on a character of several bytes ends after it, whichever of its bytes
        // the end column names, on one line and over two.
        for (text, start, endLine) in [("We blamed Zoé", SourceLocation(line: 1, column: 11), 1), ("We blamed\nZoé", SourceLocation(line: 1, column: 4), 2)] {
            let zoeColumn = endLine == 1 ? 11 : 1
            for lastByte in [zoeColumn + 2, zoeColumn + 3] {
                let ending = Finding(ruleID: "PM013", alias: "person-blamed", severity: .warning, message: "m", path: "a.md",
                                     range: SourceRange(start: start, end: SourceLocation(line: endLine, column: lastByte)))
                let endingRegion = SARIFReporter.result(ending, lines: SARIFReporter.lines(text)).locations.first?.physicalLocation.region
                #expect(endingRegion?.endLine == endLine && endingRegion?.endColumn == zoeColumn + 3, "\(text) \(lastByte)")
            }
        }
        // Ends where cmark-gfm ends some blocks: column 1 of an empty line, of indentation, or
        // past the line's end. The region runs to the end of its last line.
        for (text, end) in [("- item\n\nnext", SourceLocation(line: 2, column: 1)), ("- item\n  more", SourceLocation(line: 2, column: 1)),
                            ("- item\nab", SourceLocation(line: 2, column: 3))] {
            let block = Finding(ruleID: "PM041", alias: "x", severity: .warning, message: "m", path: "a.md",
                                range: SourceRange(start: SourceLocation(line: 1, column: 1), end: end))
            let blockRegion = SARIFReporter.result(block, lines: SARIFReporter.lines(text)).locations.first?.physicalLocation.region
            #expect(blockRegion?.endLine == 2 && blockRegion?.endColumn == nil, "\(text)")
        }
    }

    @Test("a SARIF artifact URI is the path percent-encoded, with or without Foundation")
    func sarifURI() {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        var generator = SplitMix64(seed: 7)
        let pieces = ["a", "Z", "0", "-", ".", "_", "~", "/", "./", " ", "%", "#", "?", "é", "☕", ":", "+", "\u{7F}", "\t"]
        for _ in 0..<2000 {
            let path = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            #expect(SARIFReporter.uri(path) == trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed, "\(path)")
        }
        #expect(SARIFReporter.uri("./postmortems/search slow, rebuild.md") == "postmortems/search%20slow%2C%20rebuild.md")
    }

    /// Reports with findings in several files, non-ASCII columns, hostile text and none at all.
    static func reports() throws -> [LintReport] {
        let one = try report(), hostile = try HostileContentTests.lintReport()
        let both = LintReport(findings: one.findings + hostile.findings, fileCount: one.fileCount + hostile.fileCount,
                              sources: one.sources.merging(hostile.sources) { first, _ in first })
        return [one, hostile, both, LintReport(findings: [], fileCount: 3)]
    }

    @Test("JSON written file by file is the document encoded at once")
    func jsonStreamedIsEncodedWhole() throws {
        for report in try Self.reports() {
            let whole = JSONOutput.encode(JSONReporter.Output(findings: report.findings, summary: report.counts)) + "\n"
            // Bytes, not String equality (which is canonical equivalence).
            #expect(Array(JSONReporter().render(report).utf8) == Array(whole.utf8), "\(report.findings.count) findings")
        }
    }

    @Test("SARIF written file by file is the log encoded at once")
    func sarifStreamedIsEncodedWhole() throws {
        let reporter = SARIFReporter()
        for report in try Self.reports() {
            let results = report.findings.map { SARIFReporter.result($0, lines: SARIFReporter.lines(report.sources[$0.path])) }
            let log = SARIFReporter.Log(runs: [SARIFReporter.Run(tool: SARIFReporter.Tool(driver: SARIFReporter.Driver(
                version: PostmortemKitVersion.string, informationUri: reporter.rulesDocumentationURI, rules: reporter.rules)), results: results)])
            let whole = try #require(SARIFReporter.encode(log)) + "\n"
            #expect(Array(reporter.render(report).utf8) == Array(whole.utf8), "\(report.findings.count) findings")
        }
    }

    @Test("the SARIF rules table lists every rule and reading problem, whatever the run found")
    func sarifRulesAreTheWholeCatalogue() throws {
        let rules = SARIFReporter().rules
        #expect(rules.count == RuleRegistry.all.count + ProblemCode.allCases.count)
        #expect(Set(rules.map(\.id)).count == rules.count)
        for (index, rule) in rules.enumerated() { #expect(SARIFReporter.ruleIndex[rule.id] == index) }
        // A reading problem's index is the same in a run that found nothing else.
        let finding = Finding(ruleID: ProblemCode.invalidYAML.rawValue, alias: ProblemCode.invalidYAML.alias, severity: .error,
                              message: "m", path: "a.md", range: nil)
        let output = SARIFReporter().render(LintReport(findings: [finding], fileCount: 1))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let index = try #require((run["results"] as? [[String: Any]])?.first?["ruleIndex"] as? Int)
        let table = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(table[index]["id"] as? String == "P011")
    }

    @Test func github() throws {
        let output = GitHubReporter().render(try Self.report())
        Self.check(output, against: "expected.github")
        #expect(output.contains("file=postmortems/search slow%2C rebuild.md"))
    }

    /// GitHub shows 10 annotations of each kind a step; past that, a new postmortem's findings
    /// went unseen without a word (the integration audit of stop 50).
    @Test func githubSaysWhatGitHubWillNotShow() {
        var counts = LintCounts(files: 28)
        #expect(GitHubReporter().end(counts, empty: true) == "")
        counts.errors = 1
        counts.warnings = 10
        #expect(GitHubReporter().end(counts, empty: false) == "")
        counts.warnings = 11
        #expect(GitHubReporter().end(counts, empty: false)
                == "::notice title=pm lint::1 error, 11 warnings, 0 notes in 28 files: GitHub shows 10 annotations of each kind a step, so 1 warning is in this step's log only (upload --format sarif to code scanning to see them all)\n")
        counts.errors = 12
        counts.warnings = 14
        #expect(GitHubReporter().end(counts, empty: false).contains("so 2 errors and 4 warnings are in this step's log only"))
        // With ten notices before it, a notice would be hidden itself: a line of the log.
        counts.notes = 10
        #expect(GitHubReporter().end(counts, empty: false).hasPrefix("pm lint: 12 errors, 14 warnings, 10 notes in 28 files: GitHub shows"))
    }

    @Test func githubEscapesNewlinesAndPercent() {
        #expect(GitHubReporter.escapeData("50%\nnext") == "50%25%0Anext")
        #expect(GitHubReporter.escapeProperty("a:b,c") == "a%3Ab%2Cc")
    }

    @Test("SARIF's code point columns equal a count of the scalars before each byte column, on seeded random lines")
    func codePointColumnsMatchCounting() {
        var generator = SplitMix64(seed: 42)
        let pieces = ["a", " ", "é", "€", "😀", "\u{301}", "\t"]
        for _ in 0..<200 {
            let lines = (0..<3).map { _ in (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() }
            let columns = SARIFReporter.CodePointColumns(lines.map { Substring($0) })
            for (index, line) in lines.enumerated() {
                let bytes = Array(line.utf8)
                for column in 1...(bytes.count + 3) {
                    let prefix = bytes.prefix(column - 1)
                    let expected = prefix.filter { $0 & 0xC0 != 0x80 }.count + max(0, column - 1 - bytes.count) + 1
                    #expect(columns.column(line: index + 1, byteColumn: column) == expected)
                }
            }
        }
    }
}
