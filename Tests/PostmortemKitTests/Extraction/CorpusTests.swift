import Foundation
import Testing
@testable import PostmortemKit

/// Every bundled postmortem, template and real-world postmortem parses without an error-level
/// problem, and the parts a reader would find are found.
@Suite struct CorpusTests {
    func records(_ directory: URL) -> [Postmortem] {
        markdownFiles(in: directory).map { path in
            DocumentReader.read(Array(FileManager.default.contents(atPath: path)!), path: path).postmortem
        }
    }

    @Test func bundledPostmortemsAreComplete() throws {
        let all = records(packageRoot.appendingPathComponent("postmortems"))
        #expect(all.count >= 24)
        for p in all {
            #expect(p.problems.isEmpty, "\(p.path): \(p.problems)")
            #expect(p.started != nil && p.mitigated != nil, "\(p.path)")
            #expect(p.timeline.count >= 4, "\(p.path)")
            #expect(p.timeline.allSatisfy { $0.time != nil }, "\(p.path)")
            #expect(!p.factors.isEmpty, "\(p.path)")
            #expect(p.id == DocumentReader.defaultID(for: p.path))
        }
        let states = Set(all.flatMap(\.actions).map(\.state))
        #expect(states == [.open, .done, .notDoing])
    }

    @Test func templatesParse() {
        let all = records(packageRoot.appendingPathComponent("templates"))
        #expect(all.count >= 2)
        for p in all { #expect(!p.problems.contains { $0.severity == .error }, "\(p.path): \(p.problems)") }
    }

    @Test func realWorldPostmortemsParse() throws {
        try #require(FileManager.default.fileExists(atPath: realDevCorpus.path), "../shared/corpora/real-dev is missing")
        let all = records(realDevCorpus).filter { !$0.path.hasSuffix("README.md") }
        #expect(all.count >= 45)
        for p in all {
            #expect(!p.problems.contains { $0.severity == .error }, "\(p.path): \(p.problems)")
        }
        let templates = all.filter { $0.path.lowercased().contains("template") }
        let reports = all.filter { !$0.path.lowercased().contains("template") }
        // Real reports nearly always have these; allow a few that do not.
        #expect(reports.filter { !$0.timeline.isEmpty }.count >= reports.count - 3)
        #expect(reports.filter { !$0.factors.isEmpty }.count >= reports.count - 4)
        #expect(reports.filter { !$0.actions.isEmpty }.count >= reports.count - 4)
        #expect(templates.count == 2)
    }

    @Test func realWorldSpecifics() throws {
        try #require(FileManager.default.fileExists(atPath: realDevCorpus.path))
        func load(_ name: String) -> Postmortem {
            let path = realDevCorpus.appendingPathComponent(name).path
            return DocumentReader.read(Array(FileManager.default.contents(atPath: path)!), path: path).postmortem
        }
        let k8s = load("kubernetes-test-infra/2019-02-05.md")
        #expect(k8s.timeline.first?.time?.iso8601 == "2019-02-05T08:47:00-08:00")
        let dfds = load("dfds/PM2023-001 - Total node failure.md")
        #expect(dfds.actions.contains { $0.state == .done })
        let sushi = load("learningequality/004-sushibar-certificate-expired.md")
        #expect(sushi.actions.first?.text == "Set up alerting to warn us of expiring SSL")
        #expect(sushi.timeline.first?.time?.iso8601 == "2018-08-22T15:26:00Z")
        #expect(sushi.lessons.lucky.count == 1)
    }
}
