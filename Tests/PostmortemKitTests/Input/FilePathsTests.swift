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

    /// A finding's other files, in its message too, are from the root as its own path is (left
    /// open by stop 50); a file outside the root, and stdin without a name, stay as given.
    @Test func findingInside() {
        let files = [RelatedLocation(path: "../docs/gone.md", label: "missing"), RelatedLocation(path: "../../elsewhere/a.md", line: 2, label: "first"),
                     RelatedLocation(path: "<stdin>", label: "stdin")]
        let finding = Finding(ruleID: "PM060", alias: "relative-link", severity: .error,
                              naming: "\(files[0]), \(files[1]) and \(files[2])", path: "./2026-a.md", range: nil)
        let shown = FilePaths.inside("/r", finding, base: "/r/incidents")
        #expect(shown.path == "incidents/2026-a.md")
        #expect(shown.related.map(\.path) == ["docs/gone.md", "../../elsewhere/a.md", "<stdin>"])
        #expect(shown.message == "docs/gone.md, ../../elsewhere/a.md and <stdin>")
        var stdin = finding
        stdin.path = "<stdin>"
        #expect(FilePaths.inside("/r", stdin, base: "/r/incidents").path == "<stdin>")
    }

    @Test func repositoryRoot() {
        let gits: Set<String> = ["/r/.git", "/.git"]
        #expect(FilePaths.repositoryRoot(above: "/r/incidents/2026", exists: gits.contains) == "/r")
        #expect(FilePaths.repositoryRoot(above: "/r", exists: gits.contains) == "/r")
        #expect(FilePaths.repositoryRoot(above: "/other/x", exists: gits.contains) == "/")
        #expect(FilePaths.repositoryRoot(above: "/other/x", exists: { _ in false }) == nil)
    }
}
