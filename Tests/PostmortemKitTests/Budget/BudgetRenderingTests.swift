import Testing
@testable import PostmortemKit

@Suite struct BudgetRenderingTests {
    static let q3 = ReportingPeriod.quarter("2026-Q3", zone: .utc)!

    static func report(slo: String) -> BudgetReport {
        let configuration = BundledCorpus.configuration
        return BudgetReport(slos: configuration.slos.filter { $0.id == slo }, records: BundledCorpus.records, period: q3,
                            zone: .utc, timezone: "UTC", today: CalendarDate("2026-11-22")!, definedSLOs: configuration.slos)
    }

    /// Found by the black-box pass of stop 36: seven nines were shown as "100%".
    @Test func objectivesKeepTheirDigits() {
        #expect(BudgetTextRenderer.trimmed(99.99999) == "99.99999")
        #expect(BudgetTextRenderer.trimmed(99.9) == "99.9")
        #expect(BudgetTextRenderer.trimmed(99) == "99")
        #expect(DecimalText.format(99.99995, maximumFractionDigits: 8) == "99.99995")
    }

    @Test func csvHasOneRowPerStepAfterAWindowStartRow() {
        let csv = BudgetCSVRenderer.render(Self.report(slo: "storefront-availability"), zone: .utc)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "slo,window_start,window_end,at,incident,burned_minutes,remaining_minutes,remaining_percent")
        #expect(lines.contains("storefront-availability,2026-08-01T00:00:00Z,2026-09-01T00:00:00Z,2026-08-01T00:00:00Z,,0.00,44.64,100.00"))
        #expect(lines.contains("storefront-availability,2026-08-01T00:00:00Z,2026-09-01T00:00:00Z,2026-08-25T16:20:00Z,2026-08-25-storefront-dns-records-deleted,27.00,-7.02,-15.73"))
        // 3 month rows + 3 August steps + header + the empty string after the last CRLF.
        #expect(lines.count == 8)
    }

    @Test func spreadsheetCellsAreGuardedAndQuoted() {
        #expect(SpreadsheetCell.text("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(SpreadsheetCell.text("+1") == "'+1")
        #expect(SpreadsheetCell.text("-x") == "'-x")
        #expect(SpreadsheetCell.text("@sum") == "'@sum")
        #expect(SpreadsheetCell.text("a,b") == "\"a,b\"")
        #expect(SpreadsheetCell.text("plain-id") == "plain-id")
        #expect(SpreadsheetCell.number(-7.02) == "-7.02")
        #expect(SpreadsheetCell.number(-0.001) == "0.00")
        #expect(SpreadsheetCell.fixed(44.645, decimals: 1) == "44.6")
        #expect(SpreadsheetCell.fixed(19.98, decimals: 0) == "20")
    }

    @Test func textShowsTheFreezeAndTheStaircase() {
        let text = BudgetTextRenderer.render(Self.report(slo: "storefront-availability"), zone: .utc)
        #expect(text.hasPrefix("Error budgets for 2026-Q3 (2026-07-01 to 2026-09-30, UTC), as of 2026-11-22\n"))
        #expect(text.contains("  2026-08   44.64   51.66   -7.02  -15.7%       1.16  freeze: reliability work first (exhausted 08-25 16:53)\n"))
        #expect(text.contains("2026-08 staircase (minutes left of 44.64):"))
        #expect(text.contains("  08-25 16:20   -27.00  2026-08-25-storefront-dns-records-deleted\n"))
        // Storefront impact elsewhere in the year is not this report's business.
        #expect(!text.contains("Not counted"))
    }

    @Test("a window that starts after today is 'not started', not healthy; the one under way keeps its policy")
    func windowsAfterTodayAreNotStarted() {
        let configuration = BundledCorpus.configuration
        let q4 = ReportingPeriod.quarter("2026-Q4", zone: .utc)!
        let report = BudgetReport(slos: configuration.slos.filter { $0.id == "storefront-availability" }, records: BundledCorpus.records,
                                  period: q4, zone: .utc, timezone: "UTC", today: CalendarDate("2026-11-22")!)
        let text = BudgetTextRenderer.render(report, zone: .utc)
        #expect(text.contains("  2026-11   43.20    1.40   41.80   96.8%       0.04  healthy\n"))
        #expect(text.contains("  2026-12   44.64    0.00   44.64  100.0%          -  not started\n"))
        // The data keep the policy the numbers give; only what a person reads says "not started".
        #expect(report.windows.last?.window.policy == .healthy)
    }

    @Test func staircaseBarsAreProportionalAndMarkOverspending() {
        #expect(BudgetTextRenderer.bar(100) == String(repeating: "█", count: 40))
        #expect(BudgetTextRenderer.bar(50) == String(repeating: "█", count: 20) + String(repeating: "·", count: 20))
        #expect(BudgetTextRenderer.bar(-16).hasPrefix("✗"))
        #expect(BudgetTextRenderer.bar(-16).count == 40)
    }

    @Test func notesForUndefinedSLOsAreReported() {
        var record = Postmortem(path: "x.md", id: "x")
        record.started = instant("2026-08-02T10:00:00Z")
        record.mitigated = instant("2026-08-02T10:30:00Z")
        record.impact = [SLOImpact(slo: "ghost", badFraction: 1)]
        let configuration = BundledCorpus.configuration
        let report = BudgetReport(slos: configuration.slos, records: [record], period: Self.q3, zone: .utc, timezone: "UTC",
                                  today: CalendarDate("2026-11-22")!)
        #expect(report.notes.map(\.slo) == ["ghost"])
        #expect(BudgetTextRenderer.render(report, zone: .utc).contains("x (ghost): impact names SLO `ghost`, which is not defined"))
        // `pm budget --slo one`: a note about an SLO nobody defined is about none of those asked
        // for (the black-box pass of stop 42).
        let selected = BudgetReport(slos: [configuration.slos[0]], records: [record], period: Self.q3, zone: .utc, timezone: "UTC",
                                    today: CalendarDate("2026-11-22")!, definedSLOs: configuration.slos)
        #expect(selected.notes.isEmpty)
        // Also when the selection names every SLO pm.yml defines (the review of the stop).
        let all = BudgetReport(slos: configuration.slos, records: [record], period: Self.q3, zone: .utc, timezone: "UTC",
                               today: CalendarDate("2026-11-22")!, definedSLOs: configuration.slos)
        #expect(all.notes.isEmpty)
    }

    /// An SLO of seven nines writes its minutes with more decimals; its table's columns widen to
    /// hold them (they had pushed the rest of the row right; the review of the stop).
    @Test func manyNinesKeepTheColumnsAligned() {
        var record = Postmortem(path: "n.md", id: "n")
        record.started = instant("2026-08-02T10:00:00Z")
        record.mitigated = instant("2026-08-02T10:00:30Z")
        let slo = SLODefinition(id: "nines", objective: 99.99999, window: .rolling(days: 1))
        record.impact = [SLOImpact(slo: slo.id, badFraction: 0.0002)]
        let period = ReportingPeriod.range(from: CalendarDate("2026-08-01")!, to: CalendarDate("2026-08-03")!, zone: .utc)
        let report = BudgetReport(slos: [slo], records: [record], period: period, zone: .utc, timezone: "UTC",
                                  today: CalendarDate("2026-11-22")!)
        let text = BudgetTextRenderer.render(report, zone: .utc)
        let table = text.split(separator: "\n").filter { ($0.hasPrefix("  window") || $0.hasPrefix("  2026-08")) && !$0.contains("staircase") }
        #expect(table.count == 4, "\(text)")
        #expect(Set(table.map { $0.firstRange(of: "%")?.lowerBound.utf16Offset(in: $0) }).count == 1, "\(text)")
        #expect(text.contains(" 0.000144 ") && text.contains(" 0.0001 ") && text.contains(" 0.000044 "), "\(text)")
    }

    /// A step that burned nothing (`budget_minutes: 0`) had read "-0.00" in the text staircase.
    @Test func aStepThatBurnedNothingHasNoMinusSign() {
        var record = Postmortem(path: "z.md", id: "z")
        record.started = instant("2026-08-02T10:00:00Z")
        record.mitigated = instant("2026-08-02T10:30:00Z")
        let slo = BundledCorpus.configuration.slos[0]
        record.impact = [SLOImpact(slo: slo.id, budgetMinutes: 0)]
        let report = BudgetReport(slos: [slo], records: [record], period: Self.q3, zone: .utc, timezone: "UTC",
                                  today: CalendarDate("2026-11-22")!)
        let text = BudgetTextRenderer.render(report, zone: .utc)
        #expect(text.contains("0.00  z") && !text.contains("-0.00"), "\(text)")
    }

    /// A budget that runs out in the hour the clocks repeat when summer time ends names its
    /// offset in `pm budget` and the report: `02:30` on 25 October 2026 in Berlin is two instants
    /// an hour apart (left open by stop 48). Any other time stays as it was.
    @Test func anExhaustionInTheRepeatedHourNamesItsOffset() throws {
        let berlin = try #require(ZoneResolver("Europe/Berlin"))
        let first = Timestamp(epochSeconds: 1_792_888_200)   // 2026-10-25T00:30:00Z, 02:30 summer time
        let second = first.adding(seconds: 3600)             // 01:30Z, 02:30 standard time
        #expect(first.iso8601UTC == "2026-10-25T00:30:00Z")
        #expect(BudgetTextRenderer.clock(first, zone: berlin) == "10-25 02:30+02:00")
        #expect(BudgetTextRenderer.clock(second, zone: berlin) == "10-25 02:30+01:00")
        #expect(BudgetTextRenderer.clock(second.adding(seconds: 3600), zone: berlin) == "10-25 03:30")
        #expect(BudgetTextRenderer.clock(first.adding(seconds: -7200), zone: berlin) == "10-25 00:30")
        #expect(BudgetTextRenderer.clock(first, zone: .utc) == "10-25 00:30")
        #expect(ZoneResolver(fixedOffset: 3600).repeatedHourOffset(of: first) == "")
        // In `pm budget`'s staircase the column widens for it (the review: `02:30+01:00-60.00`).
        var record = Postmortem(path: "a.md", id: "a")
        record.started = second
        record.mitigated = second.adding(seconds: 3600)
        record.impact = [SLOImpact(slo: "web", badFraction: 1)]
        let october = ReportingPeriod.range(from: CalendarDate("2026-10-01")!, to: CalendarDate("2026-10-31")!, zone: berlin)
        let report = BudgetReport(slos: [SLODefinition(id: "web", services: [], objective: 99.9, window: .month)], records: [record],
                                  period: october, zone: berlin, timezone: "Europe/Berlin", today: CalendarDate("2026-11-22")!)
        let text = BudgetTextRenderer.render(report, zone: berlin)
        #expect(text.contains("  10-01 00:00        window start\n"), "\(text)")
        #expect(text.contains("  10-25 02:30+01:00  -60.00  a\n"), "\(text)")
    }
}
