import Testing
@testable import PostmortemKit

@Suite("Each incident's burns, as the review finds them")
struct BurnGroupingTests {
    @Test("the groups give each incident its burns in their order, as grouping into arrays does, whether each incident's burns are one run or not",
          arguments: [false, true])
    func sameAsDictionaryGrouping(inRuns: Bool) {
        var generator = SplitMix64(seed: 0xB042)
        // "é" twice: precomposed and as e + combining acute, one incident to Swift.
        let incidents = ["a", "b", "2026-07-01-checkout", "é", "e\u{301}", ""]
        for _ in 0..<500 {
            var burns = (0..<Int.random(in: 0...40, using: &generator)).map { number in
                IncidentBurn(incident: incidents.randomElement(using: &generator)!, slo: "slo-\(number % 3)",
                             minutes: Double(number) / 7, windowStart: Timestamp(epochSeconds: Int64(number)))
            }
            if inRuns {
                // As the review lists them, record by record: each incident's burns together,
                // incidents in the order they first appear.
                let first = Dictionary(burns.enumerated().map { ($1.incident, $0) }, uniquingKeysWith: { a, _ in a })
                burns = burns.enumerated().sorted { (first[$0.element.incident]!, $0.offset) < (first[$1.element.incident]!, $1.offset) }.map(\.element)
            }
            let groups = QuarterlyReview.grouped(burns)
            let expected = Dictionary(grouping: burns, by: \.incident)
            #expect(groups.starts.count == expected.count + 1)
            #expect(groups.order.count == burns.count)
            #expect(Set(groups.order) == Set((0..<burns.count).map(Int32.init)))
            for incident in incidents + ["zz"] {
                let found = groups.range(of: incident, in: burns).map { groups.order[$0].map { burns[Int($0)] } }
                #expect(found == expected[incident])
            }
        }
    }

    @Test("the sorted index finds the first position of each key, as a dictionary keeping the first does")
    func sortedKeyIndexAgainstDictionary() {
        var generator = SplitMix64(seed: 0x1D5)
        // "é" twice: precomposed and as e + combining acute, which Swift strings (and so a
        // dictionary) take as equal.
        let alphabet = ["a", "b", "é", "e\u{301}", "2026-07-01-checkout", "", "Z", "a0"]
        for _ in 0..<300 {
            let keys = (0..<Int.random(in: 0...60, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)! + (Bool.random(using: &generator) ? "" : alphabet.randomElement(using: &generator)!)
            }
            let expected = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            // Real hashes, and hashes that collide: every key one value, or one of three.
            let hashes: [@Sendable (String) -> Int] = [{ $0.hashValue }, { _ in 7 }, { $0.count % 3 }]
            for hash in hashes {
                let index = SortedKeyIndex(count: keys.count, key: { keys[$0] }, hash: hash)
                for wanted in Set(keys).union(alphabet).union(["zz", "a1"]) {
                    #expect(index.first(wanted, hash: hash) { keys[$0] } == expected[wanted], "\(wanted.debugDescription) in \(keys)")
                }
            }
        }
    }
}
