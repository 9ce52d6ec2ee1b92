import Testing
@testable import PostmortemKit

/// From the review of the report in stop 37.
struct ParetoChartTests {
    /// The left axis's labels as written.
    func axisLabels(_ svg: String) -> [String] {
        svg.split(separator: "\n").filter { $0.contains("text-anchor=\"end\">") }.map {
            String($0.split(separator: ">")[1].split(separator: "<")[0])
        }
    }

    @Test("the left axis is cut in round quarters, shown exactly: 0.25 is not \"0.2\"")
    func quartersOfSmallScales() {
        let small = ParetoChart(title: "t", unit: "budget minutes", bars: [.init(label: "config", value: 0.6), .init(label: "deploy", value: 0.3)],
                                idPrefix: "p").svg()
        #expect(axisLabels(small) == ["0", "0.2", "0.4", "0.6", "0.8"])
        let nearlyOne = ParetoChart(title: "t", unit: "budget minutes", bars: [.init(label: "config", value: 0.9)], idPrefix: "p").svg()
        #expect(axisLabels(nearlyOne) == ["0", "0.25", "0.5", "0.75", "1"])
        let tenths = ParetoChart(title: "t", unit: "budget minutes", bars: [.init(label: "config", value: 2.4)], idPrefix: "p").svg()
        #expect(axisLabels(tenths) == ["0", "1", "2", "3", "4"])
        let tens = ParetoChart(title: "t", unit: "budget minutes", bars: [.init(label: "config", value: 61.2)], idPrefix: "p").svg()
        #expect(axisLabels(tens) == ["0", "20", "40", "60", "80"])
    }

    @Test("labels that do not fit their bar's slot go on two rows by turns, cut to fit")
    func crowdedLabels() {
        let names = ["Dependency", "Configuration", "Capacity", "Deploy", "Monitoring", "Network", "Security", "Data", "Hardware", "Process", "Unknown"]
        let chart = ParetoChart(title: "t", unit: "budget minutes", bars: names.enumerated().map { .init(label: $1, value: Double(20 - $0)) },
                                idPrefix: "p").svg()
        let labels = chart.split(separator: "\n").filter { $0.hasPrefix("<text class=\"axis\" x=") && $0.contains("text-anchor=\"middle\"") }
        let rows = labels.map { $0.split(separator: "\"")[5] }
        #expect(Set(rows).count == 2)
        // Two slots of room each, and no label wider.
        let slot = (ParetoChart.width - ParetoChart.margin.left - ParetoChart.margin.right) / Double(names.count)
        let texts = labels.map { String($0.split(separator: ">")[1].split(separator: "<")[0]) }
        #expect(texts.allSatisfy { ParetoChart.labelWidth($0) <= 2 * slot - 8 })
        #expect(texts.contains("Configuration"))
        // A few wide bars keep one row.
        let few = ParetoChart(title: "t", unit: "budget minutes", bars: [.init(label: "Configuration", value: 2), .init(label: "Deploy", value: 1)],
                              idPrefix: "p").svg()
        #expect(Set(few.split(separator: "\n").filter { $0.contains("text-anchor=\"middle\"") && $0.hasPrefix("<text class=\"axis\"") }
            .map { $0.split(separator: "\"")[5] }).count == 1)
    }
}

/// From the accessibility audit of stop 51: the cumulative line crosses the bars, and its colour
/// is as light as theirs (1.02:1 in the light scheme, 1.84:1 in the dark), so where it crossed a
/// bar it could only be told from it by hue (WCAG 1.4.11 asks 3:1).
extension ParetoChartTests {
    @Test("the cumulative line is drawn over a casing of its own path, unfilled")
    func cumulativeLineHasACasing() throws {
        let svg = ParetoChart(title: "t", unit: "budget minutes", bars: [.init(label: "config", value: 3), .init(label: "deploy", value: 1)],
                              idPrefix: "p").svg()
        let lines = svg.split(separator: "\n")
        let line = try #require(lines.firstIndex { $0.hasPrefix("<path class=\"cumulative\" d=\"") })
        let d = lines[line].dropFirst("<path class=\"cumulative\" ".count)
        #expect(line > 0 && lines[line - 1] == "<path class=\"cumulative-casing\" fill=\"none\" \(d)")
        // After every bar, so that it covers them and not they it.
        #expect(lines.lastIndex { $0.hasPrefix("<g class=\"bar\">") }.map { $0 < line - 1 } == true)
    }
}
