import Testing
@testable import PostmortemKit

struct DurationTextTests {
    /// From the review of the report in stop 37: 3.2 minutes of a 1,324.8-minute budget showed "0%".
    @Test(arguments: [
        (nil, "–"), (0, "0%"), (0.24, "<1%"), (0.49, "<1%"), (0.5, "<1%"), (0.51, "1%"), (42.4, "42%"), (99.4, "99%"),
        (99.5, ">99%"), (99.97, ">99%"), (100, "100%"), (116.3, "116%"), (-15.7, "-16%"),
    ] as [(Double?, String)])
    func wholePercentages(value: Double?, shown: String) {
        #expect(DurationText.percent(value) == shown)
    }

    @Test func tenthsAreAsWritten() {
        #expect(DurationText.percent(0.04, fractionDigits: 1) == "0.0%")
        #expect(DurationText.percent(-15.74, fractionDigits: 1) == "-15.7%")
    }
}
