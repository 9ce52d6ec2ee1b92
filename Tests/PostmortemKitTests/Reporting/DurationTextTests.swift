import Testing
@testable import PostmortemKit

struct DurationTextTests {
    /// From the review of the report in stop 37: 3.2 minutes of a 1,324.8-minute budget showed "0%".
    @Test(arguments: [
        (nil, "–"), (0, "0%"), (0.24, "<1%"), (0.49, "<1%"), (0.5, "<1%"), (0.51, "1%"), (42.4, "42%"), (99.4, "99%"),
        (99.5, ">99%"), (99.97, ">99%"), (100, "100%"), (116.3, "116%"), (-15.7, "-16%"), (-0.3, "<0%"), (100.4, ">100%"),
    ] as [(Double?, String)])
    func wholePercentages(value: Double?, shown: String) {
        #expect(DurationText.percent(value) == shown)
    }

    /// The black-box pass of stop 42: a seven-nines SLO showed its budget, burns and what was
    /// left as `0.0 min` (and `0.00` in CSV and text), and a burn of 0.25 minutes as `0.2 min`.
    @Test("budget minutes under 1 keep their significant digits: 2 in the report, 3 in CSV and text", arguments: [
        (43.2, "43.2 min", "43.20"), (1.44, "1.4 min", "1.44"), (0, "0.0 min", "0.00"), (-7.02, "-7.0 min", "-7.02"),
        (0.25, "0.25 min", "0.25"), (0.4032, "0.4 min", "0.403"), (0.5, "0.5 min", "0.50"), (0.000144, "0.00014 min", "0.000144"),
        (0.0000036, "0.000004 min", "0.000004"), (-0.00072, "-0.00072 min", "-0.00072"), (0.99999, "1.0 min", "1.00"),
    ] as [(Double, String, String)])
    func smallMinutes(value: Double, report: String, cell: String) {
        #expect(DurationText.budget(value) == report)
        #expect(SpreadsheetCell.minutes(value) == cell)
    }

    /// The charts' tooltips and the Pareto chart's labels had kept writing `0 min` for a burn of
    /// 0.004 minutes (the retest of stop 42).
    @Test func chartMinutesKeepTheirSignificantDigits() {
        #expect(DecimalText.minutes(0.004, maximumFractionDigits: 2) == "0.004")
        #expect(DecimalText.minutes(0.0046, maximumFractionDigits: 1) == "0.0046")
        #expect(DecimalText.minutes(12.345, maximumFractionDigits: 1) == "12.3")
        #expect(DecimalText.minutes(20.16, maximumFractionDigits: 2) == "20.16")
        #expect(DecimalText.minutes(0, maximumFractionDigits: 2) == "0")
        let chart = ParetoChart(title: "t", unit: "budget minutes", bars: [.init(label: "Unknown", value: 0.0046)], idPrefix: "p")
        #expect(chart.summary.hasPrefix("Unknown: 0.0046 budget minutes"))
    }

    /// The numbers audit of stop 48: with one decimal, a burn of 0.023% of a window's budget read
    /// "0.0%" on its page, and 99.98% left "100.0% left" (and "100% left" in the charts' text and
    /// `pm budget`'s staircase), though the docs promise neither nothing nor all for a share that
    /// is not.
    @Test func tenthsNeverReadAsNothingOrAll() {
        #expect(DurationText.percent(0.04, fractionDigits: 1) == "<0.1%")
        #expect(DurationText.percent(0.023, fractionDigits: 1) == "<0.1%")
        #expect(DurationText.percent(0, fractionDigits: 1) == "0.0%")
        #expect(DurationText.percent(99.98, fractionDigits: 1) == ">99.9%")
        #expect(DurationText.percent(100, fractionDigits: 1) == "100.0%")
        #expect(DurationText.percent(-0.02, fractionDigits: 1) == "<0%")
        #expect(DurationText.percent(100.02, fractionDigits: 1) == ">100%")
        #expect(DurationText.percent(-15.74, fractionDigits: 1) == "-15.7%")
        #expect(StaircaseChart.percentLeft(99.977) == ">99.9" && StaircaseChart.percentLeft(54.8) == "54.8" && StaircaseChart.percentLeft(100) == "100")
        #expect(BudgetTextRenderer.percent(99.5, decimals: 0) == ">99%" && BudgetTextRenderer.percent(0.2, decimals: 1) == "0.2%"
                && BudgetTextRenderer.percent(0.02, decimals: 1) == "<0.1%")
        // pm classify's shares and the Pareto chart's text too (the review of the mend).
        #expect(CauseTextRenderer.percent(0.99997) == ">99.9%" && CauseTextRenderer.percent(0.0003) == "<0.1%" && CauseTextRenderer.percent(1) == "100.0%")
        let chart = ParetoChart(title: "t", unit: "budget minutes", bars: [.init(label: "Config", value: 99.7), .init(label: "Capacity", value: 0.3)], idPrefix: "p")
        #expect(chart.summary == "Config: 99.7 budget minutes (cumulative >99%); Capacity: 0.3 budget minutes (cumulative 100%).")
    }
}
