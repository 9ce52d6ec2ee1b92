import Foundation

/// Runs the configured rules over documents and returns findings; never prints.
///
/// Build one per run (it validates the `lint:` section of pm.yml) and call ``lint(_:today:)``
/// from as many threads as you like.
public struct Linter: Sendable {
    public let configuration: Configuration
    public let lintConfiguration: LintConfiguration

    /// Reads the `lint:` section of pm.yml; throws naming the key and line of a bad setting.
    public init(configuration: Configuration) throws(ConfigurationError) {
        self.configuration = configuration
        self.lintConfiguration = try LintConfiguration(configuration: configuration)
        self.corpusRules = lintConfiguration.rules.compactMap { entry in
            entry.rule.corpusRule.map { ($0, entry.severity) }
        }
        self.ruleEntries = lintConfiguration.rules.map { entry in
            let description = type(of: entry.rule).description
            return RuleEntry(rule: entry.rule, severity: entry.severity, id: description.id, alias: description.alias,
                                defaultSeverity: description.defaultSeverity, skipsTemplates: description.skipsTemplates)
        }
        self.enabledIDs = Set(ruleEntries.map(\.id))
        let templates = URL(fileURLWithPath: configuration.resolvedTemplatesDirectory).standardizedFileURL.path
        templatesPrefix = templates.hasSuffix("/") ? templates : templates + "/"
        currentDirectory = FileManager.default.currentDirectoryPath
    }

    /// The working directory relative paths are resolved against, read once (not per document).
    let currentDirectory: String

    /// The absolute, standardised templates directory with a trailing `/`, worked out once.
    let templatesPrefix: String

    /// The enabled corpus-wide rules with their configured severity, found once.
    let corpusRules: [(rule: any CorpusLintRule, severity: Severity?)]

    /// An enabled rule with the parts of its description every finding needs, read once instead
    /// of copying the whole description (examples and all) for each rule of each document.
    struct RuleEntry: Sendable {
        var rule: any LintRule
        var severity: Severity?
        var id: String
        var alias: String
        var defaultSeverity: Severity
        var skipsTemplates: Bool
    }

    /// ``LintConfiguration/rules`` in their order, as ``RuleEntry``s.
    let ruleEntries: [RuleEntry]
    /// The ids of the enabled rules.
    let enabledIDs: Set<String>

    /// Single-document rules, including reading problems turned into findings and suppressions applied.
    public func lint(_ document: ReadDocument, today: CalendarDate) -> [Finding] {
        let path = document.postmortem.path
        let context = LintContext(document: document, configuration: configuration, today: today,
                                  isTemplate: isTemplate(path: path))
        var findings = document.postmortem.problems.filter { !lintConfiguration.disabledProblems.contains($0.code) }.map { problem in
            Finding(ruleID: problem.code.rawValue, alias: problem.code.alias, severity: problem.severity,
                    message: problem.message, path: path, range: problem.range)
        }
        // A file that could not be read as text has nothing for rules to judge; its reading
        // problem is the one finding.
        let unread = document.postmortem.problems.contains { [.unreadable, .binary, .empty].contains($0.code) }
        /// Findings that give way to another rule's (``Violation/yieldsTo``), by index in `findings`.
        var yielding: [(index: Int, to: String)] = []
        for entry in ruleEntries {
            if unread || (context.isTemplate && entry.skipsTemplates) { continue }
            for violation in entry.rule.check(context) {
                if let other = violation.yieldsTo, violation.range != nil { yielding.append((findings.count, other)) }
                findings.append(finding(violation, id: entry.id, alias: entry.alias, defaultSeverity: entry.defaultSeverity,
                                        entry.severity, path))
            }
        }
        // Which findings give way is decided on all of them, before comments silence any (a
        // comment that silences PM053's finding silences the place); they are dropped after, so
        // that a comment that silences the one given way is still used (no PM091).
        let yielded = yielding.isEmpty ? [] : Self.yielded(findings, yielding)
        let suppressions = Suppressions(text: context.text, tree: document.tree, knownCodes: lintConfiguration.knownCodes)
        let (kept, used) = suppressions.apply(to: findings)
        findings = yielded.isEmpty ? kept : Self.removing(yielded, from: kept)
        findings += metaFindings(suppressions, used: used, enabled: enabledIDs, path: path)
        return findings.sorted(by: Finding.reportingOrder)
    }

    /// The findings of `yielding` whose start lies in the range of a finding of the rule they
    /// yield to (``Violation/yieldsTo``).
    static func yielded(_ findings: [Finding], _ yielding: [(index: Int, to: String)]) -> [Finding] {
        yielding.compactMap { index, other in
            guard let start = findings[index].range?.start,
                  findings.contains(where: { $0.ruleID == other && $0.range.map { $0.start <= start && start <= $0.end } == true })
            else { return nil }
            return findings[index]
        }
    }

    /// `findings` without one of each of `removed` (equal findings are one place's one message).
    static func removing(_ removed: [Finding], from findings: [Finding]) -> [Finding] {
        var left = Dictionary(removed.map { ($0, 1) }, uniquingKeysWith: +)
        return findings.filter { finding in
            guard let count = left[finding], count > 0 else { return true }
            left[finding] = count - 1
            return false
        }
    }

