import Testing
@testable import PostmortemKit

@Suite("What the report keeps of a classification's evidence")
struct EvidenceSpillTests {
    var sample: Classification {
        Classification(incident: "INC-1", primary: "config", categories: [
            CategoryScore(category: "config", confidence: 0.625, evidence: [
                Evidence(phrase: "feature flag", source: "factors", weight: 2.5),
                Evidence(phrase: "misconfigur*", source: "summary", weight: 1.0 / 3.0),
                Evidence(phrase: "12:~ \u{0} \u{1B}[31m <b>&</b>\r\n é\u{301} 🚀", source: "~", weight: -0.75),
            ]),
            CategoryScore(category: "capacity", confidence: 0.375, evidence: []),
            CategoryScore(category: "deploy", confidence: 1e-9, evidence: [Evidence(phrase: "", source: "", weight: -0.0)]),
        ], declared: false)
    }

    func withoutEvidence(_ classification: Classification) -> Classification {
        var stripped = classification
        stripped.categories = stripped.categories.map { score in
            var score = score
            score.evidence = []
            return score
        }
        return stripped
    }

    @Test("a classification stripped of its evidence gets it back from the spill, every weight to the bit")
    func roundTrip() throws {
        let back = try #require(EvidenceSpill.restored(withoutEvidence(sample), from: EvidenceSpill.spilled(sample)))
        #expect(back == sample)
        #expect(back.categories.flatMap(\.evidence).map(\.weight.bitPattern) == sample.categories.flatMap(\.evidence).map(\.weight.bitPattern))
        let none = Classification(incident: "x", primary: "unknown", categories: [], declared: false)
        #expect(EvidenceSpill.restored(none, from: EvidenceSpill.spilled(none)) == none)
    }

    @Test("seeded random evidence round-trips")
    func randomRoundTrip() {
        var generator = SplitMix64(seed: 2027)
        let pieces = ["a", "~", ":", "0", "12:", " ", "\u{0}", "é", "\u{301}", "🚀", "\n", "-", "1e5"]
        func text() -> String {
            (0..<Int(generator.next() % 6)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
        for _ in 0..<500 {
            let categories = (0..<Int(generator.next() % 4)).map { number in
                CategoryScore(category: "c\(number)", confidence: Double(generator.next() % 1000) / 1000, evidence: (0..<Int(generator.next() % 4)).map { _ in
                    Evidence(phrase: text(), source: text(), weight: Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) * (generator.next() % 2 == 0 ? 1 : -1))
                })
            }
            let classification = Classification(incident: "i", primary: categories.first?.category ?? "unknown", categories: categories, declared: false)
            #expect(EvidenceSpill.restored(withoutEvidence(classification), from: EvidenceSpill.spilled(classification)) == classification)
        }
    }

    @Test("a cut, damaged or mismatched spill gives nil, never made-up evidence")
    func damaged() {
        let stripped = withoutEvidence(sample)
        let bytes = Array(EvidenceSpill.spilled(sample).utf8)
        for cut in 0..<bytes.count {
            #expect(EvidenceSpill.restored(stripped, from: String(decoding: bytes[..<cut], as: UTF8.self)) == nil)
        }
        // Evidence for fewer or more categories than the classification has.
        var fewer = stripped
        fewer.categories.removeLast()
        #expect(EvidenceSpill.restored(fewer, from: EvidenceSpill.spilled(sample)) == nil)
        #expect(EvidenceSpill.restored(stripped, from: EvidenceSpill.spilled(fewer)) == nil)
        // One category, so that each text below fails only for the reason named beside it.
        let one = Classification(incident: "x", primary: "c", categories: [CategoryScore(category: "c", confidence: 1, evidence: [])],
                                 declared: true)
        #expect(EvidenceSpill.restored(one, from: "1:11:a1:b3:1.0")?.categories.first?.evidence
                == [Evidence(phrase: "a", source: "b", weight: 1)])   // the well-formed text
        #expect(EvidenceSpill.restored(one, from: "1:11:a1:b3:one") == nil)   // a weight that is not a number
        #expect(EvidenceSpill.restored(one, from: "2:-1") == nil)   // a negative count
        #expect(EvidenceSpill.restored(one, from: "1:1:1:b3:1.0") == nil)   // a length without digits
        #expect(EvidenceSpill.restored(one, from: "1:11:a1:b3:1.0~") == nil)   // more than the categories hold
    }

    @Test("the streaming report keeps each classification without its evidence, its categories and confidences intact")
    func slimmedDocument() throws {
        let record = Postmortem(path: "a.md", id: "INC-1")
        let document = ReportedDocument.slimmed(ReportedDocument(postmortem: record, classification: sample, findings: [], bodyHTML: ""))
        #expect(document.classification == withoutEvidence(sample))
        #expect(document.classification.categories.map(\.confidence) == sample.categories.map(\.confidence))
    }
}
