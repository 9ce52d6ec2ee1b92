import Foundation
import Mustache

/// Renders a new postmortem from a template (`pm new`).
///
/// A template is a postmortem: YAML front matter with neutral values, then a Markdown body with
/// Mustache variables `{{title}}`, `{{date}}`, `{{severity}}`, `{{services}}` and `{{timezone}}`.
/// The front matter lines for `id`, `title`, `status`, `severity` and `services` are replaced in
/// place (comments and key order survive), and a `timezone` line is set when pm.yml's zone is not
/// UTC, so that times written without a zone are read in it; the body is rendered with Markdown
/// escaping, so a title such as `<script>` or `**x**` stays literal text.
public enum PostmortemScaffold {
    /// What the user asked for.
    public struct Request: Sendable {
        public var title: String
        public var severity: String
        public var services: [String]
        public var date: CalendarDate
        /// pm.yml's `timezone`: the zone the new postmortem's timeline states ("All times UTC.").
        public var timezone: String

        public init(title: String, severity: String, services: [String], date: CalendarDate, timezone: String = "UTC") {
            self.title = title
            self.severity = severity
            // `--service api --service api` names one service.
            self.services = CauseGrouping.unique(services)
            self.date = date
            self.timezone = timezone
        }

        /// True when the zone is UTC all year (`UTC`, `Z`, `GMT`, `+00:00`, `Etc/UTC`), in which a
        /// new postmortem needs no `timezone` line.
        var isUTC: Bool {
            guard let zone = ZoneResolver(timezone) else { return false }
            // 1 January and 1 July 2026: a zone with summer time is off zero at one of them.
            return zone.offset(at: 1_767_225_600) == 0 && zone.offset(at: 1_782_864_000) == 0
        }

        /// `2026-07-14-checkout-returned-502s`.
        public var id: String { "\(date)-\(PostmortemScaffold.slug(title))" }
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case templateWithoutFrontMatter
        case invalidTemplate(String)
        /// The draft's front matter would not read (an alias to an anchor on a replaced value, a
        /// key the template gives twice), at its line in the draft.
        case invalidFrontMatter(String, line: Int)

        public var description: String {
            switch self {
            case .templateWithoutFrontMatter: "the template has no YAML front matter (--- ... ---)"
            case .invalidTemplate(let message): "the template is not valid Mustache: \(message)"
            case .invalidFrontMatter(let message, let line):
                "the draft's front matter would not be valid YAML (line \(line): \(message)); nothing was written: give the template's id, title, status, severity and services plain values, each once"
            }
        }
    }

    /// The severity of a draft when none is asked for: the scale's third level, the first that
    /// gets the short template (SEV3 on the built-in scale), or its last when it has fewer.
    public static func defaultSeverity(scale: [String]) -> String {
        scale.isEmpty ? "SEV3" : scale[min(2, scale.count - 1)]
    }

    /// The default template name for a severity: the full template for the two most severe
    /// levels of the scale, the short one otherwise.
    public static func defaultTemplate(for severity: String, scale: [String]) -> String {
        let index = scale.firstIndex(of: severity) ?? scale.count
        return index < 2 ? "full" : "short"
    }

