/// Draws one SLO's error-budget staircase as inline SVG.
///
/// The remaining budget of each window starts at 100% and steps down at each incident; a new
/// window starts again at 100%. The chart marks the zero line, the instant each exhausted window
/// ran out, and a numbered marker on every step that links to the incident's page. The numbers
/// match ``numberedSteps``, which the page lists under the chart as the text alternative.
///
/// Drawing is pure: the same windows give byte-identical SVG (coordinates are rounded to a tenth
/// of a pixel and formatted without the locale).
public struct StaircaseChart: Sendable {
    /// An incident a step links to.
    public struct IncidentLink: Sendable, Hashable {
        /// Relative URL of the incident's page.
        public var href: String
        /// The incident's title, shown in the marker's tooltip.
        public var title: String
        public init(href: String, title: String) {
            self.href = href
            self.title = title
        }
    }

    /// One step with the number its marker shows.
    public struct NumberedStep: Sendable, Hashable {
        public var number: Int
        public var step: StaircaseStep
        /// The start of the window the step belongs to.
        public var windowStart: Timestamp
    }

    /// The SLO id, used in titles and element ids.
    public var slo: String
    /// The SLO's windows to draw, in time order.
    public var windows: [BudgetWindow]
    /// The time span of the x axis; windows are clipped to it.
    public var domainStart: Timestamp
    public var domainEnd: Timestamp
    /// Links for incident ids; steps of incidents without one get a marker but no link.
    public var links: [String: IncidentLink]
    /// Makes element ids unique when several charts share a page.
    public var idPrefix: String
    /// The first instant not yet known (the midnight after the report's `today`): each window's
    /// line stops there, a window that starts later has none, and the rest of the chart is shaded
    /// as "not yet". Nil when every window has ended.
    public var asOf: Timestamp?
    /// The period the report is of, when the chart reaches beyond it (a rolling window that
    /// started before the quarter): the parts outside it are shaded and labelled, so steps there
    /// are not read as the period's.
    public var period: ReportingPeriod?

    /// Width and height of the drawing in CSS pixels (it scales down with the page).
    public static let width = 760.0
    public static let height = 280.0
    /// The axis's title is in the top margin, over the percentages it names: under the dates it
    /// had read as their title (the visual review of stop 48).
    static let margin = (top: 36.0, right: 20.0, bottom: 28.0, left: 56.0)

    public init(slo: String, windows: [BudgetWindow], domainStart: Timestamp, domainEnd: Timestamp,
                links: [String: IncidentLink], idPrefix: String, asOf: Timestamp? = nil,
                period: ReportingPeriod? = nil) {
        self.slo = slo
        self.asOf = asOf
        self.period = period
        self.windows = windows.sorted { $0.start < $1.start }
        self.domainStart = domainStart
        self.domainEnd = max(domainEnd, domainStart.adding(seconds: 60))
        self.links = links
        self.idPrefix = idPrefix
    }

    /// The steps in drawing order, numbered from 1.
    public var numberedSteps: [NumberedStep] {
        var result: [NumberedStep] = []
        for window in windows {
            for step in window.steps.sorted(by: { ($0.at, $0.incident) < ($1.at, $1.incident) })
            where step.at >= domainStart && step.at < domainEnd {
                result.append(NumberedStep(number: result.count + 1, step: step, windowStart: window.start))
            }
        }
        return result
    }

    /// The share of budget left as the chart's text writes it: up to one decimal, never "100"
    /// for a budget not whole nor "0" for one not spent (`>99.9`, `<0.1`).
    static func percentLeft(_ percent: Double) -> String {
        DecimalText.boundedPercent(percent, shown: DecimalText.format(percent, maximumFractionDigits: 1), fractionDigits: 1)
    }

