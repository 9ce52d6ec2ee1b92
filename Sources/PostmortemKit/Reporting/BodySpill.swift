import Foundation

/// The page bodies of a report, kept on disk instead of in memory while the corpus is read.
///
/// Reading appends each document's body HTML to one file and keeps only where it is
/// (``Reference``); the pages are rendered after the whole corpus is read and read each body
/// back. The file lives in the report's staging directory (``ReportWriter/Stage/temporaryFile(named:)``),
/// so it is removed with it on an interrupt and before the report is renamed into place.
///
/// ``append(_:)`` is called from one thread at a time; ``body(_:)`` from any number at once.
public final class BodySpill: @unchecked Sendable {
    /// Where one body is in the file.
    public struct Reference: Sendable, Hashable {
        public var offset: Int
        public var length: Int
    }

    /// The file's path.
    public let path: String
    private let descriptor: Int32
    private var size = 0

    /// Opens (and truncates) the file at `path` for appending and reading.
    public init(path: String) throws(ReportError) {
        let fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ReportError("cannot write the report: cannot open \(path): \(String(cString: strerror(errno)))") }
        self.path = path
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Appends a body and returns where it is.
    public func append(_ body: String) throws(ReportError) -> Reference {
        var body = body
        let start = size
        let failure = body.withUTF8 { FileDescriptorIO.writeAll(descriptor, UnsafeRawBufferPointer($0), at: start) }
        if let failure { throw ReportError("cannot write the report: cannot write \(path): \(failure)") }
        let length = body.utf8.count
        size += length
        return Reference(offset: start, length: length)
    }

    /// The body at `reference`, exactly as it was appended.
    public func body(_ reference: Reference) throws(ReportError) -> String {
        guard reference.length > 0 else { return "" }
        var bytes = [UInt8](repeating: 0, count: reference.length)
        let failure: String? = switch bytes.withUnsafeMutableBytes({ FileDescriptorIO.readFully(descriptor, into: $0, at: reference.offset) }) {
        case .success(let count): count == reference.length ? nil : "the file is shorter than expected"
        case .failure(let failure): failure.reason
        }
        if let failure { throw ReportError("cannot write the report: cannot read \(path): \(failure)") }
        return String(decoding: bytes, as: UTF8.self)
    }
}
