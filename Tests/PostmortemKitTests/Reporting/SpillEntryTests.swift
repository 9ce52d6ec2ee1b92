import Testing
@testable import PostmortemKit

@Suite struct SpillEntryTests {
    typealias Entry = ReportGenerator.SpilledCorpus.Entry

    func references(from offset: Int, _ lengths: [Int]) -> [BodySpill.Reference] {
        var start = offset
        return lengths.map { length in
            defer { start += length }
            return BodySpill.Reference(offset: start, length: length)
        }
    }

    @Test("an entry gives back each part's offset and length, empty parts and parts that add up past 4 GiB included")
    func roundTrip() throws {
        let parts = ReportGenerator.SpilledCorpus.Part.allCases
        for (offset, lengths) in [(0, [5_000, 0, 120, 33, 61]), (7_777_777, [0, 0, 0, 0, 0]),
                                 (1 << 40, [4_000_000_000, 4_000_000_000, 1, 4_294_967_295, 4_294_967_295])] {
            let placed = references(from: offset, lengths)
            let entry = try #require(Entry(placed))
            #expect(parts.map(entry.reference) == placed)
        }
        #expect(MemoryLayout<Entry>.stride == 32)
    }

    @Test("parts that do not follow one another, a part of 4 GiB or more, or other than five parts make no entry")
    func refused() {
        var gap = references(from: 100, [10, 20, 30, 40, 50])
        gap[2].offset += 1
        #expect(Entry(gap) == nil)
        #expect(Entry(references(from: 0, [1, 1 << 32, 1, 1, 1])) == nil)
        #expect(Entry(references(from: 0, [1, 2, 3, 4])) == nil)
        #expect(Entry(references(from: 0, [1, 2, 3, 4, 5, 6])) == nil)
    }
}