    /// A one-sentence summary for screen readers and the SVG `<desc>`.
    public var summary: String {
        let steps = numberedSteps
        var parts: [String] = []
        for window in windows {
            let left = Self.percentLeft(window.remainingPercent)
            var sentence = "Window from \(window.start.localDate) to \(window.end.adding(seconds: -1).localDate): "
            if let asOf, !window.hasStarted(asOf: asOf) {
                parts.append(sentence + "not started.")
                continue
            }
            sentence += "\(window.steps.count) incident\(window.steps.count == 1 ? "" : "s"), \(left)% of the budget left"
            if let exhausted = window.exhaustedAt { sentence += ", exhausted on \(exhausted.localDate)" }
            if let asOf, window.end > asOf { sentence += " as of \(asOf.adding(seconds: -1).localDate)" }
            parts.append(sentence + ".")
        }
        if steps.isEmpty && windows.isEmpty { return "No error budget windows for \(slo) in this period." }
        return parts.joined(separator: " ")
    }

    /// The percentage points between two lines of the grid when the chart spans `span` points
    /// (100 for a window with budget left; more when a window overspent): 25, then 50 up to 400
    /// points, then the smallest of 100, 250, 500, 1,000, 2,500… that leaves at most eight steps.
    /// A window that overspent its budget a hundredfold still gets a readable axis, and a tiny
    /// budget overspent a millionfold a handful of lines, not a million.
    static func tickStep(span: Double) -> Double {
        if span <= 200 { return 25 }
        if span <= 400 { return 50 }
        guard span.isFinite else { return span }
        var magnitude = 100.0
        while true {
            for factor in [1.0, 2.5, 5.0] where span / (magnitude * factor) <= 8 { return magnitude * factor }
            magnitude *= 10
        }
    }

