import Foundation

/// PM060: relative links to other postmortems resolve.
public struct RelativeLinkRule: CorpusLintRule {
    public static let description = RuleDescription(
        id: "PM060", alias: "relative-link", name: "Links to other postmortems resolve",
        summary: "A relative link to another Markdown file points at a postmortem that exists.",
        rationale: "Links between related incidents are how repeat incidents are noticed; a renamed file silently breaks them.",
        category: .links, defaultSeverity: .error,
        triggeringExamples: [
            RuleExamples.document(sections: ["Summary": "This repeats ↓[the March incident](2026-03-04-checkout-502s.md#timeline)."]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(sections: ["Summary": "See [the runbook](https://wiki.example/runbooks/proxy) and [the timeline](#timeline)."]),
        ]
    )

    public init(options: RuleOptions) throws(ConfigurationError) {}

    public func check(_ record: Postmortem, in corpus: CorpusIndex, fileExists: (String) -> Bool) -> [Violation] {
        var result: [Violation] = []
        for link in record.links {
            guard let target = Self.target(of: link.destination, from: record.path) else { continue }
            if corpus.containsInput(target) || fileExists(target) { continue }
            // The file looked for is named as a file of its own (no line: it does not exist), so
            // that an output that writes paths from the repository's root names it from there too.
            let missing = RelatedLocation(path: Self.normalise(target), label: "the link's target, which does not exist")
            result.append(Violation(naming: "link to `\(link.destination)` does not resolve to a postmortem (looked for \(missing))",
                                    at: link.range, suggestion: "fix the file name, or link to the postmortem's current path"))
        }
        return result
    }

    /// The path a relative link to a Markdown file (a file ending in one of `suffixes`, in any
    /// case) points at, or nil for other links.
    static func target(of destination: String, from path: String, suffixes: [String] = [".md", ".markdown"]) -> String? {
        var d = destination
        let isASCII = d.isASCIIBytes
        if isASCII {
            // In ASCII text "#" and "?" are Characters of their own: the first of either byte ends
            // the path, as the two Character searches below do.
            var copy = d
            if let end = copy.withUTF8({ $0.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } }) {
                d = String(decoding: d.utf8.prefix(end), as: UTF8.self)
            }
        } else {
            if let hash = d.firstIndex(of: "#") { d = String(d[..<hash]) }
            if let query = d.firstIndex(of: "?") { d = String(d[..<query]) }
        }
        guard !d.isEmpty, !d.hasPrefix("/"), !(d.containsBytes(of: "://") && (isASCII || d.contains("://"))), !d.hasPrefix("mailto:") else {
            return nil
        }
        let lower = d.lowercased()
        guard suffixes.contains(where: { lower.hasSuffix($0) }) else { return nil }
        let decoded = decodingPercentEscapes(d)
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? decoded : directory + "/" + decoded
    }

    /// `text` with each `%` and two hex digits decoded, as a browser and GitHub read a link; a
    /// `%` without them stays as written (`cpu at 100%.png`, which cmark-gfm's HTML writes
    /// `cpu%20at%20100%.png`). Foundation's `removingPercentEncoding` gives nil for the whole text
    /// then, and the link had named no file. Text whose decoded bytes are not UTF-8 is kept.
    static func decodingPercentEscapes(_ text: String) -> String {
        guard text.containsBytes(of: "%") else { return text }
        if let decoded = text.removingPercentEncoding { return decoded }
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) {
                decoded.append(high << 4 | low)
                i += 3
            } else {
                decoded.append(bytes[i])
                i += 1
            }
        }
        return String(validating: decoded, as: UTF8.self) ?? text
    }

    /// `a/./b/../c.md` → `a/c.md`, without touching the file system.
    static func normalise(_ path: String) -> String {
        // Most paths are already normal; returning them shares their storage instead of
        // building a copy (a run keeps one per input).
        if isNormal(path) { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// True when ``normalise(_:)`` would return `path` unchanged because it has no empty, `.` or
    /// `..` component and no trailing `/` (a conservative test: false sends a path the slow way).
    static func isNormal(_ path: String) -> Bool {
        var copy = path
        return copy.withUTF8 { bytes in
            guard let first = bytes.first, bytes.last != UInt8(ascii: "/") else { return false }
            var start = first == UInt8(ascii: "/") ? 1 : 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "/") { end += 1 }
                let length = end - start
                if length == 0 { return false }
                if length <= 2 && bytes[start..<end].allSatisfy({ $0 == UInt8(ascii: ".") }) { return false }
                start = end + 1
            }
            return true
        }
    }
}
