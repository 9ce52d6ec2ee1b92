import Foundation

/// Reads input files into documents, concurrently and in input order.
///
/// Work is bounded: at most `workers` documents are in flight, each read, parsed and handed
/// to `transform` (lint, extraction, rendering) before the next is read, so memory holds the
/// results, not every file's text and tree.
public enum DocumentLoader {
    /// The size above which a file is not read: a postmortem is kilobytes; 32 MiB is certainly
    /// not one, and reading it would only slow the run.
    public static let maximumSize = 32 << 20

    /// Reads one input into a document (or a record carrying the problem that stopped it).
    public static func read(_ input: InputFile, options: ReadOptions) -> ReadDocument {
        if let problem = input.problem {
            var postmortem = Postmortem(path: input.path, id: DocumentReader.defaultID(for: input.path))
            postmortem.problems.append(problem)
            return ReadDocument(postmortem: postmortem, tree: MarkdownNode(kind: .document), source: "", html: nil)
        }
        let bytes: [UInt8]
        switch readBytes(input.path) {
        case .success(let data): bytes = data
        case .failure(let problem):
            var postmortem = Postmortem(path: input.path, id: DocumentReader.defaultID(for: input.path))
            postmortem.problems.append(problem)
            return ReadDocument(postmortem: postmortem, tree: MarkdownNode(kind: .document), source: "", html: nil)
        }
        return DocumentReader.read(bytes, path: input.path, options: options)
    }

    static func readBytes(_ path: String) -> Result<[UInt8], Problem> {
        // Non-blocking, so a FIFO named x.md cannot hang the run.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            let reason = errno == EACCES ? "permission denied" : String(cString: strerror(errno))
            return .failure(Problem(.unreadable, "cannot read the file: \(reason)"))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Problem(.unreadable, "cannot read the file")) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(Problem(.unreadable, "is a directory, not a Markdown file"))
        }
        if (info.st_mode & S_IFMT) != S_IFREG {
            return .failure(Problem(.unreadable, "is not a regular file (device, socket or pipe)"))
        }
        if info.st_size > maximumSize {
            return .failure(Problem(.unreadable, "the file is \(info.st_size >> 20) MiB; documents over \(maximumSize >> 20) MiB are not read"))
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var total = 0
        while total < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(fd, buffer.baseAddress! + total, buffer.count - total)
            }
            if n < 0 { return .failure(Problem(.unreadable, "cannot read the file: \(String(cString: strerror(errno)))")) }
            if n == 0 { break }
            total += n
        }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }

    /// Maps every input through `transform` with up to `workers` at once; results come back in
    /// input order, so output is identical for any number of workers.
    public static func map<T: Sendable>(_ inputs: [InputFile], workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                                        options: ReadOptions, _ transform: @Sendable @escaping (ReadDocument) -> T) -> [T] {
        let count = inputs.count
        guard count > 0 else { return [] }
        let results = ResultBuffer<T>(count: count)
        let next = Counter()
        let lanes = max(1, min(workers, count))
        DispatchQueue.concurrentPerform(iterations: lanes) { _ in
            while true {
                let index = next.increment()
                guard index < count else { return }
                results.set(index, transform(read(inputs[index], options: options)))
            }
        }
        return results.values()
    }
}

/// A lock-protected next-index counter.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

/// Slots written once each from different threads.
final class ResultBuffer<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }
    func values() -> [T] { storage.map { $0! } }
}
