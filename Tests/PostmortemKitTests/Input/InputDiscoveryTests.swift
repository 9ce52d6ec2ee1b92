import Foundation
import Testing
@testable import PostmortemKit

@Suite("Finding the inputs")
struct InputDiscoveryTests {
    @Test("a path is the directory and the name joined by one slash")
    func joinedPaths() {
        #expect(InputDiscovery.joined("postmortems", "a.md") == "postmortems/a.md")
        #expect(InputDiscovery.joined("postmortems/", "a.md") == "postmortems/a.md")
        #expect(InputDiscovery.joined("/", "a.md") == "/a.md")
        #expect(InputDiscovery.joined("dé", "é.md") == "dé/é.md")
    }

    @Test("a directory's Markdown files are listed under it, in name order, and its hidden entries are not")
    func walkedPaths() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pm-discovery-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/2026-07", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        for name in ["2026-07/b.md", "2026-07/a.markdown", "c.md", "notes.txt", ".git/x.md", ".hidden.md"] {
            #expect(FileManager.default.createFile(atPath: root + "/" + name, contents: Data("# x\n".utf8)))
        }
        for given in [root, root + "/"] {
            let found = InputDiscovery.expand([given]).map(\.path)
            #expect(found == [root + "/2026-07/a.markdown", root + "/2026-07/b.md", root + "/c.md"])
        }
    }
}
