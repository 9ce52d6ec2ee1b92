import Testing
@testable import PostmortemKit

@Suite("Each incident's burns, as the review finds them")
struct BurnGroupingTests {
    @Test("the counting sort gives each incident its burns in their order, as grouping into arrays does")
    func sameAsDictionaryGrouping() {
        var generator = SplitMix64(seed: 0xB042)
        let incidents = ["a", "b", "2026-07-01-checkout", "é", ""]
        for _ in 0..<500 {
            let burns = (0..<Int.random(in: 0...40, using: &generator)).map { number in
                IncidentBurn(incident: incidents.randomElement(using: &generator)!, slo: "slo-\(number % 3)",
                             minutes: Double(number) / 7, windowStart: Timestamp(epochSeconds: Int64(number)))
            }
            let (order, ranges) = QuarterlyReview.grouped(burns)
            let expected = Dictionary(grouping: burns, by: \.incident)
            #expect(Set(ranges.keys) == Set(expected.keys))
            #expect(order.count == burns.count)
            #expect(Set(order) == Set((0..<burns.count).map(Int32.init)))
            for (incident, range) in ranges {
                #expect(order[range].map { burns[Int($0)] } == expected[incident])
            }
        }
    }
}
