import Foundation

/// File system steps pm takes with system calls rather than Foundation, for the system's reason
/// when they fail.
public enum FileSystem {
    /// Makes `path` and its missing parents as `mkdir -p` does. Returns the first folder that
    /// could not be made and why ("Permission denied"), or nil. Foundation's `createDirectory`
    /// said "You don't have permission" and named neither the folder nor what was wrong with it.
    public static func makeDirectories(_ path: String) -> (path: String, reason: String)? {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            guard mkdir(prefix, 0o777) != 0 else { continue }
            guard errno == EEXIST else { return (prefix, String(cString: strerror(errno))) }
            // There already: a folder, or what leads to one (a link to nothing, a file, a loop
            // of links stops the path here).
            var info = stat()
            guard stat(prefix, &info) == 0 else { return (prefix, String(cString: strerror(errno))) }
            guard info.st_mode & S_IFMT == S_IFDIR else { return (prefix, String(cString: strerror(ENOTDIR))) }
        }
        return nil
    }
}
