import Foundation
import Testing
@testable import PostmortemKit

@Suite struct CorpusLintTests {
    /// Every bundled postmortem and template lints with zero errors under the project's pm.yml.
    @Test func bundledPostmortemsAndTemplatesHaveNoErrors() throws {
        var configuration = try LintTestSupport.projectConfiguration()
        configuration.rootDirectory = LintTestSupport.packageRoot
        let linter = try Linter(configuration: configuration)
        let root = LintTestSupport.packageRoot
        let inputs = InputDiscovery.expand([root + "/postmortems", root + "/templates"])
        #expect(inputs.count >= 26)
        let findings = DocumentLoader.map(inputs, options: ReadOptions(configuration: configuration)) {
            linter.lint($0, today: CalendarDate(year: 2026, month: 11, day: 22)!)
        }.flatMap { $0 }
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.path):\($0.range?.start.description ?? ""): \($0.message) [\($0.ruleID)]" })")
        let records = DocumentLoader.map(inputs, options: ReadOptions(configuration: configuration)) { $0.postmortem }
        #expect(linter.lintCorpus(records).isEmpty)
    }

    /// The linter finds its corpus rules by asking each rule (``LintRule/corpusRule``) instead of
    /// by a dynamic cast; both readings agree for every rule, by instance and by type.
    @Test func corpusRulesAreFoundWithoutACast() throws {
        let linter = try Linter(configuration: Configuration())
        let byCast = linter.lintConfiguration.rules.filter { $0.rule is any CorpusLintRule }.map { type(of: $0.rule).description.id }
        #expect(byCast == ["PM060", "PM061"])
        #expect(linter.corpusRules.map { type(of: $0.rule).description.id } == byCast)
        for type in RuleRegistry.all {
            #expect(type.isCorpusRule == (type is any CorpusLintRule.Type), "\(type.description.id)")
        }
        for entry in linter.lintConfiguration.rules {
            #expect((entry.rule.corpusRule != nil) == (entry.rule is any CorpusLintRule))
        }
    }

    /// An editor linting a file outside the repository has no pm.yml: PM002 said "pm.yml defines no
    /// SLOs", as if one had been read. It says none was found; with a pm.yml without SLOs, it says that.
    @Test func undefinedSLOWithoutAConfiguration() throws {
        let document = RuleExamples.document()
        let none = try LintTestSupport.lint(document, configuration: Configuration()).first { $0.ruleID == "PM002" }
        #expect(none?.message.contains("no pm.yml was found") == true)
        let empty = try LintTestSupport.lint(document, configuration: try LintTestSupport.configuration("timezone: UTC\n")).first { $0.ruleID == "PM002" }
        #expect(empty?.message.hasSuffix("but pm.yml defines no SLOs") == true)
    }

    /// A symbolic link `loop.md -> .` is met twice (a directory named like a Markdown file, then
    /// the loop), and both inputs had taken the id `loop`, so lint failed with PM061 against the
    /// file itself. Inputs that are no documents (``Postmortem/isDocument``) are not compared,
    /// in memory or streamed through ``Postmortem/corpusRecord``.
    @Test func inputsThatAreNoDocumentsHaveNoIDs() throws {
        let linter = try Linter(configuration: Configuration())
        let loop = [InputFile(path: "p/loop.md", problem: Problem(.unreadable, "is a directory", severity: .info)),
                    InputFile(path: "p/loop.md", problem: Problem(.unreadable, "symbolic link loop", severity: .info))]
        let read = DocumentLoader.map(loop + [InputFile(path: "p/empty.md", problem: nil)], options: ReadOptions()) { $0.postmortem }
        #expect(read.map(\.isDocument) == [false, false, false])
        #expect(read.map(\.corpusRecord.isDocument) == [false, false, false])
        #expect(linter.lintCorpus(read).isEmpty)
        // A document with the id of one that is none is no duplicate either.
        var document = Postmortem(path: "q/loop.md", id: "loop")
        document.title = "Loop"
        #expect(document.isDocument)
        #expect(linter.lintCorpus(read.map(\.corpusRecord) + [document]).isEmpty)
        #expect(linter.lintCorpus([document, document]).map(\.ruleID) == ["PM061"])
    }

    /// Templates are recognised by path and skip only the rules that check filled-in values.
    @Test func templatesSkipPlaceholderRulesOnly() throws {
        var configuration = try LintTestSupport.projectConfiguration()
        configuration.rootDirectory = LintTestSupport.packageRoot
        let linter = try Linter(configuration: configuration)
        let path = LintTestSupport.packageRoot + "/templates/full.md"
        #expect(linter.isTemplate(path: path))
        #expect(!linter.isTemplate(path: LintTestSupport.packageRoot + "/postmortems/x.md"))
        let text = LintTestSupport.read(path)
        let asTemplate = linter.lint(DocumentReader.read(text: text, path: path), today: RuleDescription.exampleToday)
        let asPostmortem = linter.lint(DocumentReader.read(text: text, path: LintTestSupport.packageRoot + "/postmortems/new.md"),
                                       today: RuleDescription.exampleToday)
        #expect(!asTemplate.contains { $0.ruleID == "PM011" })
        #expect(asPostmortem.contains { $0.ruleID == "PM011" })
        #expect(asPostmortem.contains { $0.ruleID == "PM001" && $0.message.contains("empty") })
        // `- HH:MM: <event>` and `**Category:** <condition…>` are values to fill in too: the
        // bundled templates had a PM010 warning and a PM041 note each (the black-box pass of stop 46).
        #expect(!asTemplate.contains { $0.ruleID == "PM041" || $0.ruleID == "PM010" }, "\(asTemplate.map(\.message))")
        #expect(asPostmortem.contains { $0.ruleID == "PM041" } && asPostmortem.contains { $0.ruleID == "PM010" && $0.message.contains("no entry with a time") })
        // A label one letter off a category is still a typo in a template.
        let typo = text.replacingBytes(of: "**Category:**", with: "**Confg:**")
        #expect(linter.lint(DocumentReader.read(text: typo, path: path), today: RuleDescription.exampleToday).contains { $0.ruleID == "PM041" && $0.message.contains("did you mean `config`") })
    }

    /// The real postmortems run to completion, and every one gets findings (none is in pm's format).
    @Test func realWorldCorpusRunsToCompletion() throws {
        let directory = LintTestSupport.packageRoot + "/../shared/corpora/real-dev"
        // The corpus's README, over the postmortems, is its index and not read.
        let inputs = InputDiscovery.expand([directory])
        #expect(!inputs.contains { $0.path.hasSuffix("README.md") })
        try #require(inputs.count >= 40)
        let linter = try Linter(configuration: .default)
        let results = DocumentLoader.map(inputs, options: ReadOptions()) { linter.lint($0, today: RuleDescription.exampleToday) }
        #expect(results.allSatisfy { !$0.isEmpty })
        let all = results.flatMap { $0 }
        // Real documents written without pm show the defects pm exists to catch.
        for rule in ["PM001", "PM012", "PM051", "PM053"] {
            #expect(all.contains { $0.ruleID == rule }, "\(rule)")
        }
        // Every finding points inside its file.
        for finding in all {
            if let range = finding.range { #expect(range.start.line >= 1 && range.start.column >= 1) }
        }
    }

    /// A document with many problems reports all of them in one run.
    @Test func manyProblemsAreAllReported() throws {
        let text = LintTestSupport.read(LintTestSupport.fixture("many-problems.md"))
        let findings = try LintTestSupport.lint(text, path: "postmortems/many-problems.md")
        let rules = Set(findings.map(\.ruleID))
        for rule in ["PM001", "PM002", "PM003", "PM011", "PM012", "PM013", "PM020", "PM021", "PM022", "PM023", "PM030",
                     "PM031", "PM041", "PM051", "PM052", "PM053", "PM054", "PM090", "PM091", "PM092"] {
            #expect(rules.contains(rule), "\(rule) missing")
        }
        #expect(findings.count >= 35)
    }

    @Test func duplicateIDsAndBrokenLinksAcrossTheCorpus() throws {
        let linter = try Linter(configuration: RuleExamples.configuration)
        let a = DocumentReader.read(text: RuleExamples.document(frontMatter: ["id: same"]), path: "postmortems/a.md")
        let b = DocumentReader.read(text: RuleExamples.document(frontMatter: ["id: same"],
            sections: ["Summary": "Like [a](a.md#timeline) and [the other](./missing.md) and [docs](../docs/format.md)."]), path: "postmortems/b.md")
        let findings = linter.lintCorpus([a.postmortem, b.postmortem])
        #expect(findings.filter { $0.ruleID == "PM061" }.map(\.path) == ["postmortems/b.md"])
        let links = findings.filter { $0.ruleID == "PM060" }
        #expect(links.map(\.message).count == 2)
        #expect(links.allSatisfy { $0.path == "postmortems/b.md" && $0.range?.start.line != nil })
        // With the file system's answer, an existing file resolves.
        let withDisk = linter.lintCorpus([a.postmortem, b.postmortem]) { $0 == "postmortems/../docs/format.md" }
        #expect(withDisk.filter { $0.ruleID == "PM060" }.count == 1)
    }

    /// A streaming run keeps only `corpusRecord`s and checks one record at a time against the
    /// index of every input; it finds exactly what the whole-corpus check finds on full records.
    @Test func streamingCorpusChecksMatchTheWholeCorpus() throws {
        let linter = try Linter(configuration: RuleExamples.configuration)
        let a = DocumentReader.read(text: RuleExamples.document(frontMatter: ["id: same"]), path: "postmortems/a.md")
        let b = DocumentReader.read(text: RuleExamples.document(frontMatter: ["id: same"],
            sections: ["Summary": "Like [a](a.md#timeline), [c](./sub/../c.md) and [the other](./missing.md)."]), path: "postmortems/b.md")
        let c = DocumentReader.read(text: RuleExamples.document(frontMatter: ["id: same"]), path: "postmortems/c.md")
        let records = [a, b, c].map(\.postmortem)
        let whole = linter.lintCorpus(records, fileExists: { _ in false })
        var index = CorpusIndex(paths: records.map(\.path))
        var streamed: [Finding] = []
        for record in records.map(\.corpusRecord) {
            streamed += linter.lintCorpus(record, in: index, fileExists: { _ in false })
            index.remember(record)
        }
        #expect(streamed.sorted(by: Finding.reportingOrder) == whole)
        #expect(whole.filter { $0.ruleID == "PM061" }.map(\.path) == ["postmortems/b.md", "postmortems/c.md"])
        #expect(whole.filter { $0.ruleID == "PM060" }.map(\.message) == [
            "link to `./missing.md` does not resolve to a postmortem (looked for postmortems/missing.md)"])
    }

    /// The index keeps the first path of each id for every document of a run, as the record
    /// wrote it: a path equal to an input's only by canonical equivalence, which Swift's `==`
    /// calls equal, keeps its own bytes; one with the same bytes is read from the input's.
    @Test("the index keeps each id's first path as written")
    func rememberedPaths() {
        let composed = "postmortems/2026-07-14-caf\u{E9}-checkout.md"
        let decomposed = "postmortems/2026-07-14-cafe\u{301}-checkout.md"
        var index = CorpusIndex(paths: [composed])
        #expect(index.containsInput(decomposed) && index.containsInput("postmortems/./2026-07-14-caf\u{E9}-checkout.md"))
        #expect(!index.containsInput("postmortems/2026-07-14-cafe-checkout.md"))
        index.remember(Postmortem(path: decomposed, id: "decomposed"))
        index.remember(Postmortem(path: String(decoding: Array(composed.utf8), as: UTF8.self), id: "composed"))
        index.remember(Postmortem(path: "elsewhere/a.md", id: "elsewhere"))
        index.remember(Postmortem(path: composed, id: "elsewhere"))
        #expect(index.firstUse(ofID: "decomposed").map { $0.path }.map { Array($0.utf8) } == Array(decomposed.utf8))
        #expect(index.firstUse(ofID: "composed").map { $0.path }.map { Array($0.utf8) } == Array(composed.utf8))
        #expect(index.firstUse(ofID: "elsewhere")?.path == "elsewhere/a.md")
        #expect(index.firstUse(ofID: "unseen") == nil)
    }

    /// DocumentLoader.map keeps input order, so findings are identical for any number of workers.
    @Test func sameFindingsForOneOrManyWorkers() throws {
        let configuration = try LintTestSupport.projectConfiguration()
        let linter = try Linter(configuration: configuration)
        let inputs = InputDiscovery.expand([LintTestSupport.packageRoot + "/postmortems", LintTestSupport.packageRoot + "/Tests/PostmortemKitTests/Fixtures/lint"])
        let today = CalendarDate(year: 2026, month: 11, day: 22)!
        let one = DocumentLoader.map(inputs, workers: 1, options: ReadOptions(configuration: configuration)) { linter.lint($0, today: today) }
        let many = DocumentLoader.map(inputs, workers: 8, options: ReadOptions(configuration: configuration)) { linter.lint($0, today: today) }
        #expect(one == many)
        #expect(one.flatMap { $0 }.contains { $0.ruleID == "PM052" })
    }

    /// A file that cannot be read gets its reading problem and nothing else; the others are linted.
    @Test func unreadableFilesGetOneFinding() throws {
        let linter = try Linter(configuration: RuleExamples.configuration)
        let inputs = InputDiscovery.expand(["/nonexistent/x.md", LintTestSupport.fixture("reporters.md")])
        let results = DocumentLoader.map(inputs, options: ReadOptions()) { linter.lint($0, today: RuleDescription.exampleToday) }
        #expect(results[0].map(\.ruleID) == ["P001"])
        #expect(results[1].contains { $0.ruleID == "PM012" })
        let empty = linter.lint(DocumentReader.read(text: "", path: "postmortems/empty.md"), today: RuleDescription.exampleToday)
        #expect(empty.map(\.ruleID) == ["P004"])
    }

    @Test func lintIsDeterministic() throws {
        let text = LintTestSupport.read(LintTestSupport.fixture("many-problems.md"))
        let first = try LintTestSupport.lint(text)
        for _ in 0..<3 { #expect(try LintTestSupport.lint(text) == first) }
    }

    @Test("paths are normalised the same whether or not the fast path applies")
    func pathNormalisation() {
        let cases: [(String, String)] = [
            ("a", "a"), ("a/b.md", "a/b.md"), ("/x/y.md", "/x/y.md"), (".hidden/a.md", ".hidden/a.md"), ("a/...md", "a/...md"),
            ("./a/b.md", "a/b.md"), ("a/./b.md", "a/b.md"), ("a/../b.md", "b.md"), ("../a.md", "../a.md"), ("a//b.md", "a/b.md"),
            ("a/b/", "a/b"), ("/", "/"), ("", ""), (".", ""), ("a/..", ""), ("/a/../../b", "/../b"),
        ]
        for (path, expected) in cases {
            #expect(RelativeLinkRule.normalise(path) == expected, "\(path)")
        }
        #expect(RelativeLinkRule.isNormal("2026-03/2026-03-14-checkout.md"))
        #expect(!RelativeLinkRule.isNormal("2026-03/./x.md"))
    }
}