    /// The chart as an `<svg>` element.
    public func svg() -> String {
        let w = Self.width, h = Self.height, m = Self.margin
        let plotWidth = w - m.left - m.right
        let plotHeight = h - m.top - m.bottom
        let lowest = windows.flatMap { $0.steps.map(\.remainingPercent) }.min() ?? 100
        // Scale down to the lowest step so overspending stays on the chart: in 25% increments,
        // or to the grid's step once that is coarser.
        let yMax = 100.0
        let coarse = lowest < 0 ? (lowest / 25).rounded(.down) * 25 : 0
        let tickStep = Self.tickStep(span: yMax - coarse)
        let yMin = tickStep > 50 ? (coarse / tickStep).rounded(.down) * tickStep : coarse
        let span = Double(domainEnd.epochSeconds - domainStart.epochSeconds)
        func x(_ t: Timestamp) -> Double {
            let clamped = min(max(t.epochSeconds, domainStart.epochSeconds), domainEnd.epochSeconds)
            return m.left + Double(clamped - domainStart.epochSeconds) / span * plotWidth
        }
        func y(_ percent: Double) -> Double { m.top + (yMax - percent) / (yMax - yMin) * plotHeight }
        func n(_ v: Double) -> String { DecimalText.format(v, maximumFractionDigits: 1) }

        let titleID = "\(idPrefix)-title", descID = "\(idPrefix)-desc"
        let label = "Error budget staircase for \(slo)"
        // One image to assistive technology, named by its title and described by the summary,
        // whose parts are hidden from it. Not role="img": an image's content is presentational,
        // yet screen readers still reach a link in it, even one out of the tab order (axe's
        // nested-interactive), and the markers are links. (Nor an image inside another element:
        // Chromium makes the `<svg>` an image of its own, and the Nu checker allows it no role
        // but "img".)
        var svg = "<svg class=\"chart staircase\" viewBox=\"0 0 \(n(w)) \(n(h))\" width=\"\(n(w))\" height=\"\(n(h))\""
        svg += " aria-labelledby=\"\(HTMLEscaping.attribute(titleID)) \(HTMLEscaping.attribute(descID))\">\n"
        svg += "<title id=\"\(HTMLEscaping.attribute(titleID))\">\(HTMLEscaping.text(label))</title>\n"
        svg += "<desc id=\"\(HTMLEscaping.attribute(descID))\">\(HTMLEscaping.text(summary))</desc>\n"
        svg += "<g aria-hidden=\"true\">\n"

        // Horizontal grid and percent labels, at multiples of the step, and at 100%, where every
        // window starts, when that is none (a step of 250 had left the top unlabelled) and has
        // room below the top.
        var ticks: [Double] = []
        var tick = (yMax / tickStep).rounded(.down) * tickStep
        while tick >= yMin {
            ticks.append(tick)
            tick -= tickStep
        }
        // (Too close to the tick below it, its label goes just above the line, in the margin: with a
        // step of 1,000 a window at 100% had looked as if it sat at 0%.)
        if ticks.first.map({ $0 < yMax }) ?? true { ticks.insert(yMax, at: 0) }
        for (index, tick) in ticks.enumerated() {
            let cls = tick == 0 ? "zero" : "grid"
            let crowded = index == 0 && ticks.count > 1 && y(ticks[1]) - y(tick) < 14
            svg += "<line class=\"\(cls)\" x1=\"\(n(m.left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(w - m.right))\" y2=\"\(n(y(tick)))\"/>\n"
            svg += "<text class=\"axis\" x=\"\(n(m.left - 6))\" y=\"\(n(y(tick) + (crowded ? -4 : 4)))\" text-anchor=\"end\">\(n(tick))%</text>\n"
        }
        // Window boundaries with their start dates, the year too when the chart spans more than
        // one. Every boundary gets its line; a date only where it has room after the one before
        // (a 1d window would put 92 dates on a quarter) and inside the drawing.
        var boundaries = windows.map(\.start).filter { $0 >= domainStart && $0 < domainEnd }
        if boundaries.first.map({ $0 > domainStart }) ?? true { boundaries.insert(domainStart, at: 0) }
        let withYear = domainStart.localDate.year != domainEnd.adding(seconds: -1).localDate.year
        // Fewer than three boundaries (a quarter's window has one) leave the incidents without a
        // date to place them by: the first of each month gets a date and a tick mark too.
        var months: [Timestamp] = []
        if boundaries.count < 3 { months = Self.monthStarts(from: domainStart, to: domainEnd).filter { !boundaries.contains($0) } }
        var labelEnd = -Double.infinity
        for (boundary, isMonth) in (boundaries.map { ($0, false) } + months.map { ($0, true) }).sorted(by: { $0.0 < $1.0 }) {
            if isMonth {
                svg += "<line class=\"grid\" x1=\"\(n(x(boundary)))\" y1=\"\(n(h - m.bottom))\" x2=\"\(n(x(boundary)))\" y2=\"\(n(h - m.bottom + 4))\"/>\n"
            } else {
                svg += "<line class=\"grid\" x1=\"\(n(x(boundary)))\" y1=\"\(n(m.top))\" x2=\"\(n(x(boundary)))\" y2=\"\(n(h - m.bottom))\"/>\n"
            }
            let label = Self.dayLabel(boundary.localDate, withYear: withYear)
            let lx = x(boundary) + 3
            guard lx >= labelEnd + 8, lx + Self.textWidth(label) <= w else { continue }
            labelEnd = lx + Self.textWidth(label)
            svg += "<text class=\"axis\" x=\"\(n(lx))\" y=\"\(n(h - m.bottom + 16))\">\(HTMLEscaping.text(label))</text>\n"
        }
        svg += "<text class=\"axis\" x=\"6\" y=\"14\" text-anchor=\"start\">remaining error budget per window (% of the window's budget)</text>\n"

        // What is not known yet: shaded, and labelled with the last day that is.
        let known = asOf.map { min(max($0, domainStart), domainEnd) } ?? domainEnd
        if let asOf, known < domainEnd {
            let fx = x(known), shade = x(domainEnd) - fx
            // Drawn with attributes, not the stylesheet, so a report re-branded with an older copy
            // of style.mustache shades it too; a tint of the text colour suits light and dark.
            svg += "<rect class=\"future\" x=\"\(n(fx))\" y=\"\(n(m.top))\" width=\"\(n(shade))\" height=\"\(n(plotHeight))\" fill=\"currentColor\" fill-opacity=\"0.06\"/>\n"
            let lastKnown = asOf.adding(seconds: -1).localDate
            let label = "not yet known: as of \(Self.dayLabel(lastKnown, withYear: withYear || lastKnown.year != domainStart.localDate.year))"
            let attributes = "class=\"axis future\" font-style=\"italic\""
            if shade >= Self.textWidth(label) + 12 {
                svg += "<text \(attributes) x=\"\(n(fx + 6))\" y=\"\(n(m.top + plotHeight / 2))\">\(HTMLEscaping.text(label))</text>\n"
            } else {
                // Upright in a narrow shade, so it does not cover what is known: the glyphs reach
                // about 8 pixels left of their baseline at `cx`, so that is at least 10 right of
                // the shade's edge, in the right margin when the shade is narrower than that.
                let cx = min(max(fx + shade / 2 + 4, fx + 10), w - 4), cy = m.top + plotHeight / 2
                svg += "<text \(attributes) x=\"\(n(cx))\" y=\"\(n(cy))\" text-anchor=\"middle\" transform=\"rotate(-90 \(n(cx)) \(n(cy)))\">\(HTMLEscaping.text(label))</text>\n"
            }
        }

        // Outside the period: shaded lighter than what is not known, and labelled where there is
        // room (the part after it only where it is known; the rest is shaded as not known).
        if let period {
            let parts = [(domainStart, min(period.start, domainEnd), "before \(period.label)"),
                         (max(period.end, domainStart), min(domainEnd, known), "after \(period.label)")]
            for (from, to, label) in parts where to > from {
                let fx = x(from), width = x(to) - fx
                svg += "<g class=\"outside\"><title>\(HTMLEscaping.text(label))</title>"
                svg += "<rect x=\"\(n(fx))\" y=\"\(n(m.top))\" width=\"\(n(width))\" height=\"\(n(plotHeight))\" fill=\"currentColor\" fill-opacity=\"0.035\"/>"
                if width >= Self.textWidth(label) + 12 {
                    svg += "<text class=\"axis\" font-style=\"italic\" x=\"\(n(fx + 6))\" y=\"\(n(m.top + plotHeight - 8))\">\(HTMLEscaping.text(label))</text>"
                }
                svg += "</g>\n"
            }
        }

        // The staircases. The label of an exhaustion goes on the first row below the zero line
        // that it does not overprint (three windows exhausted in a quarter had printed theirs on
        // one another), and is left to the diamond's tooltip when no row is free.
        var exhaustionRows: [[ClosedRange<Double>]] = [[], []]
        // Where the diamonds and their labels are, for the markers to keep clear of.
        var obstacles: [PlacedCentres.Centre] = []
        for window in windows where window.end > domainStart && window.start < domainEnd {
            let steps = window.steps.sorted(by: { ($0.at, $0.incident) < ($1.at, $1.incident) })
            // A window not started yet has no line; one under way ends at what is known (or at
            // its last step, should one be dated later).
            guard window.hasStarted(asOf: known) else { continue }
            var path = "M\(n(x(window.start))) \(n(y(100)))"
            for step in steps {
                path += " H\(n(x(step.at))) V\(n(y(step.remainingPercent)))"
            }
            path += " H\(n(x(max(min(window.end, known), steps.last?.at ?? window.start))))"
            svg += "<path class=\"stair\" d=\"\(path)\"/>\n"
            if let exhausted = window.exhaustedAt, exhausted >= domainStart, exhausted < domainEnd {
                let ex = x(exhausted), ey = y(0)
                obstacles.append((ex, ey, Self.markerClearance))
                let text = "budget exhausted \(Self.dayLabel(exhausted.localDate))"
                svg += "<g class=\"exhausted\"><title>\(HTMLEscaping.text("\(slo): \(text) (\(exhausted.iso8601))"))</title>"
                svg += "<path d=\"M\(n(ex)) \(n(ey - 7)) L\(n(ex + 7)) \(n(ey)) L\(n(ex)) \(n(ey + 7)) L\(n(ex - 7)) \(n(ey)) Z\"/>"
                let anchor = ex > m.left + plotWidth * 0.75 ? "end" : "start"
                let tx = anchor == "end" ? ex - 10 : ex + 10
                let extent = anchor == "end" ? (tx - Self.textWidth(text))...tx : tx...(tx + Self.textWidth(text))
                // Below the zero line, or above it when zero is the bottom of the chart (a budget
                // spent exactly, and none overspent: there is no room below).
                let below = ey + 18 <= h - m.bottom + 2
                func rowY(_ row: Int) -> Double { below ? ey + 18 + Double(row) * 14 : ey - 12 - Double(row) * 14 }
                let free = exhaustionRows.indices.first { row in
                    (below ? rowY(row) <= h - m.bottom + 2 : rowY(row) >= m.top + 10)
                        && !exhaustionRows[row].contains { $0.overlaps((extent.lowerBound - 6)...(extent.upperBound + 6)) }
                }
                if let row = free {
                    exhaustionRows[row].append(extent)
                    // The label is in the markers' way too: points along the middle of its text,
                    // which a marker clears at its radius and half the text's height.
                    for x in stride(from: extent.lowerBound, through: extent.upperBound, by: 4) {
                        obstacles.append((x, rowY(row) - 4, Self.labelClearance))
                    }
                    svg += "<text x=\"\(n(tx))\" y=\"\(n(rowY(row)))\" text-anchor=\"\(anchor)\">\(HTMLEscaping.text(text))</text>"
                }
                svg += "</g>\n"
            }
        }

        // Numbered, linked markers on each step. A marker that would cover one drawn before it, or
        // an exhaustion's diamond or label (incidents on the same day, a small step), is moved to
        // the nearest free place (``freePlace``), with a leader line to its step.
        var placed = PlacedCentres()
        for obstacle in obstacles { placed.insert(obstacle) }
        var leaders = "", markers = ""
        for numbered in numberedSteps {
            let step = numbered.step
            let sx = x(step.at), sy = y(step.remainingPercent)
            let free = Self.freePlace(for: (sx, sy), clearOf: placed, columns: (m.left + 9)...(w - m.right - 9),
                                      rows: (m.top + 9)...(h - m.bottom - 9))
            // With no room near its step (hundreds of incidents in a few days), a marker is drawn
            // on its step, over others; the markers after it keep clear of it too.
            if let free { placed.insert((free.x, free.y, Self.markerClearance)) } else { placed.insertOverflow(sx, sy) }
            let (cx, cy) = free ?? (sx, sy)
            let burned = DecimalText.minutes(step.burnedMinutes, maximumFractionDigits: 2)
            let left = Self.percentLeft(step.remainingPercent)
            var tip = "\(numbered.number). \(step.incident)"
            if let link = links[step.incident], !link.title.isEmpty { tip += ": \(link.title)" }
            tip += " (\(step.at.localDate)): burned \(burned) min, \(left)% left"
            var marker = "<title>\(HTMLEscaping.text(tip))</title>"
            if cx != sx || cy != sy {
                // Under every marker: a leader drawn after a marker it passes had crossed its number.
                leaders += "<line class=\"leader\" x1=\"\(n(sx))\" y1=\"\(n(sy))\" x2=\"\(n(cx))\" y2=\"\(n(cy))\" stroke=\"currentColor\" stroke-opacity=\"0.6\"/>\n"
            }
            marker += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"9\"/>"
            marker += "<text x=\"\(n(cx))\" y=\"\(n(cy + 4))\" text-anchor=\"middle\">\(numbered.number)</text>"
            if let link = links[step.incident] {
                // Out of the tab order and hidden from assistive technology, as the whole drawing
                // is: the list under the chart holds the same links.
                markers += "<a class=\"step\" href=\"\(HTMLEscaping.attribute(link.href))\" tabindex=\"-1\">\(marker)</a>\n"
            } else {
                markers += "<g class=\"step\">\(marker)</g>\n"
            }
        }
        svg += leaders + markers + "</g>\n</svg>"
        return svg
    }

