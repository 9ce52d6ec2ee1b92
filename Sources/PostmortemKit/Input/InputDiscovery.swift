import Foundation

/// One input found on disk: a Markdown file to read, or a path that could not be used.
public struct InputFile: Sendable, Hashable {
    public var path: String
    /// Set when the path cannot be read as a document (a directory named `x.md`, a symlink
    /// loop, no permission); the run reports it and goes on.
    public var problem: Problem? {
        get { boxed?.first?.problem }
        set { update { $0.problem = newValue } }
    }

    /// Other paths the inputs reached this file by (a symbolic link left behind at a renamed
    /// file's old name, a second hard link), which are not read again: the report points links to
    /// them at this file's page.
    public var aliases: [String] {
        get { boxed?.first?.aliases ?? [] }
        set { update { $0.aliases = newValue } }
    }

    /// What almost no input has: a problem, other paths.
    private struct Rare: Sendable, Hashable {
        var problem: Problem?
        var aliases: [String] = []
    }

    /// The rare parts behind one reference, nil when there are none: a run keeps an `InputFile`
    /// per document until it ends, and storing them inline would make every one of them about
    /// four times larger.
    private var boxed: [Rare]?

    private mutating func update(_ change: (inout Rare) -> Void) {
        var rare = boxed?.first ?? Rare()
        change(&rare)
        boxed = rare.problem == nil && rare.aliases.isEmpty ? nil : [rare]
    }

    public init(path: String, problem: Problem?) {
        self.path = path
        self.boxed = problem.map { [Rare(problem: $0)] }
    }
}

