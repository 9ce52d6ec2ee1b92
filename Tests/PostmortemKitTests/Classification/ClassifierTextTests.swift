import Foundation
import Testing
@testable import PostmortemKit

/// The byte-level shortcuts of the classifier's text handling against the plain versions they
/// replaced, on every document the tests can reach.
@Suite struct ClassifierTextTests {
    /// Every readable document: the bundled corpus, the hostile and broken fixtures, the
    /// templates and, when `../shared` is beside the package, the real postmortems.
    static func documents() -> [ReadDocument] {
        let directories = ["postmortems", "templates", "Tests/PostmortemKitTests/Fixtures/hostile", "Tests/PostmortemKitTests/Fixtures/broken"]
            .map { packageRoot.appendingPathComponent($0).path } + [RealPostmortemTests.directory.path]
        let inputs = InputDiscovery.expand(directories.filter { FileManager.default.fileExists(atPath: $0) })
        return DocumentLoader.map(inputs, options: ReadOptions()) { $0 }.filter { !$0.source.isEmpty }
    }

    /// `IncidentText.bodyLines` as it was written on `String`s with Foundation's search.
    static func referenceBodyLines(of source: String, frontMatter: SourceRange?) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if let range = frontMatter {
            let first = max(0, range.start.line - 1)
            let last = min(lines.count - 1, range.end.line - 1)
            if first <= last { for index in first...last { lines[index] = "" } }
        }
        var text = lines.joined(separator: "\n")
        while let open = text.range(of: "<!--") {
            let close = text.range(of: "-->", range: open.upperBound..<text.endIndex)
            text.replaceSubrange(open.lowerBound..<(close?.upperBound ?? text.endIndex), with: " ")
        }
        return text
    }

    static func range(_ first: Int, _ last: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: first, column: 1), end: SourceLocation(line: last, column: 1))
    }

    @Test("the body on bytes is the body on Strings, for every document and front matter range")
    func bodyLinesOnBytes() {
        let documents = Self.documents()
        #expect(documents.count > 20)
        var cases = documents.map { ($0.source, $0.postmortem.frontMatter.range) }
        let edges = [
            "<!-- never closed\nline two", "a <!-- one --> b <!-- two\nlines --> c", "<!-->x", "<!---->", "x -->",
            "---\ntitle: <!-- in front matter -->\n---\nbody <!-- x -->", "", "\n\n", "no comment at all", "ünï <!-- ☕ --> código",
        ]
        for text in edges {
            for range in [nil, Self.range(1, 1), Self.range(1, 3), Self.range(2, 9), Self.range(5, 2), Self.range(40, 50)] {
                cases.append((text, range))
            }
        }
        for (source, range) in cases {
            #expect(Array(IncidentText.bodyLines(of: source, frontMatter: range).utf8)
                    == Array(Self.referenceBodyLines(of: source, frontMatter: range).utf8), "\(source.prefix(60))")
        }
    }

    /// Where the byte search differs from the `String` one on purpose: Foundation's search finds
    /// `<!--` only where it ends on a Character boundary, so a combining mark right after it hid
    /// the comment (and every later one) from the old code. cmark-gfm finds comments on bytes, and
    /// so does the classifier now. A joiner after `-->` was and is found.
    @Test("a comment followed by a combining mark is found, as cmark-gfm finds it")
    func commentsBesideMarks() {
        let marked = "<!--\u{301} prompt --> kept"
        #expect(IncidentText.bodyLines(of: marked, frontMatter: nil) == "  kept")
        #expect(Self.referenceBodyLines(of: marked, frontMatter: nil) == marked)
        let joined = "a <!-- prompt -->\u{200D} kept"
        #expect(Array(IncidentText.bodyLines(of: joined, frontMatter: nil).utf8) == Array("a  \u{200D} kept".utf8))
        #expect(Array(Self.referenceBodyLines(of: joined, frontMatter: nil).utf8) == Array("a  \u{200D} kept".utf8))
    }

    /// The matcher as first written: every term of every category tried at every word, phrases
    /// compared word by word and stems as the word's first Characters.
    struct ReferenceMatcher {
        /// By the first Character of their first word (Characters compare as canonically
        /// equivalent text, as every term is compared): only those can match a word.
        var terms: [Character: [(category: Int, pattern: String, stem: Bool, words: [Substring], weight: Double)]] = [:]

        init(_ categories: [CauseCategory]) {
            for (index, category) in categories.enumerated() {
                for term in category.terms {
                    let stem = term.pattern.hasSuffix("*")
                    let words = NormalisedText(stem ? String(term.pattern.dropLast()) : term.pattern).words
                    if words.isEmpty || stem && words.count != 1 { continue }
                    terms[words[0].first!, default: []].append((index, term.pattern, stem, words, term.weight))
                }
            }
        }

        func matches(in text: NormalisedText) -> Set<VocabularyMatcher.Match> {
            var found = Set<VocabularyMatcher.Match>()
            let words = text.words
            for position in words.indices where !text.isNegated(at: position) {
                for term in terms[words[position].first!] ?? [] {
                    let hit = term.stem ? words[position].starts(with: term.words[0])
                        : term.words.count <= words.count - position && term.words.indices.allSatisfy { words[position + $0] == term.words[$0] }
                    if hit { found.insert(VocabularyMatcher.Match(category: term.category, pattern: term.pattern, weight: term.weight)) }
                }
            }
            return found
        }
    }

    @Test("the byte trie finds what trying every term finds: real documents, and random text with accents, marks and a Kelvin sign")
    func matcherAgainstReference() {
        let categories = DefaultTaxonomy.categories
        let matcher = VocabularyMatcher(categories: categories)
        let reference = ReferenceMatcher(categories)
        var compared = 0
        for document in Self.documents() {
            let text = NormalisedText(document.source)
            let found = matcher.matches(in: text)
            #expect(found == reference.matches(in: text), "\(document.postmortem.path)")
            compared += found.count
        }
        #expect(compared > 100)
        // Terms in and out of ASCII, sharing bytes, as stems and phrases; words with composed and
        // decomposed accents after a stem's bytes.
        let mixed = [CauseCategory(id: "a", label: "A", description: "", terms: [
            VocabularyTerm("cafe*", 2), VocabularyTerm("caf*", 1), VocabularyTerm("café", 3), VocabularyTerm("störung*", 2),
            VocabularyTerm("db*", 1), VocabularyTerm("k", 1), VocabularyTerm("kern*", 2), VocabularyTerm("disk full", 3),
        ]), CauseCategory(id: "b", label: "B", description: "", terms: [
            VocabularyTerm("cafe", 1), VocabularyTerm("d", 1), VocabularyTerm("disk*", 1), VocabularyTerm("é*", 1), VocabularyTerm("e", 1),
        ])]
        let mixedMatcher = VocabularyMatcher(categories: mixed)
        let mixedReference = ReferenceMatcher(mixed)
        let pieces = ["cafe", "café", "cafe\u{301}", "cafe\u{301}s", "cafes", "caf", "störungen", "sto\u{308}rung", "db", "dbs", "d",
                      "\u{212A}ERNEL", "kernel", "k", "disk", "full", "disks", "é", "e\u{301}", "e", "not", "no", ".", " ", "-"]
        var generator = SplitMix64(seed: 0x7A1E)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
            let normalised = NormalisedText(text)
            #expect(mixedMatcher.matches(in: normalised) == mixedReference.matches(in: normalised), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("stems shorter than three bytes or outside ASCII still match")
    func stemsTheFilterCannotHold() {
        for stem in ["db*", "störung*"] {
            let matcher = VocabularyMatcher(categories: [CauseCategory(id: "c", label: "C", description: "",
                                                                       terms: [VocabularyTerm(stem, 3), VocabularyTerm("misconfigur*", 3)])])
            let word = String(stem.dropLast()) + "s"
            #expect(matcher.matches(in: NormalisedText("the \(word) failed")).count == 1, "\(stem)")
            #expect(matcher.matches(in: NormalisedText("a misconfiguration")).count == 1, "\(stem)")
        }
    }

    @Test("a Kelvin sign lowercases to k, and the stem still matches")
    func kelvinSign() {
        let matcher = VocabularyMatcher(categories: [CauseCategory(id: "c", label: "C", description: "", terms: [VocabularyTerm("kern*", 3)])])
        #expect(matcher.matches(in: NormalisedText("\u{212A}ERNEL panic")).count == 1)
    }

    @Test("a text classified alone scores as a record with only that summary, for every factor the tests can reach")
    func textAloneIsASummaryRecord() {
        let classifier = Classifier()
        let texts = Self.documents().flatMap { $0.postmortem.factors.map(\.text) } + ["", "a bad deploy", "Paylane timed out"]
        #expect(texts.count > 100)
        for text in texts {
            var record = Postmortem(path: "", id: "x")
            record.summary = text
            let expected = classifier.score(IncidentText(record: record, source: nil, hidingLabels: false), incident: "x")
            #expect(classifier.classify(text: text, incident: "x") == expected, "\(text)")
        }
    }
}
