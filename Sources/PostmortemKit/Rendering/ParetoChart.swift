/// Draws a Pareto chart as inline SVG: bars in descending order with the cumulative share as a
/// line, so the few causes that account for most of the burned budget stand out.
public struct ParetoChart: Sendable {
    /// One bar.
    public struct Bar: Sendable, Hashable {
        /// The category label shown under the bar.
        public var label: String
        public var value: Double
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    /// Bars with a value above zero, largest first (ties by label, for stable output).
    public var bars: [Bar]
    /// What the values are, for titles and the axis (`budget minutes burned`).
    public var unit: String
    public var title: String
    public var idPrefix: String

    public static let width = 760.0
    public static let height = 300.0
    static let margin = (top: 20.0, right: 48.0, bottom: 48.0, left: 56.0)

    public init(title: String, unit: String, bars: [Bar], idPrefix: String) {
        self.title = title
        self.unit = unit
        self.bars = bars.filter { $0.value > 0 }.sorted { ($1.value, $0.label) < ($0.value, $1.label) }
        self.idPrefix = idPrefix
    }

    /// The cumulative share of the total after each bar, in percent.
    public var cumulativePercents: [Double] {
        let total = bars.reduce(0) { $0 + $1.value }
        guard total > 0 else { return [] }
        var running = 0.0
        return bars.map { running += $0.value; return running / total * 100 }
    }

    /// A text alternative: each bar's value and cumulative share.
    public var summary: String {
        guard !bars.isEmpty else { return "No \(unit) in this period." }
        let cumulative = cumulativePercents
        return bars.enumerated().map { index, bar in
            "\(bar.label): \(DecimalText.minutes(bar.value, maximumFractionDigits: 1)) \(unit) "
                + "(cumulative \(DecimalText.boundedPercent(cumulative[index], shown: DecimalText.format(cumulative[index], maximumFractionDigits: 0), fractionDigits: 0))%)"
        }.joined(separator: "; ") + "."
    }

