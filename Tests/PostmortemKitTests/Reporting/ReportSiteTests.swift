import Foundation
import Testing
@testable import PostmortemKit

@Suite("pm report site")
struct ReportSiteTests {
    func file(_ files: [ReportFile], _ path: String) -> String {
        files.first { $0.path == path }?.contents ?? ""
    }

    /// Found by the black-box pass of stop 36: SLO ids that differ only in case or punctuation, or
    /// in letters a slug leaves out, gave the index duplicate ids and links to the first SLO.
    @Test func sloAnchorsAreUnique() {
        let slos = ["Checkout", "checkout", "a b", "a-b", "日本", "中国"].map { SLODefinition(id: $0, objective: 99.9, window: .month) }
        let anchors = IndexPageModel.sloAnchors(slos)
        #expect(slos.map { anchors[$0.id] } == ["slo-checkout", "slo-checkout-2", "slo-a-b", "slo-a-b-2", "slo-ri-ben", "slo-zhong-guo"])
    }

    @Test("the site has an index, a page per postmortem, the CSV, the JSON and the marker")
    func siteFiles() throws {
        let (review, files) = try ReportFixture.site()
        let paths = files.map(\.path)
        #expect(paths.contains("index.html"))
        #expect(paths.contains("staircase.csv"))
        #expect(paths.contains("data.json"))
        #expect(paths.contains(ReportSite.markerName))
        #expect(paths.filter { $0.hasPrefix("incidents/") }.count == review.documents.count)
        #expect(paths == paths.sorted())
        // Every page link from the index resolves to a generated page.
        let index = file(files, "index.html")
        for page in paths where page.hasPrefix("incidents/") { #expect(index.contains("href=\"\(page)\"") || !review.incidentsInPeriod.contains { "incidents/\(review.pageNames[$0])" == page }) }
    }

    @Test("the review's repeats, read by place, are what CauseGrouping finds by id, also when ids repeat")
    func repeatsByPlace() throws {
        let documents = try ReportFixture.documents()
        // Every document once more, under the same ids, started a day later: each pairs with itself.
        let later = documents.map { document in
            var document = document
            document.postmortem.started = document.postmortem.started.map { $0.adding(seconds: 86_400) }
            return document
        }
        let review = QuarterlyReview(documents: documents + later, configuration: ReportFixture.configuration,
                                     categories: [], options: ReportFixture.options)
        let period = ReportFixture.options.period
        let inPeriod = Set(review.incidentsInPeriod.map { review.documents[$0].postmortem.id })
        let expected = CauseGrouping.repeats(records: review.documents.map(\.postmortem),
                                             classifications: review.documents.map(\.classification),
                                             windowDays: ReportFixture.options.repeatWindowDays,
                                             where: { $0.started.map { $0 < period.end } ?? false },
                                             keeping: { inPeriod.contains($0.id) })
        #expect(review.repeats == expected)
        #expect(review.repeats.count > documents.count / 2)
    }

    /// An incident across a quarter's end (23:40–00:22, bad_fraction 0.3) burns 6.0 minutes of
    /// September's month and 6.6 of October's, and as much of each quarter's window. The causes and
    /// services of a quarter count the burn that lands in it, as its headline does: Q3's causes had
    /// held all 25.2 minutes, and Q4's nothing, though Q4's headline counted the 13.2 carried in.
    /// The headline's card of the largest share of one SLO window's budget (stop 37) names the SLO
    /// and window only when it burned something (the retest: a quiet quarter named the first SLO, at
    /// 0%).
    @Test(arguments: [("2026-Q3", "4%", "Most of a window's budget burned (web, 2026-Q3)", "0%"),
                      ("2026-Q1", "0%", "Most of a window's budget burned", "0%")])
    func largestShareCard(quarter: String, value: String, label: String, previous: String) throws {
        var record = Postmortem(path: "a.md", id: "a")
        record.started = Timestamp(year: 2026, month: 8, day: 3, hour: 10)
        record.mitigated = Timestamp(year: 2026, month: 8, day: 3, hour: 10, minute: 53)
        record.services = ["web"]
        record.impact = [SLOImpact(slo: "web", badFraction: 1)]
        var configuration = Configuration()
        configuration.slos = [SLODefinition(id: "web", services: ["web"], objective: 99, window: .quarter),
                              SLODefinition(id: "api", services: ["api"], objective: 99, window: .quarter)]
        let options = ReportOptions(period: ReportingPeriod.quarter(quarter, zone: .utc)!, today: ReportFixture.today, zone: .utc)
        let review = QuarterlyReview(documents: [ReportedDocument(postmortem: record, classification: Classification(incident: "a", primary: "config", categories: [], declared: true),
                                                                  findings: [], bodyHTML: "")],
                                     configuration: configuration, categories: [], options: options)
        let card = try #require(IndexPageModel.cards(review).first { ($0["label"] as? String)?.hasPrefix("Most of") == true })
        #expect(card["label"] as? String == label)
        #expect(card["value"] as? String == value)
        #expect(card["previous"] as? String == previous)
    }

    /// The card gives the window's own share, not the period's: 52 minutes of outage in August
    /// against a 99.9% monthly SLO are 116% of August's 44.64 minutes and 39% of the quarter's 132.48
    /// (stop 48's numbers audit found the card saying 39% beside an exhausted window). A window of
    /// a rolling SLO that began in the period before and burned only then is not the period's.
    @Test func largestShareCardIsTheWindows() throws {
        func record(_ id: String, month: Int, day: Int, minutes: Int, slo: String) -> ReportedDocument {
            var record = Postmortem(path: "\(id).md", id: id)
            record.started = Timestamp(year: 2026, month: month, day: day, hour: 10)
            record.mitigated = record.started?.adding(seconds: Int64(minutes * 60))
            record.impact = [SLOImpact(slo: slo, badFraction: 1)]
            return ReportedDocument(postmortem: record, classification: Classification(incident: id, primary: "config", categories: [], declared: true),
                                    findings: [], bodyHTML: "")
        }
        var configuration = Configuration()
        configuration.slos = [SLODefinition(id: "storefront", services: [], objective: 99.9, window: .month),
                              SLODefinition(id: "search", services: [], objective: 99.9, window: .rolling(days: 30))]
        let options = ReportOptions(period: ReportingPeriod.quarter("2026-Q3", zone: .utc)!, today: ReportFixture.today, zone: .utc)
        // search's 30 minutes on 20 June are 69% of its 43.2-minute window of 6 June to 5 July.
        // Its 10 minutes on 2 July are Q3's: Q2's card counts the window's burn up to 30 June only
        // (the review: a window's later burn had shown on the earlier quarter's card).
        let review = QuarterlyReview(documents: [record("a", month: 8, day: 3, minutes: 52, slo: "storefront"),
                                                 record("b", month: 6, day: 20, minutes: 30, slo: "search"),
                                                 record("c", month: 7, day: 2, minutes: 10, slo: "search")],
                                     configuration: configuration, categories: [], options: options)
        let figures = try #require(review.current.budgets.first { $0.slo == "storefront" })
        #expect(figures.burnedPercent == 39.251208)
        #expect(review.current.budgets.first { $0.slo == "search" }?.mostSpentWindow?.burnedPercent == 92.592593)
        #expect(review.previous.budgets.first { $0.slo == "search" }?.mostSpentWindow?.burnedPercent == 69.444444)
        let card = try #require(IndexPageModel.cards(review).first { ($0["label"] as? String)?.hasPrefix("Most of") == true })
        #expect(card["label"] as? String == "Most of a window's budget burned (storefront, 2026-08)")
        #expect(card["value"] as? String == "116%")
        #expect(card["previous"] as? String == "69% (search, 2026-06-06 – 2026-07-05)")
        // data.json: the window in RFC 3339 with its share; absent where no window burned.
        let data = try #require(try JSONSerialization.jsonObject(with: Data(file(ReportSite.render(review, templates: try ReportFixture.templates()), "data.json").utf8)) as? [String: Any])
        let budgets = try #require((data["figures"] as? [String: Any])?["budgets"] as? [[String: Any]])
        #expect(budgets.map { ($0["most_spent_window"] as? [String: Any])?["start"] as? String } == ["2026-08-01T00:00:00Z", "2026-06-06T00:00:00Z"])
        #expect((budgets[0]["most_spent_window"] as? [String: Any])?["burned_percent"] as? Double == 116.487455)
        let quiet = QuarterlyReview(documents: [], configuration: configuration, categories: [], options: options)
        let quietData = file(ReportSite.render(quiet, templates: try ReportFixture.templates()), "data.json")
        #expect(quietData.contains("\"exhausted_windows\"") && !quietData.contains("most_spent_window"))
    }

    /// The window table's exhaustion time is in pm.yml's zone, with its offset when the clocks
    /// show that time twice (left open by stop 48): 44.7 minutes of outage from 01:00 UTC on 25
    /// October 2026 run Berlin's October budget (745 hours × 0.1%) out at 02:44, standard time.
    @Test func anExhaustionInTheRepeatedHourNamesItsOffset() throws {
        let berlin = try #require(ZoneResolver("Europe/Berlin"))
        var record = Postmortem(path: "a.md", id: "a")
        record.started = Timestamp(year: 2026, month: 10, day: 25, hour: 1)
        record.mitigated = Timestamp(year: 2026, month: 10, day: 25, hour: 2, minute: 40)
        record.impact = [SLOImpact(slo: "web", badFraction: 1)]
        var configuration = Configuration()
        configuration.slos = [SLODefinition(id: "web", services: [], objective: 99.9, window: .month)]
        let options = ReportOptions(period: ReportingPeriod.quarter("2026-Q4", zone: berlin)!, today: CalendarDate("2026-11-22")!, zone: berlin)
        let review = QuarterlyReview(documents: [ReportedDocument(postmortem: record, classification: Classification(incident: "a", primary: "config", categories: [], declared: true),
                                                                  findings: [], bodyHTML: "")],
                                     configuration: configuration, categories: [], options: options)
        let index = file(ReportSite.render(review, templates: try ReportFixture.templates()), "index.html")
        #expect(index.contains("<td class=\"nowrap\">2026-10-25 02:44+01:00</td>"))
        // The incident names no services, so no repeat could be found, and the page says why.
        #expect(index.contains("<p>No repeat incidents in 2026-Q4: no incident of the period names both its services and when it started (services and started in the front matter), which repeats are matched by.</p>"))
    }

    /// The cause table says how many of its causes are the classifier's guesses (the classifier
    /// audit of stop 49: only each incident's page had said so).
    @Test(arguments: [([true, false], "1 of the 2 incidents’ primary causes is inferred"),
                      ([false, false], "Both incidents’ primary causes are inferred"),
                      ([false, false, false], "All 3 incidents’ primary causes are inferred"),
                      ([false], "The incident’s primary cause is inferred"), ([true, true], nil)])
    func inferredCausesAreCounted(declared: [Bool], sentence: String?) throws {
        let documents = declared.enumerated().map { number, declared in
            var record = Postmortem(path: "\(number).md", id: "i\(number)")
            record.started = Timestamp(year: 2026, month: 8, day: 3 + number, hour: 10)
            return ReportedDocument(postmortem: record, classification: Classification(incident: record.id, primary: "config", categories: [], declared: declared),
                                    findings: [], bodyHTML: "")
        }
        let options = ReportOptions(period: ReportingPeriod.quarter("2026-Q3", zone: .utc)!, today: ReportFixture.today, zone: .utc)
        let review = QuarterlyReview(documents: documents, configuration: Configuration(), categories: [], options: options)
        let index = file(ReportSite.render(review, templates: try ReportFixture.templates()), "index.html")
        if let sentence {
            #expect(index.contains("<p class=\"note\">\(sentence) from the text by pm’s classifier, not declared by the authors"))
        } else {
            #expect(!index.contains("by pm’s classifier, not declared"))
        }
    }

    /// An `unknown` primary is no inference; a period without incidents gives no reason for
    /// having no repeats (the review: it blamed the front matter of incidents there were none of).
    @Test func unknownCausesAndEmptyPeriods() throws {
        var record = Postmortem(path: "u.md", id: "u")
        record.started = Timestamp(year: 2026, month: 8, day: 3, hour: 10)
        let document = ReportedDocument(postmortem: record, classification: Classification(incident: "u", primary: "unknown", categories: [], declared: false),
                                        findings: [], bodyHTML: "")
        for (quarter, inferredNote, reason) in [("2026-Q3", false, true), ("2026-Q1", false, false)] {
            let options = ReportOptions(period: ReportingPeriod.quarter(quarter, zone: .utc)!, today: ReportFixture.today, zone: .utc)
            let review = QuarterlyReview(documents: [document], configuration: Configuration(), categories: [], options: options)
            let index = file(ReportSite.render(review, templates: try ReportFixture.templates()), "index.html")
            #expect(index.contains("by pm’s classifier, not declared") == inferredNote, "\(quarter)")
            #expect(index.contains("<p>No repeat incidents in \(quarter)\(reason ? ": no incident of the period" : ".</p>")"), "\(quarter)")
        }
    }

    /// A period that burned nothing gets a sentence where the Pareto chart would be (stop 37: it had
    /// drawn empty axes), and owners are listed with accents and case folded.
    @Test func quietPeriodAndOwnerOrder() throws {
        func document(_ id: String, owners: [String]) -> ReportedDocument {
            var record = Postmortem(path: "\(id).md", id: id)
            record.started = Timestamp(year: 2026, month: 8, day: 3, hour: 10)
            record.actions = owners.map { var action = FollowUpAction(text: "Fix it", range: SourceRange(line: 1)); action.owner = $0; return action }
            return ReportedDocument(postmortem: record, classification: Classification(incident: id, primary: "config", categories: [], declared: true),
                                    findings: [], bodyHTML: "")
        }
        let options = ReportOptions(period: ReportingPeriod.quarter("2026-Q3", zone: .utc)!, today: ReportFixture.today, zone: .utc)
        let review = QuarterlyReview(documents: [document("a", owners: ["zoe", "Émile", "ann", "Bob"])], configuration: Configuration(),
                                     categories: [], options: options)
        let index = file(ReportSite.render(review, templates: try ReportFixture.templates()), "index.html")
        #expect(index.contains("No error budget was burned in 2026-Q3, so there is no chart of causes."))
        #expect(!index.contains("<svg class=\"chart pareto\""))
        let owners = index.components(separatedBy: "<tr><th scope=\"row\">@").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(owners == ["ann", "Bob", "Émile", "zoe"])
    }

    @Test(arguments: ["2026-Q3", "2026-Q4"])
    func causesCountTheBurnThatLandsInThePeriod(quarter: String) throws {
        var record = Postmortem(path: "span.md", id: "span")
        record.started = Timestamp(year: 2026, month: 9, day: 30, hour: 23, minute: 40)
        record.mitigated = Timestamp(year: 2026, month: 10, day: 1, hour: 0, minute: 22)
        record.services = ["web"]
        record.impact = [SLOImpact(slo: "web-month", badFraction: 0.3), SLOImpact(slo: "web-quarter", badFraction: 0.3)]
        let classification = Classification(incident: "span", primary: "config", categories: [], declared: true)
        var configuration = Configuration()
        configuration.slos = [SLODefinition(id: "web-month", services: ["web"], objective: 99.9, window: .month),
                              SLODefinition(id: "web-quarter", services: ["web"], objective: 99.9, window: .quarter)]
        let options = ReportOptions(period: ReportingPeriod.quarter(quarter, zone: .utc)!, today: ReportFixture.today, zone: .utc)
        let review = QuarterlyReview(documents: [ReportedDocument(postmortem: record, classification: classification, findings: [], bodyHTML: "")],
                                     configuration: configuration, categories: [], options: options)
        let burned = review.current.budgets.map(\.burnedMinutes).reduce(0, +)
        #expect(burned == (quarter == "2026-Q3" ? 12 : 13.2))
        for (groups, key) in [(review.causeGroups, "config"), (review.serviceGroups, "web")] {
            #expect(groups.map(\.key) == [key])
            #expect(groups.map(\.burnedMinutes) == [burned])
            // The incident is one of Q3's; in Q4 only its burn is counted.
            #expect(groups.map(\.count) == [quarter == "2026-Q3" ? 1 : 0])
        }
        #expect(review.causeGroups.first?.burnedMinutesBySLO == (quarter == "2026-Q3" ? ["web-month": 6, "web-quarter": 6] : ["web-month": 6.6, "web-quarter": 6.6]))
    }

    /// storefront-availability's August ran out on the 25th. A period of 10–20 August had counted
    /// it as run out, and so had the period before (30 July – 9 August), which its window overlaps.
    /// The numbers audit of stop 48: a period that starts after the 25th (26–31 August) had
    /// counted it too, as had the period before it (20–25 August), so one run-out was two in the
    /// headline's comparison. A window counts where it runs out.
    @Test(arguments: [(10, 20, 0, 0), (20, 31, 1, 0), (25, 26, 1, 0), (26, 31, 0, 1)])
    func windowsRunOutInThePeriod(from: Int, to: Int, exhausted: Int, before: Int) throws {
        let documents = BundledCorpus.records.map {
            ReportedDocument(postmortem: $0, classification: Classification(incident: $0.id, primary: "unknown", categories: [], declared: false),
                             findings: [], bodyHTML: "")
        }
        let period = ReportingPeriod.range(from: CalendarDate(year: 2026, month: 8, day: from)!,
                                           to: CalendarDate(year: 2026, month: 8, day: to)!, zone: .utc)
        let review = QuarterlyReview(documents: documents, configuration: BundledCorpus.configuration, categories: [],
                                     options: ReportOptions(period: period, today: ReportFixture.today, zone: .utc))
        let storefront = try #require(review.current.budgets.first { $0.slo == "storefront-availability" })
        #expect(storefront.windows == 1)
        #expect(storefront.exhaustedWindows == exhausted)
        #expect(review.previous.budgets.first { $0.slo == "storefront-availability" }?.exhaustedWindows == before)
    }

    @Test("two runs give byte-identical files")
    func deterministic() throws {
        let first = try ReportFixture.site().files
        let second = try ReportFixture.site().files
        #expect(first == second)
    }

    @Test("headline figures of 2026-Q3 beside 2026-Q2")
    func headline() throws {
        let review = try ReportFixture.site().review
        #expect(review.current.incidents == 3)
        #expect(review.previous.incidents == 1)
        #expect(review.current.bySeverity.map(\.count) == [1, 2, 0, 0])
        #expect(review.previous.bySeverity.map(\.count) == [0, 0, 1, 0])
        // Time to mitigate 40, 30 and 20 minutes: median 30, p90 between 30 and 40.
        #expect(review.current.timeToMitigate.medianMinutes == 30)
        #expect(review.current.timeToMitigate.p90Minutes == 38)
        // Time to detect 5, 2 and 10 minutes.
        #expect(review.current.timeToDetect.medianMinutes == 5)
        let followUps = review.current.followUps
        #expect(followUps.created == 6)
        #expect(followUps.done == 1)
        #expect(followUps.notDoing == 1)
        #expect(followUps.open == 4)
        // Due 2026-07-20, 2026-08-01 and 2026-08-30 are before 2026-11-22; 2027-01-15 is not.
        #expect(followUps.overdue == 3)
        #expect(followUps.completionRate == 0.2)
        // July: 20 + 30 minutes of a 44.64-minute budget; August and September untouched.
        let api = try #require(review.current.budgets.first { $0.slo == "api-availability" })
        #expect(api.burnedMinutes == 50)
        #expect(api.budgetMinutes == 132.48)
        #expect(api.exhaustedWindows == 1)
    }

    @Test("the staircase SVG of the fixture corpus matches its golden file")
    func staircaseGolden() throws {
        let review = try ReportFixture.site().review
        let windows = review.windows.filter { $0.slo == "api-availability" }
        let links = Dictionary(uniqueKeysWithValues: review.documents.enumerated().map { index, document in
            (document.postmortem.id, StaircaseChart.IncidentLink(href: "incidents/\(review.pageNames[index])",
                                                                 title: document.postmortem.title ?? ""))
        })
        let chart = StaircaseChart(slo: "api-availability", windows: windows, domainStart: review.options.period.start,
                                   domainEnd: review.options.period.end, links: links, idPrefix: "staircase-1")
        let svg = chart.svg() + "\n"
        ReportFixture.updateGoldenIfAsked("staircase-api-availability.svg", svg)
        #expect(svg == ReportFixture.golden("staircase-api-availability.svg"))
        #expect(chart.numberedSteps.map(\.step.incident) == ["2026-07-03-api-deploy", "2026-07-20-api-config"])
        #expect(svg.contains("budget exhausted 20 Jul"))
    }

    @Test("the Pareto SVG matches its golden file")
    func paretoGolden() throws {
        let chart = ParetoChart(title: "Budget by cause", unit: "budget minutes",
                                bars: [.init(label: "Config", value: 30), .init(label: "Deploy", value: 20),
                                       .init(label: "Dependency", value: 10), .init(label: "None", value: 0)],
                                idPrefix: "pareto")
        let cumulative = chart.cumulativePercents
        #expect(cumulative.count == 3)
        #expect(zip(cumulative, [50, 250.0 / 3, 100]).allSatisfy { abs($0 - $1) < 1e-9 })
        let svg = chart.svg() + "\n"
        ReportFixture.updateGoldenIfAsked("pareto.svg", svg)
        #expect(svg == ReportFixture.golden("pareto.svg"))
    }

    @Test("staircase.csv matches its golden file and pm budget's CSV")
    func csvGolden() throws {
        let (review, files) = try ReportFixture.site()
        let csv = file(files, "staircase.csv")
        ReportFixture.updateGoldenIfAsked("staircase.csv", csv)
        #expect(csv == ReportFixture.golden("staircase.csv"))
        #expect(csv.hasPrefix("slo,window_start,window_end,at,incident,burned_minutes,remaining_minutes,remaining_percent\r\n"))
        #expect(csv == BudgetCSVRenderer.render(review.budget, zone: .utc))
        // The hostile id starts with `=`: the cell must not be a formula.
        #expect(!csv.contains(",=HYPERLINK"))
    }

    /// The visual review of stop 48: the policy column showed the worst window's policy as if it
    /// held today ("at risk" for an October that was over, in a report of 22 November). The
    /// golden index shows July's freeze with "window ended 2026-07-31"; judged on 20 July, the
    /// same freeze is today's, and says nothing more.
    @Test func aPolicyOfAWindowThatIsOverSaysSo() throws {
        let configuration = ReportFixture.configuration
        let options = ReportOptions(period: ReportingPeriod.quarter("2026-Q3", zone: .utc)!, today: CalendarDate(year: 2026, month: 7, day: 20)!, zone: .utc)
        let review = QuarterlyReview(documents: try ReportFixture.documents(), configuration: configuration, categories: [], options: options)
        let rows = IndexPageModel.budgetRows(review)
        let api = try #require(rows.first { ($0["slo"] as? String) == "api-availability" })
        #expect(api["policy"] as? String == "freeze: reliability work first")
        #expect(api["hasPolicyEnded"] as? Bool == false)
        let later = QuarterlyReview(documents: try ReportFixture.documents(), configuration: configuration, categories: [], options: ReportFixture.options)
        let ended = try #require(IndexPageModel.budgetRows(later).first { ($0["slo"] as? String) == "api-availability" })
        #expect(ended["hasPolicyEnded"] as? Bool == true && ended["policyEnded"] as? String == "2026-07-31")
    }

    /// The visual review of stop 48: a report of Q4 on 22 November compared 53 days with a whole
    /// quarter without a word. The header says how much of the period has passed.
    @Test func aPeriodNotOverSaysHowMuchHasPassed() throws {
        let configuration = ReportFixture.configuration
        func context(today: CalendarDate) throws -> [String: Any] {
            let options = ReportOptions(period: ReportingPeriod.quarter("2026-Q4", zone: .utc)!, today: today, zone: .utc)
            return IndexPageModel.context(QuarterlyReview(documents: try ReportFixture.documents(), configuration: configuration, categories: [], options: options))
        }
        let partial = try context(today: CalendarDate(year: 2026, month: 11, day: 22)!)
        #expect(partial["isPartial"] as? Bool == true && partial["daysElapsed"] as? String == "53" && partial["periodDays"] as? String == "92")
        let over = try context(today: CalendarDate(year: 2027, month: 1, day: 1)!)
        #expect(over["isPartial"] as? Bool == false)
        let lastDay = try context(today: CalendarDate(year: 2026, month: 12, day: 31)!)
        #expect(lastDay["isPartial"] as? Bool == false)
        let before = try context(today: CalendarDate(year: 2026, month: 9, day: 30)!)
        #expect(before["isPartial"] as? Bool == true && before["daysElapsed"] as? String == "0" && before["hasBegun"] as? Bool == false)
        #expect(partial["hasBegun"] as? Bool == true)
        let index = file(ReportSite.render(QuarterlyReview(documents: try ReportFixture.documents(), configuration: configuration, categories: [],
                                                           options: ReportOptions(period: ReportingPeriod.quarter("2026-Q4", zone: .utc)!,
                                                                                  today: CalendarDate(year: 2026, month: 11, day: 22)!, zone: .utc)),
                                           templates: try ReportFixture.templates()), "index.html")
        #expect(index.contains("<p class=\"partial\">Partial period: 53 of 92 days as of 2026-11-22; the rest is still to come"))
        #expect(!(try ReportFixture.site().files.contains { $0.path == "index.html" && $0.contents.contains("Partial period") }))
        // A period before every postmortem of the corpus: its previous period's zeros are no
        // quiet quarter, and the header says so (the same review).
        #expect(partial["hasEarlierPostmortems"] as? Bool == true)
        let options = ReportOptions(period: ReportingPeriod.quarter("2025-Q1", zone: .utc)!, today: ReportFixture.today, zone: .utc)
        let early = IndexPageModel.context(QuarterlyReview(documents: try ReportFixture.documents(), configuration: configuration, categories: [], options: options))
        #expect(early["hasEarlierPostmortems"] as? Bool == false)
    }

    /// The visual review of stop 48: a range of days as its column's heading
    /// (`2019-01-01..2025-12-31`) had no place to break, and pushed the previous period's column
    /// out of the headline tables.
    @Test func aRangeOfDaysIsShownAsTheHeaderWritesIt() throws {
        let range = ReportingPeriod.range(from: CalendarDate(year: 2019, month: 1, day: 1)!, to: CalendarDate(year: 2025, month: 12, day: 31)!, zone: .utc)
        #expect(IndexPageModel.shownLabel(range) == "1 Jan 2019 – 31 Dec 2025")
        #expect(IndexPageModel.shownLabel(ReportingPeriod.quarter("2026-Q3", zone: .utc)!) == "2026-Q3")
        let style = try String(contentsOf: packageRoot.appendingPathComponent("templates/report/style.mustache"), encoding: .utf8)
        #expect(style.contains("thead th.num { white-space: normal; }") && style.contains("td.nowrap, th.nowrap { white-space: nowrap; }"))
    }

    /// The adoption audit of stop 50: a staircase's shade named a range of days as `--from` and
    /// `--to` write it ("before 2026-08-10..2026-08-20") under a header that writes the days out.
    @Test func chartsNameARangeOfDaysAsTheHeaderDoes() throws {
        let documents = BundledCorpus.records.map {
            ReportedDocument(postmortem: $0, classification: Classification(incident: $0.id, primary: "unknown", categories: [], declared: false),
                             findings: [], bodyHTML: "")
        }
        let period = ReportingPeriod.range(from: CalendarDate(year: 2026, month: 8, day: 10)!, to: CalendarDate(year: 2026, month: 8, day: 20)!, zone: .utc)
        let review = QuarterlyReview(documents: documents, configuration: BundledCorpus.configuration, categories: [],
                                     options: ReportOptions(period: period, today: ReportFixture.today, zone: .utc))
        let index = try #require(ReportSite.render(review, templates: try ReportFixture.templates()).first { $0.path == "index.html" }?.contents)
        #expect(index.contains("<title>before 10 Aug 2026 – 20 Aug 2026</title>"))
        #expect(index.contains("<title>after 10 Aug 2026 – 20 Aug 2026</title>"))
        #expect(!index.contains("2026-08-10..2026-08-20</title>"))
    }

    /// The visual review of stop 48: each page had two "Summary" headings, the document's and
    /// the side panel's, which screen readers list alike.
    @Test func thePagesSidePanelIsNotASecondSummary() throws {
        let pages = try ReportFixture.site().files.filter { $0.path.hasPrefix("incidents/") && $0.path.hasSuffix(".html") }
        #expect(!pages.isEmpty)
        for page in pages {
            #expect(page.contents.contains("<aside aria-label=\"At a glance\">\n<h2>At a glance</h2>"), "\(page.path)")
            #expect(page.contents.components(separatedBy: "Summary</h2>").count <= 2, "\(page.path)")
        }
    }

    @Test("the index of the fixture corpus matches its golden file")
    func indexGolden() throws {
        let files = try ReportFixture.site().files
        let index = file(files, "index.html")
        ReportFixture.updateGoldenIfAsked("index.html", index)
        #expect(index == ReportFixture.golden("index.html"))
    }

    @Test("data.json carries the budget windows, classifications and incidents of the period")
    func dataJSON() throws {
        let files = try ReportFixture.site().files
        let data = Data(file(files, "data.json").utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let incidents = try #require(json["incidents"] as? [[String: Any]])
        #expect(incidents.count == 3)
        let budget = try #require(json["budget"] as? [String: Any])
        #expect((budget["windows"] as? [Any])?.count == 4)
        #expect((json["classifications"] as? [Any])?.count == 3)
    }

    @Test("hostile titles, owners, services, ids, SLO descriptions and bodies render as text")
    func hostileContent() throws {
        let (review, files) = try ReportFixture.site()
        let hostileIndex = try #require(review.documents.firstIndex { $0.postmortem.title?.contains("<script>") == true })
        let page = file(files, "incidents/\(review.pageNames[hostileIndex])")
        let index = file(files, "index.html")
        for html in [index, page] {
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.lowercased().contains("javascript:"))
            #expect(!html.contains("<img src=x"))
            #expect(!html.contains("onerror=alert(1)>"))
            #expect(!html.contains("onmouseover"))
            #expect(!html.contains("<b>"))
        }
        // Shown, escaped, where a reader expects them.
        #expect(index.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39; checkout"))
        #expect(index.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(index.contains("Requests answered without a 5xx &quot;&gt;&lt;script&gt;"))
        #expect(index.contains("Acme &lt;b&gt;&quot;Ops&quot;&lt;/b&gt; &amp; Co"))
        #expect(page.contains("&quot;&gt;&lt;script&gt;alert(&#39;author&#39;)&lt;/script&gt;"))
        // The page name of `=HYPERLINK("http://evil.example","x")` stays inside incidents/.
        #expect(review.pageNames[hostileIndex] == "hyperlink-http-evil.example-x.html")
    }

    /// Impact the budget could not count was said only on stderr, so a reader of the review could
    /// not tell that an incident was left out; the index lists it under the budgets table, escaped,
    /// with a link to the incident's page.
    @Test func indexListsImpactNotCounted() throws {
        var record = Postmortem(path: "a.md", id: "a")
        record.started = Timestamp(year: 2026, month: 8, day: 10, hour: 10)
        record.impact = [SLOImpact(slo: "<script>x</script>", badFraction: 0.5), SLOImpact(slo: "api-availability", badFraction: 0.5)]
        let document = ReportedDocument(postmortem: record, classification: Classification(incident: "a", primary: "config", categories: [], declared: true),
                                        findings: [], bodyHTML: "")
        let review = QuarterlyReview(documents: [document], configuration: ReportFixture.configuration, categories: [],
                                     options: ReportFixture.options)
        let index = file(ReportSite.render(review, templates: try ReportFixture.templates()), "index.html")
        #expect(review.budget.notes.count == 2)
        #expect(index.contains("<li><a href=\"incidents/a.html\" dir=\"auto\">a</a> (&lt;script&gt;x&lt;/script&gt;): impact names SLO `&lt;script&gt;x&lt;/script&gt;`, which is not defined; not counted</li>"))
        #expect(index.contains("<li><a href=\"incidents/a.html\" dir=\"auto\">a</a> (api-availability): no `mitigated` time after `started` and no `budget_minutes`; not counted</li>"))
        // Without notes, nothing is said.
        #expect(!file(try ReportFixture.site().files, "index.html").contains("Impact that was not counted"))
        // The incident's page says it too: it had said "No SLO impact recorded." (the black-box
        // pass of stop 42).
        let page = file(ReportSite.render(review, templates: try ReportFixture.templates()), "incidents/a.html")
        #expect(page.contains("<li>&lt;script&gt;x&lt;/script&gt;: impact names SLO `&lt;script&gt;x&lt;/script&gt;`, which is not defined; not counted</li>"))
        #expect(page.contains("<li>api-availability: no `mitigated` time after `started` and no `budget_minutes`; not counted</li>"))
        #expect(!page.contains("No SLO impact recorded."))
    }

    /// An incident over a month's end burned a share of each month's budget; its page had shown one
    /// figure for both (the black-box pass of stop 42). It has a row for each month now.
    @Test func aBurnOverTwoWindowsShowsEachWindowsShare() throws {
        var record = Postmortem(path: "m.md", id: "m")
        record.started = Timestamp(year: 2026, month: 7, day: 31, hour: 23, minute: 30)
        record.mitigated = Timestamp(year: 2026, month: 8, day: 1, hour: 0, minute: 30)
        record.impact = [SLOImpact(slo: "api-availability", badFraction: 1)]
        let document = ReportedDocument(postmortem: record, classification: Classification(incident: "m", primary: "config", categories: [], declared: true),
                                        findings: [], bodyHTML: "")
        let review = QuarterlyReview(documents: [document], configuration: ReportFixture.configuration, categories: [],
                                     options: ReportFixture.options)
        let page = file(ReportSite.render(review, templates: try ReportFixture.templates()), "incidents/m.html")
        // 30 minutes of each 44.64-minute month, a row for each.
        #expect(page.contains("""
            <tr><th scope="row">api-availability (2026-07)</th><td class="num">30.0 min</td><td class="num">67.2%</td></tr>
            <tr><th scope="row">api-availability (2026-08)</th><td class="num">30.0 min</td><td class="num">67.2%</td></tr>
            """), "\(page)")
    }

    /// Found by the black-box pass of stop 46: `mitigated` with a mistyped year (8999 for 2026)
    /// made a burn for each of 2.5 million daily windows, and the page a row for each (295 MB;
    /// pm report ran out of memory under a limit). A span of more than 5,000 windows is not
    /// counted, with a note; one of more than twelve is one row that says how many windows.
    @Test func aBurnOverManyWindowsIsBounded() throws {
        var typo = Postmortem(path: "t.md", id: "t")
        typo.started = Timestamp(year: 2026, month: 7, day: 10, hour: 10)
        typo.mitigated = Timestamp(year: 8999, month: 7, day: 10, hour: 10)
        typo.impact = [SLOImpact(slo: "api-availability", badFraction: 0.1)]
        var long = Postmortem(path: "l.md", id: "l")
        long.started = Timestamp(year: 2026, month: 7, day: 10, hour: 10)
        long.mitigated = Timestamp(year: 2126, month: 7, day: 10, hour: 10)
        long.impact = [SLOImpact(slo: "api-availability", badFraction: 0.001)]
        let documents = [typo, long].map {
            ReportedDocument(postmortem: $0, classification: Classification(incident: $0.id, primary: "config", categories: [], declared: true),
                             findings: [], bodyHTML: "")
        }
        let review = QuarterlyReview(documents: documents, configuration: ReportFixture.configuration, categories: [],
                                     options: ReportFixture.options)
        #expect(review.burns(of: "t").isEmpty)
        #expect(review.burns(of: "l").count == 1201)
        let files = ReportSite.render(review, templates: try ReportFixture.templates())
        let page = file(files, "incidents/t.html")
        #expect(page.contains("<li>api-availability: `started` 2026-07-10T10:00:00Z to `mitigated` 8999-07-10T10:00:00Z spans more than 5000 `month` windows; not counted: check the dates</li>"), "\(page)")
        let longPage = file(files, "incidents/l.html")
        #expect(longPage.components(separatedBy: "<tr><th scope=\"row\">").count == 2, "\(longPage)")
        #expect(longPage.contains("<tr><th scope=\"row\">api-availability (1201 windows)</th>"), "\(longPage)")
    }

    /// From the adoption pass of stop 46: an incident's page called an info finding "info", where
    /// `pm lint` prints "note"; the class keeps the level.
    @Test func infoFindingsAreNotesOnThePage() throws {
        var record = Postmortem(path: "n.md", id: "n")
        record.started = Timestamp(year: 2026, month: 8, day: 10, hour: 10)
        let finding = Finding(ruleID: "PM041", alias: "factor-category", severity: .info, message: "no cause category", path: "n.md",
                              range: SourceRange(line: 3))
        let document = ReportedDocument(postmortem: record, classification: Classification(incident: "n", primary: "config", categories: [], declared: true),
                                        findings: [finding], bodyHTML: "")
        let review = QuarterlyReview(documents: [document], configuration: ReportFixture.configuration, categories: [], options: ReportFixture.options)
        let page = file(ReportSite.render(review, templates: try ReportFixture.templates()), "incidents/n.html")
        #expect(page.contains("<li><span class=\"info\">note</span> line 3: no cause category"), "\(page)")
    }

    /// The visual review of stop 48: a corpus of postmortems written before front matter, whose
    /// timelines date every entry, was placed in no period (the review counted 0 incidents), and
    /// the open actions of documents that state no time at all were in no list ("No open
    /// follow-up actions" over 134).
    @Test func postmortemsWithoutFrontMatterArePlacedByTheirTimeline() throws {
        let dated = DocumentReader.read(text: """
            # ADFS outage

            ## Timeline

            All times in UTC.

            | Time | Event |
            | :--- | --- |
            | 2026-08-31 12:11 | Reports of failed sign-ins |
            | 2026-08-31 12:06 | Token-signing certificate expires |

            ## Action items

            - [ ] Alert 30 days before any ADFS certificate expires (@dana.k, due 2026-10-01)
            """, path: "adfs.md").postmortem
        let undated = DocumentReader.read(text: """
            # Prow outage

            ## Action items

            - [ ] Validate job config presets before merging (@sam.o, due 2026-09-15)
            """, path: "prow.md").postmortem
        #expect(IncidentTime.began(dated) == Timestamp(year: 2026, month: 8, day: 31, hour: 12, minute: 6))
        #expect(IncidentTime.began(undated) == nil)
        // A lead-up entry months before, or a year pm does not take, does not move the start (the
        // retest of the mend: an outage of 26 March placed in the December before).
        let leadUp = DocumentReader.read(text: """
            # Boskos outage

            ## Timeline

            - 2018-12-05 16:21 UTC: the bug is introduced in a refactor
            - 0001-01-01 10:00 UTC: placeholder
            - 2019-03-26 09:40 UTC: Boskos stops handing out projects
            - 2019-03-26 11:02 UTC: the fix is deployed
            """, path: "boskos.md").postmortem
        #expect(leadUp.timeline.compactMap(\.time).count >= 3)
        #expect(IncidentTime.began(leadUp) == Timestamp(year: 2019, month: 3, day: 26, hour: 9, minute: 40))
        #expect(IncidentTime.began(ReportedDocument.reportRecord(leadUp)) == Timestamp(year: 2019, month: 3, day: 26, hour: 9, minute: 40))
        // As the streaming report keeps the record, without its timeline.
        #expect(ReportedDocument.reportRecord(dated).timeline.isEmpty)
        #expect(IncidentTime.began(ReportedDocument.reportRecord(dated)) == Timestamp(year: 2026, month: 8, day: 31, hour: 12, minute: 6))
        let documents = [dated, undated].map {
            ReportedDocument(postmortem: $0, classification: Classification(incident: $0.id, primary: "config", categories: [], declared: true),
                             findings: [], bodyHTML: "")
        }
        let review = QuarterlyReview(documents: documents, configuration: ReportFixture.configuration, categories: [],
                                     options: ReportFixture.options)
        #expect(review.current.incidents == 1)
        #expect(review.undatedDocuments == [1])
        let index = file(ReportSite.render(review, templates: try ReportFixture.templates()), "index.html")
        #expect(index.contains("Alert 30 days before any ADFS certificate expires"))
        #expect(index.contains("Validate job config presets before merging"), "\(index)")
        // Its owner's oldest open action has no age (the review of the mend: "0 d").
        #expect(index.contains("<tr><th scope=\"row\">@sam.o</th><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">–</td></tr>"), "\(index)")
    }

    /// Documents that state no time belong to no period: older postmortems without `started` had
    /// made an empty quarter without a word (the black-box pass of stop 42). The index lists them,
    /// escaped, linked to their pages.
    @Test func indexListsUndatedDocuments() throws {
        var undated = Postmortem(path: "u.md", id: "u<1>")
        undated.title = "Search \"slow\" <b>"
        var dated = Postmortem(path: "d.md", id: "d")
        dated.detected = Timestamp(year: 2026, month: 8, day: 10, hour: 10)
        let documents = [undated, dated].map {
            ReportedDocument(postmortem: $0, classification: Classification(incident: $0.id, primary: "config", categories: [], declared: true),
                             findings: [], bodyHTML: "")
        }
        let review = QuarterlyReview(documents: documents, configuration: ReportFixture.configuration, categories: [],
                                     options: ReportFixture.options)
        #expect(review.undatedDocuments == [0])
        let index = file(ReportSite.render(review, templates: try ReportFixture.templates()), "index.html")
        #expect(index.contains("In no period, because 1 postmortem states no time"))
        #expect(index.contains("<li><a href=\"incidents/u-1.html\" dir=\"auto\">Search &quot;slow&quot; &lt;b&gt;</a> <span class=\"muted\">u&lt;1&gt;</span></li>"))
        #expect(!file(try ReportFixture.site().files, "index.html").contains("states no time"))
    }

    @Test("the built-in templates are the repository's templates/report")
    func builtInTemplatesMatch() throws {
        let repository = packageRoot.appendingPathComponent("templates/report")
        let bundled = packageRoot.appendingPathComponent("Sources/PostmortemKit/Resources/report")
        let names = try FileManager.default.contentsOfDirectory(atPath: repository.path).sorted()
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: bundled.path).sorted()))
        for name in names {
            #expect(try Data(contentsOf: repository.appendingPathComponent(name)) == Data(contentsOf: bundled.appendingPathComponent(name)),
                    "\(name) differs: copy templates/report/ to Sources/PostmortemKit/Resources/report/")
        }
        _ = try ReportTemplates.builtIn()
    }

    /// From the visual review of stop 48: printed on A4 or Letter, the budget table lost its
    /// policy column ("freeze") and the open actions their tickets, cut off behind a scroll bar
    /// that paper does not have. Printed, wide tables shrink and wrap instead.
    @Test("the print style lets wide tables wrap instead of scrolling")
    func printedTablesDoNotScroll() throws {
        let style = try String(contentsOf: packageRoot.appendingPathComponent("templates/report/style.mustache"), encoding: .utf8)
        let print = try #require(style.range(of: "@media print {")).upperBound
        let block = style[print...]
        #expect(block.contains(".table-scroll, figure, article.postmortem pre { overflow: visible; }"))
        #expect(block.contains("td.num, th.num, .badge { white-space: normal; }"))
        #expect(block.contains("min-width: 0"))
    }

    @Test("a template directory without index.mustache is refused")
    func missingTemplate() {
        #expect(throws: ReportError.self) { try ReportTemplates(templates: ["postmortem": "x"], source: "test") }
    }
}
