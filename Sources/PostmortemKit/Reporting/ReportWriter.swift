import Foundation

/// Writes the site so that a reader never sees half of it: every file goes into a fresh
/// sibling directory, which then replaces the output directory by rename.
///
/// Nothing outside the output directory is touched except that sibling (and missing parent
/// directories, which are created). An existing output directory is replaced only when it holds
/// ``ReportSite/markerName``, so `--out ~/Documents` by mistake fails instead of deleting files,
/// and nothing a report does not hold (see ``foreignEntry(in:contents:)``).
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
        private var committed = false

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
        /// report already renamed into place stays: returns true when one was.
        @discardableResult
        public func cancel() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            cancelled = true
            if let path { try? FileManager.default.removeItem(atPath: path) }
            return committed
        }

        /// Runs the step that puts the report in place (as ``step(_:)`` does); an interrupt from
        /// its end on finds the report there.
        func commitStep(_ body: () throws(ReportError) -> Void) throws(ReportError) {
            lock.lock()
            defer { lock.unlock() }
            if cancelled { throw ReportError("interrupted; no report written") }
            try body()
            committed = true
            path = nil
        }
    }

    /// Writes `files` into `directory`, replacing a previous report there.
    ///
    /// - Parameters:
    ///   - files: the site; paths are relative and must not leave the directory.
    ///   - directory: the output directory.
    ///   - staging: records the staging directory while it exists.
    public static func write(_ files: [ReportFile], to directory: String, staging: Staging = Staging()) throws(ReportError) {
        let stage = try Stage(directory: directory, staging: staging)
        defer { stage.discard() }
        for file in files { try stage.write(file) }
        try stage.commit()
    }

    /// `path` with its part up to the last `..` resolved by the system (`realpath`), so that
    /// `link/../out` is beside what the link names, as `mkdir -p` and every other program read
    /// it. Foundation's URL reads `..` as text and had made it `./out`, another directory than the
    /// one named. A path with no `..` after a name is returned as written; one whose part up to
    /// it cannot be resolved (a broken link, a name that does not exist) is an error, since the
    /// text's reading would write elsewhere than the path names (the retest of stop 48).
    static func physicalPath(_ path: String) throws(ReportError) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = parts.lastIndex(of: ".."), last + 1 < parts.count,
              parts[..<last].contains(where: { !$0.isEmpty && $0 != "." && $0 != ".." }) else { return path }
        let prefix = parts[...last].joined(separator: "/")
        guard let resolved = realpath(prefix, nil) else {
            throw ReportError("\(path): cannot resolve \(prefix): \(String(cString: strerror(errno))); give --out without `..`")
        }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + parts[(last + 1)...].joined(separator: "/")
    }

    /// A report being written file by file: ``init(directory:staging:)`` checks the output
    /// directory and creates the staging sibling, ``write(_:)`` adds a file to it, ``commit()``
    /// renames it into place, and ``discard()`` (also run on deinit) removes it.
    ///
    /// Opening the stage before any document is read makes a wrong `--out` fail at once, and lets
    /// pages be written as they are rendered instead of held until the end. Temporary files the
    /// writer needs (``temporaryFile(named:)``) live inside the staging directory, so an
    /// interrupt, which removes that directory, removes them too; ``commit()`` deletes them before
    /// the rename. `write` is safe to call from several threads at once.
    public final class Stage: @unchecked Sendable {
        /// The output directory.
        public let target: URL
        /// The staging directory, a hidden sibling of ``target``.
        public let directory: URL
        /// ``directory`` as a path: file paths are joined to it as strings, since building a
        /// `URL` for each of ten thousand pages cost more than writing them.
        private let directoryPath: String
        private let staging: Staging
        private let lock = NSLock()
        private var createdDirectories: Set<String> = []
        private var temporaryFiles: [String] = []
        private var finished = false

        /// Why a directory cannot be created at `path`, in words, when a part of the path is in
        /// the way: a symbolic link to nothing, or a file that is not a directory. Nil when no
        /// part is (the system's words are then used).
        static func blockingComponent(of path: String) -> String? {
            var prefix = ""
            for component in path.split(separator: "/") {
                prefix += "/" + component
                var info = stat()
                guard lstat(prefix, &info) == 0 else { return nil }
                if info.st_mode & S_IFMT == S_IFLNK {
                    guard stat(prefix, &info) == 0 else {
                        if errno == ELOOP { return "\(prefix) is a symbolic link in a loop of links" }
                        guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: prefix) else {
                            return "\(prefix) is a symbolic link to nothing that exists"
                        }
                        return "\(prefix) is a symbolic link (to \(destination)), and \(destination) does not exist"
                    }
                }
                if info.st_mode & S_IFMT != S_IFDIR { return "\(prefix) exists and is not a directory" }
            }
            return nil
        }

        /// Checks that `directory` may be replaced, creates its missing parents and the staging
        /// directory beside it. Images pages show are copied from `assetRoot` (pm.yml's
        /// directory), where their relative paths start; without one, none are.
        ///
        /// `workingDirectory` is the directory pm runs in (tests give another): `--out` may not be
        /// it, nor hold it.
        public init(directory path: String, staging: Staging = Staging(), assetRoot: String? = nil,
                    workingDirectory: String = ".") throws(ReportError) {
            self.assetRoot = assetRoot.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
            // A path ending in `.` or `..` is refused as written: the URL names the directory by
            // its place, and `--out .` had replaced the current directory.
            let target = URL(fileURLWithPath: try ReportWriter.physicalPath(path))
            let parent = target.deletingLastPathComponent()
            let name = target.lastPathComponent
            let written = path.split(separator: "/").last.map(String.init) ?? ""
            guard !name.isEmpty, name != "/", written != ".", written != ".." else {
                throw ReportError("\(path) cannot be an output directory")
            }
            // The directory pm runs in, or one that holds it: replacing it would leave the shell
            // in a directory that no longer exists.
            if ReportWriter.holds(target.path, workingDirectory) {
                throw ReportError("\(path) is the directory pm runs in, or holds it; pm will not replace it. Run pm from another directory or choose another --out")
            }
            try checkReplaceable(target.path)
            if let failure = FileSystem.makeDirectories(parent.path) {
                let reason = failure.path == parent.path ? failure.reason : "\(failure.path): \(failure.reason)"
                throw ReportError("cannot create \(parent.path): " + (Self.blockingComponent(of: parent.path) ?? reason))
            }
            let stagingURL = parent.appendingPathComponent(".\(ReportWriter.shortened(name)).pm-staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            self.target = target
            self.directory = stagingURL
            directoryPath = stagingURL.path
            self.staging = staging
            staging.set(stagingURL.path)
            do {
                try staging.step { () throws(ReportError) in
                    // mkdir(2) for the system's reason: Foundation's ("You don't have permission")
                    // named neither the directory nor what was wrong with it.
                    guard mkdir(stagingURL.path, 0o777) == 0 else {
                        throw ReportError("cannot write the report in \(parent.path): \(String(cString: strerror(errno)))")
                    }
                }
            } catch {
                staging.set(nil)
                throw error
            }
        }

        deinit { discard() }

        /// Adds one file to the staged report.
        ///
        /// Files are written with plain `write(2)` calls and not flushed one by one (Foundation's
        /// `Data.write` calls `fsync` for every file, which made writing pages wait on the disk
        /// ten thousand times). Like a static site generator's output, the report can be made
        /// again at any time; what the staging directory guarantees is that an interrupted run
        /// never leaves a half-written report in place of the previous one.
        public func write(_ file: ReportFile) throws(ReportError) {
            // Images first, so that the page can say which of them are not in the report.
            var missing: [(asset: ReportAsset, reason: String)] = []
            for asset in file.assets {
                if let reason = try copy(asset) { missing.append((asset, reason)) }
            }
            let contents = PageAssets.markingMissing(file.contents, missing)
            try write(path: file.path) { (emit) throws(ReportError) in try emit(contents) }
        }

        /// The previous report, when ``commit()`` could move it aside but not remove it.
        public private(set) var leftBehind: String?

        /// The directory images are copied from, its symbolic links resolved.
        let assetRoot: String?
        /// The most bytes of one image copied.
        public static let largestAsset = 32 << 20

        /// Each image a page shows that was not copied, with why, once for each document that
        /// shows it; in the order pages were written, which is not the same from run to run
        /// (``ReportGenerator`` writes pages on several threads): sort them to report them.
        public var skippedAssets: [(asset: ReportAsset, reason: String)] {
            lock.lock()
            defer { lock.unlock() }
            return skipped
        }
        /// Each image source met, with why it was not copied (nil when it was).
        private var assetResults: [String: String?] = [:]
        private var skipped: [(asset: ReportAsset, reason: String)] = []
        private var copiedPaths: [String] = []

        /// Copies an image into the staged report, once whatever number of pages show it, or
        /// records why not for the document that shows it; returns why, or nil when it is copied.
        ///
        /// The image is read only from inside ``assetRoot``, by a path none of whose parts below it
        /// is hidden (`.git/`, `.env`) or a symbolic link (`graph.png -> ../.git/config` would
        /// put a CI token in a report that may be published), opened without following a link
        /// and read as the regular file it is then, at most ``largestAsset`` bytes of it.
        func copy(_ asset: ReportAsset) throws(ReportError) -> String? {
            // One image at a time (they are few): a second page showing an image waits for the
            // first's copy, and so learns whether it was made.
            assetLock.lock()
            defer { assetLock.unlock() }
            let reason: String?
            if let known = assetResults[asset.source] {
                reason = known
            } else {
                reason = try copyOnce(asset)
                assetResults[asset.source] = .some(reason)
                if reason == nil {
                    lock.lock()
                    copiedPaths.append(asset.path)
                    lock.unlock()
                }
            }
            if let reason {
                lock.lock()
                skipped.append((asset, reason))
                lock.unlock()
            }
            return reason
        }
        private let assetLock = NSLock()

        /// Copies one image; why not, when it is not copied.
        private func copyOnce(_ asset: ReportAsset) throws(ReportError) -> String? {
            guard let root = assetRoot else { return "the report has no repository to copy images from" }
            guard !asset.path.isEmpty, !asset.source.hasPrefix("/") else { return "it is outside \(root)" }
            guard !asset.path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return "its name holds a control character" }
            let parts = asset.source.split(separator: "/")
            guard !parts.contains(where: { $0.hasPrefix(".") }) else { return "it is hidden, or in a hidden directory" }
            var prefix = root == "/" ? "" : root
            for part in parts {
                prefix += "/" + part
                var info = stat()
                guard lstat(prefix, &info) == 0 else { return "no such file" }
                if info.st_mode & S_IFMT == S_IFLNK { return "\(prefix) is a symbolic link" }
            }
            let descriptor = open(prefix, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { return "it cannot be read: \(String(cString: strerror(errno)))" }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return "not a regular file" }
            guard Int(info.st_size) <= Self.largestAsset else { return "larger than 32 MiB" }
            var data = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
            var count = 0
            while count < data.count {
                let read = data.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + count, $0.count - count) }
                if read < 0, errno == EINTR { continue }
                guard read >= 0 else { return "it cannot be read: \(String(cString: strerror(errno)))" }
                if read == 0 { break }
                count += read
            }
            guard count <= Self.largestAsset, count <= Int(info.st_size) else { return "it changed while it was read" }
            try write(path: asset.path, data: Data(data[..<count]))
            return nil
        }

        /// Adds one file written in pieces: `produce` passes each piece, in order, to the function
        /// it is given, which writes it at once. The file is created while holding the write's
        /// lock (so an interrupt never removes the staging directory while a file is being created
        /// in it) and written outside it, so other threads go on adding files meanwhile; after an
        /// interrupt the pieces go to a file already removed.
        public func write(path: String, _ produce: (_ emit: (String) throws(ReportError) -> Void) throws(ReportError) -> Void) throws(ReportError) {
            let (descriptor, filePath) = try create(path)
            do throws(ReportError) {
                try produce { (piece: String) throws(ReportError) in
                    var piece = piece
                    if let reason = piece.withUTF8({ FileDescriptorIO.writeAll(descriptor, UnsafeRawBufferPointer($0)) }) {
                        throw ReportError("cannot write \(filePath): \(reason)")
                    }
                }
            } catch {
                close(descriptor)
                throw error
            }
            guard close(descriptor) == 0 else { throw ReportError("cannot write \(filePath): \(String(cString: strerror(errno)))") }
        }

        /// A file of `data` (an image's copy).
        func write(path: String, data: Data) throws(ReportError) {
            let (descriptor, filePath) = try create(path)
            let failure = data.withUnsafeBytes { FileDescriptorIO.writeAll(descriptor, $0) }
            let closed = close(descriptor) == 0
            if let failure { throw ReportError("cannot write \(filePath): \(failure)") }
            guard closed else { throw ReportError("cannot write \(filePath): \(String(cString: strerror(errno)))") }
        }

        /// Creates the file at `path` in the staging directory (and its folder), while holding the
        /// write's lock, and returns its descriptor and path.
        private func create(_ path: String) throws(ReportError) -> (Int32, String) {
            guard isSafe(path) else { throw ReportError("refusing to write \(path): it would leave the output directory") }
            // The staging directory joined with `path` as strings, and the parent folder cut at
            // the last "/" byte, as `URL.appendingPathComponent` and `deletingLastPathComponent`
            // did (they work on the path's bytes too).
            let filePath = directoryPath + "/" + path
            let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { directoryPath + "/" + String(path[..<$0]) } ?? directoryPath
            var descriptor: Int32 = -1
            try staging.step { () throws(ReportError) in
                try attempt {
                    if !isKnownDirectory(folder) {
                        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                        rememberDirectory(folder)
                    }
                }
                descriptor = open(filePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
                guard descriptor >= 0 else { throw ReportError("cannot create \(filePath): \(String(cString: strerror(errno)))") }
            }
            return (descriptor, filePath)
        }

        /// A new empty file inside the staging directory for the writer's own use (never part of
        /// the report): removed by ``commit()`` before the rename, and with the staging directory
        /// on ``discard()`` or an interrupt. Returns its path.
        public func temporaryFile(named name: String) throws(ReportError) -> String {
            guard isSafe(name), !name.contains("/") else { throw ReportError("invalid temporary file name \(name)") }
            let path = directory.appendingPathComponent(name).path
            try staging.step { () throws(ReportError) in
                let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                guard fd >= 0 else {
                    throw ReportError("cannot write the report: cannot create \(path): \(String(cString: strerror(errno)))")
                }
                close(fd)
                lock.lock()
                temporaryFiles.append(path)
                lock.unlock()
            }
            return path
        }

        /// Removes the temporary files and renames the staging directory into place.
        public func commit() throws(ReportError) {
            lock.lock()
            let temporary = temporaryFiles
            temporaryFiles = []
            let assets = copiedPaths
            lock.unlock()
            // The images copied, listed in the marker (when the report has one) after its pages,
            // so that the next run tells them from files a person put in `assets/`.
            let marker = directoryPath + "/" + ReportSite.markerName
            if !assets.isEmpty, FileManager.default.fileExists(atPath: marker) {
                let descriptor = open(marker, O_WRONLY | O_APPEND | O_CLOEXEC)
                guard descriptor >= 0 else { throw ReportError("cannot write \(marker): \(String(cString: strerror(errno)))") }
                var text = ReportSite.markerAssets(assets.sorted())
                let failure = text.withUTF8 { FileDescriptorIO.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
                let closed = close(descriptor) == 0
                if let failure { throw ReportError("cannot write \(marker): \(failure)") }
                guard closed else { throw ReportError("cannot write \(marker): \(String(cString: strerror(errno)))") }
            }
            try staging.step { () throws(ReportError) in
                for path in temporary where unlink(path) != 0 && errno != ENOENT {
                    throw ReportError("cannot remove \(path): \(String(cString: strerror(errno)))")
                }
            }
            try checkReplaceable(target.path)
            var left: String?
            try staging.commitStep { () throws(ReportError) in left = try replace(target, with: directory) }
            leftBehind = left
            finish()
        }

        /// Removes the staging directory unless the report was committed; safe to call twice.
        public func discard() {
            lock.lock()
            let done = finished
            finished = true
            lock.unlock()
            guard !done else { return }
            try? FileManager.default.removeItem(at: directory)
            staging.set(nil)
        }

        private func finish() {
            lock.lock()
            finished = true
            lock.unlock()
            staging.set(nil)
        }

        private func isKnownDirectory(_ path: String) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            return createdDirectories.contains(path)
        }

        private func rememberDirectory(_ path: String) {
            lock.lock()
            createdDirectories.insert(path)
            lock.unlock()
        }
    }

    static func attempt(_ body: () throws -> Void) throws(ReportError) {
        do {
            try body()
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError("cannot write the report: \(error.localizedDescription)")
        }
    }

    /// True when the directory `target` is `directory` or one of the directories that hold it,
    /// compared by device and inode up the path `realpath` gives `directory` (the first version
    /// compared paths, one of them from Foundation's `resolvingSymlinksInPath`, which cuts a path
    /// at about 1,024 bytes: from a deeper directory, `--out "$PWD"` had replaced it).
    static func holds(_ target: String, _ directory: String) -> Bool {
        guard let out = InputDiscovery.FileIdentity(target), let resolved = realpath(directory, nil) else { return false }
        var path = String(cString: resolved)
        free(resolved)
        while true {
            if InputDiscovery.FileIdentity(path) == out { return true }
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), path != "/" else { return false }
            path = slash == path.utf8.startIndex ? "/" : String(path[..<slash])
        }
    }

    /// Refuses a target that exists and is not a previous report.
    static func checkReplaceable(_ path: String) throws(ReportError) {
        let fm = FileManager.default
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            // The report is renamed into place, which would replace the link, not what it names.
            if (info.st_mode & S_IFMT) == S_IFLNK {
                let target = (try? fm.destinationOfSymbolicLink(atPath: path)).map { " (to \($0))" } ?? ""
                throw ReportError("\(path) is a symbolic link\(target), which pm does not replace; give the directory it names as --out, or another --out")
            }
            throw ReportError("\(path) exists and is not a directory; choose another --out")
        }
        // A directory that cannot be listed is not known to be empty (the retest of stop 47 found
        // one taken for empty, and replaced).
        let listing: DirectoryListing
        do { listing = try DirectoryListing(path) } catch {
            throw ReportError("cannot read \(path) (\(error.reason)) to check that it is a pm report; pm will not replace it. Choose another --out")
        }
        if listing.names.isEmpty && listing.undecodable.isEmpty { return }
        var markerInfo = stat()
        guard lstat((path as NSString).appendingPathComponent(ReportSite.markerName), &markerInfo) == 0 else {
            if errno != ENOENT {
                throw ReportError("cannot look into \(path) (\(String(cString: strerror(errno)))) to check that it is a pm report; pm will not replace it. Choose another --out")
            }
            throw ReportError("\(path) exists and does not look like a pm report (no \(ReportSite.markerName) file); "
                + "pm will not replace it. Remove it or choose another --out")
        }
        let foreign = listing.undecodable.first.map { ForeignEntry(undecodable: $0, in: path) } ?? foreignEntry(in: path, contents: listing.names)
        if let foreign {
            throw ReportError("\(path) is a pm report but also holds \(foreign.path), \(foreign.reason); replacing the "
                + "report would delete it. Move it out of \(path) or choose another --out")
        }
    }

    /// An entry of a previous report's directory that no report holds, and why it stops the
    /// report from being replaced.
    struct ForeignEntry: Error, Equatable {
        var path: String
        var reason: String

        init(path: String, reason: String = "which pm did not write") {
            self.path = path
            self.reason = reason
        }

        /// The entry `name` of `folder`, listed with U+FFFD for bytes that are not UTF-8.
        init(undecodable name: String, in folder: String) {
            self.init(path: (folder as NSString).appendingPathComponent(name), reason: DirectoryListing.undecodableReason)
        }
    }

    /// The first entry of a previous report's directory that no report holds, or nil: a report
    /// is the summary files, `incidents/` with pages in it, and `assets/` with the images its
    /// marker lists. Replacing a report removes the
    /// whole directory, so anything a person put there (drafts, the very postmortems being
    /// read, a CNAME file) would be lost. So would anything pm cannot see: a marker or a folder
    /// it cannot read, or a name that is not UTF-8 (which Foundation lists under a name that
    /// names no file), is an entry pm did not write.
    ///
    /// An entry that is gone by the time it is looked at is not foreign: another `pm report`
    /// writing the same `--out` at the same moment moves the old report away, and its pages with it.
    /// A previous report's pages are the `.html` files its marker lists; for a marker that
    /// lists none (written before pm listed them), every `.html` file in `incidents/`.
    static func foreignEntry(in path: String, contents: [String]) -> ForeignEntry? {
        let pagesFolder = "incidents"
        let assetsFolder = "assets"
        let markerPath = (path as NSString).appendingPathComponent(ReportSite.markerName)
        let marker: String
        switch DirectoryListing.readText(atPath: markerPath) {
        case .success(let text): marker = text
        case .failure(let reason):
            // Gone: another run is replacing the report (see above); else unknown, so refused.
            guard reason.code != ENOENT else { return nil }
            return ForeignEntry(path: markerPath, reason: "which pm cannot read (\(reason.reason)), so what else the report holds is not known")
        }
        let listedPages = ReportSite.pageNames(inMarker: marker)
        /// The entry's file type; nil when it no longer exists; a failure when pm cannot look at
        /// it (a folder it may list but not search), which is not known to be the report's.
        func fileType(_ path: String) -> Result<mode_t, ForeignEntry>? {
            var info = stat()
            if lstat(path, &info) == 0 { return .success(info.st_mode & S_IFMT) }
            return errno == ENOENT ? nil : .failure(ForeignEntry(path: path, reason: "which pm cannot look at (\(String(cString: strerror(errno))))"))
        }
        /// The entries of a folder of the report still there, sorted, with their types; nil when
        /// the folder is gone; a failure when it cannot be listed or holds a name that is not UTF-8.
        func children(of folder: String) -> Result<[(name: String, path: String, type: mode_t)], ForeignEntry>? {
            do {
                let listing = try DirectoryListing(folder)
                if let name = listing.undecodable.first { return .failure(ForeignEntry(undecodable: name, in: folder)) }
                var children: [(name: String, path: String, type: mode_t)] = []
                for name in listing.names.sorted() {
                    let path = (folder as NSString).appendingPathComponent(name)
                    switch fileType(path) {
                    case nil: continue
                    case .failure(let foreign): return .failure(foreign)
                    case .success(let type): children.append((name, path, type))
                    }
                }
                return .success(children)
            } catch {
                return error.code == ENOENT ? nil : .failure(ForeignEntry(path: folder, reason: "which pm cannot read (\(error.reason))"))
            }
        }
        for name in contents.sorted() {
            let entry = (path as NSString).appendingPathComponent(name)
            let type: mode_t
            switch fileType(entry) {
            case nil: continue
            case .failure(let foreign): return foreign
            case .success(let found): type = found
            }
            if name == assetsFolder {
                // The images the marker lists, in folders of their own.
                guard type == S_IFDIR else { return ForeignEntry(path: entry) }
                let listed = ReportSite.assetPaths(inMarker: marker)
                var folders = [(entry, assetsFolder)]
                while let (folder, relativeFolder) = folders.popLast() {
                    switch children(of: folder) {
                    case nil: continue
                    case .failure(let foreign): return foreign
                    case .success(let children):
                        for child in children {
                            let relative = relativeFolder + "/" + child.name
                            if child.type == S_IFDIR { folders.append((child.path, relative)); continue }
                            if child.type != S_IFREG || !listed.contains(relative) { return ForeignEntry(path: child.path) }
                        }
                    }
                }
            } else if name == pagesFolder {
                guard type == S_IFDIR else { return ForeignEntry(path: entry) }
                switch children(of: entry) {
                case nil: continue
                case .failure(let foreign): return foreign
                case .success(let pages):
                    for page in pages where !page.name.hasSuffix(".html") || page.type != S_IFREG
                        || listedPages.map({ !$0.contains(page.name) }) == true {
                        return ForeignEntry(path: page.path)
                    }
                }
            } else if !ReportSite.summaryFileNames.contains(name) || type != S_IFREG {
                return ForeignEntry(path: entry)
            }
        }
        return nil
    }

    /// Puts the staged directory in place; the previous report is moved aside first and removed
    /// after, so at every instant the target is either the old report or the new one.
    /// Returns the old report's path when it could be moved aside but not removed (a folder of
    /// it not writable), for the caller to say so; nil when it is gone.
    @discardableResult
    static func replace(_ target: URL, with staged: URL) throws(ReportError) -> String? {
        let fm = FileManager.default
        var info = stat()
        if lstat(target.path, &info) != 0 {
            guard rename(staged.path, target.path) == 0 else {
                throw ReportError("cannot move the report into \(target.path): \(String(cString: strerror(errno)))")
            }
            return nil
        }
        let old = target.deletingLastPathComponent().appendingPathComponent(".\(shortened(target.lastPathComponent)).pm-old-\(getpid())")
        try? fm.removeItem(at: old)
        guard rename(target.path, old.path) == 0 else {
            throw ReportError("cannot replace \(target.path): \(String(cString: strerror(errno)))")
        }
        guard rename(staged.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old.path, target.path)
            throw ReportError("cannot move the report into \(target.path): \(reason)")
        }
        do { try fm.removeItem(at: old) } catch { return old.path }
        return nil
    }

    /// `name` cut to at most 100 bytes of whole characters, for the names of the staging and old
    /// directories beside it, which add about 40 bytes: a name near the system's limit of 255
    /// bytes had made every report to it fail ("The file name is invalid").
    static func shortened(_ name: String) -> String {
        var bytes = 0
        return String(name.prefix { character in
            bytes += character.utf8.count
            return bytes <= 100
        })
    }

    /// A relative path without `..`, empty or absolute components.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
