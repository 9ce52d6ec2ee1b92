/// The text of an incident in the parts the classifier weighs differently.
///
/// What a team writes under "Contributing factors" or "Trigger" names the cause more directly than
/// the summary, and the summary more directly than the rest of the body, where the timeline and
/// the follow-ups mention every system that was touched.
struct IncidentText {
    /// A part of the text and the evidence source it counts as.
    struct Part {
        var source: String
        var weight: Double
        var text: NormalisedText
    }

    var parts: [Part]

    /// - Parameters:
    ///   - record: The postmortem.
    ///   - source: The whole document text, when available; without it the body is rebuilt from
    ///     the record's timeline, lessons and actions.
    ///   - hidingLabels: Drop factor labels (`**Config:**`) from all text, so an evaluation does not
    ///     read the answer the team wrote down.
    init(record: Postmortem, source: String?, hidingLabels: Bool) {
        func clean(_ text: String) -> String {
            guard hidingLabels else { return text }
            var result = text
            for factor in record.factors {
                guard let label = factor.label, !label.isEmpty else { continue }
                for written in ["**\(label):**", "**\(label)**:", "**\(label)**", "\(label):"] {
                    result = result.replacingOccurrences(of: written, with: " ")
                }
            }
            return result
        }
        func factorText(_ factors: [ContributingFactor]) -> String {
            factors.map { factor -> String in
                var text = factor.text
                if !hidingLabels, let label = factor.label { text = label + ": " + text }
                return clean(text)
            }.joined(separator: ".\n")
        }
        let summary = [record.title ?? "", record.summary ?? ""].joined(separator: ".\n")
        var body: String
        if let source {
            body = IncidentText.bodyLines(of: source, frontMatter: record.frontMatter.range)
        } else {
            var lines = record.timeline.map(\.text)
            let lessons = record.lessons
            lines += (lessons.wentWell + lessons.wentWrong + lessons.lucky + lessons.other).map(\.text)
            lines += record.actions.map(\.text)
            body = lines.joined(separator: ".\n")
        }
        body = clean(body)
        parts = [
            // The trigger is the most direct statement of what set the incident off.
            Part(source: "factors", weight: 2.5, text: NormalisedText(factorText(record.factors.filter(\.isTrigger)))),
            Part(source: "factors", weight: 2, text: NormalisedText(factorText(record.factors.filter { !$0.isTrigger }))),
            Part(source: "summary", weight: 1.5, text: NormalisedText(summary)),
            Part(source: "body", weight: 1, text: NormalisedText(body)),
        ]
    }

    /// The text of a record that has only a summary, `text`: the same one part with words that
    /// ``init(record:source:hidingLabels:)`` would give it, without building a record (PM041
    /// classifies every factor that has no category this way).
    init(summary text: String) {
        parts = [Part(source: "summary", weight: 1.5, text: NormalisedText(".\n" + text))]
    }

    /// The document without its front matter (which holds `causes:`) and without HTML comments
    /// (template prompts): the front matter's lines are emptied and each comment, from `<!--` to
    /// the next `-->` (or the end), becomes one space. Found on UTF-8 bytes, as cmark-gfm finds
    /// comments; the source has no "\r" (``DocumentReader`` normalises line endings), so its
    /// lines are its "\n"-separated byte runs.
    static func bodyLines(of source: String, frontMatter: SourceRange?) -> String {
        var bytes = Array(source.utf8)
        if let range = frontMatter {
            // The lines' bytes, 0-based and clamped as a split on "\n" would clamp them.
            var starts = [0]
            for (offset, byte) in bytes.enumerated() where byte == 10 { starts.append(offset + 1) }
            let first = max(0, range.start.line - 1), last = min(starts.count - 1, range.end.line - 1)
            if first <= last {
                // Up to the last line's "\n" (kept), or the end.
                let end = last + 1 < starts.count ? starts[last + 1] - 1 : bytes.count
                bytes.removeSubrange(starts[first]..<end)
                bytes.insert(contentsOf: Array(repeating: 10, count: last - first), at: starts[first])
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while let open = ByteSearch.firstIndex(of: commentOpen, in: bytes, from: index) {
            out += bytes[index..<open]
            out.append(UInt8(ascii: " "))
            index = ByteSearch.firstIndex(of: commentClose, in: bytes, from: open + commentOpen.count).map { $0 + commentClose.count } ?? bytes.count
        }
        out += bytes[index...]
        return String(decoding: out, as: UTF8.self)
    }

    static let commentOpen = Array("<!--".utf8)
    static let commentClose = Array("-->".utf8)
}
