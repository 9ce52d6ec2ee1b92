import Foundation
import Mustache

/// The Mustache templates of the report's pages: `index`, `postmortem`, and the partials they
/// include (`style`). A project re-brands the report by keeping its own copies in
/// `templates/report/` next to pm.yml; otherwise the copies built into pm are used.
public struct ReportTemplates: Sendable {
    /// The templates every report needs.
    public static let required = ["index", "postmortem"]

    let library: MustacheLibrary
    /// Where the templates came from, for messages: a directory, or "built-in".
    public let source: String
    /// What may not render as the team meant, though the templates are valid: a partial
    /// (`{{> name}}`) that no template of the folder is, which renders as nothing (a copy of the
    /// folder without `style.mustache` makes pages without their styles).
    public let warnings: [String]
    /// The templates whose long sections are rendered row by row (see ``StreamedTemplate``), by
    /// name, and the library that holds their cut versions and partials.
    let streamed: [String: StreamedTemplate]
    let streamingLibrary: MustacheLibrary

    /// The context keys of each template whose values are ``LazyRows``, the sections
    /// ``StreamedTemplate`` may cut.
    static let rowKeys: [String: Set<String>] = ["index": IndexPageModel.rowKeys]

    /// The line pm puts before every template: it selects ``ReportHTMLContentType``.
    static let pragma = "{{% CONTENT_TYPE: \(ReportHTMLContentType.name)}}\n"

