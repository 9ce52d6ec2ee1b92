/// Path arithmetic on strings, without the file system: the CLI passes the working directory in.
public enum FilePaths {
    /// `path` made absolute from `directory` (itself absolute) and normalised (`a/./b/../c` →
    /// `a/c`); an absolute `path` is only normalised.
    public static func absolute(_ path: String, in directory: String) -> String {
        RelativeLinkRule.normalise(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// `path` relative to the directory `base` (both absolute), as git shows paths: `.` for the
    /// directory itself, `..` up to a common one. A relative `path`, or one with nothing but `/`
    /// in common with `base` (a `--config` elsewhere), is returned as it is. Run in
    /// `postmortems/`, `pm lint` had shown absolute paths.
    public static func relative(_ path: String, from base: String) -> String {
        guard path.hasPrefix("/"), base.hasPrefix("/") else { return path }
        let target = path.split(separator: "/"), here = base.split(separator: "/")
        var common = 0
        while common < target.count, common < here.count, target[common] == here[common] { common += 1 }
        guard common > 0 else { return path }
        let parts = Array(repeating: "..", count: here.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// `path` (relative to the directory `base`, or absolute) relative to `root` (absolute) when
    /// it lies inside it, as GitHub reads the paths of annotations and SARIF; otherwise as given.
    /// Run in a folder of the repository (`working-directory: incidents`), `pm lint` had given
    /// paths that GitHub looked for at the root, where no such file is (the integration audit of
    /// stop 50).
    public static func inside(_ root: String, _ path: String, base: String) -> String {
        let full = absolute(path, in: base)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard full.hasPrefix(prefix), full.count > prefix.count else { return path }
        return String(full.dropFirst(prefix.count))
    }

    /// `finding` as the `github` and `sarif` formats give it when pm runs in `base` (absolute):
    /// its path, and the paths of the other files it names (``Finding/related``, in its message
    /// too), relative to `root` (absolute) when they lie inside it, as GitHub reads them; a
    /// document read from stdin without a name stays `<stdin>`. PM061's "also used by …" and
    /// PM060's "looked for …" had named their files from `base`, which from the root GitHub reads
    /// paths from is no such file (left open by stop 50).
    public static func inside(_ root: String, _ finding: Finding, base: String) -> Finding {
        finding.writingPaths { $0 == "<stdin>" ? $0 : inside(root, $0, base: base) }
    }
}

extension FilePaths {
    /// The root of the git repository `directory` (absolute) is in: the nearest folder, from it
    /// up, that holds `.git` (a folder, or a file in a worktree or a submodule); nil outside one.
    public static func repositoryRoot(above directory: String, exists: (String) -> Bool) -> String? {
        var current = RelativeLinkRule.normalise(directory)
        while true {
            if exists((current == "/" ? "" : current) + "/.git") { return current }
            guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }
}
