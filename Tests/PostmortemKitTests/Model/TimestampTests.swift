import Testing
@testable import PostmortemKit

@Suite("Timestamps")
struct TimestampTests {
    @Test("the offset reads back as written, and a timestamp kept four times a record is small")
    func offsetStorage() {
        for offset in [0, 19_800, -36_000, 50_400, -50_400, 359_940, -359_940] {
            let stamp = Timestamp(epochSeconds: 1_784_000_000, offsetSeconds: offset, zoneAssumed: offset == 0)
            #expect(stamp.offsetSeconds == offset)
            #expect(stamp.zoneAssumed == (offset == 0))
            var changed = stamp
            changed.offsetSeconds = -offset
            #expect(changed.offsetSeconds == -offset)
        }
        // Far outside any zone: clamped, not trapped.
        #expect(Timestamp(epochSeconds: 0, offsetSeconds: .max).offsetSeconds == Int(Int32.max))
        #expect(Timestamp(epochSeconds: 0, offsetSeconds: .min).offsetSeconds == Int(Int32.min))
        #expect(MemoryLayout<Timestamp?>.stride == 16)
    }

    @Test("written with an offset, read in it")
    func parsedOffsets() throws {
        let stamp = try #require(TimeExpression.parseTimestamp("2026-07-17T11:13:00+05:30"))
        #expect(stamp.offsetSeconds == 19_800)
        #expect(stamp.iso8601 == "2026-07-17T11:13:00+05:30")
        #expect(stamp.iso8601UTC == "2026-07-17T05:43:00Z")
    }
}