    /// Corpus-wide rules (duplicate ids, relative links to other postmortems) over records only:
    /// a link resolves when it names another record's path.
    public func lintCorpus(_ records: [Postmortem]) -> [Finding] {
        lintCorpus(records, fileExists: { _ in false })
    }

    /// Corpus-wide rules; `fileExists` lets the command line also accept links to postmortems
    /// that exist on disk but were not among the inputs.
    public func lintCorpus(_ records: [Postmortem], fileExists: (String) -> Bool) -> [Finding] {
        var corpus = CorpusIndex(paths: records.map(\.path))
        var findings: [Finding] = []
        for record in records {
            findings += lintCorpus(record, in: corpus, fileExists: fileExists)
            corpus.remember(record)
        }
        return findings.sorted(by: Finding.reportingOrder)
    }

    /// Corpus-wide rules for one record, given every input's path and the records before it in
    /// `corpus`; the caller calls ``CorpusIndex/remember(_:)`` afterwards. The same findings as
    /// ``lintCorpus(_:fileExists:)`` gives for this record, one record at a time.
    public func lintCorpus(_ record: Postmortem, in corpus: CorpusIndex, fileExists: (String) -> Bool) -> [Finding] {
        guard record.isDocument else { return [] }
        var findings: [Finding] = []
        for (rule, severity) in corpusRules {
            let description = type(of: rule).description
            for violation in rule.check(record, in: corpus, fileExists: fileExists) {
                findings.append(finding(violation, description, severity, record.path))
            }
        }
        return findings
    }

    /// True when `path` is inside the configured templates directory: templates are skeletons, so
    /// rules that check that values are filled in (``RuleDescription/skipsTemplates``) skip them.
    public func isTemplate(path: String) -> Bool {
        // The absolute path worked out lexically, as `URL(fileURLWithPath:).standardizedFileURL`
        // did (building a URL per document cost 2% of a lint run), with `/..` at the root
        // staying at the root. A leading `~` is a directory named `~`, as for every file pm reads.
        let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        var normal = RelativeLinkRule.normalise(absolute)
        while normal.hasPrefix("/../") { normal.removeFirst(3) }
        return normal.hasPrefix(templatesPrefix)
    }

    func finding(_ violation: Violation, _ description: RuleDescription, _ severity: Severity?, _ path: String) -> Finding {
        finding(violation, id: description.id, alias: description.alias, defaultSeverity: description.defaultSeverity, severity, path)
    }

    func finding(_ violation: Violation, id: String, alias: String, defaultSeverity: Severity, _ severity: Severity?,
                 _ path: String) -> Finding {
        Finding(ruleID: id, alias: alias, severity: severity ?? violation.severity ?? defaultSeverity, path: path, violation: violation)
    }

    func metaFindings(_ suppressions: Suppressions, used: Set<Suppressions.UsedKey>, enabled: Set<String>, path: String) -> [Finding] {
        var result: [Finding] = []
        func add(_ type: any LintRule.Type, _ violation: Violation) {
            let description = type.description
            guard let configured = lintConfiguration.rules.first(where: { Swift.type(of: $0.rule).description.id == description.id }) else { return }
            result.append(finding(violation, description, configured.severity, path))
        }
        for violation in suppressions.invalid { add(InvalidSuppressionRule.self, violation) }
        for (i, directive) in suppressions.directives.enumerated() {
            if directive.kind == .enable {
                for code in directive.codes where !used.contains(Suppressions.UsedKey(directive: i, code: code)) {
                    add(UnusedSuppressionRule.self, Violation(
                        "`pm-lint enable \(code)` ends no `disable` of \(code) before it",
                        at: directive.range, suggestion: "remove \(code) from the comment, or check the `disable` it was meant to end"))
                }
                continue
            }
            if directive.reason == nil {
                add(SuppressionReasonRule.self, Violation(
                    "`pm-lint \(directive.kind.rawValue) \(directive.codes.joined(separator: " "))` gives no reason",
                    at: directive.range, suggestion: "add the reason after `--`: `-- quoting the vendor's status page`"))
            }
            for code in directive.codes where !used.contains(Suppressions.UsedKey(directive: i, code: code)) {
                // A rule switched off in pm.yml cannot fire, so silencing it is not a mistake here.
                if code.hasPrefix("PM") && !enabled.contains(code) { continue }
                // Corpus-wide findings are worked out across documents, after comments are read.
                if let rule = RuleRegistry.rule(named: code), rule.isCorpusRule {
                    add(UnusedSuppressionRule.self, Violation(
                        "`pm-lint \(directive.kind.rawValue)` cannot silence \(code): corpus-wide rules are not silenced by comments",
                        at: directive.range, suggestion: "remove \(code) from the comment; set its severity in pm.yml's `lint.rules` instead"))
                    continue
                }
                add(UnusedSuppressionRule.self, Violation(
                    "`pm-lint \(directive.kind.rawValue)` silences \(code), but \(code) reports nothing there",
                    at: directive.range, suggestion: "remove \(code) from the comment"))
            }
        }
        return result
    }
}
