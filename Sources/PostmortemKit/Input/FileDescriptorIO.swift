import Foundation

/// The one loop pm uses to write a whole buffer to a file descriptor.
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
}