    /// The distance between two markers' centres at which they do not overlap (radius 9, and a
    /// pixel between).
    static let markerClearance = 19.0

    /// The centre nearest `point`, in steps of a marker's width (``placeOffsets``), that keeps
    /// every centre in `taken` at least its clearance away and is inside the plot; nil when none
    /// is.
    static func freePlace(for point: (x: Double, y: Double), clearOf taken: PlacedCentres,
                          columns: ClosedRange<Double>, rows: ClosedRange<Double>) -> (x: Double, y: Double)? {
        // On its step wherever that is (a step near 100% is close to the plot's top edge).
        if taken.isFree(point.x, point.y) { return point }
        for (i, j) in placeOffsets.dropFirst() {
            let x = point.x + Double(i) * markerClearance, y = point.y + Double(j) * markerClearance
            if columns.contains(x), rows.contains(y), taken.isFree(x, y) { return (x, y) }
        }
        return nil
    }

    /// The centres a marker must keep clear of (markers placed, diamonds, points along labels),
    /// in square cells a marker wide. No centre's clearance is wider than a cell, so only the
    /// nine cells around a place can hold one in its way: a place is checked against those, not
    /// against every centre of the chart.
    ///
    /// Markers drawn where there was no room pile up on their steps, and checked like the others,
    /// each later marker's search read the pile: quadratic in the incidents of one day (a report
    /// of 20,000 on one day took 8.7 seconds, 4.8 without). They are kept apart
    /// (``insertOverflow(_:_:)``), with a
    /// map of the chart's pixels: a place in a pixel wholly within a marker's clearance of one of
    /// them is taken, a place in a pixel no nearer than the clearance and half the pixel's
    /// diagonal is clear of them all, and only the pixels in between are checked against them one
    /// by one. The answer is the one checking every centre gives.
    struct PlacedCentres {
        typealias Centre = (x: Double, y: Double, clearance: Double)
        private struct Cell: Hashable { var column: Int, row: Int }
        private struct Place: Hashable { var x: UInt64, y: UInt64 }
        private var cells: [Cell: [Centre]] = [:]
        /// The markers drawn for want of room, in cells as above, each place once.
        private var overflowCells: [Cell: [Centre]] = [:]
        private var overflowPlaces = Set<Place>()
        /// Each pixel of the chart, row by row: 0 when no marker drawn for want of room is near
        /// it, 2 when every place in it is within a marker's clearance of one, 1 in between; empty
        /// until the first such marker.
        private var overflow: [UInt8] = []
        private static let pixels = (columns: Int(width.rounded(.up)), rows: Int(height.rounded(.up)))
        /// Half a pixel's diagonal (√2 / 2), rounded up: how far a place is from its pixel's middle.
        private static let halfDiagonal = 0.7072

