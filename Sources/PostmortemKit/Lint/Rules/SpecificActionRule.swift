/// PM053: actions start with a verb and name a specific object.
public struct SpecificActionRule: LintRule {
    public static let description = RuleDescription(
        id: "PM053", alias: "specific-action", name: "Specific action",
        summary: "Each action starts with a verb and says what exactly will change; \"investigate\", \"improve monitoring\" and \"be more careful\" are not actions.",
        rationale: "A vague action cannot be finished, so it is never closed, and the condition it was meant to remove stays.",
        category: .actions, defaultSeverity: .warning,
        options: [RuleOption("vague_phrases", default: "[]", help: "Extra action texts to treat as vague (whole text, case-insensitive).")],
        triggeringExamples: [
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] ↓Improve monitoring (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)"]),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] ↓Investigate (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)"]),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] ↓Better validation of proxy configs (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)"]),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] ↓We should consider a canary stage for config pushes (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)"]),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] ↓Monitoring improvements for the proxy fleet (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)"]),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] ↓Make sure engineers are more careful with config pushes (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)"]),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] ↓Config pushes should go through a canary stage (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)"]),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] ↓Dashboards for the proxy fleet's upstream pools (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)"]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] Investigate why the pool validator accepts empty pools, and report findings in OPS-413 (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)"]),
            RuleExamples.document(sections: ["Follow-up actions": "- [ ] Ensure config pushes will fail when a pool is empty (owner: @dana.k, due: 2026-12-28, ticket: OPS-413)\n- [ ] Address the proxy's handling of empty pools in OPS-414 (owner: @dana.k, due: 2026-12-28, ticket: OPS-414)"]),
        ]
    )

    static let vague: Set<String> = [
        "investigate", "investigate further", "investigate the issue", "investigate root cause", "investigate the root cause",
        "look into it", "look into this", "improve monitoring", "improve alerting", "improve testing", "improve documentation",
        "improve observability", "improve the process", "improve process", "add monitoring", "add more monitoring",
        "add alerting", "add more alerts", "add tests", "add more tests", "more tests", "more testing", "better testing",
        "better monitoring", "be more careful", "communicate better", "fix the bug", "fix it", "fix the issue", "follow up",
        "review the process", "review process", "update documentation", "update docs", "update the docs", "monitor",
        "monitor closely", "double check", "be careful", "pay more attention", "train the team", "retrain staff",
        "look into", "look into the issue", "look into the root cause", "follow up with the team", "discuss at the next retro",
        "discuss in the next retro", "communicate better during incidents", "be more vigilant", "take more care",
    ]
    /// Phrases that make any action an appeal to care rather than a change to the system.
    static let appeals: [[String]] = [["more", "careful"], ["more", "carefully"], ["pay", "more", "attention"], ["be", "careful"],
                                      ["more", "vigilant"], ["be", "vigilant"], ["take", "more", "care"], ["to", "double-check"],
                                      ["pay", "attention"], ["pay", "closer", "attention"]]
    /// The last words of ``appeals``, one of which an action must hold before they are looked for.
    static let appealEnds: Set<String> = Set(appeals.compactMap(\.last))

    /// Whether the words hold one of ``appeals``, or start with "Double-check"; most actions
    /// have none of their last words.
    static func appealsToCare(_ words: [ProseWord]) -> Bool {
        if words.first?.text == "double-check" || words.count > 1 && words[0].text == "double" && words[1].text == "check" { return true }
        guard words.contains(where: { appealEnds.contains($0.text) }) else { return false }
        return appeals.contains { appeal in
            words.count >= appeal.count && (0...(words.count - appeal.count)).contains { start in
                appeal.indices.allSatisfy { words[start + $0].text == appeal[$0] }
            }
        }
    }
    /// First words that show the item is a noun phrase, not an action.
    static let notVerbs: Set<String> = [
        "the", "a", "an", "it", "this", "that", "there", "more", "better", "less", "new", "some", "our", "their", "all",
        "no", "any", "further", "additional", "improved", "proper",
    ]
    /// First words that make the item a wish or a suggestion rather than a commitment.
    static let wishes: Set<String> = ["we", "i", "they", "you", "someone", "team", "should", "need", "needs", "must",
                                      "maybe", "possibly", "perhaps", "consider", "could", "might", "try", "think"]
    /// First words of an action aimed at a person ("Retrain @dana.k on config pushes", "Tell Dana
    /// to run the validator"), when a handle or an author follows.
    static let correctingVerbs: Set<String> = ["retrain", "train", "tell", "coach", "remind", "warn", "instruct"]

    /// Modal verbs: an item with its subject before one ("DevEX will update…", "Alerting should
    /// page…") describes what ought to happen; it commits nobody to a change.
    static let modals: Set<String> = ["should", "will", "might", "could", "must", "would", "can", "may", "shall"]
    /// Verbs that take a clause, after which a modal belongs to the action ("Ensure builds will
    /// fail…", "Decide who will own…").
    static let clauseVerbs: Set<String> = [
        "ensure", "make", "check", "verify", "confirm", "decide", "document", "determine", "investigate", "find", "figure",
        "ask", "discuss", "clarify", "agree", "evaluate", "review", "test", "validate", "guarantee", "prove", "note",
        "explain", "describe", "record", "communicate", "write", "state", "assert", "alert", "warn", "tell", "show",
    ]

    /// True when the action's subject comes before a modal in its second or third word:
    /// "Workload segmentation might be an option", "DevEX will update the accounts".
    static func isStatement(_ words: [ProseWord]) -> Bool {
        guard words.count > 2, !clauseVerbs.contains(words[0].text) else { return false }
        // A modal as written: "Rotate May certificates" names a month.
        func isModal(_ k: Int) -> Bool { modals.contains(words[k].text) && words[k].original.first?.isLowercase == true }
        if isModal(1) { return true }
        return isModal(2) && !notVerbs.contains(words[1].text) && !wishes.contains(words[1].text) && !clauseStarts.contains(words[1].text)
    }

    /// Words that start a clause after a verb ("Document what will happen"), so a modal after
    /// them is the clause's.
    static let clauseStarts: Set<String> = ["who", "what", "whether", "if", "when", "which", "how", "where", "why", "it", "this"]
    /// First words of a hope that it will not happen again ("Make sure this doesn't happen again").
    static let hopeStarts: Set<String> = ["make", "ensure", "prevent", "avoid", "stop", "guarantee"]
    /// The verbs in "happen again".
    static let recurring: Set<String> = ["happen", "happens", "happening", "recur", "recurs", "recurring", "occur", "occurs",
                                         "occurring", "reoccur", "reoccurs", "reoccurring"]

    /// After one of ``hopeStarts``: the action only hopes the incident will not come back, with a
    /// word of ``recurring`` before "again" ("Prevent this from happening again") or ending the
    /// action ("Ensure this does not recur", docs/lint.md's own example, which had passed), or
    /// "recurrence" ("Prevent recurrence").
    static func hopesAgainstRecurrence(_ words: [ProseWord]) -> Bool {
        words.indices.dropFirst().contains { k in
            let word = words[k].text
            if word == "recurrence" || word == "reoccurrence" { return true }
            guard recurring.contains(word) else { return false }
            let rest = words[(k + 1)...].map(\.text)
            return rest.isEmpty || rest.first == "again" || rest == ["in", "future"] || rest == ["in", "the", "future"]
        }
    }

    /// True when the first word is a possessive ("sushibar's instance…") or a plural noun
    /// ("Dashboards for…", "Kubernetes upgrade"): an instruction starts with a verb's plain form,
    /// and the few verbs that end in `s` end in `ss`, `us`, `is`, `as` or `os` ("Address",
    /// "Focus", "Canvas").
    static func startsWithPluralOrPossessive(_ first: String) -> Bool {
        if first.hasSuffix("'s") { return true }
        let bytes = Array(first.utf8)
        guard bytes.count >= 4, bytes.last == UInt8(ascii: "s") else { return false }
        return !"suiao".utf8.contains(bytes[bytes.count - 2])
    }

    /// True when `word` is a handle or the name of one of `authors` (`dana.k` is Dana).
    static func isPerson(_ word: ProseWord, authors: [String]) -> Bool {
        word.text.hasPrefix("@") || ProseText.authorNames(authors).contains(word.text)
    }

    let vague: Set<String>
    /// The byte length of the longest vague phrase, or nil when one is not ASCII. An ASCII text
    /// longer than every phrase cannot be one, and its words need not be joined to look it up.
    /// (`String` equality is canonical equivalence, so a text with other characters may equal a
    /// phrase of another length.)
    let longestVague: Int?

    public init(options: RuleOptions) throws(ConfigurationError) {
        vague = Self.vague.union(try options.strings("vague_phrases", default: []).map { Self.normalise($0) })
        longestVague = vague.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? vague.map(\.utf8.count).max() ?? 0 : nil
    }

    /// Where the action's text starts: its first words as written, on the item's first line at
    /// or after the item's start (after `- [ ]`, in the row's cell). The first three words are
    /// looked for together first, so a table row's earlier cell that holds the first word
    /// ("| Alerting | Alerting on empty pools |") is passed over; then the first word alone; the
    /// item's start when neither is found there.
    ///
    /// The range runs on to the end of the text on that line (to the end of a table row's cell), so
    /// that an editor underlines the action, not one character of it; for a list item of several
    /// lines, to the item's end.
    static func textRange(of action: FollowUpAction, words: [ProseWord]? = nil, in text: ProseText) -> SourceRange {
        // Only the first three words are written out when the caller has not split them.
        let firstWords: [String]
        if let words {
            firstWords = words.prefix(3).map(\.original)
        } else {
            let line = ProseLine(Array(action.text.utf8))
            firstWords = line.words.indices.prefix(3).map(line.original)
        }
        let start = action.range.start
        let number = start.line
        guard let firstWord = firstWords.first, number >= 1, number <= text.lines.count else { return SourceRange(start: start, end: start) }
        let line = text.lines[number - 1]
        let from = max(0, start.column - 1)
        for needle in [firstWords.joined(separator: " "), firstWord] where !needle.isEmpty {
            if let found = wholeWords(Array(needle.utf8), in: line, from: from) {
                // An item of several lines runs to its end, so a comment on any of its lines
                // (`disable-line` at the end of the last) reaches the finding about it.
                // (cmark-gfm ends a list's last item on the blank line after it: the end is the
                // last line with text.)
                var last = min(action.range.end.line, text.lines.count)
                while last > number, text.lines[last - 1].allSatisfy({ $0 == ProseText.space || $0 == UInt8(ascii: "\t") || $0 == 13 }) { last -= 1 }
                if last > number {
                    var end = text.lines[last - 1].count
                    while end > 1, [ProseText.space, UInt8(ascii: "\t"), 13].contains(text.lines[last - 1][end - 1]) { end -= 1 }
                    return SourceRange(start: SourceLocation(line: number, column: found + 1), end: SourceLocation(line: last, column: end))
                }
                var end = textEnd(in: line, from: found)
                while end > found + needle.count, line[end - 1] == ProseText.space || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
                return SourceRange(start: SourceLocation(line: number, column: found + 1), end: SourceLocation(line: number, column: end))
            }
        }
        return SourceRange(start: start, end: start)
    }

    /// Where the action's text that starts at `from` ends on its line: at a table cell's border
    /// (a `|` not escaped and not in a code span, with or without a leading pipe), at a comment
    /// (`<!-- pm-lint … -->`) outside a code span, else at the line's end.
    static func textEnd(in line: [UInt8], from: Int) -> Int {
        var k = from
        var inCode = false
        while k < line.count {
            let b = line[k]
            if b == UInt8(ascii: "`") { inCode.toggle() }
            else if b == UInt8(ascii: "\\") { k += 2; continue }
            else if !inCode, b == UInt8(ascii: "|") { return k }
            else if !inCode, b == UInt8(ascii: "<"), line[k...].starts(with: "<!--".utf8) { return k }
            k += 1
        }
        return line.count
    }

    /// The first offset from `from` where `needle` stands in `line` as whole words ("Add" is not
    /// found in "Address").
    static func wholeWords(_ needle: [UInt8], in line: [UInt8], from: Int) -> Int? {
        var from = from
        while let found = ByteSearch.firstIndex(of: needle, in: line, from: from) {
            let end = found + needle.count
            if (found == 0 || !ProseText.isWordByte(line[found - 1])) && (end >= line.count || !ProseText.isWordByte(line[end])) {
                return found
            }
            from = found + 1
        }
        return nil
    }

    static func normalise(_ text: String) -> String {
        ProseWord.words(in: Array(text.utf8)).map(\.text).joined(separator: " ")
    }

    public func check(_ context: LintContext) -> [Violation] {
        context.postmortem.actions.compactMap { action in
            guard action.state != .notDoing else { return nil }
            let written = ProseWord.words(in: Array(action.text.utf8))
            let words = written.filter { !$0.text.hasPrefix("@") }
            // Worked out for a finding only.
            let at = { Self.textRange(of: action, words: written, in: context.text) }
            guard let first = words.first?.text else { return nil }
            let mayBeVague = longestVague.map { longest in
                !words.allSatisfy(\.isASCII) || words.reduce(-1) { $0 + $1.text.utf8.count + 1 } <= longest
            } ?? true
            if mayBeVague, vague.contains(words.map(\.text).joined(separator: " ")) {
                return Violation("action \"\(ActionMetadataRule.shorten(action.text))\" is too vague to be finished", at: at(),
                                 suggestion: "name the specific change and how you will know it is done: \"Alert when the upstream pool of any proxy is empty\"")
            }
            if Self.appealsToCare(words) {
                return Violation("action \"\(ActionMetadataRule.shorten(action.text))\" asks people to be careful instead of changing the system", at: at(),
                                 suggestion: "name a mechanism: a check, a guard rail, an alert, a required review")
            }
            // "Ensure this does not happen again": no change is named. ("Add an alert so this
            // cannot happen again" names one.)
            if Self.hopeStarts.contains(first), Self.hopesAgainstRecurrence(words) {
                return Violation("action \"\(ActionMetadataRule.shorten(action.text))\" hopes it will not happen again instead of saying what will change", at: at(),
                                 suggestion: "name the change that makes it less likely: \"Reject configs with an empty pool in CI\"")
            }
            if written.count > 1, Self.correctingVerbs.contains(written[0].text), Self.isPerson(written[1], authors: context.postmortem.authors) {
                return Violation("action \"\(ActionMetadataRule.shorten(action.text))\" corrects a person instead of changing the system", at: at(),
                                 suggestion: "change what made the mistake easy: a check, a default, a guard rail, a clearer tool")
            }
            if Self.wishes.contains(first) {
                return Violation("action \"\(ActionMetadataRule.shorten(action.text))\" is a wish or a suggestion, not an action", at: at(),
                                 suggestion: "decide, and write the action itself: \"Add …\", \"Replace …\"; or record it under \"won't do\" with a reason")
            }
            // With handles: "@dana.k will update the runbook" is a statement too.
            if Self.isStatement(written) {
                return Violation("action \"\(ActionMetadataRule.shorten(action.text))\" describes what should happen instead of saying what will be done", at: at(),
                                 suggestion: "start with the change itself: \"Update …\", \"Split …\"; an owner field says who")
            }
            // "Monitoring improvements", "Testing of failover", "Dashboards for the proxy": a noun
            // or gerund, not an instruction.
            if Self.notVerbs.contains(first) || first.hasSuffix("tion") || first.hasSuffix("ness") || first.hasSuffix("ments")
                || (first.hasSuffix("ing") && first.utf8.count >= 6 && words.count > 1) || Self.startsWithPluralOrPossessive(first) {
                return Violation("action \"\(ActionMetadataRule.shorten(action.text))\" does not start with a verb", at: at(),
                                 suggestion: "start with what will be done: \"Add …\", \"Reject …\", \"Alert when …\"")
            }
            return nil
        }
    }
}
