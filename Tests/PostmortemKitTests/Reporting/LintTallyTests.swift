import Testing
@testable import PostmortemKit

@Suite("What the report keeps of a document's findings")
struct LintTallyTests {
    func finding(_ rule: String, _ severity: Severity, _ message: String, line: Int? = nil, path: String = "a.md") -> Finding {
        Finding(ruleID: rule, alias: "alias-\(rule)", severity: severity, message: message, path: path,
                range: line.map { SourceRange(start: SourceLocation(line: $0, column: 1), end: SourceLocation(line: $0, column: 2)) })
    }

    @Test("the tally counts findings by rule, severity and file, in the order they first came")
    func tally() {
        let tally = LintTally([finding("PM2", .warning, "x"), finding("PM1", .error, "y"), finding("PM2", .warning, "z"),
                               finding("PM2", .error, "w"), finding("PM1", .error, "v", path: "b.md")])
        #expect(tally.entries.map { "\($0.ruleID) \($0.severity) \($0.path ?? "-") \($0.count)" }
                == ["PM2 warning a.md 2", "PM1 error a.md 1", "PM2 error a.md 1", "PM1 error b.md 1"])
        #expect(tally.count(.error) == 3 && tally.count(.warning) == 2 && tally.count(.info) == 0)
        #expect(LintTally([]).isEmpty)
    }

    @Test("page findings come back from the spill as they went in, whatever the messages hold")
    func spillRoundTrip() {
        let findings = [finding("PM3", .info, "", line: 4), finding("PM1", .error, "nul \u{0} and \u{1B}[31m, <b>&</b>\r\n", line: 2),
                        finding("P011", .warning, "\u{0}"), finding("PM2", .warning, "é\u{301} \u{0}\u{301}")]
        let rows = PageFinding.rows(findings)
        #expect(rows.map(\.location) == ["file", "file", "line 2", "line 4"])
        #expect(rows.map(\.rule) == ["P011 alias-P011", "PM2 alias-PM2", "PM1 alias-PM1", "PM3 alias-PM3"])
        #expect(rows.allSatisfy { !$0.message.contains("\u{0}") && !$0.rule.contains("\u{0}") })
        #expect(PageFinding.unspilled(PageFinding.spilled(rows)) == rows)
        #expect(PageFinding.unspilled(PageFinding.spilled([])) == [])
        #expect(rows.first { $0.rule == "PM1 alias-PM1" }?.message == "nul \u{FFFD} and \u{FFFD}[31m, <b>&</b>\r\n")
    }

    @Test("the index's most common findings count each file once per rule, whether its own document's finding names it or another's")
    func commonFindings() throws {
        func document(_ path: String, _ findings: [Finding]) -> ReportedDocument {
            let record = Postmortem(path: path, id: String(path.dropLast(3)))
            let classification = Classification(incident: record.id, primary: "unknown", categories: [], declared: false)
            return ReportedDocument.slimmed(ReportedDocument(postmortem: record, classification: classification, findings: findings, bodyHTML: ""))
        }
        // The findings a corpus-wide rule adds to a document (ReportGenerator.addCorpusFindings)
        // name its path, and one may name another file.
        let documents = [
            document("a.md", [finding("PM1", .error, "1"), finding("PM1", .error, "2"), finding("PM2", .warning, "3"),
                              finding("PM3", .info, "9", path: "a.md")]),
            document("b.md", [finding("PM1", .error, "4", path: "b.md"), finding("PM1", .warning, "5", path: "b.md"),
                              finding("PM2", .warning, "6", path: "z.md"), finding("PM1", .error, "8", path: "b.md")]),
            document("c.md", [finding("PM2", .warning, "7", path: "c.md"), finding("PM2", .warning, "10", path: "z.md")]),
        ]
        var review = QuarterlyReview(documents: documents, configuration: ReportFixture.configuration,
                                     categories: [], options: ReportFixture.options)
        // Slimmed records keep no paths: the streaming report reads them back from its spill.
        let paths = ["a.md", "b.md", "c.md"]
        #expect(documents.allSatisfy { $0.postmortem.path.isEmpty })
        review.headerReader = { DocumentHeader(title: nil, path: paths[$0]) }
        let common = try #require(IndexPageModel.context(review)["lintCommon"] as? [[String: Any]])
        #expect(common.map { "\($0["rule"]!) \($0["severity"]!) \($0["count"]!) in \($0["documents"]!)" }
                == ["PM1 error 5 in 2", "PM2 warning 4 in 3", "PM3 info 1 in 1"])
        // The same as counting the distinct paths of every finding.
        for rule in ["PM1", "PM2", "PM3"] {
            let findings = zip(documents, paths).flatMap { document, path in
                document.lint.entries.map { finding($0.ruleID, $0.severity, "", path: $0.path ?? path) }
            }
            let paths = Set(findings.filter { $0.ruleID == rule }.map(\.path))
            #expect(common.first { $0["rule"] as? String == rule }?["documents"] as? String == "\(paths.count)")
        }
    }

    func slimmed(_ path: String, _ findings: [Finding]) -> ReportedDocument {
        let record = Postmortem(path: path, id: path)
        let classification = Classification(incident: path, primary: "unknown", categories: [], declared: false)
        return ReportedDocument.slimmed(ReportedDocument(postmortem: record, classification: classification, findings: findings, bodyHTML: ""))
    }

    func storage<Element>(_ array: [Element]) -> UnsafePointer<Element>? { array.withUnsafeBufferPointer { $0.baseAddress } }

    @Test("the streaming report's tallies leave out the document's own path, so equal tallies of different documents share one array")
    func slimmedTallies() {
        let a = slimmed("a.md", [finding("PM1", .error, "x"), finding("PM2", .warning, "y", path: "z.md"), finding("PM1", .error, "w")])
        let b = slimmed("b.md", [finding("PM1", .error, "v", path: "b.md"), finding("PM2", .warning, "u", path: "z.md"),
                                 finding("PM1", .error, "t", path: "b.md")])
        #expect(a.lint.entries.map(\.path) == [nil, "z.md"])
        #expect(a.lint.entries.map(\.count) == [2, 1])
        #expect(a.lint.entries == b.lint.entries)
        var shared = SharedValues<[LintTally.Entry]>()
        let first = shared.shared(a.lint.entries), second = shared.shared(b.lint.entries)
        #expect(storage(first) == storage(second))
        #expect(second == b.lint.entries)
    }

    @Test("shared values remember at most their limit of distinct values, and give back every value unchanged")
    func sharedLimit() {
        var shared = SharedValues<[String]>(limit: 2)
        let one = shared.shared(["1"]), two = shared.shared(["2"]), three = shared.shared(["3"])
        #expect(storage(shared.shared(["1"])) == storage(one) && storage(shared.shared(["2"])) == storage(two))
        let again = ["3"]
        #expect(storage(shared.shared(again)) == storage(again) && storage(again) != storage(three))
        #expect([one, two, three, shared.shared(["4"])] == [["1"], ["2"], ["3"], ["4"]])
    }
}