        private static func cell(_ x: Double, _ y: Double) -> Cell {
            Cell(column: whole(x / markerClearance), row: whole(y / markerClearance))
        }

        /// `value` rounded down to an integer; one beyond any chart (or not a number) to a value
        /// as far out, which converting would have trapped on.
        private static func whole(_ value: Double) -> Int {
            value.isNaN ? Int.min / 2 : Int(min(max(value, -1e15), 1e15).rounded(.down))
        }

        mutating func insert(_ centre: Centre) {
            precondition(centre.clearance <= markerClearance, "a clearance wider than a cell")
            cells[Self.cell(centre.x, centre.y), default: []].append(centre)
        }

        /// Notes a marker drawn at (`x`, `y`) for want of room, which later markers keep a marker's
        /// clearance from.
        mutating func insertOverflow(_ x: Double, _ y: Double) {
            guard overflowPlaces.insert(Place(x: x.bitPattern, y: y.bitPattern)).inserted else { return }
            overflowCells[Self.cell(x, y), default: []].append((x, y, markerClearance))
            let (columns, rows) = Self.pixels
            if overflow.isEmpty { overflow = [UInt8](repeating: 0, count: columns * rows) }
            let near = markerClearance + Self.halfDiagonal, within = markerClearance - Self.halfDiagonal
            let top = max(0, Self.whole(y - near)), bottom = min(rows - 1, Self.whole(y + near) + 1)
            let left = max(0, Self.whole(x - near)), right = min(columns - 1, Self.whole(x + near) + 1)
            guard top <= bottom, left <= right else { return }
            for row in top...bottom {
                for column in left...right {
                    let dx = Double(column) + 0.5 - x, dy = Double(row) + 0.5 - y
                    let squared = dx * dx + dy * dy
                    let state: UInt8 = squared < within * within ? 2 : squared < near * near ? 1 : 0
                    if state > overflow[row * columns + column] { overflow[row * columns + column] = state }
                }
            }
        }

