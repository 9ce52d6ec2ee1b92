import Foundation
import Testing
@testable import PostmortemKit

/// `DocumentLoader.map` runs documents concurrently but must give the same results, in input
/// order, whatever the number of workers.
@Suite struct DocumentLoaderTests {
    func inputs() -> [InputFile] {
        let directories = [packageRoot.appendingPathComponent("postmortems"), packageRoot.appendingPathComponent("templates"),
                           realDevCorpus]
        return InputDiscovery.expand(directories.map(\.path).filter { FileManager.default.fileExists(atPath: $0) })
    }

    @Test func sameOutputWithOneOrManyWorkers() {
        let files = inputs()
        #expect(files.count >= 24)
        let one = DocumentLoader.map(files, workers: 1, options: ReadOptions()) { $0.postmortem }
        for workers in [2, 3, 8] {
            let many = DocumentLoader.map(files, workers: workers, options: ReadOptions()) { $0.postmortem }
            #expect(many == one, "\(workers) workers")
        }
        #expect(one.map(\.path) == files.map(\.path))
    }

    @Test func resultsStayInInputOrderWhenLaterDocumentsFinishFirst() {
        // The first document is slow; with two workers the rest finish before it.
        let files = inputs().prefix(12)
        let paths = DocumentLoader.map(Array(files), workers: 2, options: ReadOptions()) { document -> String in
            if document.postmortem.path == files.first?.path { usleep(50_000) }
            return document.postmortem.path
        }
        #expect(paths == files.map(\.path))
    }

    @Test func emptyInput() {
        #expect(DocumentLoader.map([], workers: 4, options: ReadOptions()) { $0.postmortem }.isEmpty)
    }
}
