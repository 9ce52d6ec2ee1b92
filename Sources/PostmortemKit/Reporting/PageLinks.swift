import Foundation

/// Links between postmortems on the report's pages. A postmortem links to an earlier one by its
/// file (`[the June incident](2026-06-09-paylane-auth-latency.md)`, as PM060 checks), and on the
/// page that link named a `.md` file the report does not hold: it is pointed at that postmortem's
/// page instead. Links to the repository's other files (a runbook in `docs/`) point at them in the
/// repository's browser when pm.yml gives `report.source_url`, and stay as written without it.
public enum PageLinks {
    /// The normalised paths of the inputs of `corpus` that `record` links to (relative links to
    /// Markdown files, resolved from the record's path).
    public static func linkedInputs(of record: Postmortem, in corpus: CorpusIndex) -> [String] {
        record.links.compactMap { link in
            target(of: link.destination, from: record.path).map(RelativeLinkRule.normalise).flatMap {
                corpus.containsInput($0) ? $0 : nil
            }
        }
    }

    /// The page of each postmortem another one links to, by normalised path, for documents whose
    /// records hold their links (the report of documents in memory; the streaming report finds
    /// them as it reads).
    static func linkedPages(_ documents: [ReportedDocument], pageNames: PageNames) -> [String: String] {
        let targets = Set(documents.lazy.flatMap { document in
            document.postmortem.links.lazy.compactMap { target(of: $0.destination, from: document.postmortem.path) }
        }.map(RelativeLinkRule.normalise))
        guard !targets.isEmpty else { return [:] }
        var pages: [String: String] = [:]
        for index in documents.indices {
            let path = RelativeLinkRule.normalise(documents[index].postmortem.path)
            if targets.contains(path), pages[path] == nil { pages[path] = pageNames[index] }
        }
        return pages
    }

    /// `body` (cmark-gfm's HTML of the document at `path`) with each link to a postmortem of
    /// `pages` pointed at its page, beside this one in `incidents/`, and, given `sourceURL`, each
    /// other relative link inside pm.yml's directory (where the paths of `pm report`'s documents
    /// start) pointed at that file under `sourceURL`; a fragment stays as written.
    public static func rewrite(_ body: String, from path: String, pages: [String: String], sourceURL: String? = nil) -> String {
        // (A `///` link is written `/` even when nothing else is: the retest of stop 50.)
        guard !pages.isEmpty || sourceURL != nil || body.containsBytes(of: "href=\"///") else { return body }
        return rewritingValues(of: hrefStart, in: body) { href in
            // The fragment of the decoded link: the `#` of cmark-gfm's `&#x27;` (a file named
            // `it's.md`) is no fragment.
            if let target = target(of: href, from: path), let page = pages[RelativeLinkRule.normalise(target)] {
                return page + (href.firstIndex(of: "#").map { String(href[$0...]) } ?? "")
            }
            // `///x.md` names no host, and fails the Nu checker: written as `/x.md`, which is
            // what it means.
            let slashes = href.utf8.prefix { $0 == UInt8(ascii: "/") }.count
            let written = slashes >= 3 ? "/" + href.dropFirst(slashes) : nil
            guard let sourceURL, !PageAssets.hasScheme(href),
                  let target = target(of: href, from: path, suffixes: [""]).map(RelativeLinkRule.normalise),
                  !target.isEmpty, !target.hasPrefix("/"), !target.hasPrefix("../"), target != ".." else { return written }
            let rest = href.firstIndex { $0 == "#" || $0 == "?" }.map { String(href[$0...]) } ?? ""
            return sourceURL + (target.addingPercentEncoding(withAllowedCharacters: PageAssets.pathCharacters) ?? target) + rest
        }
    }

    /// The path a link or an image source of the document at `path` names
    /// (``RelativeLinkRule/target(of:from:suffixes:)``), where `/postmortems/x.md` is read from
    /// pm.yml's directory, as GitHub and GitLab read it from the repository's root, and so is
    /// `///x.md`, which names no host; `//host/x.md` is another site's. Links written so had stayed
    /// as written on the report's pages, broken (left open by stop 49).
    static func target(of href: String, from path: String, suffixes: [String] = [".md", ".markdown"]) -> String? {
        let slashes = href.utf8.prefix { $0 == UInt8(ascii: "/") }.count
        let rooted = slashes == 1 || slashes >= 3
        return RelativeLinkRule.target(of: rooted ? String(href.dropFirst(slashes)) : href, from: rooted ? "" : path, suffixes: suffixes)
    }

    /// `body` (cmark-gfm's HTML) with the value of each attribute that `start` opens (`<a
    /// href="`, `<img src="`) replaced by what `replacement` makes of it, escaped again; a value
    /// it returns nil for stays as written. cmark-gfm escapes `&` and `'` in a URL and
    /// percent-encodes the rest, which ``RelativeLinkRule/target(of:from:suffixes:)`` decodes;
    /// `replacement` gets the URL with the first two read back.
    static func rewritingValues(of start: [UInt8], in body: String, _ replacement: (String) -> String?) -> String {
        let bytes = Array(body.utf8)
        var result: [UInt8] = []
        var copied = 0
        var from = 0
        while let at = ByteSearch.firstIndex(of: start, in: bytes, from: from) {
            let valueStart = at + start.count
            guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            from = valueEnd
            guard let value = replacement(attributeValue(bytes[valueStart..<valueEnd])) else { continue }
            result += bytes[copied..<valueStart]
            result += Array(HTMLEscaping.attribute(value).utf8)
            copied = valueEnd
        }
        guard copied > 0 else { return body }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    /// An attribute's value as written in the page, read back: cmark-gfm writes `'` as `&#x27;`,
    /// pm's own attribute escaping (``HTMLEscaping/attribute(_:)``, the copies' sources) as
    /// `&#39;`, and both `&` as `&amp;`.
    static func attributeValue(_ written: ArraySlice<UInt8>) -> String {
        String(decoding: written, as: UTF8.self).replacingBytes(of: "&#x27;", with: "'").replacingBytes(of: "&#39;", with: "'")
            .replacingBytes(of: "&amp;", with: "&")
    }

    private static let hrefStart = Array("<a href=\"".utf8)
}