        /// Whether a marker centred at (`x`, `y`) keeps every centre at least its clearance away.
        func isFree(_ x: Double, _ y: Double) -> Bool {
            if !overflow.isEmpty {
                let column = Self.whole(x), row = Self.whole(y)
                let inside = (0..<Self.pixels.columns).contains(column) && (0..<Self.pixels.rows).contains(row)
                let state = inside ? overflow[row * Self.pixels.columns + column] : 1
                if state == 2 || state == 1 && !Self.isClear(x, y, of: overflowCells) { return false }
            }
            return Self.isClear(x, y, of: cells)
        }

        /// Whether every centre in the nine cells around (`x`, `y`) is at least its clearance away.
        private static func isClear(_ x: Double, _ y: Double, of grid: [Cell: [Centre]]) -> Bool {
            let here = cell(x, y)
            for column in (here.column - 1)...(here.column + 1) {
                for row in (here.row - 1)...(here.row + 1) {
                    guard let taken = grid[Cell(column: column, row: row)] else { continue }
                    if !taken.allSatisfy({ ($0.x - x) * ($0.x - x) + ($0.y - y) * ($0.y - y) >= $0.clearance * $0.clearance }) {
                        return false
                    }
                }
            }
            return true
        }
    }

    /// The places tried, in marker widths: the step itself, then the others nearest first (a
    /// short leader reads better than a long one); of places as near, on the step's line before
    /// beside it, below before above, later in time before earlier.
    static let placeOffsets: [(Int, Int)] = (-sidewaysSteps...sidewaysSteps).flatMap { i in (-12...12).map { (i, $0) } }
        .sorted { a, b in
            let da = a.0 * a.0 + a.1 * a.1, db = b.0 * b.0 + b.1 * b.1
            if da != db { return da < db }
            if abs(a.0) != abs(b.0) { return abs(a.0) < abs(b.0) }
            if a.1 != b.1 { return a.1 > b.1 }
            return a.0 > b.0
        }

