/// Inline control comments that silence findings, and the findings about the comments themselves.
///
/// ```markdown
/// <!-- pm-lint disable-next-line PM012 -- quoting the customer's words -->
/// <!-- pm-lint disable-line blame-language -- … -->      (at the end of the line it silences)
/// <!-- pm-lint disable PM053 -- imported actions -->  …  <!-- pm-lint enable PM053 -->
/// <!-- pm-lint disable-file PM030 -- no SLO covers this service -->
/// ```
/// A reason after `--` is required for every `disable…`; a comment that silences nothing, or
/// names a rule pm does not know, is itself reported.
public struct Suppressions: Sendable {
    /// One control comment.
    public struct Directive: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case disableNextLine = "disable-next-line"
            case disableLine = "disable-line"
            case disable
            case enable
            case disableFile = "disable-file"
        }
        public var kind: Kind
        /// Rule ids and reading problem codes, canonical (`PM012`, `P011`).
        public var codes: [String]
        public var reason: String?
        /// Where the comment is.
        public var range: SourceRange
        /// The line a line directive applies to.
        public var targetLine: Int?
    }

    public var directives: [Directive]
    /// Comments that could not be understood: verb or rule unknown, no rules named.
    public var invalid: [Violation]

    /// Finds control comments in `text`, outside code blocks.
    public init(text: ProseText, tree: MarkdownNode, knownCodes: Set<String>) {
        // Every control comment holds these bytes; most documents have none, and then there is
        // no need to find their code blocks.
        guard text.lines.contains(where: { ByteSearch.firstIndex(of: Self.name, in: $0, from: 0) != nil }) else {
            directives = []
            invalid = []
            return
        }
        var fenced = Set<Int>()
        tree.walk { node in
            if node.tag == .codeBlock, let r = node.range, r.end.line >= r.start.line { fenced.formUnion(r.start.line...r.end.line) }
        }
        var directives: [Directive] = []
        var invalid: [Violation] = []
        let open = Array("<!--".utf8)
        // The index of the first line after each line that is neither blank nor a control comment
        // (the line a `disable-next-line` applies to), found once for each line: a run of
        // thousands of such comments had made each of them read all those after it.
        var nextContent = [Int?](repeating: nil, count: text.lines.count)
        func contentLine(after index: Int) -> Int {
            var walked: [Int] = []
            var next = index + 1
            var found = text.lines.count
            while next < text.lines.count {
                if let known = nextContent[next] { found = known; break }
                let l = String(decoding: text.lines[next], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                if !l.isEmpty && !(l.hasPrefix("<!--") && l.contains("pm-lint")) { found = next; break }
                walked.append(next)
                next += 1
            }
            // Every line walked past leads to the same one.
            for line in walked { nextContent[line] = found }
            return found
        }
        for (index, line) in text.lines.enumerated() where !fenced.contains(index + 1) {
            var searchFrom = 0
            while let start = ByteSearch.firstIndex(of: open, in: line, from: searchFrom) {
                let close = ByteSearch.firstIndex(of: Suppressions.close, in: line, from: start + 4)
                let end = close ?? line.count
                searchFrom = close.map { $0 + 3 } ?? line.count
                let body = String(decoding: line[(start + 4)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                guard body.hasPrefix("pm-lint") else {
                    // `PM-LINT disable-line …` had been ignored without a word.
                    if body.utf8.count >= 7, body.prefix(7).lowercased() == "pm-lint" {
                        invalid.append(Violation("`\(body.prefix(7))` is not read: control comments are written `pm-lint`, in lower case",
                            at: SourceRange(start: SourceLocation(line: index + 1, column: start + 1), end: SourceLocation(line: index + 1, column: searchFrom)),
                            suggestion: "write `<!-- pm-lint \(body.dropFirst(7).trimmingCharacters(in: .whitespaces)) -->`"))
                    }
                    continue
                }
                let range = SourceRange(start: SourceLocation(line: index + 1, column: start + 1),
                                        end: SourceLocation(line: index + 1, column: searchFrom))
                var words = body.dropFirst("pm-lint".count)
                var reason: String? = nil
                // `--`, or the em or en dash an editor or a paste makes of it, before the reason:
                // after `—`, each word of the reason had been a PM092 "not a rule".
                if let dashes = ["--", "\u{2014}", "\u{2013}"].compactMap({ words.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
                    let r = words[dashes.upperBound...].trimmingCharacters(in: .whitespaces)
                    reason = r.isEmpty ? nil : r
                    words = words[..<dashes.lowerBound]
                }
                let parts = words.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
                guard let verb = parts.first, let kind = Directive.Kind(rawValue: verb) else {
                    invalid.append(Violation("`pm-lint \(parts.first ?? "")` is not a control comment pm knows",
                        at: range, suggestion: "use disable-next-line, disable-line, disable, enable or disable-file"))
                    continue
                }
                var codes: [String] = []
                for name in parts.dropFirst() {
                    guard knownCodes.contains(name.lowercased()) else {
                        invalid.append(Violation("`\(name)` in a pm-lint comment is not a rule or problem code", at: range,
                                                 suggestion: "see `pm rules` for ids and aliases"))
                        continue
                    }
                    codes.append(Suppressions.canonical(name))
                }
                if parts.count == 1 {
                    invalid.append(Violation("`pm-lint \(verb)` names no rule; name the rules it \(kind == .enable ? "turns back on" : "silences")", at: range,
                                             suggestion: "for example `<!-- pm-lint \(verb) PM012 -- reason -->`"))
                    continue
                }
                if codes.isEmpty { continue }
                var target: Int? = nil
                switch kind {
                case .disableLine: target = index + 1
                case .disableNextLine: target = contentLine(after: index) + 1
                default: break
                }
                directives.append(Directive(kind: kind, codes: codes, reason: reason, range: range, targetLine: target))
            }
        }
        self.directives = directives
        self.invalid = invalid
    }

    static let close = Array("-->".utf8)
    static let name = Array("pm-lint".utf8)

    /// `blame-language` → `PM012`; `invalid-yaml` → `P011`; ids are uppercased.
    static func canonical(_ name: String) -> String {
        if let rule = RuleRegistry.rule(named: name) { return rule.description.id }
        if let code = ProblemCode.allCases.first(where: { $0.alias == name.lowercased() || $0.rawValue == name.uppercased() }) {
            return code.rawValue
        }
        return name.uppercased()
    }

    /// Removes suppressed findings; returns the rest and, per directive and code, whether it was used
    /// (an `enable` is used when it ends a `disable` of the code written before it).
    ///
    /// A directive is used for a code when a finding of that code falls where it applies: anywhere
    /// (`disable-file`), over its target line (a finding's range from its first line to its last:
    /// a phrase wrapped across lines is silenced by a comment on any of them), or in its region
    /// (from a `disable` to the next `enable` of the code, or the end: the finding's
    /// first line decides). Each finding is looked up by its code
    /// and line, and each directive checked once against its code's finding lines, so a document
    /// with thousands of comments is read in time proportional to them (20,000 comments had taken
    /// 18.6 s).
    public func apply(to findings: [Finding]) -> (kept: [Finding], used: Set<UsedKey>) {
        var used = Set<UsedKey>()
        guard !directives.isEmpty else { return (findings, used) }
        var fileWide = Set<String>()
        // Per code: each line directive's target line and index.
        var lineDirectives: [String: [(line: Int, directive: Int)]] = [:]
        // Per code: each region's first and last line and its directive.
        var regions: [String: [(first: Int, last: Int, directive: Int)]] = [:]
        var open: [String: [Int]] = [:]
        for (i, d) in directives.enumerated() {
            for code in d.codes {
                switch d.kind {
                case .disableFile: fileWide.insert(code)
                case .disableLine, .disableNextLine:
                    if let target = d.targetLine { lineDirectives[code, default: []].append((target, i)) }
                case .disable: open[code, default: []].append(i)
                case .enable:
                    // Directives are in the order written: this closes the disables before it, on
                    // earlier lines or earlier on its own (a pair on one line had left the
                    // `disable` open to the end of the file). An `enable` is used when it ends a
                    // `disable`: one that ends none is reported.
                    let line = d.range.start.line
                    for start in open[code] ?? [] {
                        regions[code, default: []].append((directives[start].range.start.line, line, start))
                    }
                    if open[code]?.isEmpty == false { used.insert(UsedKey(directive: i, code: code)) }
                    open[code] = []
                }
            }
        }
        for (code, starts) in open {
            for start in starts { regions[code, default: []].append((directives[start].range.start.line, Int.max, start)) }
        }
        // Per code: the target lines, sorted, and the regions' coverage.
        let targetLines = lineDirectives.mapValues { $0.map(\.line).sorted() }
        let regionCoverage = regions.mapValues { Coverage($0.map { ($0.first, $0.last) }) }
        var kept: [Finding] = []
        var linesByCode: [String: [Int]] = [:]
        // Per code with line directives: the lines findings cover, first and last.
        var spansByCode: [String: [(first: Int, last: Int)]] = [:]
        for finding in findings {
            let code = finding.ruleID
            var suppressed = fileWide.contains(code)
            if let range = finding.range {
                let line = range.start.line, last = max(line, range.end.line)
                linesByCode[code, default: []].append(line)
                if let targets = targetLines[code] {
                    spansByCode[code, default: []].append((line, last))
                    if Self.holdsLine(targets, from: line, through: last) { suppressed = true }
                }
                if regionCoverage[code]?.covers(line) == true { suppressed = true }
            }
            if !suppressed { kept.append(finding) }
        }
        // Which directives something fell under.
        let codesFound = Set(findings.map(\.ruleID))
        for (i, d) in directives.enumerated() where d.kind == .disableFile {
            for code in d.codes where codesFound.contains(code) { used.insert(UsedKey(directive: i, code: code)) }
        }
        // A line directive is used when a finding of its code covers its target line.
        for (code, targets) in lineDirectives {
            guard let spans = spansByCode[code] else { continue }
            let coverage = Coverage(spans)
            for target in targets where coverage.covers(target.line) { used.insert(UsedKey(directive: target.directive, code: code)) }
        }
        // A region is used when a finding of its code starts in it.
        for (code, list) in regions {
            guard let lines = linesByCode[code]?.sorted() else { continue }
            for region in list where Self.holdsLine(lines, from: region.first, through: region.last) {
                used.insert(UsedKey(directive: region.directive, code: code))
            }
        }
        return (kept, used)
    }

    /// Spans of lines, each from its first line to its last, asked whether any holds a line with
    /// one binary search: their first lines in order, with the furthest last line so far.
    private struct Coverage {
        private let firsts: [Int]
        private let furthest: [Int]

        init(_ spans: [(first: Int, last: Int)]) {
            let sorted = spans.sorted { $0.first < $1.first }
            firsts = sorted.map(\.first)
            var furthest: [Int] = []
            furthest.reserveCapacity(sorted.count)
            for span in sorted { furthest.append(max(furthest.last ?? Int.min, span.last)) }
            self.furthest = furthest
        }

        func covers(_ line: Int) -> Bool {
            let count = Suppressions.countAtOrBelow(line, in: firsts)
            return count > 0 && furthest[count - 1] >= line
        }
    }

    /// True when sorted `lines` hold a line from `first` through `last`.
    private static func holdsLine(_ lines: [Int], from first: Int, through last: Int) -> Bool {
        let before = countAtOrBelow(first - 1, in: lines)
        return before < lines.count && lines[before] <= last
    }

    /// The number of values in `sorted` at or below `value`.
    private static func countAtOrBelow(_ value: Int, in sorted: [Int]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A directive and one of its codes.
    public struct UsedKey: Hashable, Sendable {
        public var directive: Int
        public var code: String
    }
}

import Foundation
