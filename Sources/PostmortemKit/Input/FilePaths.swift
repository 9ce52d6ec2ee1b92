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
}