    /// How far a marker's centre keeps from a point on the middle of a label's text: its radius
    /// and half the text's height.
    static let labelClearance = 14.0

    /// How many marker widths a marker may move beside its step when there is no room above or below.
    static let sidewaysSteps = 3

    /// The first instant of each month after `start` and before `end`, at `start`'s offset from
    /// UTC (a tick mark an hour off across a change of summer time cannot be seen on a quarter).
    static func monthStarts(from start: Timestamp, to end: Timestamp) -> [Timestamp] {
        var result: [Timestamp] = []
        var date = start.localDate
        while true {
            let next = date.month == 12 ? (date.year + 1, 1) : (date.year, date.month + 1)
            guard let first = Timestamp(year: next.0, month: next.1, day: 1, offsetSeconds: start.offsetSeconds), first < end else { break }
            result.append(first)
            date = first.localDate
        }
        return result
    }

    /// `1 Jul`: short, unambiguous in a quarter's context, and independent of the locale;
    /// `1 Jul 2026` when the chart spans more than one year.
    static func dayLabel(_ date: CalendarDate, withYear: Bool = false) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(date.day) \(months[date.month - 1])" + (withYear ? " \(date.year)" : "")
    }

    /// About how wide `text` is in the chart's 11-pixel sans-serif: 6.2 pixels a character, a
    /// little more than the average, so that labels placed by it do not touch.
    static func textWidth(_ text: String) -> Double { Double(text.count) * 6.2 }
}
