import Foundation

/// The loops pm uses to write a whole buffer to a file descriptor and to fill one from it.
public enum FileDescriptorIO {
    /// Writes all of `bytes` to `descriptor`, at `offset` (with `pwrite`) when one is given,
    /// retrying interrupted and short writes. Returns nil when everything was written, else the
    /// reason it stopped.
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int? = nil) -> String? {
        let (done, failure) = transfer(bytes.count, descriptor: descriptor, waitFor: Int16(POLLOUT)) { total in
            let pointer = bytes.baseAddress! + total
            return offset.map { pwrite(descriptor, pointer, bytes.count - total, off_t($0 + total)) }
                ?? write(descriptor, pointer, bytes.count - total)
        }
        return failure ?? (done < bytes.count ? "the device accepted no more bytes" : nil)
    }

    /// Reads from `descriptor` into `buffer` until it is full or the file ends, at `offset` (with
    /// `pread`) when one is given, retrying interrupted reads. Returns how many bytes were read,
    /// or the reason it stopped.
    public static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer,
                                 at offset: Int? = nil) -> Result<Int, ReadFailure> {
        let (done, failure) = transfer(buffer.count, descriptor: descriptor, waitFor: Int16(POLLIN)) { total in
            let pointer = buffer.baseAddress! + total
            return offset.map { pread(descriptor, pointer, buffer.count - total, off_t($0 + total)) }
                ?? read(descriptor, pointer, buffer.count - total)
        }
        return failure.map { .failure(ReadFailure(reason: $0)) } ?? .success(done)
    }

    /// Why a read stopped: the system's description of the error.
    public struct ReadFailure: Error {
        public var reason: String
    }

    /// Calls `step` with the bytes done so far until `count` are done or it returns 0; retries
    /// EINTR, and waits with `poll` for `descriptor` to be ready (`waitFor`) when it is in
    /// non-blocking mode and not (a pipe to a slow reader a parent process made non-blocking had
    /// ended `pm lint`'s output with "Resource temporarily unavailable"). Returns the bytes done
    /// and the error that stopped it, if any.
    private static func transfer(_ count: Int, descriptor: Int32, waitFor events: Int16, _ step: (Int) -> Int) -> (done: Int, failure: String?) {
        var total = 0
        while total < count {
            let n = step(total)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    var ready = pollfd(fd: descriptor, events: events, revents: 0)
                    if poll(&ready, 1, -1) >= 0 || errno == EINTR { continue }
                }
                return (total, String(cString: strerror(errno)))
            }
            if n == 0 { break }
            total += n
        }
        return (total, nil)
    }
}
