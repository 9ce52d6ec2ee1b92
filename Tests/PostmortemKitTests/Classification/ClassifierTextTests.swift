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

    @Test("the stem prefilter finds what looking up every prefix finds")
    func stemPrefilter() {
        let categories = DefaultTaxonomy.categories
        let filtered = VocabularyMatcher(categories: categories)
        // A two-letter stem turns the prefilter off; its category comes last, so the others keep
        // their indices, and it matches none of the texts below.
        let unfiltered = VocabularyMatcher(categories: categories + [CauseCategory(id: "zz", label: "ZZ", description: "",
                                                                                    terms: [VocabularyTerm("qx*", 1)])])
        var compared = 0
        for document in Self.documents() {
            let text = NormalisedText(document.source)
            let found = filtered.matches(in: text)
            #expect(found == unfiltered.matches(in: text), "\(document.postmortem.path)")
            compared += found.count
        }
        #expect(compared > 100)
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
