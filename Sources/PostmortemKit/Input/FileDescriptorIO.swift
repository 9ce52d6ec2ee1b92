import Foundation

/// The loops pm uses to write a whole buffer to a file descriptor and to fill one from it.
public enum FileDescriptorIO {
    /// Writes all of `bytes` to `descriptor`, at `offset` (with `pwrite`) when one is given,
    /// retrying interrupted and short writes. Returns nil when everything was written, else the
    /// reason it stopped.
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int? = nil) -> String? {
        var written = 0
        while written < bytes.count {
            let pointer = bytes.baseAddress! + written
            let remaining = bytes.count - written
            let n = offset.map { pwrite(descriptor, pointer, remaining, off_t($0 + written)) } ?? write(descriptor, pointer, remaining)
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            if n == 0 { return "the device accepted no more bytes" }
            written += n
        }
        return nil
    }

    /// Reads from `descriptor` into `buffer` until it is full or the file ends, at `offset` (with
    /// `pread`) when one is given, retrying interrupted reads. Returns how many bytes were read,
    /// or the reason it stopped.
    public static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer,
                                 at offset: Int? = nil) -> Result<Int, ReadFailure> {
        var total = 0
        while total < buffer.count {
            let pointer = buffer.baseAddress! + total
            let remaining = buffer.count - total
            let n = offset.map { pread(descriptor, pointer, remaining, off_t($0 + total)) } ?? read(descriptor, pointer, remaining)
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(reason: String(cString: strerror(errno))))
            }
            if n == 0 { break }
            total += n
        }
        return .success(total)
    }

    /// Why a read stopped: the system's description of the error.
    public struct ReadFailure: Error {
        public var reason: String
    }
}
