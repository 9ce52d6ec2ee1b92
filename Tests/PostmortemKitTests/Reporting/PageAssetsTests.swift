import Foundation
import Testing
@testable import PostmortemKit

/// From the adoption pass of stop 46: `![p99 latency](images/latency.png)` was copied into the
/// page as written, and from `incidents/` of the output directory it led nowhere. The report
/// holds a copy of each image under `assets/`, and the page shows it.
@Suite struct PageAssetsTests {
    @Test func relativeImagesArePointedAtTheirCopies() {
        let html = MarkdownParser.renderHTML("""
            ![p99 latency](images/latency.png) ![same](./images/latency.png "title")
            ![spaces](<../shared/graphs/p 99.PNG>) ![web](https://example.com/a.png) ![data](data:image/png;base64,iVBOR)
            ![doc](other.md) ![root](/abs.png) ![frag](#x)
            """)
        let (page, assets) = PageAssets.rewrite(html, from: "postmortems/2026-07-14-a.md")
        #expect(assets.map(\.source) == ["postmortems/images/latency.png", "postmortems/images/latency.png", "shared/graphs/p 99.PNG"])
        #expect(assets.map(\.path) == ["assets/postmortems/images/latency.png", "assets/postmortems/images/latency.png", "assets/shared/graphs/p 99.PNG"])
        #expect(assets.allSatisfy { $0.document == "postmortems/2026-07-14-a.md" })
        #expect(page.contains("<img src=\"../assets/postmortems/images/latency.png\" alt=\"p99 latency\" />"), "\(page)")
        #expect(page.contains("<img src=\"../assets/shared/graphs/p%2099.PNG\" alt=\"spaces\" />"), "\(page)")
        #expect(page.contains("src=\"https://example.com/a.png\"") && page.contains("src=\"data:image/png;base64,iVBOR\""))
        #expect(page.contains("src=\"/abs.png\"") && page.contains("src=\"other.md\""))
        // Out of the current directory: `..` is `_up`, so the copy stays inside the report.
        #expect(PageAssets.rewrite(html, from: "../elsewhere/a.md").assets.first?.path == "assets/_up/elsewhere/images/latency.png")
        #expect(PageAssets.rewrite("<p>no images</p>", from: "a.md").html == "<p>no images</p>")
    }

    @Test func theStageCopiesImagesOnceFromTheRepositoryOnly() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("pm-assets-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let repository = root.appendingPathComponent("repo")
        try fm.createDirectory(at: repository.appendingPathComponent("postmortems/images"), withIntermediateDirectories: true)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF])
        try png.write(to: repository.appendingPathComponent("postmortems/images/latency.png"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try fm.createSymbolicLink(atPath: repository.appendingPathComponent("postmortems/images/link.png").path,
                                  withDestinationPath: root.appendingPathComponent("secret.txt").path)
        try fm.createDirectory(at: repository.appendingPathComponent("postmortems/images/dir.png"), withIntermediateDirectories: true)
        func asset(_ name: String) -> ReportAsset {
            let source = repository.appendingPathComponent("postmortems/images/\(name)").path
            return ReportAsset(document: "a.md", source: source, path: PageAssets.assetPath(for: source))
        }
        // A path as the report writes documents' paths, from pm.yml's directory (the second
        // retest: run from `postmortems/`, it had been looked for from the current directory).
        let relative = ReportAsset(document: "postmortems/a.md", source: "postmortems/images/relative.png",
                                   path: "assets/postmortems/images/relative.png")
        try png.write(to: repository.appendingPathComponent("postmortems/images/relative.png"))
        let newline = ReportAsset(document: "a.md", source: "postmortems/images/a\nb.png", path: "assets/postmortems/images/a\nb.png")
        let page = ReportFile(path: "incidents/a.html", contents: "a",
                              assets: [asset("latency.png"), asset("latency.png"), asset("link.png"), asset("gone.png"), asset("dir.png"), relative, newline])
        let out = root.appendingPathComponent("report")
        let stage = try ReportWriter.Stage(directory: out.path)
        stage.assetRoot = repository.path
        try stage.write(ReportFile(path: ReportSite.markerName, contents: ReportSite.marker(pageNames: ["a.html"])))
        try stage.write(page)
        #expect(stage.skippedAssets.map(\.reason) == ["it is outside \(repository.path)", "no such file", "not a regular file",
                                                       "its name holds a control character"])
        try stage.commit()
        let copied = out.appendingPathComponent(asset("latency.png").path)
        #expect(try Data(contentsOf: copied) == png)
        let marker = try String(contentsOf: out.appendingPathComponent(ReportSite.markerName), encoding: .utf8)
        #expect(ReportSite.assetPaths(inMarker: marker) == [asset("latency.png").path, relative.path])
        #expect(try Data(contentsOf: out.appendingPathComponent(relative.path)) == png)
        #expect(ReportSite.pageNames(inMarker: marker) == ["a.html"])
        // The next run replaces a report whose images the marker lists, and not one holding a
        // file a person put in `assets/`.
        #expect(ReportWriter.foreignEntry(in: out.path, contents: try fm.contentsOfDirectory(atPath: out.path)) == nil)
        try Data("mine".utf8).write(to: out.appendingPathComponent("assets/notes.txt"))
        #expect(ReportWriter.foreignEntry(in: out.path, contents: try fm.contentsOfDirectory(atPath: out.path))?.hasSuffix("assets/notes.txt") == true)
    }
}
