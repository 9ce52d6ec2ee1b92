import Testing
@testable import PostmortemKit

/// The seed figures of the issue and the arithmetic behind them.
@Suite struct ErrorBudgetTests {
    @Test func ninetyNineNineOverThirtyDaysIs43Point2Minutes() {
        #expect(ErrorBudget.minutes(objective: 99.9, windowMinutes: 30 * 1440) == 43.2)
    }

    @Test func ninetyNineNineOverAWeekIs10Point08Minutes() {
        #expect(ErrorBudget.minutes(objective: 99.9, windowMinutes: 7 * 1440) == 10.08)
    }

    @Test func fifteenMinutesDownInSuchAWeekOverspendsBy4Point92() {
        let slo = SLODefinition(id: "api", objective: 99.9, window: .rolling(days: 7))
        var record = Postmortem(path: "x.md", id: "outage")
        // 1970-01-01 starts a 7-day window (windows count from the epoch), so this week is whole.
        record.started = instant("1970-01-02T10:00:00Z")
        record.mitigated = instant("1970-01-02T10:15:00Z")
        record.impact = [SLOImpact(slo: "api", badFraction: 1)]
        let period = ReportingPeriod.range(from: CalendarDate("1970-01-01")!, to: CalendarDate("1970-01-07")!, zone: .utc)
        let windows = ErrorBudgetCalculator.windows(slos: [slo], records: [record], period: period, zone: .utc,
                                                    today: CalendarDate("1970-02-01")!)
        #expect(windows.count == 1)
        #expect(windows[0].budgetMinutes == 10.08)
        #expect(windows[0].burnedMinutes == 15)
        #expect(windows[0].remainingMinutes == -4.92)
        #expect(windows[0].policy == .exhausted)
        // 10.08 of 15 minutes at full outage: exhausted 10 min 4.8 s in, rounded to the second.
        #expect(windows[0].exhaustedAt == instant("1970-01-02T10:10:05Z"))
    }

    @Test func ninetyNineNineFiveOverA43800MinuteMonthIs21Point9() {
        #expect(ErrorBudget.minutes(objective: 99.95, windowMinutes: 43_800) == 21.9)
    }

    @Test func burnIsDurationTimesBadFraction() {
        #expect(ErrorBudget.burn(minutes: 48, badFraction: 0.42) == 20.16)
        #expect(ErrorBudget.burn(minutes: 45, badFraction: 0.6) == 27)
    }

    @Test func policyFollowsRemainingBudgetAndBurnRate() {
        #expect(BudgetPolicy.decide(remainingPercent: 80, burnRate: 0.4) == .healthy)
        #expect(BudgetPolicy.decide(remainingPercent: 20, burnRate: 0.9) == .atRisk)
        // Half the window gone with 80% spent: burn rate 1.6, on course to run out.
        #expect(BudgetPolicy.decide(remainingPercent: 20, burnRate: 1.6) == .atRisk)
        #expect(BudgetPolicy.decide(remainingPercent: 60, burnRate: 1.2) == .atRisk)
        #expect(BudgetPolicy.decide(remainingPercent: 0, burnRate: 2) == .exhausted)
        #expect(BudgetPolicy.exhausted.description == "freeze: reliability work first")
    }

    @Test func burnRateComparesSpendWithElapsedBudget() {
        let slo = SLODefinition(id: "web", objective: 99.9, window: .month)
        var record = Postmortem(path: "x.md", id: "early")
        record.started = instant("2026-06-02T00:00:00Z")
        record.mitigated = instant("2026-06-02T00:24:00Z")
        record.impact = [SLOImpact(slo: "web", badFraction: 1)]
        let june = ReportingPeriod.range(from: CalendarDate("2026-06-01")!, to: CalendarDate("2026-06-30")!, zone: .utc)
        // June has 43,200 minutes, so 43.2 budget minutes; 24 burned = 80% spent halfway through.
        let windows = ErrorBudgetCalculator.windows(slos: [slo], records: [record], period: june, zone: .utc,
                                                    today: CalendarDate("2026-06-15")!)
        #expect(windows[0].budgetMinutes == 43.2)
        #expect(abs(windows[0].burnRate! - 24 / 21.6) < 1e-6)
        #expect(windows[0].policy == .atRisk)
        let future = ErrorBudgetCalculator.windows(slos: [slo], records: [], period: june, zone: .utc,
                                                   today: CalendarDate("2026-05-20")!)
        #expect(future[0].burnRate == nil)
        #expect(future[0].policy == .healthy)
    }
}
