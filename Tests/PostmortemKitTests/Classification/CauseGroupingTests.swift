import Testing
@testable import PostmortemKit

@Suite struct CauseGroupingTests {
    static let report: CauseReport = {
        let configuration = BundledCorpus.configuration
        let records = BundledCorpus.records
        let burns = ErrorBudgetCalculator.burns(slos: configuration.slos, records: records, zone: .utc)
        return CauseReport(records: records, sources: BundledCorpus.documents.map(\.source),
                           classifier: try! Classifier(configuration: configuration), burns: burns, groupBy: .cause)
    }()

    @Test func groupsAreInParetoOrderAndSharesAddUp() throws {
        let groups = Self.report.groups
        #expect(groups.map(\.count).reduce(0, +) == BundledCorpus.records.count)
        for (a, b) in zip(groups, groups.dropFirst()) { #expect(a.burnedMinutes >= b.burnedMinutes) }
        let last = try #require(groups.last)
        #expect(abs(last.cumulativeShare - 1) < 1e-6)
        #expect(abs(groups.map(\.burnShare).reduce(0, +) - 1) < 1e-5)
    }

    @Test func deployGroupSumsItsIncidentsBurnByHand() throws {
        let deploy = try #require(Self.report.groups.first { $0.key == "deploy" })
        // 2026-08-04: 48 min × 0.42 on storefront. 2026-04-09 declares no causes; its text says
        // release/canary/rollout, so it is inferred deploy: 45 min × 0.60 = 27.0 on search.
        #expect(deploy.incidents == ["2026-04-09-search-query-release-latency", "2026-08-04-storefront-product-page-500s"])
        #expect(deploy.burnedMinutesBySLO == ["search-latency": 27.0, "storefront-availability": 20.16])
        #expect(deploy.burnedMinutes == 47.16)
        // 45 and 48 minutes to mitigate.
        #expect(deploy.medianMinutesToMitigate == 46.5)
    }

    @Test func repeatsAreSameServiceAndCauseWithinTheWindow() {
        let repeats = Self.report.repeats
        let disk = repeats.first { $0.incident == "2026-05-19-search-index-disk-full" }
        #expect(disk?.previous == "2026-03-04-search-disk-full")
        #expect(disk?.service == "search")
        #expect(disk?.cause == "capacity")
        // 03-04 09:12 to 05-19 14:03 is 76 days, 4 hours and 51 minutes.
        #expect(abs((disk?.daysApart ?? 0) - (76 + (4 * 60 + 51) / 1440.0)) < 1e-5)
        #expect(repeats.allSatisfy { $0.daysApart <= 90 })
        let records = BundledCorpus.records
        let classifications = Self.report.classifications
        let shortWindow = CauseGrouping.repeats(records: records, classifications: classifications, windowDays: 60)
        #expect(!shortWindow.contains { $0.incident == "2026-05-19-search-index-disk-full" })
    }

    @Test func groupingByServiceCountsAnIncidentOnceForEachService() {
        let records = BundledCorpus.records
        let groups = CauseGrouping.groups(records: records, classifications: Self.report.classifications, burns: [], by: .service)
        let memberships = records.map { Set($0.services).count }.reduce(0, +)
        #expect(groups.map(\.count).reduce(0, +) == memberships)
        #expect(groups.allSatisfy { $0.burnShare == 0 })
    }

    @Test func medianOfEvenAndOddCounts() {
        #expect(CauseGrouping.median([]) == nil)
        #expect(CauseGrouping.median([5, 1, 3]) == 3)
        #expect(CauseGrouping.median([4, 1, 3, 2]) == 2.5)
    }
}