    public static func render(template: String, request: Request) throws(Failure) -> String {
        // Read as postmortems are: a byte order mark is skipped, CRLF and CR are line breaks.
        var text = template.hasPrefix("\u{FEFF}") ? String(template.dropFirst()) : template
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw .templateWithoutFrontMatter
        }
        let values: [(String, String)] = [
            ("id", yamlString(request.id)),
            ("title", yamlString(request.title)),
            ("status", "draft"),
            ("severity", yamlString(request.severity)),
            ("services", "[" + request.services.map(yamlString).joined(separator: ", ") + "]"),
        ] + (request.isUTC ? [] : [("timezone", yamlString(request.timezone))])
        var closeIndex = close
        for (key, value) in values {
            if let index = lines[1..<closeIndex].firstIndex(where: { $0.hasPrefix("\(key):") }) {
                lines[index] = "\(key): \(value)"
                // The old value's further lines (a block list, a block scalar, a flow list
                // broken over lines) go with it.
                let continuation = continuationLines(lines, after: index, before: closeIndex)
                lines.removeSubrange((index + 1)..<(index + 1 + continuation))
                closeIndex -= continuation
            } else {
                lines.insert("\(key): \(value)", at: closeIndex)
                closeIndex += 1
            }
        }
        let front = lines[0...closeIndex].joined(separator: "\n")
        // What pm fills in must leave the front matter readable: a template's `&anchor` on a
        // replaced value goes with it, and its `*alias` would no longer resolve.
        if case .failure(let failure) = YAMLReader.read(lines[1..<closeIndex].joined(separator: "\n"), firstLine: 2) {
            throw .invalidFrontMatter(failure.message, line: failure.location.line)
        }
        let body = lines[(closeIndex + 1)...].joined(separator: "\n")
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        let mustache: MustacheTemplate
        do {
            mustache = try MustacheTemplate(string: "{{% CONTENT_TYPE: MARKDOWN}}" + body)
        } catch {
            throw .invalidTemplate("\(error)")
        }
        let rendered = mustache.render([
            "title": request.title,
            "date": request.date.description,
            "severity": request.severity,
            "services": request.services.joined(separator: ", "),
            "timezone": request.isUTC ? "UTC" : request.timezone,
        ] as [String: String])
        return front + "\n" + rendered
    }

    /// How many lines after the key at `index` belong to its value: indented lines, `- ` items
    /// (a block list may start at the key's own indentation), and blank lines between them.
    static func continuationLines(_ lines: [String], after index: Int, before close: Int) -> Int {
        func continues(_ line: String) -> Bool {
            line.hasPrefix(" ") || line.hasPrefix("\t") || line == "-" || line.hasPrefix("- ")
        }
        var count = 0
        var next = index + 1
        while next < close {
            if lines[next].trimmingCharacters(in: .whitespaces).isEmpty {
                // Blank lines count only when the value goes on after them.
                var after = next
                while after < close && lines[after].trimmingCharacters(in: .whitespaces).isEmpty { after += 1 }
                guard after < close && continues(lines[after]) else { break }
                count += after - next
                next = after
            } else if continues(lines[next]) {
                count += 1
                next += 1
            } else {
                break
            }
        }
        return count
    }

    /// A YAML double-quoted scalar (JSON string syntax is valid YAML).
    static func yamlString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Lowercase ASCII words joined by `-`, at most 60 characters: other scripts are written in
    /// Latin letters first, and Latin letters in ASCII (ICU's Any-Latin and Latin-ASCII:
    /// `Сбой оплаты` is `sboj-oplaty`, `支付失败` is `zhi-fu-shi-bai`, `Øresund` is `oresund`,
    /// `Łódź` is `lodz`, `Þingvellir` is `thingvellir`, fullwidth `Ｆｕｌｌ` is `full`); accents
    /// left are folded. A title with no letter or digit left (emoji alone) is `incident`.
    public static func slug(_ title: String) -> String {
        let latin = title.utf8.allSatisfy { $0 < 0x80 } ? title
            : (title.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? title)
        let folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var out = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                if pendingDash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
            if out.count >= 60 { break }
        }
        out = String(out.prefix(60))
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "incident" : out
    }
}

/// Escapes text inserted into Markdown so it stays literal: backslash-escapes the punctuation
/// that has meaning inside a line (emphasis, code, links, HTML, tables, entities) and a leading
/// block marker, and flattens line breaks.
///
/// It looks at code points, not characters: a `[` or `<` followed by a combining mark is one
/// `Character`, and comparing characters would leave that bracket unescaped.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            if scalar == "\n" || scalar == "\r" {
                // CRLF is one line break, as it was one character.
                if !(scalar == "\n" && afterCarriageReturn) { out += " " }
            } else if "\\`*_[]<>|~&".unicodeScalars.contains(scalar) || (out.isEmpty && "#-+=>".unicodeScalars.contains(scalar)) {
                out += "\\" + String(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
