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

    /// `forEach` delivers in input order from one thread at a time, and never lets more than
    /// `window` documents run ahead of delivery (that bound is what keeps memory flat).
    @Test func streamingDeliversInOrderWithinTheWindow() {
        let files = inputs()
        let expected = DocumentLoader.map(files, workers: 1, options: ReadOptions()) { $0.postmortem.id }
        final class Probe: @unchecked Sendable {
            let lock = NSLock()
            var started = 0
            var delivered = 0
            var mostAhead = 0
            var inDelivery = 0
            var overlapping = false
        }
        for (workers, window) in [(1, 1), (2, 1), (2, 3), (3, 2), (8, 5)] {
            let probe = Probe()
            var got: [String] = []
            var indices: [Int] = []
            DocumentLoader.forEach(files, workers: workers, window: window, options: ReadOptions(), { document -> String in
                probe.lock.withLock {
                    probe.started += 1
                    probe.mostAhead = max(probe.mostAhead, probe.started - probe.delivered)
                }
                if document.postmortem.path == files[1].path { usleep(20_000) }
                return document.postmortem.id
            }) { index, id in
                probe.lock.withLock {
                    probe.inDelivery += 1
                    if probe.inDelivery > 1 { probe.overlapping = true }
                }
                indices.append(index)
                got.append(id)
                probe.lock.withLock {
                    probe.inDelivery -= 1
                    probe.delivered += 1
                }
            }
            #expect(got == expected, "\(workers) workers, window \(window)")
            #expect(indices == Array(files.indices))
            #expect(probe.mostAhead <= window, "\(workers) workers, window \(window): \(probe.mostAhead) ahead")
            #expect(!probe.overlapping)
        }
    }
}
