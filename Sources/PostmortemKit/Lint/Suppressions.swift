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
        for (index, line) in text.lines.enumerated() where !fenced.contains(index + 1) {
            var searchFrom = 0
            while let start = ByteSearch.firstIndex(of: open, in: line, from: searchFrom) {
                let close = ByteSearch.firstIndex(of: Suppressions.close, in: line, from: start + 4)
                let end = close ?? line.count
                searchFrom = close.map { $0 + 3 } ?? line.count
                let body = String(decoding: line[(start + 4)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                guard body.hasPrefix("pm-lint") else { continue }
                let range = SourceRange(start: SourceLocation(line: index + 1, column: start + 1),
                                        end: SourceLocation(line: index + 1, column: searchFrom))
                var words = body.dropFirst("pm-lint".count)
                var reason: String? = nil
                if let dashes = words.range(of: "--") {
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
                    invalid.append(Violation("`pm-lint \(verb)` names no rule; name the rules it silences", at: range,
                                             suggestion: "for example `<!-- pm-lint \(verb) PM012 -- reason -->`"))
                    continue
                }
                if codes.isEmpty { continue }
                var target: Int? = nil
                switch kind {
                case .disableLine: target = index + 1
                case .disableNextLine:
                    var next = index + 1
                    while next < text.lines.count {
                        let l = String(decoding: text.lines[next], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                        if !l.isEmpty && !(l.hasPrefix("<!--") && l.contains("pm-lint")) { break }
                        next += 1
                    }
                    target = next + 1
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

    /// Removes suppressed findings; returns the rest and, per directive and code, whether it was used.
    public func apply(to findings: [Finding]) -> (kept: [Finding], used: Set<UsedKey>) {
        var used = Set<UsedKey>()
        // Regions: per code, the line spans between `disable` and the next `enable` (or the end).
        var regions: [(directive: Int, code: String, lines: ClosedRange<Int>)] = []
        for (i, d) in directives.enumerated() where d.kind == .disable {
            for code in d.codes {
                let enable = directives.first { $0.kind == .enable && $0.codes.contains(code) && $0.range.start.line > d.range.start.line }
                regions.append((i, code, d.range.start.line...(enable?.range.start.line ?? Int.max)))
            }
        }
        var kept: [Finding] = []
        for finding in findings {
            var suppressed = false
            for (i, d) in directives.enumerated() {
                guard d.codes.contains(finding.ruleID) else { continue }
                switch d.kind {
                case .disableFile:
                    suppressed = true; used.insert(UsedKey(directive: i, code: finding.ruleID))
                case .disableLine, .disableNextLine:
                    if let line = finding.range?.start.line, line == d.targetLine {
                        suppressed = true; used.insert(UsedKey(directive: i, code: finding.ruleID))
                    }
                default: break
                }
            }
            for region in regions where region.code == finding.ruleID {
                if let line = finding.range?.start.line, region.lines.contains(line) {
                    suppressed = true; used.insert(UsedKey(directive: region.directive, code: region.code))
                }
            }
            if !suppressed { kept.append(finding) }
        }
        return (kept, used)
    }

    /// A directive and one of its codes.
    public struct UsedKey: Hashable, Sendable {
        public var directive: Int
        public var code: String
    }
}

import Foundation
