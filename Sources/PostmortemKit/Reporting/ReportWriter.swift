import Foundation

/// Writes the site so that a reader never sees half of it: every file goes into a fresh
/// sibling directory, which then replaces the output directory by rename.
///
/// Nothing outside the output directory is touched except that sibling (and missing parent
/// directories, which are created). An existing output directory is replaced only when it holds
/// ``ReportSite/markerName``, so `--out ~/Documents` by mistake fails instead of deleting files.
public enum ReportWriter {
    /// The write in progress, shared with an interrupt handler on another thread.
    ///
    /// The writer does each step (one file, the final rename) while holding the lock, and stops
    /// when the write was cancelled; ``cancel()`` takes the same lock, so it never removes the
    /// staging directory while a file is being created in it, and the writer never recreates it
    /// after.
    public final class Staging: @unchecked Sendable {
        private let lock = NSLock()
        private var path: String?
        private var cancelled = false

        public init() {}

        /// The staging directory of the write in progress, if any.
        public var current: String? {
            lock.lock()
            defer { lock.unlock() }
            return path
        }

        func set(_ value: String?) {
            lock.lock()
            path = value
            lock.unlock()
        }

        /// Runs one step of the write unless the write was cancelled.
        func step(_ body: () throws(ReportError) -> Void) throws(ReportError) {
            lock.lock()
            defer { lock.unlock() }
            if cancelled { throw ReportError("interrupted; no report written") }
            try body()
        }

        /// Stops the write and removes the staging directory; safe to call from any thread. A
        /// report already renamed into place stays.
        public func cancel() {
            lock.lock()
            defer { lock.unlock() }
            cancelled = true
            if let path { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    /// Writes `files` into `directory`, replacing a previous report there.
    ///
    /// - Parameters:
    ///   - files: the site; paths are relative and must not leave the directory.
    ///   - directory: the output directory.
    ///   - staging: records the staging directory while it exists.
    public static func write(_ files: [ReportFile], to directory: String, staging: Staging = Staging()) throws(ReportError) {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        guard !name.isEmpty, name != "/", name != ".", name != ".." else {
            throw ReportError("\(directory) cannot be an output directory")
        }
        try checkReplaceable(target.path)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ReportError("cannot create \(parent.path): \(error.localizedDescription)")
        }
        let stagingURL = parent.appendingPathComponent(".\(name).pm-staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        staging.set(stagingURL.path)
        defer {
            try? fm.removeItem(at: stagingURL)
            staging.set(nil)
        }
        func attempt(_ body: () throws -> Void) throws(ReportError) {
            do {
                try body()
            } catch let error as ReportError {
                throw error
            } catch {
                throw ReportError("cannot write the report: \(error.localizedDescription)")
            }
        }
        try staging.step { () throws(ReportError) in
            try attempt { try fm.createDirectory(at: stagingURL, withIntermediateDirectories: false) }
        }
        for file in files {
            guard isSafe(file.path) else { throw ReportError("refusing to write \(file.path): it would leave the output directory") }
            let url = stagingURL.appendingPathComponent(file.path)
            try staging.step { () throws(ReportError) in
                try attempt {
                    try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(file.contents.utf8).write(to: url)
                }
            }
        }
        try staging.step { () throws(ReportError) in try replace(target, with: stagingURL) }
    }

    /// Refuses a target that exists and is not a previous report.
    static func checkReplaceable(_ path: String) throws(ReportError) {
        let fm = FileManager.default
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw ReportError("\(path) exists and is not a directory; choose another --out")
        }
        let contents = (try? fm.contentsOfDirectory(atPath: path)) ?? []
        if contents.isEmpty { return }
        guard fm.fileExists(atPath: (path as NSString).appendingPathComponent(ReportSite.markerName)) else {
            throw ReportError("\(path) exists and does not look like a pm report (no \(ReportSite.markerName) file); "
                + "pm will not replace it. Remove it or choose another --out")
        }
    }

    /// Puts the staged directory in place; the previous report is moved aside first and removed
    /// after, so at every instant the target is either the old report or the new one.
    static func replace(_ target: URL, with staged: URL) throws(ReportError) {
        let fm = FileManager.default
        var info = stat()
        if lstat(target.path, &info) != 0 {
            guard rename(staged.path, target.path) == 0 else {
                throw ReportError("cannot move the report into \(target.path): \(String(cString: strerror(errno)))")
            }
            return
        }
        let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).pm-old-\(getpid())")
        try? fm.removeItem(at: old)
        guard rename(target.path, old.path) == 0 else {
            throw ReportError("cannot replace \(target.path): \(String(cString: strerror(errno)))")
        }
        guard rename(staged.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old.path, target.path)
            throw ReportError("cannot move the report into \(target.path): \(reason)")
        }
        try? fm.removeItem(at: old)
    }

    /// A relative path without `..`, empty or absolute components.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
