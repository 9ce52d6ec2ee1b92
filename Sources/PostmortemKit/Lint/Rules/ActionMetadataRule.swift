/// PM051: open actions have an owner, a due date and a ticket.
public struct ActionMetadataRule: LintRule {
    public static let description = RuleDescription(
        id: "PM051", alias: "action-metadata", name: "Open actions are owned and tracked",
        summary: "Each open action has an owner, a due date and a ticket (or an explicit `ticket: none`).",
        rationale: "Actions without an owner and a date are the ones still open a year later; a ticket puts them in the queue the team actually works from.",
        category: .actions, defaultSeverity: .error,
        options: [RuleOption("require", default: "[owner, due, ticket]", help: "Which of owner, due and ticket an open action needs.")],
        triggeringExamples: [
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] ↓Reject proxy configs with empty upstream pools in CI (owner: @dana.k, ticket: OPS-412)"]),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] ↓Reject proxy configs with empty upstream pools in CI"]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] Reject proxy configs with empty upstream pools in CI (owner: @dana.k, due: 2026-12-28, ticket: none)\n- [x] Restore config 4811"]),
        ]
    )

    let require: Set<String>

    public init(options: RuleOptions) throws(ConfigurationError) {
        let list = try options.strings("require", default: ["owner", "due", "ticket"])
        for item in list where !["owner", "due", "ticket"].contains(item) {
            throw ConfigurationError(path: options.path, location: options.values["require"]?.location,
                                     message: "`lint.rules.PM051.require`: `\(item)` is not one of owner, due, ticket")
        }
        require = Set(list)
    }

    public func check(_ context: LintContext) -> [Violation] {
        context.postmortem.actions.compactMap { action in
            guard action.state == .open else { return nil }
            var missing: [String] = []
            if require.contains("owner"), action.owner == nil { missing.append("owner") }
            // A due date written but unreadable is already reported as P021.
            if require.contains("due"), action.due == nil, !writesKey("due", action, context) { missing.append("due date") }
            if require.contains("ticket"), action.ticket == nil { missing.append("ticket") }
            guard !missing.isEmpty else { return nil }
            let list = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " or " + missing.last!
            return Violation("open action \"\(Self.shorten(action.text))\" has no \(list)",
                             at: SpecificActionRule.textRange(of: action, in: context.text),
                             suggestion: "add (owner: @handle, due: YYYY-MM-DD, ticket: ABC-123), or `ticket: none` when there is deliberately no ticket")
        }
    }

    func writesKey(_ key: String, _ action: FollowUpAction, _ context: LintContext) -> Bool {
        let lines = action.range.start.line...max(action.range.start.line, action.range.end.line)
        let written = "\(key):"
        return lines.contains { n in
            guard n <= context.text.lines.count else { return false }
            // Foundation's `contains` only where the bytes hold the key: most lines do not.
            let lower = String(decoding: context.text.lines[n - 1], as: UTF8.self).lowercased()
            return lower.containsBytes(of: written) && lower.contains(written)
        }
    }

    static func shorten(_ text: String) -> String {
        // Without "\r", "\n" is a Character of its own, so the first line can be cut on the
        // bytes; in ASCII every byte is a Character, so it can be measured and cut on them too.
        // (Splitting and counting Characters cost more than the rest of the rule.)
        guard !text.utf8.contains(13) else {
            let one = text.split(separator: "\n").first.map(String.init) ?? text
            return one.count > 60 ? String(one.prefix(57)) + "…" : one
        }
        let one = text.utf8.split(separator: 10).first.map { String(Substring($0)) } ?? text
        guard one.isASCIIBytes else { return one.count > 60 ? String(one.prefix(57)) + "…" : one }
        return one.utf8.count > 60 ? String(Substring(one.utf8.prefix(57))) + "…" : one
    }
}
