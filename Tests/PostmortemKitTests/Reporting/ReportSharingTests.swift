import Testing
@testable import PostmortemKit

@Suite struct ReportSharingTests {
    let range = SourceRange(start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 2))

    /// A document naming its SLOs, authors, causes and action owners; each string is made anew
    /// (from its characters), as reading two files makes two copies of the same name.
    func document(_ id: String, slos: [String], authors: [String], owners: [String?], causes: [String]?) -> ReportedDocument {
        func fresh(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }
        var record = Postmortem(path: id + ".md", id: id)
        record.impact = slos.map { SLOImpact(slo: fresh($0), badFraction: 0.5, range: range) }
        record.authors = authors.map(fresh)
        record.causes = causes.map { $0.map(fresh) }
        record.timezone = fresh("America/Argentina/Buenos_Aires")
        record.actions = owners.map { owner in
            var action = FollowUpAction(text: "Add a canary stage to the deploy pipeline", range: range)
            action.owner = owner.map(fresh)
            return action
        }
        let classification = Classification(incident: id, primary: "unknown", categories: [], declared: false)
        return ReportedDocument.slimmed(ReportedDocument(postmortem: record, classification: classification, findings: [], bodyHTML: ""))
    }

    func storage(_ string: String) -> UnsafePointer<UInt8>? {
        var string = string
        return string.withUTF8 { $0.baseAddress }
    }

    func storage<Element>(_ array: [Element]) -> UnsafePointer<Element>? { array.withUnsafeBufferPointer { $0.baseAddress } }

    @Test("documents naming the same SLOs and causes hold one copy of each, keep no authors or zone, and their values are otherwise unchanged")
    func sharedNames() {
        let a = document("a", slos: ["checkout-availability", "payments-success-rate"], authors: ["Alexandra Okonkwo", "Priya Raman"],
                         owners: ["platform-reliability", nil, "payments-oncall-team"], causes: ["deploy", "config-change"])
        let b = document("b", slos: ["payments-success-rate"], authors: ["Alexandra Okonkwo", "Priya Raman"],
                         owners: ["payments-oncall-team"], causes: ["deploy", "config-change"])
        var sharing = ReportSharing()
        let first = sharing.shared(a), second = sharing.shared(b)
        #expect(storage(first.postmortem.impact[1].slo) == storage(second.postmortem.impact[0].slo))
        #expect(storage(first.postmortem.impact[1].slo) != storage(first.postmortem.impact[0].slo))
        // Authors and zone are a page's, read back from the spill (DocumentHeader).
        #expect(first.postmortem.authors.isEmpty && first.postmortem.timezone == nil)
        // A third document with the first one's impacts holds the same array.
        let c = document("c", slos: ["checkout-availability", "payments-success-rate"], authors: [], owners: [], causes: nil)
        #expect(c.postmortem.impact.allSatisfy { $0.range == nil })
        #expect(storage(sharing.shared(c).postmortem.impact) == storage(first.postmortem.impact))
        #expect(storage(c.postmortem.impact) != storage(first.postmortem.impact))
        // Equal as numbers but not as bits: -0 is not shared with 0, whose burns print differently.
        var zero = c, negativeZero = c
        zero.postmortem.impact = [SLOImpact(slo: "checkout-availability", budgetMinutes: 0)]
        negativeZero.postmortem.impact = [SLOImpact(slo: "checkout-availability", budgetMinutes: -0.0)]
        _ = sharing.shared(zero)
        #expect(sharing.shared(negativeZero).postmortem.impact[0].budgetMinutes?.sign == .minus)
        // Impacts that differ only in why they are not counted are two values: the retest of stop 42
        // found each document given another's note, and a crash on duplicate keys (`isExactly`
        // left `unreadable` out, which the hash has).
        var commaDocument = c, wordDocument = c
        commaDocument.postmortem.impact = [SLOImpact(slo: "checkout-availability", unreadable: "`bad_fraction` `0,5` is not a number")]
        wordDocument.postmortem.impact = [SLOImpact(slo: "checkout-availability", unreadable: "`bad_fraction` `half` is not a number")]
        #expect(!commaDocument.postmortem.impact[0].isExactly(wordDocument.postmortem.impact[0]))
        _ = sharing.shared(commaDocument)
        #expect(sharing.shared(wordDocument).postmortem.impact[0].unreadable == "`bad_fraction` `half` is not a number")
        #expect(sharing.shared(commaDocument).postmortem.impact[0].unreadable == "`bad_fraction` `0,5` is not a number")
        #expect(storage(first.postmortem.causes!) == storage(second.postmortem.causes!))
        // Canonically equal is not the same: "café" with é as one code point and as e + accent are
        // `==`, but each document keeps its own bytes.
        var composed = c, decomposed = c
        composed.postmortem.services = ["caf\u{E9}"]
        composed.postmortem.impact = [SLOImpact(slo: "caf\u{E9}-availability", badFraction: 0.5)]
        composed.classification.primary = "caf\u{E9}"
        decomposed.postmortem.services = ["cafe\u{301}"]
        decomposed.postmortem.impact = [SLOImpact(slo: "cafe\u{301}-availability", badFraction: 0.5)]
        decomposed.classification.primary = "cafe\u{301}"
        #expect(composed.postmortem.services == decomposed.postmortem.services)
        _ = sharing.shared(composed)
        let kept = sharing.shared(decomposed)
        #expect(Array(kept.postmortem.services[0].utf8) == Array("cafe\u{301}".utf8))
        #expect(Array(kept.postmortem.impact[0].slo.utf8) == Array("cafe\u{301}-availability".utf8))
        #expect(Array(kept.classification.primary.utf8) == Array("cafe\u{301}".utf8))
        // Two strings made apart are two copies: without sharing, the comparisons above would fail.
        #expect(storage(a.postmortem.impact[1].slo) != storage(b.postmortem.impact[0].slo))
        for (original, shared) in [(a, first), (b, second)] {
            #expect(shared.postmortem == original.postmortem)
            #expect(shared.classification == original.classification && shared.lint == original.lint)
        }
    }
}
