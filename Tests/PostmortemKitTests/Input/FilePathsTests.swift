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
}
