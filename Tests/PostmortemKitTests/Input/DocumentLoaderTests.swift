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

    /// A stream (stdin for `pm lint -`) is read up to the same size as a file, and no further.
    @Test func streamsAreReadUpToTheLimit() throws {
        let text = "---\ntitle: Disk full on db-2\n---\n# Disk full on db-2\n\n## Summary\n\nWAL filled the disk.\n"
        func stream(_ bytes: [UInt8], limit: Int) throws -> ReadDocument {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("pm-stream-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            let descriptor = open(path, O_RDONLY)
            defer { close(descriptor) }
            return DocumentLoader.readStream(descriptor, path: "<stdin>", options: ReadOptions(), limit: limit)
        }
        let read = try stream(Array(text.utf8), limit: 1 << 20)
        #expect(read.postmortem == DocumentReader.read(Array(text.utf8), path: "<stdin>", options: ReadOptions()).postmortem)
        #expect(read.source == text)

        // 100,000 bytes take two chunks; the limit is the last byte that is read.
        let padded = Array(text.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 100_000 - text.utf8.count)
        #expect(try stream(padded, limit: 100_000).postmortem.problems.isEmpty)
        let over = try stream(padded, limit: 99_999).postmortem
        #expect(over.problems.map(\.code) == [.unreadable])
        #expect(over.problems.first?.message.contains("over") == true)
    }

    @Test func anEndlessStreamIsAProblemNotARunThatFillsMemory() {
        let descriptor = open("/dev/zero", O_RDONLY)
        defer { close(descriptor) }
        let document = DocumentLoader.readStream(descriptor, path: "<stdin>", options: ReadOptions())
        #expect(document.postmortem.problems.map(\.code) == [.unreadable])
        #expect(document.source.isEmpty)
    }
}
