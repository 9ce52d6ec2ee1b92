import Foundation
import Testing
@testable import PostmortemKit

@Suite("Incident ids made unique for counting")
struct IncidentIDsTests {
    @Test("repeats become <id>-2, -3, … in input order, skipping names another document has")
    func names() {
        #expect(IncidentIDs.unique(["a", "b", "c"]) == ["a", "b", "c"])
        #expect(IncidentIDs.unique(["a", "a", "a"]) == ["a", "a-2", "a-3"])
        // `a-2` is a document's own id, so the repeat of `a` is `a-3`, wherever `a-2` stands.
        #expect(IncidentIDs.unique(["a", "a", "a-2"]) == ["a", "a-3", "a-2"])
        #expect(IncidentIDs.unique(["a-2", "a", "a", "a-2"]) == ["a-2", "a", "a-3", "a-2-2"])
        #expect(IncidentIDs.unique(["", ""]) == ["", "-2"])
        #expect(IncidentIDs.unique([String]()).isEmpty)
        let many = IncidentIDs.unique(Array(repeating: "index", count: 5_000))
        #expect(Set(many).count == 5_000)
        #expect(many.last == "index-5000")
    }

    /// Two folders each holding `index.md` with the same `id:`: one burned 0.01 minutes of the
    /// SLO, the other 10. Each keeps its own numbers, and the cause adds them once.
    @Test("two documents with one id keep their own burns, pages and classifications in the report")
    func reportKeepsRepeatsApart() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pm-ids-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (folder, fraction) in [("a", "0.001"), ("b", "1")] {
            let directory = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try """
                ---
                id: storefront-outage
                title: Storefront outage \(folder)
                status: published
                severity: SEV2
                services: [storefront]
                causes: [config]
                started: 2026-08-04T10:00:00Z
                mitigated: 2026-08-04T10:10:00Z
                impact:
                  - slo: storefront-availability
                    bad_fraction: \(fraction)
                ---
                # Storefront outage \(folder)

                """.write(to: directory.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        }
        var configuration = Configuration()
        configuration.slos = [SLODefinition(id: "storefront-availability", services: ["storefront"], objective: 99.9, window: .month)]
        let classifier = try Classifier(configuration: configuration), linter = try Linter(configuration: configuration)
        let documents = ReportGenerator.documents(InputDiscovery.expand([root.path]), configuration: configuration,
                                                  classifier: classifier, linter: linter, today: ReportFixture.today,
                                                  pathsRelativeTo: root.path)
        // Lint still sees the repeat as it is written.
        #expect(documents.map(\.postmortem.id) == ["storefront-outage", "storefront-outage"])

        let options = ReportOptions(period: ReportingPeriod.quarter("2026-Q3", zone: .utc)!, today: ReportFixture.today, zone: .utc)
        let (review, files) = ReportGenerator.site(documents: documents, configuration: configuration, classifier: classifier,
                                                   linter: linter, options: options, templates: try ReportFixture.templates())
        #expect(review.documents.map(\.postmortem.id) == ["storefront-outage", "storefront-outage-2"])
        #expect(review.documents.map(\.classification.incident) == ["storefront-outage", "storefront-outage-2"])
        #expect(review.burns(of: "storefront-outage").map(\.minutes) == [0.01])
        #expect(review.burns(of: "storefront-outage-2").map(\.minutes) == [10])
        #expect(review.causeGroups.map(\.burnedMinutes) == [10.01])
        #expect(Array(review.pageNames) == ["storefront-outage.html", "storefront-outage-2.html"])

        let data = try #require(files.first { $0.path == "data.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(data.contents.utf8)) as? [String: Any])
        let incidents = try #require(json["incidents"] as? [[String: Any]])
        let burned = incidents.map { ($0["budget_burned"] as? [[String: Any]])?.compactMap { $0["minutes"] as? Double } }
        #expect(burned == [[0.01], [10]])
    }

    @Test("duplicates are told by hashes first, and found as a Set finds them, canonically equal spellings included")
    func duplicates() {
        let cases: [([String], Bool)] = [
            ([], false), (["a"], false), (["a", "b", "c"], false), (["a", "b", "a"], true),
            (["caf\u{E9}", "cafe\u{301}"], true),   // é written whole and as e + accent: one id to Swift
            ((0..<5_000).map { "inc-\($0)" }, false), ((0..<5_000).map { "inc-\($0)" } + ["inc-4999"], true),
        ]
        for (strings, expected) in cases {
            #expect(SuffixedNames.containsDuplicates(strings) == expected, "\(strings.prefix(3))")
            #expect(SuffixedNames.containsDuplicates(strings) == (Set(strings).count < strings.count))
        }
        // Without repeats the ids come back as they are; with them, as before.
        #expect(IncidentIDs.unique(["b", "a"]) == ["b", "a"])
        #expect(IncidentIDs.unique(["a", "a-2", "a"]) == ["a", "a-2", "a-3"])
        #expect(PageFileNames.assign(["Caf\u{E9}", "cafe", "a b", "a-b"]) == ["cafe-2.html", "cafe.html", "a-b.html", "a-b-2.html"])
    }
}
