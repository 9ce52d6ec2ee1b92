/// PM010: the sections the document's severity calls for are present and not empty.
public struct RequiredSectionsRule: LintRule {
    public static let description = RuleDescription(
        id: "PM010", alias: "required-sections", name: "Required sections",
        summary: "The sections required for the document's severity are present and have content.",
        rationale: "A SEV1 without a timeline or lessons cannot be learned from; a SEV4 needs less, so the requirement follows the severity. A timeline with no entry whose time pm can read is a warning: the rules that compare times have nothing to compare.",
        category: .structure, defaultSeverity: .error,
        options: [RuleOption("required",
            default: "{SEV1: [summary, impact, timeline, factors, actions, went-well, went-wrong], SEV2: <same as SEV1>, SEV3: [summary, impact, timeline, factors, actions], default: [summary, impact, timeline, factors]}",
            help: "Section kinds required per severity; `default` applies to other severities and to documents without one. The defaults go by place on pm.yml's `severities`: SEV1 and SEV2 stand for its two most severe levels, SEV3 for the third. Kinds: \(SectionKind.allCases.map(\.rawValue).joined(separator: ", ")).")],
        triggeringExamples: [
            "↓" + RuleExamples.frontMatter() + RuleExamples.body().replacingBytes(of: "## What went well", with: "## Notes"),
            RuleExamples.frontMatter() + RuleExamples.body(["Impact": "<!-- numbers to come -->"]).replacingBytes(of: "## Impact", with: "↓## Impact"),
            RuleExamples.frontMatter() + RuleExamples.body(["Timeline": "In the afternoon the pool emptied; the proxy returned errors until the config was restored."])
                .replacingBytes(of: "## Timeline", with: "↓## Timeline"),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.frontMatter(["severity: SEV4"]) + RuleExamples.body().replacingBytes(of: "## What went well", with: "## Notes"),
        ]
    )

    /// The sections the two most severe levels need, then the third, then the others
    /// (SEV1–SEV2, SEV3 and the rest on the built-in scale).
    static let defaultsByPlace: [[String]] = [
        ["summary", "impact", "timeline", "factors", "actions", "went-well", "went-wrong"],
        ["summary", "impact", "timeline", "factors", "actions", "went-well", "went-wrong"],
        ["summary", "impact", "timeline", "factors", "actions"],
    ]
    static let defaultSections = ["summary", "impact", "timeline", "factors"]

    /// The default lists by severity: by place on pm.yml's scale (``RuleOptions/mostSevere(_:)``).
    static func defaults(_ options: RuleOptions) -> [String: [String]] {
        var lists = ["default": defaultSections]
        for (severity, sections) in zip(options.mostSevere(defaultsByPlace.count), defaultsByPlace) { lists[severity] = sections }
        return lists
    }

    static let titles: [SectionKind: String] = [
        .summary: "Summary", .impact: "Impact", .timeline: "Timeline", .factors: "Contributing factors",
        .actions: "Follow-up actions", .wentWell: "What went well", .wentWrong: "What went wrong",
        .lucky: "Where we got lucky", .lessons: "Lessons learned", .detection: "Detection", .response: "Response",
        .resolution: "Resolution", .trigger: "Trigger", .supportingInformation: "Supporting information",
    ]

    let required: [String: [SectionKind]]

    /// What the finding that names the missing sections says after the document's kind.
    static let missingPhrase = " needs the section"

    /// True for the finding that names the sections a document lacks, which `pm new` passes on
    /// for a draft its template leaves without them.
    public static func namesMissingSections(_ finding: Finding) -> Bool {
        finding.ruleID == description.id && finding.message.contains(missingPhrase)
    }

