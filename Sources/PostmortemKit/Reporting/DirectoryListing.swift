import Foundation

/// The names in a directory as the file system holds them, read with `readdir`.
///
/// Foundation's `contentsOfDirectory` gives a name that is not UTF-8 with U+FFFD in place of the
/// bytes it cannot decode, a name that then names no file: a check that looks each entry up
/// would take the entry for one that is already gone. The report writer decides from this
/// listing whether a directory may be replaced, so it sees such names for what they are.
struct DirectoryListing {
    /// The entries whose names are UTF-8, without `.` and `..`, in the order the system gave them.
    var names: [String] = []
    /// The entries whose names are not, each decoded with U+FFFD for what it cannot decode.
    var undecodable: [String] = []

    /// Why a directory or file could not be read.
    struct Failure: Error {
        var code: Int32
        var reason: String { String(cString: strerror(code)) }
    }

    /// What stops pm from replacing a directory that holds an entry named with other bytes than UTF-8.
    static let undecodableReason = "whose name is not UTF-8, so pm cannot tell whether it wrote it"

    /// Lists `path`; throws when it cannot be opened or read.
    init(_ path: String) throws(Failure) {
        guard let directory = opendir(path) else { throw Failure(code: errno) }
        defer { closedir(directory) }
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw Failure(code: errno) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            if let decoded = String(validating: name, as: UTF8.self) {
                names.append(decoded)
            } else {
                undecodable.append(String(decoding: name, as: UTF8.self))
            }
        }
    }

    /// The text of the small file at `path` (a report's marker), or why it cannot be read.
    static func readText(atPath path: String) -> Result<String, Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(Failure(code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(Failure(code: errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(Failure(code: EISDIR)) }
        // A marker lists pages and images: a few bytes each, far below this for any report.
        let size = min(Int(info.st_size), 256 << 20)
        var bytes = [UInt8](repeating: 0, count: size)
        let read = bytes.withUnsafeMutableBytes { FileDescriptorIO.readFully(descriptor, into: $0) }
        switch read {
        case .success(let count): return .success(String(decoding: bytes.prefix(count), as: UTF8.self))
        case .failure: return .failure(Failure(code: errno == 0 ? EIO : errno))
        }
    }
}
