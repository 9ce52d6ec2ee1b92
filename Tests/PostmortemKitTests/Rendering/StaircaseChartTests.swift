import Testing
@testable import PostmortemKit

@Suite struct StaircaseChartTests {
    @Test("the grid's step keeps 25 and 50 for small spans, then leaves at most eight steps",
          arguments: [(100.0, 25.0), (200, 25), (225, 50), (400, 50), (401, 100), (800, 100), (801, 250), (2_000, 250),
                      (2_001, 500), (4_001, 1_000), (385_906, 50_000), (1e12, 250e9)])
    func tickStep(span: Double, step: Double) {
        #expect(StaircaseChart.tickStep(span: span) == step)
    }

    /// One 30-day window with a step at each of `percents` left.
    func chart(_ percents: [Double]) -> String {
        let start = Timestamp(epochSeconds: 1_782_864_000)
        let end = start.adding(seconds: 30 * 86_400)
        let steps = percents.enumerated().map { index, percent in
            StaircaseStep(at: start.adding(seconds: Int64(index + 1) * 86_400), incident: "incident-\(index)", burnedMinutes: 1,
                          remainingMinutes: percent / 100, remainingPercent: percent)
        }
        let window = BudgetWindow(slo: "api", start: start, end: end, budgetMinutes: 1, burnedMinutes: 1, remainingMinutes: -1,
                                  remainingPercent: percents.last ?? 100, steps: steps, exhaustedAt: nil, burnRate: nil,
                                  policy: .exhausted)
        return StaircaseChart(slo: "api", windows: [window], domainStart: start, domainEnd: end, links: [:], idPrefix: "s").svg()
    }

    func labels(_ svg: String) -> [String] {
        svg.split(separator: "\n").filter { $0.contains("text-anchor=\"end\">") && $0.hasSuffix("%</text>") }.map {
            String($0.split(separator: ">")[1].split(separator: "<")[0])
        }
    }

    @Test("a window overspent thousands of times over gets a handful of grid lines, 0% among them, down past its lowest step")
    func overspentAxis() {
        #expect(labels(chart([50, -20])) == ["100%", "75%", "50%", "25%", "0%", "-25%"])
        #expect(labels(chart([-300])) == ["100%", "50%", "0%", "-50%", "-100%", "-150%", "-200%", "-250%", "-300%"])
        #expect(labels(chart([-900, -3_000])) == ["0%", "-500%", "-1000%", "-1500%", "-2000%", "-2500%", "-3000%"])
        let huge = chart([-1_000, -385_806.8])
        #expect(labels(huge) == ["0%", "-50000%", "-100000%", "-150000%", "-200000%", "-250000%", "-300000%", "-350000%", "-400000%"])
        #expect(huge.contains("<line class=\"zero\""))
        #expect(huge.utf8.count < 5_000)
    }
}
