import Testing
@testable import PostmortemKit

/// The paths `pm lint` shows without arguments, and those `pm report` reads (stop 37).
struct FilePathsTests {
    @Test(arguments: [
        ("/r/postmortems", "/r", "postmortems"),
        ("/r/postmortems", "/r/postmortems", "."),
        ("/r/postmortems", "/r/postmortems/2026", ".."),
        ("/r/postmortems", "/r/docs", "../postmortems"),
        ("/elsewhere/postmortems", "/r/docs", "/elsewhere/postmortems"),   // only `/` in common
        ("postmortems", "/r", "postmortems"),                              // relative: as it is
    ])
    func relative(path: String, base: String, shown: String) {
        #expect(FilePaths.relative(path, from: base) == shown)
    }

    @Test func absolute() {
        #expect(FilePaths.absolute(".", in: "/r/postmortems") == "/r/postmortems")
        #expect(FilePaths.absolute("../postmortems/./a.md", in: "/r/postmortems") == "/r/postmortems/a.md")
        #expect(FilePaths.absolute("/x/../y.md", in: "/r") == "/y.md")
    }

    /// The integration audit of stop 50: annotations and SARIF of a run in a folder of the
    /// repository named paths GitHub looked for at the root.
    @Test(arguments: [
        ("/r", "./2026-a.md", "/r/incidents", "incidents/2026-a.md"),
        ("/r", "../docs/x.md", "/r/incidents", "docs/x.md"),
        ("/r", "/r/incidents/a.md", "/tmp", "incidents/a.md"),
        ("/r", "../../elsewhere/a.md", "/r/incidents", "../../elsewhere/a.md"),   // outside: as given
        ("/r/", "postmortems/a.md", "/r", "postmortems/a.md"),
        ("/", "a.md", "/x", "x/a.md"),
    ])
    func inside(root: String, path: String, base: String, shown: String) {
        #expect(FilePaths.inside(root, path, base: base) == shown)
    }

    @Test func repositoryRoot() {
        let gits: Set<String> = ["/r/.git", "/.git"]
        #expect(FilePaths.repositoryRoot(above: "/r/incidents/2026", exists: gits.contains) == "/r")
        #expect(FilePaths.repositoryRoot(above: "/r", exists: gits.contains) == "/r")
        #expect(FilePaths.repositoryRoot(above: "/other/x", exists: gits.contains) == "/")
        #expect(FilePaths.repositoryRoot(above: "/other/x", exists: { _ in false }) == nil)
    }
}
