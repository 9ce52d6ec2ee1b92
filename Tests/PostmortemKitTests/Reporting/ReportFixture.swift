import Foundation
@testable import PostmortemKit

/// The small fixed corpus of `Fixtures/report/corpus` (four incidents, one of them hostile) with
/// a configuration built here, reported for 2026-Q3 as of 2026-11-22.
enum ReportFixture {
    static let fixtures = packageRoot.appendingPathComponent("Tests/PostmortemKitTests/Fixtures/report")
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.organization = "Acme <b>\"Ops\"</b> & Co"
        configuration.slos = [
            SLODefinition(id: "api-availability", services: ["api"], objective: 99.9, window: .month,
                          description: "Requests answered without a 5xx \"><script>alert('slo')</script>"),
            SLODefinition(id: "payments-success", services: ["payments"], objective: 99.5, window: .quarter),
        ]
        return configuration
    }

    static var options: ReportOptions {
        ReportOptions(period: ReportingPeriod.quarter("2026-Q3", zone: .utc)!, today: today, zone: .utc)
    }

    /// The documents, with paths made relative to the fixtures folder so output does not depend
    /// on where the repository is checked out.
    static func documents() throws -> [ReportedDocument] {
        let configuration = configuration
        let inputs = InputDiscovery.expand([fixtures.appendingPathComponent("corpus").path])
        return ReportGenerator.documents(inputs, configuration: configuration, classifier: try Classifier(configuration: configuration),
                                         linter: try Linter(configuration: configuration), today: today,
                                         pathsRelativeTo: fixtures.path)
    }

    /// The repository's `templates/report/`.
    static func templates() throws -> ReportTemplates {
        try ReportTemplates(directory: packageRoot.appendingPathComponent("templates/report").path)
    }

    static func site() throws -> (review: QuarterlyReview, files: [ReportFile]) {
        let configuration = configuration
        return ReportGenerator.site(documents: try documents(), configuration: configuration,
                                    classifier: try Classifier(configuration: configuration),
                                    linter: try Linter(configuration: configuration), options: options,
                                    templates: try templates())
    }

    /// Compares `actual` with the golden file `Fixtures/report/<name>`; with `PM_UPDATE_GOLDEN=1`
    /// in the environment, writes it instead (review the diff before committing).
    static func golden(_ name: String) -> String? {
        try? String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    static func updateGoldenIfAsked(_ name: String, _ actual: String) {
        guard ProcessInfo.processInfo.environment["PM_UPDATE_GOLDEN"] == "1" else { return }
        try? actual.write(to: fixtures.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
}