    public init(options: RuleOptions) throws(ConfigurationError) {
        // Keys in capitals (`default` as it is), as severities are compared: `sev2:` beside the
        // built-in `SEV2` had replaced it or not, by the order of a dictionary.
        func key(_ severity: String) -> String { severity.uppercased() == "DEFAULT" ? "default" : severity.uppercased() }
        var lists = Dictionary(Self.defaults(options).map { (key($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        var given = Set<String>()
        for entry in options.values["required"]?.entries ?? [] {
            guard given.insert(key(entry.key)).inserted else {
                throw ConfigurationError(path: options.path, location: entry.keyLocation,
                    message: "`lint.rules.PM010.required.\(entry.key)`: \(key(entry.key)) is given twice (severities are compared in any case)")
            }
            guard key(entry.key) != "default" else { continue }
            // A severity pm.yml does not list would never apply (`SEV-2` for `SEV2`).
            guard let severities = options.severities, !severities.contains(where: { $0.caseInsensitiveCompare(entry.key) == .orderedSame }) else { continue }
            let hint = closestMatch(entry.key.uppercased(), in: severities.map { $0.uppercased() }).map { "; did you mean `\($0)`?" } ?? ""
            throw ConfigurationError(path: options.path, location: entry.keyLocation,
                message: "`lint.rules.PM010.required.\(entry.key)`: `\(entry.key)` is not one of pm.yml's severities (\(severities.joined(separator: ", "))) or `default`\(hint)")
        }
        for (severity, value) in try options.stringLists("required", default: [:]) { lists[key(severity)] = value }
        var result: [String: [SectionKind]] = [:]
        for (severity, names) in lists {
            var kinds: [SectionKind] = []
            for name in names {
                guard let kind = SectionKind(rawValue: name) else {
                    throw ConfigurationError(path: options.path, location: options.values["required"]?.location,
                        message: "`lint.rules.PM010.required.\(severity)`: `\(name)` is not a section kind (\(SectionKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                kinds.append(kind)
            }
            result[severity] = kinds
        }
        required = result
    }

    public func check(_ context: LintContext) -> [Violation] {
        let record = context.postmortem
        let severity = record.severity?.uppercased()
        let kinds = severity.flatMap { required[$0] } ?? required["default"] ?? []
        let label = severity.map { "a \(context.configuration.severityName($0)) postmortem" } ?? "a postmortem without a severity"
        var result: [Violation] = []
        let firstHeading = record.sections.first?.range ?? SourceRange(line: 1)
        var missing: [String] = []
        for kind in kinds {
            let matching = record.sections.filter { $0.kind == kind || (kind == .factors && $0.kind == .trigger) }
            let title = Self.titles[kind] ?? kind.rawValue
            if matching.isEmpty {
                // Actions listed as tasks in another section ("Lessons learned and action items").
                if kind == .actions, !record.actions.isEmpty { continue }
                missing.append(title)
            } else if matching.allSatisfy(\.isEmpty) {
                let section = matching[0]
                result.append(Violation("the \"\(section.title)\" section is empty", at: SourceRange(start: section.range.start, end: section.range.start)))
            } else if kind == .timeline, !context.isTemplate, !record.timeline.contains(where: { $0.time != nil || !$0.timeText.isEmpty }) {
                // (Not in a template, whose `- HH:MM: <event>` is a value to fill in.)
                // (A time read without a date to put it on, with no `started`, is one: PM001 asks for that.)
                // A timeline of prose pm reads no time from ("In the morning, the pool emptied")
                // gives the rules that compare times nothing to compare, and said nothing.
                let section = matching[0]
                result.append(Violation("the \"\(section.title)\" section has no entry with a time pm can read",
                                        at: SourceRange(start: section.range.start, end: section.range.start),
                                        suggestion: "start each entry with its time: `- 14:02 UTC: …`, `At 14:02, …`, or a table with a Time column",
                                        severity: .warning))
            }
        }
        if !missing.isEmpty {
            let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            let at = record.frontMatter.range.map { SourceRange(start: $0.start, end: $0.start) } ?? SourceRange(start: firstHeading.start, end: firstHeading.start)
            // Sections under headings pm does not know ("## Diagnosis") may hold what is missing
            // under another name; the message had not said so (the adoption audit of stop 50).
            let unknown = record.sections.filter { $0.kind == nil && $0.level == 2 && !$0.title.isEmpty }.map(\.title)
            var suggestion = "add " + missing.map { "`## \($0)`" }.joined(separator: ", ")
            if !unknown.isEmpty {
                let shown = unknown.prefix(3).map { "\"\(ActionMetadataRule.shorten($0))\"" }.joined(separator: ", ") + (unknown.count > 3 ? ", …" : "")
                suggestion += ", or rename a heading pm does not read (\(shown)) to one it does: docs/format.md, \"Sections pm recognises\""
            }
            result.insert(Violation("\(label)\(Self.missingPhrase)\(missing.count == 1 ? "" : "s") \(list)", at: at, suggestion: suggestion), at: 0)
        }
        return result
    }
}
