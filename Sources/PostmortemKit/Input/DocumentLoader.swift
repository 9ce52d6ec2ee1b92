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
        if let problem = input.problem { return unread(input.path, problem) }
        switch readBytes(input.path) {
        case .success(let bytes): return DocumentReader.read(bytes, path: input.path, options: options)
        case .failure(let problem): return unread(input.path, problem)
        }
    }

    /// Reads a document from a stream (stdin for `pm lint -`) into a document, or a record
    /// carrying the problem that stopped it. At most `maximumSize` bytes are read, as from a file:
    /// a stream that goes on past them (`< /dev/zero`) is a problem, not a run that fills memory.
    public static func readStream(_ descriptor: Int32, path: String, options: ReadOptions,
                                  limit: Int = maximumSize) -> ReadDocument {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = chunk.withUnsafeMutableBytes { FileDescriptorIO.readFully(descriptor, into: $0) }
            switch read {
            case .success(let count):
                bytes += chunk[..<count]
                if bytes.count > limit {
                    let problem = Problem(.unreadable, "the input is over \(limit >> 20) MiB; documents over \(limit >> 20) MiB are not read")
                    return unread(path, problem)
                }
                if count < chunk.count { return DocumentReader.read(bytes, path: path, options: options) }
            case .failure(let failure):
                return unread(path, Problem(.unreadable, "cannot read the input: \(failure.reason)"))
            }
        }
    }

    /// The record of an input that was not read, carrying why.
    private static func unread(_ path: String, _ problem: Problem) -> ReadDocument {
        var postmortem = Postmortem(path: path, id: DocumentReader.defaultID(for: path))
        postmortem.problems.append(problem)
        return ReadDocument(postmortem: postmortem, tree: MarkdownNode(kind: .document), source: "", html: nil)
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
        switch bytes.withUnsafeMutableBytes({ FileDescriptorIO.readFully(fd, into: $0) }) {
        case .success(let count):
            // A file that shrank since fstat is read as it is now.
            bytes.removeSubrange(count...)
            return .success(bytes)
        case .failure(let failure):
            return .failure(Problem(.unreadable, "cannot read the file: \(failure.reason)"))
        }
    }

    /// Maps every input through `transform` with up to `workers` at once; results come back in
    /// input order, so output is identical for any number of workers.
    public static func map<T: Sendable>(_ inputs: [InputFile], workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                                        options: ReadOptions, _ transform: @Sendable @escaping (ReadDocument) -> T) -> [T] {
        let results = ResultBuffer<T>(count: inputs.count)
        forEach(inputs, workers: workers, window: max(1, inputs.count), options: options, transform) { index, value in
            results.set(index, value)
        }
        return results.values()
    }

    /// Streams every input through `transform` with up to `workers` at once and hands each
    /// result to `consume` in input order, as soon as it and every result before it are ready.
    ///
    /// At most `window` results wait for delivery: a worker does not start document `i` until
    /// the results before `i - window` have been consumed. Memory therefore holds a bounded
    /// number of documents and results, however many inputs there are; what `consume` keeps is
    /// up to the caller. `consume` is never called by two threads at once, and always with
    /// index 0, 1, 2, … in order, so output built from it is the same for any number of workers.
    public static func forEach<T: Sendable>(_ inputs: [InputFile], workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                                            window: Int? = nil, options: ReadOptions,
                                            _ transform: @Sendable @escaping (ReadDocument) -> T,
                                            consume: (Int, T) -> Void) {
        let count = inputs.count
        guard count > 0 else { return }
        let lanes = max(1, min(workers, count))
        let pipeline = OrderedPipeline<T>(count: count, window: max(1, window ?? lanes * 8))
        withoutActuallyEscaping(consume) { consume in
            let deliver = UncheckedBox(consume)
            DispatchQueue.concurrentPerform(iterations: lanes) { _ in
                while let index = pipeline.claim() {
                    let value = transform(read(inputs[index], options: options))
                    pipeline.finish(index, value, deliver: deliver.value)
                }
            }
        }
    }
}

/// The consumer closure handed to worker threads; `OrderedPipeline` calls it from one thread
/// at a time.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The bookkeeping of ``DocumentLoader/forEach(_:workers:window:options:_:consume:)``: which index
/// to start next, which finished results wait for delivery, and which thread delivers.
final class OrderedPipeline<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    /// The next index to start.
    private var next = 0
    /// The next index to deliver.
    private var delivered = 0
    /// Finished results not yet delivered (at most `window`).
    private var ready: [Int: T] = [:]
    /// True while one thread is delivering; the others leave their results in `ready`.
    private var delivering = false

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next index to work on, waiting while `window` results are ahead of delivery; nil when
    /// every index has been started.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while next < count && next >= delivered + window { condition.wait() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Records a result and, unless another thread is already delivering, delivers every result
    /// that is now next in order.
    func finish(_ index: Int, _ value: T, deliver: (Int, T) -> Void) {
        condition.lock()
        ready[index] = value
        guard !delivering else {
            condition.unlock()
            return
        }
        delivering = true
        while let value = ready.removeValue(forKey: delivered) {
            let position = delivered
            condition.unlock()
            deliver(position, value)
            condition.lock()
            delivered += 1
            condition.broadcast()
        }
        delivering = false
        condition.unlock()
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
