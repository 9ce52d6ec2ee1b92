import Testing
@testable import PostmortemKit

/// The generic test: every rule's examples, with the expected positions marked by `↓`.
@Suite struct RuleExampleTests {
    static let linter = try! Linter(configuration: RuleExamples.configuration)

    /// Removes the markers; returns the text and the marked positions (line, UTF-8 column).
    static func unmark(_ example: String) -> (String, [PostmortemKit.SourceLocation]) {
        var text = ""
        var locations: [PostmortemKit.SourceLocation] = []
        var line = 1, column = 1
        for character in example {
            if character == RuleDescription.marker {
                locations.append(PostmortemKit.SourceLocation(line: line, column: column))
                continue
            }
            text.append(character)
            if character == "\n" { line += 1; column = 1 } else { column += character.utf8.count }
        }
        return (text, locations)
    }

    static func findings(_ text: String, rule: String, path: String = RuleExamples.path) -> [Finding] {
        let document = DocumentReader.read(text: text, path: path)
        let single = linter.lint(document, today: RuleDescription.exampleToday).filter { $0.ruleID == rule }
        let corpus = linter.lintCorpus([document.postmortem]).filter { $0.ruleID == rule }
        return single + corpus
    }

    static let descriptions = RuleRegistry.all.map { $0.description }

    @Test(arguments: descriptions)
    func triggeringExamplesFireAtTheMarkedPositions(_ rule: RuleDescription) {
        for example in rule.triggeringExamples {
            let (text, expected) = Self.unmark(example)
            #expect(!expected.isEmpty, "\(rule.id): a triggering example must mark where it fires")
            let found = Self.findings(text, rule: rule.id).map { $0.range?.start ?? PostmortemKit.SourceLocation(line: 0, column: 0) }
            #expect(found.sorted() == expected.sorted(), "\(rule.id) \(rule.alias) on:\n\(text)")
        }
    }

    @Test(arguments: descriptions)
    func nonTriggeringExamplesAreClean(_ rule: RuleDescription) {
        for example in rule.nonTriggeringExamples {
            let (text, _) = Self.unmark(example)
            let found = Self.findings(text, rule: rule.id)
            #expect(found.isEmpty, "\(rule.id) \(rule.alias) fired on a non-triggering example: \(found.map(\.message))")
        }
    }

    /// The same triggering examples, silenced by a file-wide comment with a reason: nothing is
    /// reported for the rule (and the comment counts as used).
    @Test(arguments: descriptions.filter { $0.category != .suppressions && $0.category != .links })
    func triggeringExamplesAreSilencedByDisableFile(_ rule: RuleDescription) {
        for example in rule.triggeringExamples {
            let (text, _) = Self.unmark(example)
            let silenced = text + "\n<!-- pm-lint disable-file \(rule.alias) -- example -->\n"
            let document = DocumentReader.read(text: silenced, path: RuleExamples.path)
            let findings = Self.linter.lint(document, today: RuleDescription.exampleToday)
            #expect(!findings.contains { $0.ruleID == rule.id }, "\(rule.id)")
            #expect(!findings.contains { $0.ruleID == "PM091" }, "\(rule.id): the suppression should count as used")
        }
    }

    /// Text rules ignore their triggering text when it is inside a fenced code block.
    @Test(arguments: descriptions.filter { $0.category == .language })
    func languageExamplesInCodeBlocksAreExempt(_ rule: RuleDescription) {
        for example in rule.triggeringExamples {
            let (text, expected) = Self.unmark(example)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var fenced: [String] = []
            let marked = Set(expected.map(\.line))
            for (i, line) in lines.enumerated() {
                if marked.contains(i + 1) { fenced += ["```", line, "```"] } else { fenced.append(line) }
            }
            #expect(Self.findings(fenced.joined(separator: "\n"), rule: rule.id).isEmpty, "\(rule.id)")
        }
    }

    /// Examples are written when asked for (``RuleDescription/triggeringExamples``): the same
    /// documents on every read, and a description compares and hashes by them.
    @Test func examplesAreWrittenWhenAskedFor() {
        let d = BlameLanguageRule.description
        #expect(d.triggeringExamples == BlameLanguageRule.description.triggeringExamples)
        #expect(!d.triggeringExamples.isEmpty)
        #expect(d == BlameLanguageRule.description)
        #expect(d.hashValue == BlameLanguageRule.description.hashValue)
        var changed = d
        changed.triggeringExamples = ["# x\n"]
        #expect(changed.triggeringExamples == ["# x\n"])
        #expect(changed.nonTriggeringExamples == d.nonTriggeringExamples)
        #expect(changed != d)
        #expect(Set(Self.descriptions).count == Self.descriptions.count)
        // Made, copied and read for its id (as a run of `pm lint` reads each rule's), a
        // description writes no example; asked for them, it writes them then.
        let written = Counter()
        let counted = RuleDescription(id: "PM999", alias: "counted", name: "Counted", summary: "s", rationale: "r",
                                      category: d.category, defaultSeverity: .info,
                                      triggeringExamples: written.next(["# a\n"]), nonTriggeringExamples: written.next(["# b\n"]))
        let copy = counted
        #expect(copy.id == "PM999" && copy.alias == "counted" && written.count == 0)
        #expect(copy.triggeringExamples == ["# a\n"] && written.count == 1)
    }

    /// Counts the examples written (``examplesAreWrittenWhenAskedFor()``).
    final class Counter: @unchecked Sendable {
        private(set) var count = 0
        func next(_ examples: [String]) -> [String] {
            count += 1
            return examples
        }
    }

    @Test func idsAndAliasesAreUniqueAndWellFormed() {
        let ids = Self.descriptions.map(\.id)
        let aliases = Self.descriptions.map(\.alias)
        #expect(Set(ids).count == ids.count)
        #expect(Set(aliases).count == aliases.count)
        for d in Self.descriptions {
            #expect(d.id.wholeMatch(of: /PM\d{3}/) != nil, "\(d.id)")
            #expect(d.alias.wholeMatch(of: /[a-z]+(-[a-z]+)*/) != nil, "\(d.alias)")
            #expect(!d.summary.isEmpty && !d.rationale.isEmpty)
            #expect(!d.nonTriggeringExamples.isEmpty, "\(d.id) needs a non-triggering example")
        }
    }
}

extension RuleDescription: CustomTestStringConvertible {
    public var testDescription: String { "\(id) \(alias)" }
}
