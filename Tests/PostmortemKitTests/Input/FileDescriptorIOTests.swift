import Foundation
import Testing
@testable import PostmortemKit

@Suite struct FileDescriptorIOTests {
    @Test func writesEverythingAndAtAnOffset() throws {
        let path = NSTemporaryDirectory() + "pm-fdio-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(path) }
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        try #require(fd >= 0)
        defer { close(fd) }
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        #expect(big.withUnsafeBytes { FileDescriptorIO.writeAll(fd, $0) } == nil)
        #expect(Array("head".utf8).withUnsafeBytes { FileDescriptorIO.writeAll(fd, $0, at: 0) } == nil)
        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(data.count == 1 << 20)
        #expect(String(decoding: data.prefix(6), as: UTF8.self) == "headxx")
        // Reading back: at an offset, and a buffer larger than what is left stops at the end.
        var buffer = [UInt8](repeating: 0, count: 8)
        #expect(try buffer.withUnsafeMutableBytes { FileDescriptorIO.readFully(fd, into: $0, at: 2) }.get() == 8)
        #expect(String(decoding: buffer, as: UTF8.self) == "adxxxxxx")
        #expect(try buffer.withUnsafeMutableBytes { FileDescriptorIO.readFully(fd, into: $0, at: (1 << 20) - 3) }.get() == 3)
    }

    @Test func reportsAReadError() {
        var buffer = [UInt8](repeating: 0, count: 4)
        let result = buffer.withUnsafeMutableBytes { FileDescriptorIO.readFully(-1, into: $0) }
        #expect(throws: FileDescriptorIO.ReadFailure.self) { try result.get() }
    }

    @Test func reportsAFullDevice() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let reason = Array("draft".utf8).withUnsafeBytes { FileDescriptorIO.writeAll(fd, $0) }
        #expect(reason == String(cString: strerror(ENOSPC)))
    }
}
