import Testing
@testable import PostmortemKit

/// An SLO defined in an OpenSLO file: what maps is used, what does not is said.
@Suite struct OpenSLOBudgetTests {
    static let openSLO = """
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: api-availability
        spec:
          service: api
          budgetingMethod: Occurrences
          timeWindow:
            - duration: 1M
              isRolling: false
              calendar: {startTime: "2026-01-01 00:00:00", timeZone: Europe/Paris}
          objectives:
            - targetPercent: 99.95
        """

    @Test func calendarMonthObjectiveIsUsedAndIgnoredPartsAreShown() throws {
        let configuration = try ConfigurationReader.parse("slos:\n  - openslo: api.yaml\n", path: "pm.yml",
                                                          openSLO: { $0 == "api.yaml" ? Self.openSLO : nil })
        let slo = try #require(configuration.slo("api-availability"))
        #expect(slo.window == .month)
        #expect(slo.objective == 99.95)
        var record = Postmortem(path: "x.md", id: "api-down")
        record.started = instant("2026-06-10T10:00:00Z")
        record.mitigated = instant("2026-06-10T10:10:00Z")
        record.impact = [SLOImpact(slo: "api-availability", badFraction: 0.5)]
        let june = ReportingPeriod.range(from: CalendarDate("2026-06-01")!, to: CalendarDate("2026-06-30")!, zone: .utc)
        let report = BudgetReport(slos: configuration.slos, records: [record], period: june, zone: .utc, timezone: "UTC",
                                  today: CalendarDate("2026-07-01")!)
        // 30 days × 1440 × 0.05% = 21.6; 10 min × 0.5 = 5.
        #expect(report.windows.map(\.window.budgetMinutes) == [21.6])
        #expect(report.windows.map(\.window.remainingMinutes) == [16.6])
        let text = BudgetTextRenderer.render(report, zone: .utc)
        #expect(text.contains("note: api.yaml: timeWindow.calendar is ignored"))
        #expect(text.contains("note: api.yaml: spec.budgetingMethod is ignored"))
    }
}