    /// The chart as an `<svg>` element.
    public func svg() -> String {
        let w = Self.width, h = Self.height, m = Self.margin
        let plotWidth = w - m.left - m.right, plotHeight = h - m.top - m.bottom
        func n(_ v: Double) -> String { DecimalText.format(v, maximumFractionDigits: 1) }
        let maxValue = bars.first?.value ?? 1
        let scaleMax = Self.niceCeiling(maxValue)
        func y(_ value: Double) -> Double { m.top + plotHeight - value / scaleMax * plotHeight }
        func yPercent(_ p: Double) -> Double { m.top + plotHeight - p / 100 * plotHeight }

        let titleID = "\(idPrefix)-title", descID = "\(idPrefix)-desc"
        var svg = "<svg class=\"chart pareto\" viewBox=\"0 0 \(n(w)) \(n(h))\" width=\"\(n(w))\" height=\"\(n(h))\""
        svg += " role=\"img\" aria-labelledby=\"\(HTMLEscaping.attribute(titleID)) \(HTMLEscaping.attribute(descID))\">\n"
        svg += "<title id=\"\(HTMLEscaping.attribute(titleID))\">\(HTMLEscaping.text(title))</title>\n"
        svg += "<desc id=\"\(HTMLEscaping.attribute(descID))\">\(HTMLEscaping.text(summary))</desc>\n"
        for i in 0...4 {
            let value = scaleMax * Double(i) / 4
            svg += "<line class=\"grid\" x1=\"\(n(m.left))\" y1=\"\(n(y(value)))\" x2=\"\(n(w - m.right))\" y2=\"\(n(y(value)))\"/>\n"
            // A quarter of 1, 2.5 or 5 × 10ⁿ needs up to three decimals more than one place
            // gives: 0.25 was shown "0.2", under a bar of 0.3.
            let tick = DecimalText.format(value, maximumFractionDigits: 3)
            svg += "<text class=\"axis\" x=\"\(n(m.left - 6))\" y=\"\(n(y(value) + 4))\" text-anchor=\"end\">\(tick)</text>\n"
            svg += "<text class=\"axis\" x=\"\(n(w - m.right + 6))\" y=\"\(n(y(value) + 4))\">\(i * 25)%</text>\n"
        }
        svg += "<text class=\"axis\" x=\"\(n(m.left))\" y=\"\(n(h - 6))\">\(HTMLEscaping.text(unit)) (bars, left axis); cumulative share (line, right axis)</text>\n"
        guard !bars.isEmpty else { return svg + "</svg>" }
        let slot = plotWidth / Double(bars.count)
        let barWidth = min(64, slot * 0.7)
        // Labels that would not fit their slot go on two rows by turns, each then as wide as two
        // slots, and are cut to that width: with ten causes they had run into each other.
        let staggered = bars.contains { Self.labelWidth(Self.shortened($0.label)) > slot - 6 }
        let room = staggered ? 2 * slot - 8 : slot - 6
        let cumulative = cumulativePercents
        var line = ""
        for (index, bar) in bars.enumerated() {
            let centre = m.left + slot * (Double(index) + 0.5)
            let top = y(bar.value)
            let value = DecimalText.minutes(bar.value, maximumFractionDigits: 1)
            svg += "<g class=\"bar\"><title>\(HTMLEscaping.text("\(bar.label): \(value) \(unit)"))</title>"
            svg += "<rect x=\"\(n(centre - barWidth / 2))\" y=\"\(n(top))\" width=\"\(n(barWidth))\" height=\"\(n(m.top + plotHeight - top))\"/></g>\n"
            let labelY = m.top + plotHeight + (staggered && index % 2 == 1 ? 29 : 16)
            svg += "<text class=\"axis\" x=\"\(n(centre))\" y=\"\(n(labelY))\" text-anchor=\"middle\">\(HTMLEscaping.text(Self.shortened(bar.label, toFit: room)))</text>\n"
            svg += "<text class=\"value\" x=\"\(n(centre))\" y=\"\(n(top - 4))\" text-anchor=\"middle\">\(value)</text>\n"
            line += (index == 0 ? "M" : " L") + "\(n(centre)) \(n(yPercent(cumulative[index])))"
        }
        // The line crosses the bars, whose colour is as light as its own (1.0:1 in the light
        // scheme): a casing in the page's background colour under it, and around its points,
        // sets it off from them (WCAG 1.4.11). Unfilled by attribute, so a style sheet without
        // the casing's rule draws nothing for it.
        svg += "<path class=\"cumulative-casing\" fill=\"none\" d=\"\(line)\"/>\n"
        svg += "<path class=\"cumulative\" d=\"\(line)\"/>\n"
        for (index, percent) in cumulative.enumerated() {
            let centre = m.left + slot * (Double(index) + 0.5)
            svg += "<circle class=\"cumulative\" cx=\"\(n(centre))\" cy=\"\(n(yPercent(percent)))\" r=\"3\"/>\n"
        }
        return svg + "</svg>"
    }

    /// 1, 2, 4, 8 × 10ⁿ at or above `value`: the axis is cut in quarters (beside the cumulative
    /// share's 25% steps), and a quarter of these is round too (a quarter of 2.5 was 0.625).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        for factor in [1.0, 2.0, 4.0, 8.0, 10.0] where magnitude * factor >= value { return magnitude * factor }
        return magnitude * 10
    }

    /// Labels longer than 14 characters are cut with an ellipsis so they do not collide; the
    /// bar's tooltip and the table beside the chart carry the full label.
    static func shortened(_ label: String) -> String {
        label.count > 14 ? String(label.prefix(13)) + "…" : label
    }

    /// ``shortened(_:)``, and cut further (to no fewer than three characters and the ellipsis)
    /// until it is at most `width` pixels wide.
    static func shortened(_ label: String, toFit width: Double) -> String {
        var label = shortened(label)
        while labelWidth(label) > width, label.count > 4 {
            label = String(label.dropLast(label.hasSuffix("…") ? 2 : 1)) + "…"
        }
        return label
    }

    /// About how wide `text` is in the chart's 11-pixel sans-serif (as the staircase measures).
    static func labelWidth(_ text: String) -> Double { StaircaseChart.textWidth(text) }
}
