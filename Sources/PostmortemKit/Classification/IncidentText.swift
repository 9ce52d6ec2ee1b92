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

    /// The document without its front matter (which holds `causes:`) and without HTML comments
    /// (template prompts).
    static func bodyLines(of source: String, frontMatter: SourceRange?) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if let range = frontMatter {
            let first = max(0, range.start.line - 1)
            let last = min(lines.count - 1, range.end.line - 1)
            if first <= last { for index in first...last { lines[index] = "" } }
        }
        var text = lines.joined(separator: "\n")
        while let open = text.range(of: "<!--") {
            let close = text.range(of: "-->", range: open.upperBound..<text.endIndex)
            text.replaceSubrange(open.lowerBound..<(close?.upperBound ?? text.endIndex), with: " ")
        }
        return text
    }
}