/// Expands command-line paths to Markdown files: files as given, directories recursively
/// (`.md` and `.markdown` files only, skipping hidden directories and `ignore` globs), in a
/// stable sorted order, following symbolic links once and never in a loop.
public enum InputDiscovery {
    /// The files `paths` name and hold. A file reached twice (`pm lint postmortems
    /// postmortems/x.md`, `./x.md` beside `x.md`, two links to one file) is read once: read twice,
    /// it was a duplicate of its own id (PM061). It is read under the first path that is not a
    /// symbolic link, or the first path when all are: a link `0-first.md` that sorts before its
    /// target had put the target's findings on the link, which a pull request does not change.
    public static func expand(_ paths: [String], ignore: [String] = [], relativeTo root: String? = nil) -> [InputFile] {
        var result: [InputFile] = []
        var visited = Set<FileIdentity>()
        var files = Files()
        let fm = FileManager.default
        let ignore = IgnoreRule(patterns: ignore, root: root, currentDirectory: fm.currentDirectoryPath)
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.append(InputFile(path: path, problem: Problem(.unreadable, missing(path))))
                continue
            }
            if isDirectory.boolValue {
                walk(path, ignore: ignore, visited: &visited, files: &files, into: &result)
            } else {
                files.add(path, at: result.count)
                result.append(InputFile(path: path, problem: nil))
            }
        }
        return files.kept(result)
    }

    /// `paths` without the files a walk of `directories` would not read: a file outside them, one
    /// `ignore` matches, one that is not Markdown, a README that indexes the postmortems, a file
    /// in a hidden folder. Directories in `paths`, and paths that name nothing, are kept (a
    /// directory is walked as usual; a missing file is reported). For `pm lint --force-exclude`,
    /// which pre-commit calls with every staged file its hook matches: a top-level README,
    /// CONTRIBUTING.md or an image under the postmortems directory had failed the commit.
    ///
    /// Nil when none of `directories` is a directory (pm.yml in a folder, not found from the
    /// repository's root where pre-commit runs): every file would be skipped, and a hook pass
    /// having linted nothing (the review and the retest of stop 50).
    public static func keepingWalked(_ paths: [String], directories: [String], ignore: [String] = [],
                                     relativeTo root: String? = nil) -> [String]? {
        let existing = directories.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        guard !existing.isEmpty else { return nil }
        let walked = Set(expand(existing, ignore: ignore, relativeTo: root).filter { $0.problem == nil }.compactMap { FileIdentity($0.path) })
        return paths.filter { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let identity = FileIdentity(path) else { return true }
            return walked.contains(identity)
        }
    }

    /// The files found so far by identity, in the order they were reached. Duplicates are sorted
    /// out once the walk is done: a table keyed by identity, kept for every file while walking,
    /// was the largest allocation of a run (8 MB at 50,000 files, counting its last doubling),
    /// where this list is a third of that, and a run reads thousands of files once each.
    struct Files {
        private var reached: [(identity: FileIdentity, place: Int)] = []

        /// Notes the file at `path`, about to be appended at `place`.
        mutating func add(_ path: String, at place: Int) {
            guard let identity = FileIdentity(path) else { return }
            reached.append((identity, place))
        }

        static func isLink(_ path: String) -> Bool {
            var status = stat()
            return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
        }

        /// `result` without the inputs read under another path. A file reached more than once is
        /// read under the first path that is not a symbolic link, or the first when all are; its
        /// other paths are its ``InputFile/aliases``, each once, in the order they were reached.
        mutating func kept(_ result: [InputFile]) -> [InputFile] {
            // Sorted (in place: a sorted copy was a second list at the peak) by identity and then
            // place, the places of one file are neighbours.
            reached.sort {
                ($0.identity.device, $0.identity.inode, $0.place) < ($1.identity.device, $1.identity.inode, $1.place)
            }
            var dropped = Set<Int>()
            var aliases: [Int: [String]] = [:]
            var start = reached.startIndex
            while start < reached.endIndex {
                var end = start + 1
                while end < reached.endIndex, reached[end].identity == reached[start].identity { end += 1 }
                if end - start > 1 {
                    // Only a file reached twice is asked whether its paths are links.
                    let places = reached[start..<end].map(\.place)
                    let keep = places.first { !Self.isLink(result[$0].path) } ?? places[0]
                    var others: [String] = []
                    for place in places where place != keep {
                        dropped.insert(place)
                        let path = result[place].path
                        if path != result[keep].path, !others.contains(path) { others.append(path) }
                    }
                    if !others.isEmpty { aliases[keep] = others }
                }
                start = end
            }
            guard !dropped.isEmpty else { return result }
            return result.indices.filter { !dropped.contains($0) }.map { place in
                var file = result[place]
                file.aliases = aliases[place] ?? []
                return file
            }
        }
    }

    /// Why a path that does not exist cannot be read. A name that is not valid UTF-8 reaches pm
    /// with U+FFFD in place of its bad bytes, and no file has that name.
    static func missing(_ path: String) -> String {
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil { return "broken or looping symbolic link" }
        // In a directory pm may not search, the file may well exist.
        var status = stat()
        if stat(path, &status) != 0, errno == EACCES { return "permission denied (a directory on its path cannot be searched)" }
        if path.unicodeScalars.contains("\u{FFFD}") {
            return "no such file or directory; if the file exists, its name is not valid UTF-8, which pm cannot open by name: rename it"
        }
        return "no such file or directory"
    }

    /// The entries of `directory` (`names`), each with whether it exists and is a folder, in the
    /// order of the paths the walk makes of them, which is the order `pm lint` reports files in
    /// (``pathPrecedes(_:_:)``): a folder `2026` after a file `2026-08-01-a.md`, because the
    /// folder's paths go on with `/`, which sorts after `-` and `.`. In name order the folder came
    /// first, so `pm budget` and `pm report` kept a repeated id for the folder's document while
    /// `pm lint` called that one the duplicate (the adoption audit of stop 50).
    static func entriesInPathOrder(_ names: [String], in directory: String) -> [(name: String, exists: Bool, isDirectory: Bool)] {
        let fm = FileManager.default
        var entries = names.filter { !$0.hasPrefix(".") }.map { name -> (name: String, exists: Bool, isDirectory: Bool, key: String) in
            var isDirectory: ObjCBool = false
            let exists = fm.fileExists(atPath: joined(directory, name), isDirectory: &isDirectory)
            return (name, exists, isDirectory.boolValue, isDirectory.boolValue ? name + "/" : name)
        }
        entries.sort { pathPrecedes($0.key, $1.key) }
        return entries.map { ($0.name, $0.exists, $0.isDirectory) }
    }

    /// The order of paths everywhere pm lists files: by their UTF-8 bytes, as git sorts them.
    /// `String`'s `<` compares canonically equivalent text as equal (`é` written as one scalar or
    /// as `e` and an accent), so it put names of mixed normalisation in no stable order, and
    /// appending `/` could change the answer (the review of stop 50).
    public static func pathPrecedes(_ a: String, _ b: String) -> Bool {
        // On the contiguous bytes with memcmp: the generic comparison of the two UTF-8 views cost
        // about 700 instructions a pair, and a walk of 50,000 files sorts a million pairs.
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let shared = min(x.count, y.count)
                if shared > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, shared)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
    }

    static func walk(_ directory: String, ignore: IgnoreRule, visited: inout Set<FileIdentity>, files: inout Files,
                     into result: inout [InputFile]) {
        let fm = FileManager.default
        // A directory is known by its device and inode, as files are: its path with links resolved
        // had been cut at about 1,024 bytes, so every directory deeper than that had the key of the
        // first, and was skipped as "already scanned" (found by the robustness pass of stop 47).
        if let identity = FileIdentity(directory), !visited.insert(identity).inserted {
            result.append(InputFile(path: directory, problem: Problem(.unreadable, "directory already scanned (given twice, or reached again through a symbolic link); skipped", severity: .info)))
            return
        }
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
            result.append(InputFile(path: directory, problem: Problem(.unreadable, "cannot read directory (permission denied?)")))
            return
        }
        // A README over other Markdown files (beside it, or in a folder below it) is the folder's
        // index ("Postmortems of the platform team: …"), not an incident: read as one, the real
        // corpus's README counted as an incident classified `software` (the classifier audit of
        // stop 49). One whose front matter has a postmortem's keys is a postmortem wherever it
        // is, and so is one alone in its folder (`2026-08-04-storefront/README.md`, with its
        // images) or beside other READMEs only. The folder is searched only when it has a README.
        var searched: Bool?
        for (name, exists, isFolder) in entriesInPathOrder(names, in: directory) {
            let path = joined(directory, name)
            let isDirectory = ObjCBool(isFolder)
            if ignore.ignores(path, isDirectory: isDirectory.boolValue) { continue }
            // (A folder named README.md is walked as any other.)
            if exists, !isDirectory.boolValue, isReadme(name), mayBeIndex(path) {
                if searched == nil {
                    // Not up through a link to a folder above (`inc/up -> ..`): the walk reads
                    // nothing there through it.
                    var seen = ancestors(of: directory)
                    searched = holdsOtherMarkdown(directory, topLevel: true, ignore: ignore, seen: &seen)
                }
                if searched == true { continue }
            }
            let isMarkdown = isMarkdownName(name)
            if !exists {
                if isMarkdown {
                    result.append(InputFile(path: path, problem: Problem(.unreadable, missing(path))))
                }
                continue
            }
            if isDirectory.boolValue {
                if isMarkdown {
                    result.append(InputFile(path: path, problem: Problem(.unreadable, "is a directory, not a Markdown file; scanned as a directory", severity: .info)))
                }
                walk(path, ignore: ignore, visited: &visited, files: &files, into: &result)
            } else if isMarkdown {
                files.add(path, at: result.count)
                result.append(InputFile(path: path, problem: nil))
            }
        }
    }

    /// True for a name ending in `.md` or `.markdown`, in any case.
    static func isMarkdownName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    /// True when `directory` holds a Markdown file other than a README (`topLevel`), or a folder
    /// that is not hidden holds any (a README too: an index over one folder per incident), as
    /// the walk finds them: through symbolic links, never in a loop, and leaving out the `ignore`
    /// globs. A folder that cannot be listed holds none that the walk will read.
    static func holdsOtherMarkdown(_ directory: String, topLevel: Bool, ignore: IgnoreRule,
                                   seen: inout Set<FileIdentity>) -> Bool {
        if let identity = FileIdentity(directory), !seen.insert(identity).inserted { return false }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return false }
        var folders: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = joined(directory, name)
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            let kind = status.st_mode & S_IFMT
            guard !ignore.ignores(path, isDirectory: kind == S_IFDIR) else { continue }
            if kind == S_IFDIR {
                folders.append(path)
            } else if kind == S_IFREG, isMarkdownName(name), !(topLevel && isReadme(name)) {
                // A regular file only: a FIFO or a broken link is no document the walk can read.
                return true
            }
        }
        return folders.contains { holdsOtherMarkdown($0, topLevel: false, ignore: ignore, seen: &seen) }
    }

    /// The identities of the folders above `directory`.
    static func ancestors(of directory: String) -> Set<FileIdentity> {
        var result = Set<FileIdentity>()
        let own = FileIdentity(directory)
        var path = directory + "/.."
        for _ in 0..<256 where FileIdentity(path) != own {
            guard let identity = FileIdentity(path), result.insert(identity).inserted else { break }
            path += "/.."
        }
        return result
    }

    /// The keys only a postmortem's front matter has: a site's index page starts with front
    /// matter too (Jekyll's or Docusaurus's `title:`, `id:`, `layout:`).
    static let postmortemKeys = ["started", "detected", "mitigated", "resolved", "severity", "services", "impact", "causes"]

    /// False when the file at `path` is a postmortem whatever is beside it: its front matter has
    /// one of ``postmortemKeys``. Also false for a file that is not a regular one or cannot be
    /// read (a FIFO named README.md would wait for a writer), which the reader then reports.
    static func mayBeIndex(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { return false }
        var text = String(decoding: buffer.prefix(count), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).makeIterator()
        guard let first = lines.next(), first.trimmingCharacters(in: .whitespaces) == "---" else { return true }
        while let line = lines.next() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" || trimmed == "..." { break }
            if namesPostmortemKey(line) { return false }
        }
        return true
    }

    /// True when a front matter line holds one of ``postmortemKeys`` as a key, however YAML lets
    /// it be written: bare at the line's start, quoted (`'started':`), before spaces (`severity :`)
    /// or in a flow mapping (`{severity: SEV2}`).
    static func namesPostmortemKey(_ line: Substring) -> Bool {
        let bytes = Array(line.utf8)
        for key in postmortemKeys {
            let keyBytes = Array(key.utf8)
            var from = 0
            while let at = ByteSearch.firstIndex(of: keyBytes, in: bytes, from: from) {
                from = at + 1
                var before = at - 1
                if before >= 0, bytes[before] == UInt8(ascii: "'") || bytes[before] == UInt8(ascii: "\"") { before -= 1 }
                while before >= 0, bytes[before] == UInt8(ascii: " ") || bytes[before] == UInt8(ascii: "\t") { before -= 1 }
                guard before < 0 || bytes[before] == UInt8(ascii: "{") || bytes[before] == UInt8(ascii: ",") else { continue }
                var after = at + keyBytes.count
                if after < bytes.count, bytes[after] == UInt8(ascii: "'") || bytes[after] == UInt8(ascii: "\"") { after += 1 }
                while after < bytes.count, bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t") { after += 1 }
                if after < bytes.count, bytes[after] == UInt8(ascii: ":") { return true }
            }
        }
        return false
    }

    /// True for `README.md` or `README.markdown`, in any case.
    static func isReadme(_ name: String) -> Bool {
        ["readme.md", "readme.markdown"].contains(name.lowercased())
    }

    /// A file's device and inode, the same however the file is reached.
    public struct FileIdentity: Hashable, Sendable {
        let device: UInt64
        let inode: UInt64

        /// The identity of the file `path` names (through symbolic links); nil when it has none.
        public init?(_ path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    /// `directory` and `name` joined by one slash, in a string allocated at its exact size.
    ///
    /// A report keeps every input's path for the whole run (it names the page and the rows). Made
    /// with `+`, a path of 62 bytes sat in a 152-byte allocation, the intermediate `directory/`
    /// having grown its buffer; made at its size it takes 104: 2.4 MB less at 50,000 documents.
    static func joined(_ directory: String, _ name: String) -> String {
        let slash = directory.hasSuffix("/") ? "" : "/"
        var path = String()
        path.reserveCapacity(directory.utf8.count + slash.utf8.count + name.utf8.count)
        path += directory
        path += slash
        path += name
        return path
    }

    /// pm.yml's `ignore` globs, matched as `.gitignore` anchors a pattern with a slash: against the
    /// path relative to pm.yml's directory (`root`; the current directory without one), however
    /// the path was typed, and against the file or directory name alone. The path as typed had
    /// been matched, so `pm lint .` in `postmortems/` read the drafts that `pm lint` skipped.
    struct IgnoreRule {
        /// A pattern as `.gitignore` reads it.
        struct Pattern: Equatable {
            var glob: String
            /// Matched against the path from pm.yml's directory only: a pattern with a slash
            /// before its end, or written from the top (`/drafts/`, `./drafts`).
            var anchored: Bool
            /// A pattern that ends in `/` names directories only (`drafts/`, `*.md/`).
            var directoryOnly: Bool
        }

        let patterns: [Pattern]
        /// `root` made absolute and normal.
        let base: String
        let currentDirectory: String

        init(patterns: [String], root: String?, currentDirectory: String) {
            self.patterns = patterns.map(Self.pattern)
            self.currentDirectory = currentDirectory
            base = RelativeLinkRule.normalise(root.map { $0.hasPrefix("/") ? $0 : currentDirectory + "/" + $0 } ?? currentDirectory)
        }

        /// `./postmortems/drafts/**` and `/postmortems/drafts/**` are `postmortems/drafts/**`, and
        /// `drafts/` is a directory `drafts` at any depth, as `.gitignore` reads them; written so,
        /// they had matched nothing. A leading `/` or `./` anchors the pattern at pm.yml's
        /// directory (`/drafts/` is `drafts` there only), and a trailing `/` matches directories
        /// only (`*.md/` had skipped every file).
        static func pattern(_ written: String) -> Pattern {
            var p = written[...]
            var fromTop = false
            while p.hasPrefix("./") || p.hasPrefix("/") {
                fromTop = true
                p = p.dropFirst(p.hasPrefix("/") ? 1 : 2)
            }
            var directoryOnly = false
            while p.count > 1, p.hasSuffix("/") {
                directoryOnly = true
                p = p.dropLast()
            }
            return Pattern(glob: String(p), anchored: fromTop || p.contains("/"), directoryOnly: directoryOnly)
        }

        func ignores(_ path: String, isDirectory: Bool = false) -> Bool {
            guard !patterns.isEmpty else { return false }
            let absolute = RelativeLinkRule.normalise(path.hasPrefix("/") ? path : currentDirectory + "/" + path)
            var relative = absolute
            if base == "/" {
                relative = String(absolute.dropFirst())
            } else if absolute.hasPrefix(base + "/") {
                relative = String(absolute.dropFirst(base.count + 1))
            }
            let name = (absolute as NSString).lastPathComponent
            return patterns.contains { pattern in
                guard isDirectory || !pattern.directoryOnly else { return false }
                return InputDiscovery.glob(pattern.glob, matches: relative) || !pattern.anchored && InputDiscovery.glob(pattern.glob, matches: name)
            }
        }
    }


    /// One step of a glob: a byte, `?`, `*` (within a segment) or `**` (across segments; a
    /// following `/` belongs to it, so `a/**/b` also matches `a/b`).
    private enum GlobToken: Equatable {
        case byte(UInt8), anyByte, segmentRun, anyRun
    }

    /// Matches by carrying the set of text positions the pattern so far can end at, one token at
    /// a time: time is the pattern's length times the text's, memory is the text's, and there is
    /// no recursion, so a pattern of 200,000 stars is an ordinary (if slow) match, not a stack
    /// overflow.
    public static func glob(_ pattern: String, matches text: String) -> Bool {
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
        let p = Array(pattern.utf8), t = Array(text.utf8)
        var tokens: [GlobToken] = []
        var i = 0
        while i < p.count {
            if p[i] == star {
                let doubleStar = i + 1 < p.count && p[i + 1] == star
                let token: GlobToken = doubleStar ? .anyRun : .segmentRun
                i += doubleStar ? (i + 2 < p.count && p[i + 2] == slash ? 3 : 2) : 1
                // Runs next to each other match what the wider one matches.
                if let last = tokens.last, last == .anyRun || last == .segmentRun {
                    if token == .anyRun { tokens[tokens.count - 1] = .anyRun }
                    continue
                }
                tokens.append(token)
            } else {
                tokens.append(p[i] == UInt8(ascii: "?") ? .anyByte : .byte(p[i]))
                i += 1
            }
        }
        // reachable[j]: the tokens so far can match t[..<j].
        var reachable = [Bool](repeating: false, count: t.count + 1)
        reachable[0] = true
        var next = reachable
        for token in tokens {
            switch token {
            case .byte(let byte):
                next[0] = false
                for j in 0..<t.count { next[j + 1] = reachable[j] && t[j] == byte }
            case .anyByte:
                next[0] = false
                for j in 0..<t.count { next[j + 1] = reachable[j] && t[j] != slash }
            case .segmentRun, .anyRun:
                var open = false
                for j in 0...t.count {
                    if reachable[j] { open = true }
                    next[j] = open
                    if j < t.count && token == .segmentRun && t[j] == slash { open = false }
                }
            }
            swap(&reachable, &next)
            if !reachable.contains(true) { return false }
        }
        return reachable[t.count]
    }
}