    /// Reads every `*.mustache` file of a directory, named by file name without the extension.
    public init(directory: String) throws(ReportError) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
            throw ReportError("cannot read the template directory \(directory)")
        }
        var templates: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".mustache") && !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = fm.contents(atPath: path) else { throw ReportError("cannot read the template \(path)") }
            templates[String(name.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        try self.init(templates: templates, source: directory)
    }

    /// Templates given as text, keyed by name.
    ///
    /// Every template is rendered with ``ReportHTMLContentType``: pm puts the pragma that selects
    /// it on a line of its own before the template text (a standalone line, which Mustache drops
    /// from the output), so a template written without it escapes the same way.
    public init(templates: [String: String], source: String) throws(ReportError) {
        MustacheContentTypes.register(ReportHTMLContentType(), named: ReportHTMLContentType.name)
        var library = MustacheLibrary()
        let included = templates.mapValues(Self.includedNames)
        let edges = included.mapValues { $0.filter { templates[$0] != nil } }
        // A page is rendered per postmortem with these, and each part of a template costs a
        // partial's lookup at every rendering: they are parsed whole (see ``TemplateParts``).
        let perDocument = Self.reached(from: "postmortem", edges: edges)
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                if perDocument.contains(name) {
                    library.register(try MustacheTemplate(string: Self.pragma + text), named: name)
                } else {
                    try TemplateParts.register(text, prefix: Self.pragma, named: name, partsNamed: "\(name)/", in: &library)
                }
            } catch let error as MustacheTemplate.ParserError {
                throw ReportError("the template \(name).mustache in \(source) is not valid Mustache: \(Self.describe(error, in: text))")
            } catch {
                throw ReportError("the template \(name).mustache in \(source) is not valid Mustache: \(error)")
            }
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw ReportError("\(source) has no \(name).mustache template")
        }
        // swift-mustache renders a partial by rendering it in place, with no limit on depth: a
        // template that includes itself overflowed the stack (SIGSEGV).
        if let cycle = Self.partialCycle(edges: edges) {
            throw ReportError("the template \(cycle[0]).mustache in \(source) includes itself (\(cycle.joined(separator: " → "))); "
                              + "a partial cannot include the template it is part of")
        }
        self.library = library
        self.source = source
        warnings = included.sorted(by: { $0.key < $1.key }).flatMap { name, partials in
            Set(partials).subtracting(templates.keys).sorted().map { partial in
                "the template \(name).mustache in \(source) includes `\(partial)`, which is no template there (no \(partial).mustache): it renders as nothing"
            }
        }
        (streamed, streamingLibrary) = Self.streaming(templates, library: library)
    }

    /// A parse error as the user can act on it: the line and column in their file (without pm's
    /// pragma line) of the tag at fault, what is wrong in words, and that line. swift-mustache
    /// names its error cases (`unfinishedName`), points after a tag left open (at the next line's
    /// start), and at the end of the text for a section never closed.
    static func describe(_ error: MustacheTemplate.ParserError, in text: String) -> String {
        // "\r\n" is one Character, which is not "\n": a CRLF template had been one line.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        // Lines are counted in the user's file: one less than in the text with the pragma.
        var line = max(1, error.context.lineNumber - 1), column = error.context.columnNumber
        let plain = TemplateTags.keepsToDefaults(text)
        let what: String
        switch error.error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?:
            if plain, let (open, close) = sectionMismatch(text), let close {
                (line, column) = position(of: close.range.lowerBound, in: text)
                if let open {
                    what = "`{{/\(close.name)}}` closes the section `{{\(open.kind == .inverted ? "^" : "#")\(open.name)}}` of line \(position(of: open.range.lowerBound, in: text).line)"
                } else {
                    what = "`{{/\(close.name)}}` closes no section: none is open there"
                }
            } else {
                what = "a section is closed with another name than it was opened with"
            }
        case .unfinishedName?:
            what = "a tag is not closed with `}}`, or its name holds a character names cannot have"
            // The tag at fault: the last `{{` before where the parser stopped.
            if plain, let start = lastOpening(lines, before: line, column) { (line, column) = start }
        case .expectedSectionEnd?:
            if plain, case let (open?, nil)? = sectionMismatch(text) {
                (line, column) = position(of: open.range.lowerBound, in: text)
                what = "the section `{{\(open.kind == .inverted ? "^" : "#")\(open.name)}}` is never closed (no `{{/\(open.name)}}`)"
            } else {
                what = "a section is never closed"
            }
        case .invalidSetDelimiter?: what = "a set-delimiter tag is not written like `{{=<% %>=}}`"
        case .transformAppliedToInheritanceSection?: what = "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            what = "only blocks (`{{$name}}…{{/name}}`) may stand inside a partial's inheritance (`{{<name}}…{{/name}}`)"
        case .invalidConfigVariableSyntax?: what = "a pragma is not written like `{{% CONTENT_TYPE: HTML}}`"
        case .unrecognisedConfigVariable?: what = "a pragma names a setting swift-mustache does not have (it has CONTENT_TYPE)"
        case nil:
            // swift-mustache's parser ran out of text inside a tag (`{{=<% %>}}`, whose end it
            // looks for as `=}}`).
            what = "a tag is left open to the end of the file"
            if plain || text.containsBytes(of: "{{="), let start = lastOpening(lines, before: lines.count, Int.max) { (line, column) = start }
        }
        let shown = lines.indices.contains(line - 1) ? String(lines[line - 1]) : ""
        return "line \(line), column \(column): \(what), in `\(shown)`"
    }

    /// The first close that does not match: the section it closes (nil when none is open) and the
    /// closing tag; or, when every close matches, the innermost section never closed (and nil).
    static func sectionMismatch(_ text: String) -> (TemplateTags.Tag?, TemplateTags.Tag?)? {
        var open: [TemplateTags.Tag] = []
        for tag in TemplateTags.tags(in: Array(text.utf8)) {
            switch tag.kind {
            case .section, .inverted: open.append(tag)
            case .close:
                guard let last = open.popLast() else { return (nil, tag) }
                if last.name != tag.name { return (last, tag) }
            case .variable, .other: break
            }
        }
        return open.last.map { ($0, nil) }
    }

    /// The line and column (in Characters, from 1) of a byte offset of `text`.
    static func position(of offset: Int, in text: String) -> (line: Int, column: Int) {
        let before = text.utf8.prefix(offset)
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        return (line, Substring(before[lineStart...]).count + 1)
    }

    /// The line and column of the last `{{` before line `line`, column `column` (in Characters).
    static func lastOpening(_ lines: [Substring], before line: Int, _ column: Int) -> (line: Int, column: Int)? {
        for number in stride(from: min(line, lines.count), through: 1, by: -1) {
            var text = lines[number - 1]
            if number == line { text = text.prefix(max(0, column - 1)) }
            if let found = text.ranges(of: "{{").last {
                return (number, text.distance(from: text.startIndex, to: found.lowerBound) + 1)
            }
        }
        return nil
    }

    /// The names of the partials (`{{> name}}`) and parents (`{{< name}}`) a template includes,
    /// following set-delimiter tags (`{{=<% %>=}}`) as Mustache does. Dynamic names
    /// (`{{>*value}}`) come from the data and are not followed.
    static func includedNames(_ text: String) -> [String] {
        var open = Substring("{{"), close = Substring("}}")
        var rest = Substring(text)
        var names: [String] = []
        while let start = delimiter(open, in: rest) {
            rest = rest[start.upperBound...]
            // A triple mustache ends with one more brace than the closing delimiter.
            let triple = open == "{{" && rest.hasPrefix("{")
            guard let end = delimiter(triple ? "}" + close : close, in: rest) else { break }
            let tag = rest[..<end.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[end.upperBound...]
            if tag.hasPrefix("="), tag.hasSuffix("="), tag.count >= 3 {
                let delimiters = tag.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if delimiters.count == 2 { (open, close) = (delimiters[0], delimiters[1]) }
            } else if let first = tag.first, first == ">" || first == "<" {
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                if !name.isEmpty && !name.hasPrefix("*") { names.append(name) }
            }
        }
        return names
    }

    /// Where a delimiter first occurs in `text`. An ASCII delimiter (every built-in one) is looked
    /// for in the UTF-8 bytes: Foundation's `range(of:)` on the rest of the text cost about 200,000
    /// instructions a tag on the built-in templates (4% of a 300-document report). Any other goes
    /// through Foundation, which compares Characters with canonical equivalence as the Mustache
    /// parser does, so a set delimiter `é` also finds `e` with a combining accent.
    static func delimiter(_ needle: Substring, in text: Substring) -> Range<String.Index>? {
        needle.isASCIIBytes ? text.firstRange(ofBytes: needle) : text.range(of: needle)
    }

    /// A chain of templates that ends where it began (`["style", "style"]`), if the templates
    /// include one another in a circle, else nil. Only templates that exist are followed.
    static func partialCycle(_ templates: [String: String]) -> [String]? {
        partialCycle(edges: templates.mapValues { includedNames($0).filter { templates[$0] != nil } })
    }

    /// The chain of templates that ends where it began, in a map of which templates include which.
    static func partialCycle(edges: [String: [String]]) -> [String]? {
        var state: [String: Bool] = [:]  // false: on the current path; true: done
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if let done = state[name] {
                guard !done, let start = path.firstIndex(of: name) else { return nil }
                return Array(path[start...]) + [name]
            }
            state[name] = false
            path.append(name)
            for next in edges[name] ?? [] {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            state[name] = true
            return nil
        }
        for name in edges.keys.sorted() {
            if let cycle = visit(name) { return cycle }
        }
        return nil
    }

    /// `name` and the templates it includes, directly or through others.
    static func reached(from name: String, edges: [String: [String]]) -> Set<String> {
        var reached: Set<String> = [name]
        var next = [name]
        while let current = next.popLast() {
            for included in edges[current] ?? [] where reached.insert(included).inserted { next.append(included) }
        }
        return reached
    }

    /// The cut versions of the templates that have long sections, and a library that holds them
    /// in place of the originals, with their partials. A template that cannot be cut keeps its
    /// original in both.
    static func streaming(_ templates: [String: String], library: MustacheLibrary) -> ([String: StreamedTemplate], MustacheLibrary) {
        var streamed: [String: StreamedTemplate] = [:]
        var streamingLibrary = library
        for (name, keys) in rowKeys.sorted(by: { $0.key < $1.key }) {
            guard let text = templates[name], let cut = StreamedTemplate(text: text, name: name, rowKeys: keys, prefix: pragma) else { continue }
            var partials: [(String, MustacheTemplate)] = []
            for piece in cut.cuts {
                guard let marker = try? MustacheTemplate(string: piece.marker) else { break }
                partials.append((piece.partial, marker))
            }
            var withCut = streamingLibrary
            guard partials.count == cut.cuts.count,
                  (try? TemplateParts.register(cut.outer, prefix: pragma, named: name, partsNamed: "\(name)/streamed/", in: &withCut)) != nil
            else { continue }
            streamingLibrary = withCut
            for (partial, marker) in partials { streamingLibrary.register(marker, named: partial) }
            streamed[name] = cut
        }
        return (streamed, streamingLibrary)
    }

    /// The templates built into pm (a copy of the repository's `templates/report/`).
    public static func builtIn() throws(ReportError) -> ReportTemplates {
        guard let bundle = ResourceBundle.bundle else { throw ReportError(ResourceBundle.missing) }
        guard let url = bundle.url(forResource: "report", withExtension: nil, subdirectory: "Resources") else {
            throw ReportError("pm's built-in report templates are missing from its resource bundle")
        }
        var templates = try ReportTemplates(directory: url.path)
        templates = ReportTemplates(templates, source: "built-in")
        return templates
    }

    private init(_ templates: ReportTemplates, source: String) {
        library = templates.library
        warnings = templates.warnings
        streamed = templates.streamed
        streamingLibrary = templates.streamingLibrary
        self.source = source
    }

    /// The project's `templates/report/` when it exists, else the built-in templates.
    /// - Parameter configuration: pm.yml, whose directory and `templates` setting locate the folder.
    public static func forProject(_ configuration: Configuration) throws(ReportError) -> ReportTemplates {
        if configuration.rootDirectory != nil {
            let directory = (configuration.resolvedTemplatesDirectory as NSString).appendingPathComponent("report")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue {
                return try ReportTemplates(directory: directory)
            }
        }
        return try builtIn()
    }

    func render(_ context: [String: Any], with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Renders as ``render(_:with:)`` does and passes the text on in pieces, in order: a template
    /// with long sections (``StreamedTemplate``) never is one string in memory.
    func render<Failure: Error>(_ context: [String: Any], with name: String,
                                into emit: (String) throws(Failure) -> Void) throws(Failure) {
        if let cut = streamed[name], try cut.render(context, name: name, library: streamingLibrary, into: emit) { return }
        try emit(render(context, with: name))
    }
}

/// How report templates escape `{{value}}`: with ``HTMLEscaping/attribute(_:)``, which works on
/// code points.
///
/// swift-mustache's own HTML escaping (2.1.1) looks each `Character` up in a table, and a
/// character is a grapheme cluster: a quote or `<` followed by a combining mark (`"\u{301}`) is
/// one character that is not in the table, so it was written unescaped, and a value inside an
/// attribute could close it. Escaping code points also replaces the control characters HTML
/// forbids, and is several times faster on a report's thousands of values.
struct ReportHTMLContentType: MustacheContentType {
    static let name = "PM_HTML"

    func escapeText(_ text: String) -> String {
        HTMLEscaping.attribute(text)
    }
}
