import Testing
@testable import PostmortemKit

@Suite struct CauseGroupingTests {
    static let report: CauseReport = {
        let configuration = BundledCorpus.configuration
        let records = BundledCorpus.records
        let burns = ErrorBudgetCalculator.burns(slos: configuration.slos, records: records, zone: .utc)
        return CauseReport(records: records, sources: BundledCorpus.documents.map(\.source),
                           classifier: try! Classifier(configuration: configuration), burns: burns, groupBy: .cause, slos: configuration.slos)
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

    @Test("classifications and burns of incidents not grouped are passed over; the first classification of an id counts")
    func groupsReadOnlyTheirRecords() throws {
        let start = try #require(Timestamp(year: 2026, month: 8, day: 1))
        let burns = ["b", "a", "c", "a"].map { IncidentBurn(incident: $0, slo: "api", minutes: 10, windowStart: start) }
        let classifications = [("b", "deploy"), ("a", "config-change"), ("a", "deploy"), ("c", "capacity")].map {
            Classification(incident: $0.0, primary: $0.1, categories: [], declared: true)
        }
        let groups = CauseGrouping.groups(records: [Postmortem(path: "a.md", id: "a")], classifications: classifications, burns: burns)
        let group = try #require(groups.first)
        #expect(groups.count == 1)
        #expect(group.key == "config-change" && group.incidents == ["a"])
        #expect(group.burnedMinutesBySLO == ["api": 20] && group.burnShare == 1)
    }

    /// Impact the burned minutes leave out is listed as `pm budget` lists it: a group that shows
    /// 0.00 burned had said nothing of the impact it could not count.
    /// A record of an hour's full outage of `slo` on 2026-08-02, of cause `cause`; without times
    /// when `timed` is false.
    static func incident(_ id: String, slo: String, cause: String, timed: Bool = true) -> Postmortem {
        var record = Postmortem(path: "\(id).md", id: id)
        if timed {
            record.started = instant("2026-08-02T10:00:00Z")
            record.mitigated = instant("2026-08-02T11:00:00Z")
        }
        record.impact = [SLOImpact(slo: slo, badFraction: 1)]
        record.causes = [cause]
        return record
    }

    /// The cause report of `records` with `slos`.
    static func report(_ records: [Postmortem], slos: [SLODefinition]) throws -> CauseReport {
        let burns = ErrorBudgetCalculator.burns(slos: slos, records: records, zone: .utc)
        return CauseReport(records: records, sources: records.map { _ in nil }, classifier: try Classifier(configuration: BundledCorpus.configuration),
                           burns: burns, groupBy: .cause, slos: slos)
    }

    @Test func impactNotCountedIsNoted() throws {
        let records = [Self.incident("g", slo: "ghost", cause: "config"),
                       Self.incident("t", slo: "storefront-availability", cause: "deploy", timed: false)]
        let report = try Self.report(records, slos: BundledCorpus.configuration.slos)
        #expect(report.notes.map(\.incident) == ["g", "t"])
        #expect(report.groups.allSatisfy { $0.burnedMinutes == 0 })
        let text = CauseTextRenderer.render(report, explain: false)
        #expect(text.contains("\nBurned minutes leave out or assume:\n  g (ghost): impact names SLO `ghost`, which is not defined; not counted\n"))
        #expect(text.contains("  t (storefront-availability): no `started` time"))
        // The bundled corpus counts all its impact: no section.
        #expect(Self.report.notes.isEmpty)
        #expect(!CauseTextRenderer.render(Self.report, explain: false).contains("leave out"))
    }

    /// "none" said of repeats that could not be found (the classifier audit of stop 49: the real
    /// postmortems name no services, and two write-ups of one incident four days apart read as
    /// checked and not repeats).
    @Test func noRepeatsSaysWhyWhenNoneCanBeFound() throws {
        // These name no services.
        let none = try Self.report([Self.incident("a", slo: "x", cause: "config"), Self.incident("b", slo: "x", cause: "config")], slos: [])
        #expect(none.repeatCandidates == 0)
        #expect(CauseTextRenderer.render(none, explain: false).contains(
            "days): none found: no incident names both its services and when it started (`services:`, `started:`), which repeats are matched by\n"))
        var one = Self.incident("c", slo: "x", cause: "config")
        one.services = ["web"]
        let single = try Self.report([one, Self.incident("d", slo: "x", cause: "config", timed: false)], slos: [])
        #expect(single.repeatCandidates == 1)
        #expect(CauseTextRenderer.render(single, explain: false).contains("none found: only one incident names both"))
        // The bundled corpus has candidates and repeats; with candidates and no repeats it is "none".
        #expect(Self.report.repeatCandidates == BundledCorpus.records.count)
        var other = one
        other.id = "e"
        other.services = ["api"]
        #expect(CauseTextRenderer.render(try Self.report([one, other], slos: []), explain: false).contains("days): none\n"))
        // Nothing burned (no SLOs): no shares of nothing, and a line that says why the order is by
        // incidents (the classifier audit of stop 49).
        let quiet = CauseTextRenderer.render(none, explain: false)
        #expect(quiet.contains("config          2        0.00       -           -     60 min  -\n"), "\(quiet)")
        #expect(quiet.contains("\nNo error budget burned: no `impact:` of these incidents was counted against an SLO of pm.yml; groups are in order of incidents.\n"))
        #expect(!CauseTextRenderer.render(Self.report, explain: false).contains("No error budget burned"))
        // No incidents: nothing to explain (the second review).
        let empty = CauseTextRenderer.render(try Self.report([], slos: []), explain: false)
        #expect(empty.contains("days): none\n") && empty.hasPrefix("0 incidents by cause (0 with declared causes or labelled factors, 0 inferred from text)\n"))
        // An unknown primary is counted as unknown, not as inferred.
        let guess = Classification(incident: "g", primary: "config", categories: [], declared: false)
        let unknown = Classification(incident: "n", primary: "unknown", categories: [], declared: false)
        let mixed = CauseReport(records: [Postmortem(path: "g.md", id: "g"), Postmortem(path: "n.md", id: "n")], classifications: [guess, unknown],
                                repeatWindowDays: 90, burns: [], groupBy: .cause, slos: [])
        let mixedText = CauseTextRenderer.render(mixed, explain: false)
        #expect(mixedText.hasPrefix("2 incidents by cause (0 with declared causes or labelled factors, 1 inferred from text, 1 unknown)\n"))
        #expect(mixedText.contains("  n    (unknown)\n") && mixedText.contains("  g    (inferred)\n"), "\(mixedText)")
    }

    /// `--explain` shows eight pieces of evidence a category and says how many more there are
    /// (the classifier audit of stop 49: twelve showed as eight, with no sign of more).
    @Test func explainSaysHowMuchEvidenceIsLeftOut() {
        let evidence = (1...11).map { Evidence(phrase: "term\($0)", source: "body", weight: 1) }
        let classification = Classification(incident: "a", primary: "config",
                                            categories: [CategoryScore(category: "config", confidence: 1, evidence: evidence)], declared: false)
        let report = CauseReport(records: [Postmortem(path: "a.md", id: "a")], classifications: [classification], repeatWindowDays: 90,
                                 burns: [], groupBy: .cause, slos: [])
        let text = CauseTextRenderer.render(report, explain: true)
        #expect(text.contains("\"term8\" in body +1.0; and 3 more (--format json lists them)\n"), "\(text)")
        #expect(!text.contains("term9"))
        // A tie says how it was decided.
        let tie = Classification(incident: "t", primary: "config", categories: [CategoryScore(category: "config", confidence: 0.4, evidence: []),
                                                                                  CategoryScore(category: "process", confidence: 0.4, evidence: [])],
                                 declared: false)
        let tied = CauseReport(records: [Postmortem(path: "t.md", id: "t")], classifications: [tie], repeatWindowDays: 90, burns: [], groupBy: .cause, slos: [])
        #expect(CauseTextRenderer.render(tied, explain: false).contains("  t  config 0.40, process 0.40  (inferred; a tie, decided by the strongest single piece of evidence, then the taxonomy's order)\n"))
        #expect(text.contains("  a  config 1.00  (inferred)\n"))
    }

    /// Found by the sink audit of stop 47: an SLO id with a line break split the group's row.
    @Test func sloIDsStayInTheirRow() throws {
        let report = try Self.report([Self.incident("a", slo: "avail\n::error::x", cause: "config")],
                                     slos: [SLODefinition(id: "avail\n::error::x", objective: 99.9, window: .month)])
        let text = CauseTextRenderer.render(report, explain: false)
        #expect(text.contains("avail\\n::error::x 60.00\n"))
        #expect(!text.contains("\n::error"))
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

    /// The pairing as it was first written: for each incident and service, the most recent earlier
    /// incident of that service and primary cause, found by scanning back.
    static func referenceRepeats(records: [Postmortem], classifications: [Classification], windowDays: Int) -> [RepeatIncident] {
        let primary = Dictionary(classifications.map { ($0.incident, $0.primary) }, uniquingKeysWith: { first, _ in first })
        let dated = records.compactMap { record in record.started.map { (record, $0) } }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.id < $1.0.id }
        var result: [RepeatIncident] = []
        for (index, (record, started)) in dated.enumerated() {
            let cause = primary[record.id] ?? "unknown"
            guard cause != "unknown" else { continue }
            for service in CauseGrouping.unique(record.services) {
                let earlier = dated[..<index].last { other in
                    other.0.services.contains(service) && (primary[other.0.id] ?? "unknown") == cause
                }
                guard let (previous, previousStart) = earlier else { continue }
                let days = previousStart.minutes(to: started) / 1440
                guard days <= Double(windowDays) else { continue }
                result.append(RepeatIncident(service: service, cause: cause, incident: record.id, previous: previous.id,
                                             daysApart: ErrorBudget.rounded(days)))
            }
        }
        return result
    }

    @Test("repeats match a scan back over every earlier incident, on seeded random corpora with ties, duplicate ids and no dates")
    func repeatsMatchTheScanBack() {
        var random = SplitMix64(seed: 6)
        var paired = 0
        for round in 0..<40 {
            let count = Int.random(in: 0...120, using: &random)
            let records = (0..<count).map { number -> Postmortem in
                var record = Postmortem(path: "\(number).md", id: "INC-\(Int.random(in: 0..<(count / 2 + 1), using: &random))")
                record.services = (0..<Int.random(in: 0...3, using: &random)).map { _ in ["api", "db", "web", "queue"].randomElement(using: &random)! }
                if Int.random(in: 0..<10, using: &random) > 0 {
                    record.started = Timestamp(epochSeconds: Int64(Int.random(in: 0..<40, using: &random)) * 86_400 * Int64(round % 4 + 1))
                }
                return record
            }
            let classifications = records.map { record in
                Classification(incident: record.id, primary: ["deploy", "capacity", "unknown"].randomElement(using: &random)!,
                               categories: [], declared: false)
            }
            let cutoff = Timestamp(epochSeconds: Int64(Int.random(in: 0..<160, using: &random)) * 86_400)
            let include: (Postmortem) -> Bool = { $0.started.map { $0 < cutoff } ?? false }
            for window in [0, 30, 90] {
                paired += CauseGrouping.repeats(records: records, classifications: classifications, windowDays: window).count
                #expect(CauseGrouping.repeats(records: records, classifications: classifications, windowDays: window)
                        == Self.referenceRepeats(records: records, classifications: classifications, windowDays: window))
                #expect(CauseGrouping.repeats(records: records, classifications: classifications, windowDays: window, where: include)
                        == Self.referenceRepeats(records: records.filter(include), classifications: classifications, windowDays: window))
                let kept = Set(records.filter { _ in Bool.random(using: &random) }.map(\.id))
                #expect(CauseGrouping.repeats(records: records, classifications: classifications, windowDays: window, where: include,
                                              keeping: { kept.contains($0.id) })
                        == Self.referenceRepeats(records: records.filter(include), classifications: classifications, windowDays: window)
                            .filter { kept.contains($0.incident) })
            }
        }
        #expect(paired > 1000)
    }

    /// Found by the review of the report in stop 37: an incident of two services counted each
    /// SLO's burn toward both, so the service column added up to more than the headline.
    @Test("by service, a burn counts toward the services of its SLO the incident names")
    func serviceBurnsGoToTheirSLOsServices() throws {
        let start = try #require(Timestamp(year: 2026, month: 8, day: 1))
        var both = Postmortem(path: "a.md", id: "a")
        both.services = ["storefront", "checkout-api"]
        var other = Postmortem(path: "b.md", id: "b")
        other.services = ["search"]
        let burns = [("a", "storefront-availability", 61.2), ("a", "checkout-availability", 1.9), ("a", "edge-latency", 4.0),
                     ("b", "checkout-availability", 3.0), ("b", "unlisted", 1.0)]
            .map { IncidentBurn(incident: $0.0, slo: $0.1, minutes: $0.2, windowStart: start) }
        let slos = [SLODefinition(id: "storefront-availability", services: ["storefront"], objective: 99.9, window: .rolling(days: 30)),
                    SLODefinition(id: "checkout-availability", services: ["checkout-api"], objective: 99.9, window: .rolling(days: 30)),
                    SLODefinition(id: "edge-latency", services: ["storefront", "checkout-api", "search"], objective: 99, window: .rolling(days: 30))]
        let groups = CauseGrouping.groups(records: [both, other], classifications: [], burns: burns, by: .service,
                                          sloServices: CauseGrouping.services(of: slos))
        let bySLO = Dictionary(uniqueKeysWithValues: groups.map { ($0.key, $0.burnedMinutesBySLO) })
        // An SLO of several services the incident names is shared among them; an SLO of none of
        // the incident's services, or not in pm.yml, among every service it names (the retest:
        // counted whole toward each, the column added up to more than the SLOs burned).
        #expect(bySLO["storefront"] == ["storefront-availability": 61.2, "edge-latency": 2])
        #expect(bySLO["checkout-api"] == ["checkout-availability": 1.9, "edge-latency": 2])
        #expect(bySLO["search"] == ["checkout-availability": 3, "unlisted": 1])
        #expect(abs(groups.map(\.burnedMinutes).reduce(0, +) - burns.map(\.minutes).reduce(0, +)) < 1e-9)
        #expect(groups.map(\.burnShare).reduce(0, +) > 0.999)
    }

    @Test func groupingByServiceCountsAnIncidentOnceForEachService() {
        let records = BundledCorpus.records
        let groups = CauseGrouping.groups(records: records, classifications: Self.report.classifications, burns: [], by: .service)
        let memberships = records.map { Set($0.services).count }.reduce(0, +)
        #expect(groups.map(\.count).reduce(0, +) == memberships)
        #expect(groups.allSatisfy { $0.burnShare == 0 })
    }

    /// An incident mitigated before it started (PM020) has no time to mitigate in a median: with
    /// one normal 60-minute incident the cause's median had been −30 minutes.
    @Test func mediansLeaveOutImpossibleTimesToMitigate() throws {
        func record(_ id: String, minutes: Int64) -> Postmortem {
            var record = Postmortem(path: "\(id).md", id: id)
            record.started = Timestamp(epochSeconds: 1_780_000_000)
            record.mitigated = Timestamp(epochSeconds: 1_780_000_000 + minutes * 60)
            return record
        }
        let records = [record("backwards", minutes: -120), record("normal", minutes: 60)]
        let classifications = records.map { Classification(incident: $0.id, primary: "config", categories: [], declared: true) }
        let groups = CauseGrouping.groups(records: records, classifications: classifications, burns: [])
        #expect(groups.map(\.medianMinutesToMitigate) == [60])
        #expect(groups.map(\.count) == [2])
    }

    @Test func medianOfEvenAndOddCounts() {
        #expect(CauseGrouping.median([]) == nil)
        #expect(CauseGrouping.median([5, 1, 3]) == 3)
        #expect(CauseGrouping.median([4, 1, 3, 2]) == 2.5)
    }
}
