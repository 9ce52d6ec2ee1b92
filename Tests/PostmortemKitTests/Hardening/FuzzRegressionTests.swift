import Foundation
import Testing
@testable import PostmortemKit

/// Every input in `Fuzz/regressions/` (crashes and slow units libFuzzer saved) goes through the
/// fuzz target's path, unsanitised. `make fuzz-replay` runs the same inputs through the fuzz
/// target itself. Their speed is not asserted here (speed is measured by the benchmarks, never
/// timed in tests): `make fuzz` starts from these inputs with libFuzzer's `-timeout`, which saves
/// a slow unit again as an artifact.
@Suite struct FuzzRegressionTests {
    static let directory = packageRoot.appendingPathComponent("Fuzz/regressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test("a saved fuzz input is read, linted, classified and reported", arguments: inputs)
    func replay(name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.directory.appendingPathComponent(name).path))
        let configuration = try HostileCorpus.configuration()
        let linter = try Linter(configuration: configuration)
        let classifier = try Classifier(configuration: configuration)
        let today = HostileCorpus.today
        let read = DocumentReader.read(Array(bytes), path: "postmortems/\(name)", options: ReadOptions(configuration: configuration, renderHTML: true))
        let document = ReportedDocument(postmortem: read.postmortem,
                                        classification: classifier.classify(read.postmortem, source: read.source),
                                        findings: linter.lint(read, today: today),
                                        bodyHTML: PageHTML.prepare(read.html ?? ""))
        let options = ReportOptions(period: ReportingPeriod.latestCompleteQuarter(before: today, zone: .utc), today: today)
        let site = ReportGenerator.site(documents: [document], configuration: configuration, classifier: classifier,
                                        linter: linter, options: options, templates: try ReportTemplates.builtIn())
        #expect(!site.files.isEmpty)
        #expect(JSONOutput.encode(ShowOutput(postmortems: [read.postmortem])) != "null")
    }

}
