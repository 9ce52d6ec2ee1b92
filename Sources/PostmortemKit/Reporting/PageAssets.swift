import Foundation

/// An image a postmortem shows from its repository, which the report holds a copy of.
public struct ReportAsset: Sendable, Hashable {
    /// The document that shows it, as pm read it.
    public var document: String
    /// The image's path, resolved from the document's directory (as the document's path is
    /// written: in `pm report`, relative to pm.yml's directory, or absolute).
    public var source: String
    /// Where the report holds it, relative to the output directory
    /// (`assets/postmortems/images/latency.png`).
    public var path: String
    /// The image's address as the page shows it (`src`, unescaped): the copy's, or for an image
    /// from outside pm.yml's directory the address as written. A page whose image was not copied
    /// says so there (``PageAssets/markingMissing(_:_:)``).
    public var src: String = ""
}

/// Images a postmortem shows from its repository (`![p99 latency](images/latency.png)`) go into
/// the report under `assets/`, and the page shows that copy: the page lives in `incidents/` of
/// the output directory, where the path as written led nowhere, and a report copied elsewhere
/// keeps its graphs. Links to other files stay as written (docs/report.md).
///
/// The input is cmark-gfm's safe HTML, which writes an image as `<img src="…" alt="…" />` with
/// `&` and `'` escaped in the URL and the rest percent-encoded.
enum PageAssets {
    /// The endings of files copied as images.
    static let imageSuffixes = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp"]

    /// `body` with each relative image source pointed at its copy under `assets/`, and the copies
    /// to make.
    static func rewrite(_ body: String, from documentPath: String) -> (html: String, assets: [ReportAsset]) {
        guard body.containsBytes(of: "<img src=\"") else { return (body, []) }
        var assets: [ReportAsset] = []
        let html = PageLinks.rewritingValues(of: imageStart, in: body) { source in
            guard !hasScheme(source) else { return nil }
            // `/images/x.png` is read from the repository's root on GitHub and GitLab; here from
            // pm.yml's directory, where documents' paths start. It had stayed as written, an image
            // broken on every page, without a note. `//host/x.png` is another site's; `///x.png`,
            // which names no host and which the Nu checker rejects in a link, is read as `/x.png`.
            guard let target = PageLinks.target(of: source, from: documentPath, suffixes: imageSuffixes).map(RelativeLinkRule.normalise)
            else { return nil }
            // Out of pm.yml's directory (where documents' paths start): no copy, and the page
            // keeps what was written; the writer says why.
            guard !target.hasPrefix("/"), !target.hasPrefix("../"), target != ".." else {
                assets.append(ReportAsset(document: documentPath, source: target, path: "", src: source))
                return nil
            }
            let path = "assets/" + target
            let src = "../" + (path.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? path)
            assets.append(ReportAsset(document: documentPath, source: target, path: path, src: src))
            return src
        }
        return (html, assets)
    }

    /// `html` (a page) with each image of `missing` that was not copied, by its `src`, written
    /// as a line of text in its place: "Image not in the report: postmortems/images/x.png (no
    /// such file)", after the image's alt text. A broken image whose alt text is empty had left
    /// a blank gap (the visual review of stop 48), though docs/report.md said the page shows it
    /// missing.
    static func markingMissing(_ html: String, _ missing: [(asset: ReportAsset, reason: String)]) -> String {
        guard !missing.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        var copied = 0
        var from = 0
        while let at = ByteSearch.firstIndex(of: imageStart, in: bytes, from: from) {
            let valueStart = at + imageStart.count
            guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")),
                  let tagEnd = bytes[valueEnd...].firstIndex(of: UInt8(ascii: ">")) else { break }
            from = tagEnd
            // Read back as the copies' sources were written (`&#39;`: a missing `it's.png` had
            // kept its broken image, the review of stop 48).
            let src = PageLinks.attributeValue(bytes[valueStart..<valueEnd])
            guard let entry = missing.first(where: { $0.asset.src == src }) else { continue }
            // cmark-gfm writes `alt="…"` right after `src`, escaped as text.
            var alt = ""
            let altStart = Array(" alt=\"".utf8)
            if bytes[(valueEnd + 1)...].starts(with: altStart), case let start = valueEnd + 1 + altStart.count,
               let end = bytes[start..<tagEnd].firstIndex(of: UInt8(ascii: "\"")), end > start {
                alt = String(decoding: bytes[start..<end], as: UTF8.self) + ": "
            }
            let note = "<span class=\"missing-image\">\(alt)image not in the report: "
                + HTMLEscaping.text("\(shownPath(entry.asset)) (\(pageReason(entry.reason)))") + "</span>"
            result += bytes[copied..<at]
            result += Array(note.utf8)
            copied = tagEnd + 1
        }
        guard copied > 0 else { return html }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    private static let imageStart = Array("<img src=\"".utf8)

    /// The image as its page names it: from pm.yml's directory, or for one outside it (whose
    /// resolved path may be absolute, `/home/ci/…`) as the document wrote it.
    static func shownPath(_ asset: ReportAsset) -> String {
        asset.path.isEmpty ? asset.src : asset.source
    }

    /// Why an image was not copied, as its page says it: without the absolute paths of the
    /// machine the report was made on, which stderr names ("it is outside /home/ci/repo", "/home/ci/
    /// repo/images/x.png is a symbolic link"): a published report had carried a CI runner's paths
    /// and differed with the checkout's place (the review of stop 48).
    static func pageReason(_ reason: String) -> String {
        if reason.hasPrefix("it is outside ") { return "it is outside the repository" }
        if reason.hasSuffix(" is a symbolic link") { return "a symbolic link" }
        return reason
    }

    /// The characters a path keeps unencoded in `src`: those of a URL path, less `?` and `#`.
    static let pathCharacters: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "?#")
        return set
    }()

    /// True for `data:…`, `https:…` and other URLs with a scheme (a letter, then letters, digits,
    /// `+`, `-` or `.`, then `:`), not for a file named `graph 10:00.png`.
    static func hasScheme(_ source: String) -> Bool {
        let bytes = Array(source.utf8)
        guard let first = bytes.first, first | 0x20 >= UInt8(ascii: "a"), first | 0x20 <= UInt8(ascii: "z") else { return false }
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            let letter = byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
            guard letter || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "+-.".utf8.contains(byte) else { return false }
        }
        return false
    }
}
