import Foundation
@testable import PostmortemKit

/// The bundled `postmortems/` and `pm.yml`, read once for the budget and classification tests.
enum BundledCorpus {
    static let configuration: Configuration = {
        try! ConfigurationReader.load(path: packageRoot.appendingPathComponent("pm.yml").path)
    }()

    static let documents: [ReadDocument] = {
        let inputs = InputDiscovery.expand([packageRoot.appendingPathComponent("postmortems").path])
        return DocumentLoader.map(inputs, options: ReadOptions(configuration: configuration)) { $0 }
    }()

    static var records: [Postmortem] { documents.map(\.postmortem) }

    static func record(_ id: String) -> Postmortem { records.first { $0.id == id }! }

    /// Windows of the bundled SLOs for a period, as of a day long after it.
    static func windows(_ period: ReportingPeriod, slo: String? = nil) -> [BudgetWindow] {
        let slos = configuration.slos.filter { slo == nil || $0.id == slo }
        return ErrorBudgetCalculator.windows(slos: slos, records: records, period: period, zone: .utc,
                                             today: CalendarDate(year: 2027, month: 1, day: 15)!)
    }
}

/// Instants written as in front matter.
func instant(_ text: String) -> Timestamp { TimeExpression.parseTimestamp(text)! }
