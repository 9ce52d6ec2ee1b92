/// Follow-up actions from "Follow-up actions", "Action items", "Remediation" and their synonyms,
/// including groups under H3 headings, written as task lists, plain or ordered lists, or tables.
///
/// Metadata is read from `(key: value, …)` at the end of an item or `- key: value, …` after a
/// dash; `@handles` become owners, issue links and `ABC-123` ids tickets; `[x]`, `(done)` and a
/// fully struck-through item mean done; `won't do: reason` means not doing.
enum ActionExtractor {
    /// `started` is the incident's start date: a date after "by" on or before it is when
    /// something happened ("hosts installed by 2026-01-12"), not a deadline.
    static func actions(in outline: Outline, started: CalendarDate? = nil, problems: inout [Problem]) -> [FollowUpAction] {
        var result: [FollowUpAction] = []
        // The actions whose ticket is the id their text starts with (`AI-1: …`).
        var labelled: [Int] = []
        // The entries read here, which the lessons' tasks below are not read from again.
        var read = Set<Int>()
        for root in outline.indices(of: [.actions]) {
            for index in outline.subtree(root) {
                read.insert(index)
                let entry = outline.entries[index]
                let heading = index == root ? nil : entry.title
                // A label on a line of its own over a list or table (`**Done**`, `Long term:`)
                // groups its actions, as a heading does.
                var label: String? = nil
                // An owner's heading above this one (`### Owner: team-web` over `#### Done`) gives
                // the actions here that have no owner of their own its owner; the group is the
                // nearer heading.
                let ownerAbove = index == root ? nil : enclosingOwner(of: index, below: root, in: outline)
                let firstAction = result.count
                defer {
                    if let ownerAbove {
                        for k in firstAction..<result.count where result[k].owner == nil { result[k].owner = ownerAbove }
                    }
                }
                // Lessons under the actions (`### Lessons`, `### Key learnings`) are lessons; only
                // their tasks are actions.
                let lessons = entry.kind.map(SectionKind.lessonKinds.contains) == true && index != root
                for block in entry.blocks {
                    let group = label ?? heading
                    label = nil
                    switch block.kind {
                    case .list:
                        listActions(block, group: group, started: started, into: &result, labelled: &labelled, tasksOnly: lessons, problems: &problems)
                    case .table where lessons:
                        continue
                    case .table:
                        tableActions(block, group: group, started: started, into: &result, labelled: &labelled, problems: &problems)
                    // `Owner: team-payments` on a line of its own names the owner of the actions below,
                    // as it does in bold or as an item.
                    case .paragraph where isLabelOnly(block) || block.plainText.hasSuffix(":") && isShortLabel(block.plainText)
                        || !block.plainText.contains("\n") && ownerLabel(block.plainText) != nil:
                        var text = block.plainText.trimmingWhitespace()
                        if text.hasSuffix(":") { text.removeLast() }
                        label = text.trimmingWhitespace()
                    default:
                        continue
                    }
                }
            }
        }
        // Tasks in a lessons section ("Lessons learned and action items"): actions, not lessons;
        // not those of an actions section inside it, or of a lessons section inside one, read above.
        let readCount = result.count
        for root in outline.indices(of: SectionKind.lessonKinds) where !read.contains(root) {
            for index in outline.subtree(root) where !read.contains(index)
                && (outline.entries[index].kind.map(SectionKind.lessonKinds.contains) ?? true) {
                for block in outline.entries[index].blocks where block.tag == .list {
                    listActions(block, group: nil, started: started, into: &result, labelled: &labelled, tasksOnly: true, problems: &problems)
                }
            }
        }
        unticketLabels(&result, labelled: labelled)
        // In the order written, when the lessons added some (a stable sort: equal starts keep theirs).
        if result.count > readCount {
            result = result.enumerated().sorted { ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset) }.map(\.element)
        }
        return result
    }

    /// The owner the nearest heading above entry `index` that is an owner's label names
    /// (``ownerLabel(_:)``), up to the section `root`, itself not included.
    static func enclosingOwner(of index: Int, below root: Int, in outline: Outline) -> String? {
        var level = outline.entries[index].level
        var j = index - 1
        while j > root {
            let entry = outline.entries[j]
            if entry.level < level {
                if let owner = ownerLabel(entry.title) { return owner }
                level = entry.level
            }
            j -= 1
        }
        return nil
    }

    /// Actions numbered by the document (`AI-1: Add an alert`, `[FU-2] Cap the pool`) are not
    /// tracked by those numbers, though they look like Jira keys: a ticket read from the id at the
    /// start of an action's text (`labelled`: not one a `ticket:` or a column gave) is dropped (and another id later in its text read) when the ids
    /// at the start of the document's actions with that prefix count from 0 or 1 upwards, two or
    /// more of them, or when the only one is number 1 of a prefix teams use for action labels
    /// (``labelPrefixes``). `OPS-4211: Add an alert` and `OPS-1` alone stay tickets.
    static func unticketLabels(_ actions: inout [FollowUpAction], labelled: [Int]) {
        guard !labelled.isEmpty else { return }
        // Numbers are counted over every action that starts with an id of the prefix (`FU-1 …
        // (PAY-901)` counts, though its ticket came from elsewhere); only tickets read from the
        // label (`labelled`) are dropped.
        // (`labelled` holds the actions whose ticket is their label, as appended.)
        let ticketed = Set(labelled)
        var byPrefix: [String: [(index: Int, number: Int, end: String.Index)]] = [:]
        for (index, action) in actions.enumerated() {
            guard let label = leadingLabel(action.text) else { continue }
            byPrefix[label.prefix, default: []].append((index, label.number, label.end))
        }
        for (prefix, labels) in byPrefix where labels.contains(where: { ticketed.contains($0.index) }) {
            let numbers = labels.map(\.number)
            let counts = numbers[0] <= 1 && zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 } && numbers.last! <= 2 * numbers.count
            guard counts && numbers.count >= 2 || numbers == [1] && labelPrefixes.contains(prefix) else { continue }
            for label in labels where ticketed.contains(label.index) {
                let rest = String(actions[label.index].text[label.end...])
                actions[label.index].ticket = firstTicketID(in: rest) ?? trackedIssue(in: rest)
            }
        }
    }

    /// Prefixes of action labels: action item, follow-up, action required, remediation.
    static let labelPrefixes: Set<String> = ["AI", "FU", "FUP", "AR", "ACT", "ACTION", "ITEM", "TASK", "TODO", "REM"]

    /// The id an action's text starts with as its label (`AI-1:`, `AI-1.`, `AI-1 -`, `AI-1 –`,
    /// `[AI-1]`, `(AI-1)`), its prefix and number, and where the rest of the text starts.
    static func leadingLabel(_ text: String) -> (id: String, prefix: String, number: Int, end: String.Index)? {
        var rest = text[...]
        let bracket = rest.first == "[" || rest.first == "("
        if bracket { rest = rest.dropFirst() }
        let id = rest.prefix { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count >= 2, parts[0].allSatisfy(\.isLetter), (1...4).contains(parts[1].count),
              parts[1].allSatisfy(\.isNumber), let number = Int(parts[1]) else { return nil }
        var after = rest[id.endIndex...]
        if bracket {
            guard after.first == "]" || after.first == ")" else { return nil }
            after = after.dropFirst()
        } else if after.first == ":" || after.first == "." {
            after = after.dropFirst()
        } else {
            let spaced = after.drop { $0 == " " }
            guard spaced.startIndex > after.startIndex, let next = spaced.first else { return nil }
            if ["-", "–", "—"].contains(next) {
                after = spaced.dropFirst()
            } else {
                // `FU-4 Make the alert 24/7`: a space, then the text, which starts with a capital.
                guard next.isUppercase else { return nil }
                return (String(id), String(parts[0]), number, after.startIndex)
            }
        }
        guard after.first == " " else { return nil }
        return (String(id), String(parts[0]), number, after.startIndex)
    }

    // MARK: Lists

    /// `tasksOnly`: only task items (`- [ ] …`) are actions, as in a lessons section.
    static func listActions(_ list: MarkdownNode, group: String?, started: CalendarDate?, into result: inout [FollowUpAction],
                            labelled: inout [Int], tasksOnly: Bool = false, problems: inout [Problem]) {
        // The state a group's title names (`### Completed`), once for the list.
        let listState = groupState(group)
        for item in list.children {
            guard case .item(let task) = item.kind, !tasksOnly || task != nil else { continue }
            let paragraphs = item.children.filter { if case .paragraph = $0.kind { return true }; return false }
            let nestedLists = item.children.filter { if case .list = $0.kind { return true }; return false }
            let lead = paragraphs.first
            var text = (lead?.plainText ?? "").trimmingWhitespaceAndNewlines()
            // Lines of the item's first paragraph after the first that are all metadata
            // ("  Due: 2026-11-01" under the action): read as the parenthesis is. They had stayed
            // in the text, so an overdue action was never reported (PM052) while PM051 saw `due:`.
            // A line with a misspelled key is one of them when its value is what the key it
            // misspells holds (`  Deu: 2027-01-15`, `  Onwer: @dana.k`; see ``metadataLine(_:)``).
            // Other misspelled keys ("Stats: p99 went from 200 ms to 2 s") stay text.
            // Each pair keeps its line, where a problem with it is reported.
            var trailing: [(String, String)] = []
            var trailingRanges: [SourceRange?] = []
            if let lead, lead.range.map({ $0.end.line > $0.start.line }) ?? true, text.utf8.contains(UInt8(ascii: ":")) {
                var lines = lead.plainTextLinesWithRanges.map { (text: removingComments(String($0.text)).trimmingWhitespace(), range: $0.range) }
                // Read from the last line up, each line's pairs kept as a group and the groups
                // put back in order at the end (prepending each had made 40,000 lines quadratic).
                var groups: [[(String, String)]] = [], groupRanges: [SourceRange?] = []
                while lines.count > 1, let last = lines.last, let pairs = metadataLine(last.text) {
                    groups.append(pairs)
                    groupRanges.append(last.range)
                    lines.removeLast()
                }
                for (pairs, range) in zip(groups, groupRanges).reversed() {
                    trailing += pairs
                    trailingRanges += Array(repeating: range, count: pairs.count)
                }
                if !trailing.isEmpty { text = lines.map(\.text).joined(separator: " ").trimmingWhitespaceAndNewlines() }
            }
            // A later paragraph of the item that is nothing but such lines is the action's too:
            // metadata after a blank line, or after a comment on lines of its own, which ends the
            // paragraph before it (`  <!-- moved from⏎  @dana.k -->` above `  owner: @li.w`).
            // One of its values must read as its key's (``readsAsItsKey(_:)``): a paragraph of
            // its own is more often prose ("Owner: see the thread for who takes it.").
            // A line that starts with a comment (`  <!-- agreed in review --> due: 2027-01-20`)
            // is an HTML block to cmark-gfm, which ends at the comment's last line; the text after
            // the comment, which GitHub shows, is read as such a paragraph's.
            for block in item.children where block.index != lead?.index {
                let lines: [(pairs: [(String, String)]?, range: SourceRange?)]
                switch block.kind {
                case .paragraph:
                    lines = block.plainTextLinesWithRanges.map { (metadataLine(removingComments(String($0.text)).trimmingWhitespace()), $0.range) }
                case .htmlBlock where block.literalBytes.starts(with: Array("<!--".utf8)):
                    lines = textAfterComments(block).map { (metadataLine($0.text), $0.range) }
                default:
                    continue
                }
                guard !lines.isEmpty, lines.allSatisfy({ $0.pairs != nil }) else { continue }
                guard lines.contains(where: { $0.pairs?.contains(where: readsAsItsKey) == true }) else { continue }
                for line in lines {
                    trailing += line.pairs ?? []
                    trailingRanges += Array(repeating: line.range, count: line.pairs?.count ?? 0)
                }
            }
            // A nested list of nothing but metadata ("  - owner: @dana.k", "  - due: 2026-12-01")
            // is the action's, as lines of it under the item are. Lines of other keys among them
            // ("  - team: sre") are passed over, and misspelled ones reported (the retest of stop
            // 37: one `tikcet:` or `notes:` line had dropped the whole list, owner and due date too).
            // A key pm reads, or a misspelled one with its key's value (`  - deu: 2027-01-20`),
            // makes the list metadata. These lists are the action's; the others are sub-tasks.
            var metadataLists = Set<Int>()
            for (listIndex, nested) in nestedLists.enumerated() {
                let parsed = nested.children.map { child -> [(String, String)]? in
                    guard child.children.count == 1, let paragraph = child.children.first, case .paragraph = paragraph.kind,
                          case let line = removingComments(paragraph.plainText).trimmingWhitespaceAndNewlines(), !line.contains("\n") else { return nil }
                    if let known = pairs(Substring(line)) { return known }
                    guard let colon = line.firstIndex(of: ":"), case let key = line[..<colon].trimmingWhitespace(),
                          !key.isEmpty, key.utf8.count <= 24, key.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "_" }) else { return nil }
                    if case .misspelledKey(let raw, let value) = unkeyed(line, after: "") { return [("?" + raw, value)] }
                    return []
                }
                func readsAKey(_ pair: (String, String)) -> Bool { !pair.0.hasPrefix("?") || readsAsItsKey(pair) }
                if !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }), parsed.contains(where: { $0?.contains(where: readsAKey) == true }) {
                    for (child, pairs) in zip(nested.children, parsed) {
                        trailing += pairs ?? []
                        trailingRanges += Array(repeating: child.range, count: pairs?.count ?? 0)
                    }
                    metadataLists.insert(listIndex)
                }
            }
            // "**Short term:**" with a nested list is a group, not an action; so is a short
            // label without a box over a nested list of actions (``labelsAGroup``), whose
            // actions had been lost, and the label read as an action.
            // `- Owner: team-data` over the team's actions: a group, whose actions without an
            // owner of their own are the team's.
            let groupOwner = task == nil && !nestedLists.isEmpty ? ownerLabel(text) : nil
            var namesAGroup = false
            if let lead, !nestedLists.isEmpty {
                namesAGroup = task == nil
                    ? isLabelOnly(lead) || groupOwner != nil || trailing.isEmpty && labelsAGroup(text, over: nestedLists, started: started)
                    // `- [ ] Process` over `- [ ] Add a runbook step …`: a box on a kind or horizon
                    // of action (``isGroupLabel(_:)``) over tasks names a group too; its tasks had
                    // been left out, and the label taken for an action without an owner (left
                    // open by stop 45).
                    : trailing.isEmpty && boxedGroupLabel(text, over: nestedLists)
            }
            if namesAGroup {
                var label = text
                if label.hasSuffix(":") { label.removeLast() }
                for nested in nestedLists {
                    listActions(nested, group: label, started: started, into: &result, labelled: &labelled, problems: &problems)
                }
                continue
            }
            guard !text.isEmpty else { continue }
            var range = item.range ?? list.range ?? SourceRange(line: 1)
            // Sub-tasks (a nested list that starts with a task) at the end of the item are not the
            // action's: its range ends before them, so a `disable-line` on a sub-task does not
            // reach a finding about the action. Nested notes and links (`- See https://…`) stay
            // part of it; so do sub-tasks with a paragraph of the item after them (one range).
            var own = Array(item.children)
            var listIndex = nestedLists.count - 1
            while let last = own.last, case .list = last.kind, !metadataLists.contains(listIndex),
                  last.children.first?.isTaskItem == true {
                own.removeLast()
                listIndex -= 1
            }
            if own.count < item.children.count, let end = own.last?.range?.end, end.line >= range.start.line { range.end = end }
            var action = FollowUpAction(text: text, state: task == true ? .done : .open, range: range)
            action.group = group
            if let lead, isStruckThrough(lead) { action.state = .done }
            let (ticketFromLabel, statesItsState) = applyInlineMetadata(to: &action, links: links(in: item), started: started, problems: &problems)
            apply(trailing, at: trailingRanges, to: &action, problems: &problems)
            // Under `### Completed` or `**Won't do**`, an item without a box or a status of its
            // own (`status: in progress` under `### Completed` had been read as done).
            if task == nil, let state = listState, action.state == .open, !statesItsState, !trailing.contains(where: statesAState) {
                action.state = state
                // "Replace the proxy vendor — cost outweighs the benefit": the reason after a dash.
                if state == .notDoing, action.reason == nil,
                   let dash = [" — ", " – ", " -- ", " - "].lazy.compactMap({ action.text.firstRange(ofBytes: $0) }).first {
                    let reason = action.text[dash.upperBound...].trimmingWhitespace()
                    if !reason.isEmpty {
                        action.reason = reason
                        action.text = action.text[..<dash.lowerBound].trimmingWhitespace()
                        // `Rewrite the proxy (owner: @c, OPS-5) — out of scope`: the metadata before the reason.
                        if action.text.hasSuffix(")") {
                            _ = applyInlineMetadata(to: &action, links: links(in: item), started: started, problems: &problems)
                        }
                    }
                }
            }
            if ticketFromLabel, action.ticket == leadingLabel(action.text)?.id { labelled.append(result.count) }
            // Under `Owner: team-data` (a heading, a label or an item over the list).
            if action.owner == nil, let group, let owner = ownerLabel(group) { action.owner = owner }
            result.append(action)
        }
    }

    /// True for a metadata pair that gives the action's state: a status, or a won't-do.
    static func statesAState(_ pair: (String, String)) -> Bool { pair.0 == "status" || pair.0 == "wontdo" }

    /// The state a group's title names (`Completed`, `Done`, `Won't do`, `Rejected actions`),
    /// for its actions that state none of their own; nil for other titles ("Short term").
    static func groupState(_ title: String?) -> FollowUpAction.State? {
        guard let title, title.utf8.count <= 60 else { return nil }
        // "Done (during the incident)", "Won't do (for now)": the note is no part of the state;
        // but in "Action items (completed)" or "Short term (done)" the note is the state.
        guard let (head, note) = title.splittingTrailingNote() else { return stateOfGroupTitle(title) }
        return stateOfGroupTitle(String(head)) ?? stateOfGroupTitle(String(note))
    }

    /// The state a group's title (without a note) names: a state's words, with words for actions
    /// ("Action items completed", "Mitigations done") and for when ("Completed during the
    /// incident", "Done already") around them; "Completed/Done" is done.
    static func stateOfGroupTitle(_ title: String) -> FollowUpAction.State? {
        var words = SectionTitles.normalise(title).split(separator: " ").map(String.init)
        // When something was done is no part of its state: "during the incident", "after the
        // incident", "in review".
        var when = false
        if let at = words.indices.first(where: { ["during", "after", "before"].contains(words[$0])
            || (words[$0] == "in" || words[$0] == "at") && words[$0...].contains { Self.occasionWords.contains($0) } }), at > 0 {
            words.removeSubrange(at...)
            when = true
        }
        while let first = words.first, words.count > 1, Self.groupWords.contains(first) { words.removeFirst() }
        while let last = words.last, words.count > 1, Self.groupWords.contains(last) { words.removeLast() }
        let name = words.joined(separator: " ")
        if normalisedDoneWords.contains(name) || words.count > 1 && words.allSatisfy(normalisedDoneWords.contains) { return .done }
        // "Won't do during the incident" may be done later: no state. "Cancelled during review"
        // was decided then: not doing.
        if normalisedNotDoingWords.contains(name), !when || !Self.futureNotDoingWords.contains(name) { return .notDoing }
        return nil
    }

    /// ``aheadNotDoingWords`` as ``SectionTitles/normalise(_:)`` writes a title.
    static let futureNotDoingWords: Set<String> = Set(aheadNotDoingWords.map(SectionTitles.normalise))

    /// Words for what a group holds, before or after its state ("Action items completed",
    /// "Completed mitigations", "Items we won't do", "Completed work", "Done already").
    static let groupWords: Set<String> = ["already", "actions", "action", "items", "item", "tasks", "task", "follow", "ups", "up",
                                          "mitigations", "mitigation", "remediations", "remediation", "fixes", "work", "steps", "we"]
    /// Words that name an occasion after "in" or "at" ("Completed in the incident", "Completed in review").
    static let occasionWords: Set<String> = ["incident", "outage", "response", "event", "review", "retro", "retrospective", "postmortem",
                                             "planning"]

    /// The words of a state, as a Status cell (``applyStatus(_:to:)``), a group's title
    /// (``groupState(_:)``) and a ticket cell (``cellStates``) write them. ("yes" is a Status's only.)
    static let doneWords = ["done", "closed", "complete", "completed", "fixed", "resolved", "merged", "shipped", "deployed", "released",
                            "finished"]
    /// Not-doing states that speak of what is ahead, which a time limits ("Won't do during the
    /// incident"), and that start a reason after them in metadata (`won't do: replaced by …`);
    /// the others were decided then ("Cancelled during review").
    static let aheadNotDoingWords = ["won't do", "wont do", "not doing", "won't fix", "wontfix", "not planned"]
    static let notDoingWords = aheadNotDoingWords + ["rejected", "declined", "cancelled", "canceled", "dropped"]
    static let statusDoneWords = doneWords + ["yes"]
    /// ``doneWords`` and ``notDoingWords`` as ``SectionTitles/normalise(_:)`` writes a title ("won t do").
    static let normalisedDoneWords = Set(doneWords.map(SectionTitles.normalise))
    static let normalisedNotDoingWords = Set(notDoingWords.map(SectionTitles.normalise))

    static func isLabelOnly(_ paragraph: MarkdownNode) -> Bool {
        let meaningful = paragraph.children.filter {
            if case .text = $0.kind { return !$0.literal.trimmingWhitespace().isEmpty && $0.literal.trimmingWhitespace() != ":" }
            return true
        }
        guard meaningful.count == 1 else { return false }
        switch meaningful[0].kind {
        case .strong, .emphasis: return true
        default: return false
        }
    }

    /// True for a few words that name a group (`Long term`, `Prevent:`, `Phase 2`): at most four,
    /// with nothing of an action's metadata (a handle, a parenthesis, a colon before the end).
    static func isShortLabel(_ text: String) -> Bool {
        var label = text.trimmingWhitespace()
        if label.hasSuffix(":") { label.removeLast() }
        let words = label.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return !words.isEmpty && words.count <= 4 && !label.contains { "@():[]".contains($0) } && firstTicketID(in: label) == nil
    }

    /// True when `text`, the first line of an item without a box over `nested` lists, names a
    /// group of the actions in them rather than an action with steps: a short label
    /// (``isShortLabel(_:)``, a note in parentheses after it allowed: `Short term (done)`) over a
    /// list that starts with a task (`Prevent:` over `- [ ] …`) or whose items have owners, due
    /// dates or tickets (`Long term` over `- Replace the pool (owner: @li.w, OPS-3)`), or that
    /// names a state or a horizon (`Done`, `Short term`, `Long-term`). Its items had been lost,
    /// and the label read as an action.
    static func labelsAGroup(_ text: String, over nested: [MarkdownNode], started: CalendarDate?) -> Bool {
        // A note that could be metadata (`Detect (OPS-7)`, `(due 2027-01-15)`) makes the item an action.
        var head = text
        if let (before, note) = text.splittingTrailingNote(), isShortLabel(String(note)), loosePairs(note) == nil { head = String(before) }
        guard isShortLabel(head) else { return false }
        if nested.contains(where: startsWithTask) { return true }
        var label = head.trimmingWhitespace()
        if label.hasSuffix(":") { label.removeLast() }
        if groupState(text) != nil || isGroupLabel(SectionTitles.normalise(label)) { return true }
        // Items written as actions are: a sentence with its metadata after it, taken out of its
        // text (`Page on queue depth (OPS-4)`, `Replace the pool — owner: @li.w`); not notes that
        // name a ticket or a person (`keys listed in SEC-12`, `@cdn.ops`, `done in https://…`).
        return nested.contains { list in
            list.children.contains { item in
                guard let lead = item.children.first, case .paragraph = lead.kind else { return false }
                let text = lead.plainText.trimmingWhitespaceAndNewlines()
                var scratch = FollowUpAction(text: text, range: SourceRange(line: 1))
                var ignored: [Problem] = []
                _ = applyInlineMetadata(to: &scratch, links: links(in: item), started: started, problems: &ignored)
                guard scratch.owner != nil || scratch.due != nil || scratch.ticket != nil, scratch.text != text,
                      let first = scratch.text.unicodeScalars.first else { return false }
                return first.properties.isUppercase
            }
        }
    }

    /// The owner a label names (`Owner: team-data`, `Team: @payments`, `**Owner:** @li.w`), as
    /// an action's owner is written (without `@`).
    static func ownerLabel(_ text: String) -> String? {
        let parts = text.replacingOccurrences(of: "*", with: "").split(separator: ":", maxSplits: 1).map { $0.trimmingWhitespace() }
        guard parts.count == 2, ["owner", "owners", "team", "assignee", "owned by"].contains(parts[0].lowercased()),
              let first = parts[1].split(separator: ",").first.map({ $0.trimmingWhitespace() }), !first.isEmpty, first.utf8.count <= 40,
              first.split(separator: " ").count <= 5 else { return nil }
        // `Jane Doe (@jdoe)`: the handle; `TBD`, `n/a`: no owner, which PM051 asks for.
        if let handle = firstHandle(in: first) { return handle }
        guard !first.contains("("), !["tbd", "?", "none", "n/a", "-", "—", "unassigned", "unknown"].contains(first.lowercased()),
              first.split(separator: " ").count <= 3 else { return nil }
        return first.hasPrefix("@") ? String(first.dropFirst()) : first
    }

    /// Labels of a group of actions by when they are due, or of what kind they are, normalised
    /// (``SectionTitles/normalise(_:)``); and quarters and halves (`Q1 2027`, `H2`).
    static func isGroupLabel(_ label: String) -> Bool {
        if horizonLabels.contains(label) || kindLabels.contains(label) { return true }
        let words = label.split(separator: " ")
        guard let first = words.first, words.count <= 2, first.count == 2,
              first.first == "q" && ("1"..."4").contains(first.last!) || first.first == "h" && ("1"..."2").contains(first.last!) else { return false }
        return words.count == 1 || words[1].allSatisfy(\.isNumber) && (words[1].count == 2 || words[1].count == 4)
    }

    static let horizonLabels: Set<String> = ["short term", "medium term", "mid term", "near term", "long term", "immediate", "now",
                                             "next", "later", "quick wins", "this quarter", "next quarter", "this sprint", "next sprint",
                                             "short term fixes", "long term fixes", "backlog", "future"]
    /// The kinds of action (`type` in metadata) and areas teams group actions by.
    static let kindLabels: Set<String> = ["prevent", "prevention", "detect", "detection", "mitigate", "mitigation", "mitigations",
                                          "process", "processes", "repair", "repairs", "monitoring", "alerting", "documentation",
                                          "tooling", "testing", "communication", "communications", "people", "technology",
                                          "infrastructure", "observability", "response"]

    /// True when `text`, the first line of a task (`- [ ] Process`) over `nested` lists, names a
    /// kind or a horizon of action (``isGroupLabel(_:)``, a closing `:` allowed) over a list of
    /// tasks: a group whose box is decoration. Any other task over tasks is an action with steps.
    static func boxedGroupLabel(_ text: String, over nested: [MarkdownNode]) -> Bool {
        // Every item under it a task: notes among them make it an action with notes, as before.
        guard nested.allSatisfy({ $0.children.allSatisfy(\.isTaskItem) }), isShortLabel(text) else { return false }
        var label = text.trimmingWhitespace()
        if label.hasSuffix(":") { label.removeLast() }
        return isGroupLabel(SectionTitles.normalise(label)) || groupState(label) != nil
    }

    /// True for a list whose first item is a task (`- [ ] …`).
    static func startsWithTask(_ list: MarkdownNode) -> Bool {
        list.children.first?.isTaskItem == true
    }

    static func isStruckThrough(_ paragraph: MarkdownNode) -> Bool {
        let meaningful = paragraph.children.filter {
            if case .text = $0.kind { return !$0.literal.trimmingWhitespace().isEmpty }
            if case .softBreak = $0.kind { return false }
            return true
        }
        guard let first = meaningful.first, case .strikethrough = first.kind else { return false }
        // Struck text followed only by a metadata parenthesis still counts as struck.
        return meaningful.dropFirst().allSatisfy {
            if case .strikethrough = $0.kind { return true }
            if case .text = $0.kind { return $0.literal.trimmingWhitespace().hasPrefix("(") }
            return false
        }
    }

    /// The cell's text without its struck-through parts, when it has both ("~~Open~~ Done" is
    /// "Done"); nil when nothing is struck through, or everything is.
    static func unstruckText(of cell: MarkdownNode) -> String? {
        guard cell.children.contains(where: { if case .strikethrough = $0.kind { return true }; return false }) else { return nil }
        var struck = false
        var kept: [String] = []
        for child in cell.children {
            if case .strikethrough = child.kind { struck = true; continue }
            kept.append(child.plainText)
        }
        let text = kept.joined().trimmingWhitespace()
        return struck && !text.isEmpty ? text : nil
    }

    static func links(in node: MarkdownNode) -> [String] {
        var result: [String] = []
        node.walk { if case .link(let destination, _) = $0.kind { result.append(destination) } }
        return result
    }

    // MARK: Metadata

    /// Canonical metadata keys and what people write for them.
    static let keyAliases: [String: String] = [
        "owner": "owner", "owners": "owner", "assignee": "owner", "assignees": "owner", "assigned": "owner", "assigned to": "owner",
        "who": "owner", "dri": "owner", "due": "due", "due date": "due", "deadline": "due", "by": "due",
        "eta": "due", "target": "due", "type": "type", "kind": "type", "category": "type", "priority": "priority",
        "prio": "priority", "pri": "priority", "ticket": "ticket", "tickets": "ticket", "bug": "ticket",
        "issue": "ticket", "jira": "ticket", "link": "ticket", "tracking": "ticket", "pr": "ticket",
        "status": "status", "state": "status", "statuses": "status", "types": "type", "priorities": "priority",
        "deadlines": "due", "due dates": "due", "won't do": "wontdo", "wont do": "wontdo", "won t do": "wontdo",
        "not doing": "wontdo", "won't fix": "wontdo", "wontfix": "wontdo", "won't": "wontdo", "reason": "reason",
        "target date": "due", "due by": "due", "due on": "due",
    ]

    static func canonicalKey(_ raw: Substring) -> String? {
        var key = raw.trimmingWhitespace().lowercased()
        if key.containsBytes(of: "\u{2019}") { key = key.replacingOccurrences(of: "\u{2019}", with: "'") }
        return keyAliases[key]
    }

    /// Splits `k: v, k: v` into pairs; `won't do:` takes the rest of the text as its reason.
    /// Nil when the text does not read as metadata (its first part has no known key).
    static func pairs(_ text: Substring) -> [(String, String)]? {
        // ASCII text is split on its bytes: its only Character of two bytes is "\r\n", which holds
        // no separator, and no other spelling of a key or separator is canonically equivalent.
        // `ByteFastPathTests` compares the two walks.
        // Unwrapped twice: no contiguous bytes, then the closure's nil for text that is not ASCII;
        // what is left is the byte path's answer (nil when the text is not metadata).
        if let split = text.utf8.withContiguousStorageIfAvailable({ bytes -> [(String, String)]?? in
            ByteSearch.isASCII(bytes) ? .some(pairsASCII(bytes)) : nil
        }), let split { return split.map(splittingRunOnPairs) }
        return pairsWalking(text).map(splittingRunOnPairs)
    }

    /// `pairs` with pairs written one after another without a comma taken apart
    /// (`owner: @li.w due: 2027-01-15`, `Owner: @li.w  Due: 2027-01-20  Ticket: OPS-4`): the value
    /// of a key that holds one value (``singleValueKeys``) ends where a key of ``runOnKeys`` starts
    /// after a space, outside parentheses. Such a value had taken the rest of the line (an owner
    /// "li.w due: 2027-01-15"), and the due date and ticket after it were lost without a word.
    /// One pass along the value: each key's value is a slice of it.
    static func splittingRunOnPairs(_ pairs: [(String, String)]) -> [(String, String)] {
        guard pairs.contains(where: { $0.1.utf8.contains(UInt8(ascii: ":")) && singleValueKeys.contains($0.0) }) else { return pairs }
        var result: [(String, String)] = []
        for (key, value) in pairs {
            var key = key
            var rest = value[...]
            var split = false
            while singleValueKeys.contains(key), let start = runOnKey(in: rest),
                  let colon = rest[start...].firstIndex(of: ":"), let next = canonicalKey(rest[start..<colon]) {
                result.append((key, String(rest[..<start]).trimmingWhitespace()))
                key = next
                rest = rest[rest.index(after: colon)...]
                split = true
            }
            result.append((key, split ? String(rest).trimmingWhitespace() : value))
        }
        return result
    }

    /// The keys that end a value run on into them: the names of keys, not the words that name
    /// them in prose too (`by`, `link`, `who`, `issue`, `kind`: "opened by: @li.w").
    static let runOnKeys: Set<String> = ["owner", "owners", "assignee", "assignees", "assigned to", "dri", "due", "due date", "due by",
                                         "due on", "deadline", "eta", "target date", "ticket", "tickets", "jira", "bug", "type",
                                         "priority", "prio", "status", "state"]

    /// Where a key of ``runOnKeys`` starts in `value`, after a space and before its colon, outside
    /// parentheses (`due:` in `@li.w due: 2027-01-15`, not in `OPS-12 (was due: 2026-12-01)`); nil
    /// when none does.
    static func runOnKey(in value: Substring) -> Substring.Index? {
        // On the bytes: a key's are ASCII letters and spaces, so a key found starts and ends on a
        // Character's boundary.
        let utf8 = value.utf8
        var depth = 0
        var afterSpace = false
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte == UInt8(ascii: "(") { depth += 1 } else if byte == UInt8(ascii: ")") { depth = max(0, depth - 1) }
            let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            if afterSpace, !isSpace, depth == 0 {
                // A key is a word or two (`due`, `target date`) before its colon.
                let word = utf8[i...].prefix(16).prefix { byte in
                    byte == UInt8(ascii: " ") || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                }
                if word.endIndex < utf8.endIndex, utf8[word.endIndex] == UInt8(ascii: ":"), word.startIndex < word.endIndex,
                   runOnKeys.contains(value[word.startIndex..<word.endIndex].trimmingWhitespace().lowercased()) {
                    return i
                }
            }
            afterSpace = isSpace
            i = utf8.index(after: i)
        }
        return nil
    }

    /// True when a misspelled first key (`onwer:`) starts metadata: another part after it has a
    /// key pm reads (`(onwer: @dana.k, ticket: OPS-2)`). Otherwise the words stay text: `(stats:
    /// p99, p50)` and "Reasons: the runbook was out of date." are prose, and `(onwer: @dana.k)`
    /// keeps its handle, which the text's handle rule reads as the owner.
    static func misspelledKeyStartsMetadata(_ rest: String) -> Bool {
        rest.split(whereSeparator: isSeparator).contains { part in
            part.firstIndex(of: ":").map { canonicalKey(part[..<$0]) != nil } ?? false
        }
    }

    /// What a part without a key between `key: value` parts is.
    enum UnkeyedPart {
        /// A handle, ticket or date (``loosePairs(_:allowingLoneDate:)``), or `due …`.
        case pairs([(String, String)])
        /// "won't do - no budget": the state, with the rest of the parenthesis as its reason.
        case statusToTheEnd
        /// Words after a value of one word ("needs review" after an owner): not metadata.
        case note
        /// A comma inside the value before it ("status: in progress, blocked on vendor").
        case continuesValue
        /// `tikcet: OPS-412`: a key one or two letters from a known one, kept as `?tikcet` for
        /// ``apply(_:at:to:problems:)`` to report (it had been dropped without a word).
        case misspelledKey(String, String)
    }

    /// The keys a misspelling is compared with: the full names, not the short aliases (`pm:`
    /// is no misspelled `pr:`).
    static let suggestedKeys = ["owner", "due", "ticket", "priority", "status", "type", "reason", "assignee", "deadline"]

    /// The key `raw` is a misspelling of: its letters swapped (`tikcet`, `onwer`), or, from five
    /// letters, one letter added or dropped (`staus`, `prority`). A letter changed made words of
    /// their own misspellings (`region:`, `season:` of `reason:`; `headline:` of `deadline:`;
    /// `ticker:` of `ticket:`), and so did a letter added to a word of four (`dupe:` of `due:`).
    static func misspelling(_ raw: String) -> String? {
        suggestedKeys.first { key in
            guard raw != key else { return false }
            if raw.count == key.count { return raw.sorted() == key.sorted() && editDistance(raw, key) <= 2 }
            return raw.count >= 5 && abs(raw.count - key.count) == 1 && editDistance(raw, key) == 1
        }
    }

    /// The pairs of a line of nothing but metadata under an action: keys pm reads, or one key
    /// misspelled with the value of the key it misspells (``holdsValueOfMisspelledKey(_:_:)``).
    /// Nil for a line that is not metadata.
    static func metadataLine(_ line: String) -> [(String, String)]? {
        if let parsed = pairs(Substring(line)) { return parsed }
        if case .misspelledKey(let raw, let value) = unkeyed(line, after: ""), holdsValueOfMisspelledKey(raw, value) { return [("?" + raw, value)] }
        return nil
    }

    /// True when a pair's value is what its key holds, where that can be told: an owner, a type
    /// or a priority of one word (`@li.w`, `dana`, `prevent`, `P1`), a due date written
    /// YYYY-MM-DD, a ticket. A status or a reason is words of any kind. A misspelled key
    /// (`?deu`) holds the value of the key it misspells (``holdsValueOfMisspelledKey(_:_:)``).
    static func readsAsItsKey(_ pair: (String, String)) -> Bool {
        if pair.0.hasPrefix("?") { return holdsValueOfMisspelledKey(String(pair.0.dropFirst()), pair.1) }
        switch pair.0 {
        case "owner", "type", "priority": return !pair.1.isEmpty && !pair.1.contains(" ")
        case "due": return isDateShaped(pair.1) || dueDate(pair.1) != .unread
        case "ticket": return looksLikeTicket(pair.1)
        default: return true
        }
    }

    /// A due date as written: `YYYY-MM-DD`, or a full date in another common form (`2025/04/01`,
    /// `Nov 30, 2022`, `21 Mar 2023`, `28/03/2023`, `3/22/2024`, `3/22/24`), after a weekday or
    /// not (`Wed, Mar 31, 2027`). Slashes with both numbers 12 or less (`03/04/2024`) are
    /// ambiguous, unless a weekday written before them fits only one order; a date without a
    /// year is not read.
    enum DueValue: Equatable {
        case date(CalendarDate), ambiguous, unread
        /// A date written after a weekday that is not its own (`Tue, Mar 31, 2027`, a Wednesday).
        case wrongWeekday(CalendarDate, written: Int)

        /// The date read, right weekday or not.
        var date: CalendarDate? {
            switch self {
            case .date(let date), .wrongWeekday(let date, _): date
            case .ambiguous, .unread: nil
            }
        }
    }

    static func dueDate(_ value: String) -> DueValue {
        if let date = CalendarDate(value) { return .date(date) }
        guard value.utf8.count <= 32, value.utf8.contains(where: isDigit) else { return .unread }
        // `Wed, Mar 31, 2027`, `Tuesday 2027-03-30`: a weekday before the date.
        let written = Array(value.utf8)
        // `3/31/2027 (Wed)`: a weekday in parentheses after the date.
        if let (head, note) = value.splittingTrailingNote(), case let inner = Array(note.utf8),
           let (weekday, end) = TimeExpression.weekdayWord(inner, 0), end == inner.count, case let date = head.trimmingWhitespace(), !date.isEmpty {
            return dueDate(date, weekday: weekday)
        }
        if let (weekday, end) = TimeExpression.weekdayWord(written, 0) {
            var k = end
            if k < written.count, written[k] == UInt8(ascii: ",") { k += 1 }
            let spaces = k
            while k < written.count, written[k] == UInt8(ascii: " ") { k += 1 }
            guard k > spaces, k < written.count else { return .unread }
            return dueDate(String(decoding: written[k...], as: UTF8.self), weekday: weekday)
        }
        if let (a, b, y) = slashParts(value) {
            if a <= 12, b <= 12, a != b { return .ambiguous }
            let (m, d) = a > 12 ? (b, a) : (a, b)
            return CalendarDate(year: y, month: m, day: d).map(DueValue.date) ?? .unread
        }
        // `31 March, 2027`: a comma before the year is read as `Mar 31, 2027`'s is.
        var bytes = Array(value.utf8)
        if bytes.count > 6, bytes[bytes.count - 6] == UInt8(ascii: ","), bytes[bytes.count - 5] == UInt8(ascii: " "),
           bytes.suffix(4).allSatisfy(isDigit) {
            bytes.remove(at: bytes.count - 6)
        }
        guard let (date, length) = TimeExpression.dateToken(bytes, 0), length == bytes.count, date.year != 2000 else { return .unread }
        // `03.04.2024` and `03-04-2024` are day first in Europe, where they are written so.
        return .date(date)
    }

    /// The due date `rest` writes after (or before) `weekday`, checked against it.
    static func dueDate(_ rest: String, weekday: Int) -> DueValue {
        switch dueDate(rest) {
        case .date(let date):
            return date.weekday == weekday ? .date(date) : .wrongWeekday(date, written: weekday)
        case .ambiguous:
            // `Tue 5/12/2026`: the order the weekday fits, when it fits only one.
            guard let (a, b, year) = slashParts(rest) else { return .ambiguous }
            let fitting = [CalendarDate(year: year, month: a, day: b), CalendarDate(year: year, month: b, day: a)]
                .compactMap { $0 }.filter { $0.weekday == weekday }
            return fitting.count == 1 ? .date(fitting[0]) : .ambiguous
        case .unread, .wrongWeekday:
            return .unread
        }
    }

    /// The numbers of D/M/YYYY or M/D/YYYY, one or two digits each, or with a year of two
    /// digits (`3/22/24`, 2024): the first, the second, and the year.
    static func slashParts(_ value: String) -> (Int, Int, Int)? {
        let b = Array(value.utf8)
        guard let (first, second, year, end) = TimeExpression.slashNumbers(b, 0), let year, end == b.count else { return nil }
        return (first, second, year)
    }

    /// YYYY-MM-DD, a real date or not (`2027-02-30` is a due date written wrong, not prose).
    static func isDateShaped(_ value: String) -> Bool {
        // As ``CalendarDate/init(_:)`` reads it, without asking whether the day exists.
        let bytes = Array(value.utf8)
        return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && digits(bytes, 0, 4) != nil && digits(bytes, 5, 2) != nil && digits(bytes, 8, 2) != nil
    }

    /// True when `value` is what the key `raw` misspells holds: a date for `due` or `deadline`, a
    /// handle for `owner` or `assignee`, a ticket for `ticket` (`Deu: 2027-01-15`, `onwer: @li.w`).
    /// Such a line under an action is metadata written with a typo; the values of the other keys
    /// (a status, a reason, a type) read as prose too ("Staus: blocked on the vendor").
    static func holdsValueOfMisspelledKey(_ raw: String, _ value: String) -> Bool {
        switch misspelling(raw) {
        case "due", "deadline": return isDateShaped(value)
        case "owner", "assignee": return value.hasPrefix("@") && value.count > 1 && !value.contains(" ")
        case "ticket": return looksLikeTicket(value)
        default: return false
        }
    }

    /// True for a part after a comma that is a date's year: four digits, perhaps with the
    /// weekday after them (`Mar 31, 2027 (Wed)`).
    static func isYearContinuation(_ part: String) -> Bool {
        let b = Array(part.utf8)
        guard b.count >= 4, b[..<4].allSatisfy(isDigit) else { return false }
        return b.count == 4 || TimeExpression.inParentheses(b, 4, TimeExpression.weekdayWord)?.1 == b.count
    }

    /// Keys whose value is one word, a date or an id, so no comma continues it.
    static let singleValueKeys: Set<String> = ["owner", "due", "ticket", "priority", "type"]

    /// True for a cell that holds a ticket: an id in it ("OPS-3, OPS-4", "OPS-3 (in review)"), an
    /// issue or pull request link, `owner/repo#7`, `#482` or `none`.
    static func looksLikeTicket(_ value: String) -> Bool {
        let v = value.trimmingWhitespace()
        if firstTicketID(in: v) != nil || v.lowercased() == "none" || isTicketURL(v) { return true }
        guard let hash = v.lastIndex(of: "#"), case let number = v[v.index(after: hash)...], !number.isEmpty else { return false }
        return number.allSatisfy(\.isNumber) && !v[..<hash].contains(" ")
    }

    static func unkeyed(_ part: String, after key: String, value: String = "") -> UnkeyedPart {
        if let colon = part.firstIndex(of: ":"), case let raw = part[..<colon].trimmingWhitespace().lowercased(),
           raw.count >= 3, raw.count <= 12, raw.allSatisfy(\.isLetter), misspelling(raw) != nil {
            return .misspelledKey(raw, part[part.index(after: colon)...].trimmingWhitespace())
        }
        if let loose = loosePairs(part[...], allowingLoneDate: true) { return .pairs(loose) }
        var lower = part.lowercased()
        if lower.containsBytes(of: "\u{2019}") { lower = lower.replacingOccurrences(of: "\u{2019}", with: "'") }
        // `due 2026-02-30` is a due date that is no date: P021, as `due: 2026-02-30` is.
        if lower.hasPrefix("due "), case let value = part.dropFirst(4).trimmingWhitespace(), value.utf8.count == 10,
           value.utf8.filter({ $0 == UInt8(ascii: "-") }).count == 2 {
            return .pairs([("due", value)])
        }
        if aheadNotDoingWords.contains(where: { lower.hasPrefix($0) }) { return .statusToTheEnd }
        // `due: Mar 31, 2027`: the year after the comma is the date's.
        if key == "due", isYearContinuation(part) { return .continuesValue }
        // `due: Wed, Mar 31, 2027`: the date after a weekday is the due date's.
        if key == "due", case let v = Array(value.utf8), let (_, end) = TimeExpression.weekdayWord(v, 0), end == v.count {
            return .continuesValue
        }
        return singleValueKeys.contains(key) ? .note : .continuesValue
    }

    /// ``pairs(_:)`` on the bytes of ASCII text.
    static func pairsASCII(_ b: UnsafeBufferPointer<UInt8>) -> [(String, String)]? {
        let n = b.count
        func trimmed(_ lo: Int, _ hi: Int) -> String {
            var lo = lo, hi = hi
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        }
        func first(from start: Int, where matches: (UInt8) -> Bool) -> Int? {
            var i = start
            while i < n, !matches(b[i]) { i += 1 }
            return i < n ? i : nil
        }
        var result: [(String, String)] = []
        var position = 0
        while position < n {
            guard let colon = first(from: position, where: { $0 == UInt8(ascii: ":") }), let key = keyAliases[trimmed(position, colon).lowercased()] else {
                // A part without a key (``unkeyed(_:after:)``); the parts after it are read on. A
                // first part whose key is misspelled starts metadata too when a key pm reads
                // follows it (``misspelledKeyStartsMetadata(_:)``), so that it is reported.
                let end = first(from: position, where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") }) ?? n
                let part = trimmed(position, end)
                switch unkeyed(part, after: result.last?.0 ?? "", value: result.last?.1 ?? "") {
                case .misspelledKey(let raw, let value):
                    guard !result.isEmpty || misspelledKeyStartsMetadata(String(decoding: UnsafeBufferPointer(rebasing: b[end..<n]), as: UTF8.self)) else { return nil }
                    result.append(("?" + raw, value))
                case _ where result.isEmpty: return nil
                case .pairs(let pairs): result += pairs
                case .statusToTheEnd:
                    result.append(("status", trimmed(position, n)))
                    return result
                case .note: break
                case .continuesValue: result[result.count - 1].1 += ", " + part
                }
                position = end + 1
                while position < n, b[position] == 0x20 { position += 1 }
                continue
            }
            if key == "wontdo" || key == "reason" {
                result.append((key, trimmed(colon + 1, n)))
                break
            }
            guard let comma = first(from: colon + 1, where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") }) else {
                result.append((key, trimmed(colon + 1, n)))
                break
            }
            result.append((key, trimmed(colon + 1, comma)))
            position = comma + 1
            while position < n, b[position] == 0x20 { position += 1 }
        }
        return result
    }

    /// What separates metadata parts: a comma or semicolon, or a middle dot or bullet
    /// (`Owner: @li.w · Due: 2027-01-15 · OPS-13`), which ASCII text does not hold.
    static func isSeparator(_ character: Character) -> Bool {
        character == "," || character == ";" || character == "·" || character == "•"
    }

    /// ``pairs(_:)`` on Characters, where U+037E GREEK QUESTION MARK equals ";".
    static func pairsWalking(_ text: Substring) -> [(String, String)]? {
        var result: [(String, String)] = []
        var remaining = text[...]
        while !remaining.isEmpty {
            guard let colon = remaining.firstIndex(of: ":"), let key = canonicalKey(remaining[..<colon]) else {
                // A part without a key, or a misspelled first key, as in ``pairsASCII(_:)``.
                let end = remaining.firstIndex(where: isSeparator) ?? remaining.endIndex
                let part = remaining[..<end].trimmingWhitespace()
                switch unkeyed(part, after: result.last?.0 ?? "", value: result.last?.1 ?? "") {
                case .misspelledKey(let raw, let value):
                    guard !result.isEmpty || misspelledKeyStartsMetadata(String(remaining[end...])) else { return nil }
                    result.append(("?" + raw, value))
                case _ where result.isEmpty: return nil
                case .pairs(let pairs): result += pairs
                case .statusToTheEnd:
                    result.append(("status", remaining.trimmingWhitespace()))
                    return result
                case .note: break
                case .continuesValue: result[result.count - 1].1 += ", " + part
                }
                remaining = end == remaining.endIndex ? remaining[end...] : remaining[remaining.index(after: end)...].drop { $0 == " " }
                continue
            }
            let afterColon = remaining[remaining.index(after: colon)...]
            if key == "wontdo" || key == "reason" {
                result.append((key, afterColon.trimmingWhitespace()))
                break
            }
            if let comma = afterColon.firstIndex(where: isSeparator) {
                result.append((key, afterColon[..<comma].trimmingWhitespace()))
                remaining = afterColon[afterColon.index(after: comma)...].drop { $0 == " " }
            } else {
                result.append((key, afterColon.trimmingWhitespace()))
                break
            }
        }
        return result
    }

    /// `text` without a label at its start that says it is an action: `Action:`, `Action item:`,
    /// `Task:`, `Follow-up:` (in any case).
    static func removingKindLabel(_ text: String) -> String {
        guard let colon = text.utf8.prefix(13).firstIndex(of: UInt8(ascii: ":")) else { return text }
        let label = text[..<colon].lowercased()
        guard ["action", "action item", "task", "follow-up", "follow up", "followup"].contains(label) else { return text }
        let rest = text[text.index(after: colon)...].trimmingWhitespace()
        return rest.isEmpty ? text : rest
    }

    /// `ticketFromLabel` when the ticket was read from the id the text starts with
    /// (``leadingLabel(_:)``); `statesItsState` when the metadata gives a status or a won't-do.
    static func applyInlineMetadata(to action: inout FollowUpAction, links: [String], started: CalendarDate?,
                                    problems: inout [Problem]) -> (ticketFromLabel: Bool, statesItsState: Bool) {
        // "**Action:** Detach the volume": the label says what the item is, and is none of its text.
        action.text = removingKindLabel(action.text)
        // `(done)`, `[done]` markers, and `:white_check_mark:` at the start.
        let marked = removingDoneMarkers(action.text)
        let leading = removingEdgeDoneMarker(marked.text)
        if marked.done || leading.done { action.state = .done }
        var text = removingComments(leading.text).trimmingWhitespace()
        var metadata: [(String, String)] = []
        // A full stop (or `;`, `,`) after the metadata, as at the end of a sentence: cut off only
        // when a parenthesis closes before it (most actions end in a full stop and have none).
        var cut = text[...]
        while let last = cut.utf8.last, [UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "\t")].contains(last) {
            cut = cut.dropLast()
        }
        let closed = cut.endIndex != text.endIndex && cut.hasSuffix(")") ? String(cut) : text
        // Trailing `( … )` with key: value pairs; the parenthesis may contain nested ones.
        if closed.hasSuffix(")"), let open = matchingOpen(closed),
           case let inside = closed[closed.index(after: open)..<closed.index(before: closed.endIndex)],
           let parsed = pairs(inside) ?? loosePairs(inside) {
            metadata = parsed
            text = String(closed[..<open]).trimmingWhitespace()
        }
        // `text - owner: @x, due: …` or `text — owner: …`; before a parenthesis of metadata too
        // (`text — won't do: replaced by the Q2 migration (DEVEX-12)`), where a colon must be left.
        let mayHoldPairs = metadata.isEmpty || text.containsBytes(of: ":")
        for separator in [" - ", " — ", " – ", " | "] where mayHoldPairs {
            if let range = text.lastRange(ofBytes: separator),
               let parsed = pairs(text[range.upperBound...]) {
                metadata = parsed + metadata
                text = String(text[..<range.lowerBound]).trimmingWhitespace()
                break
            }
        }
        // `[DONE]` at the end, before the metadata.
        let trailing = removingEdgeDoneMarker(text)
        if trailing.done { action.state = .done }
        action.text = trailing.text
        apply(metadata, to: &action, problems: &problems)
        // An issue number that links to its issue (`([#11957](https://…/issues/11957))`) is that link.
        if let ticket = action.ticket, isIssueNumber(ticket),
           let link = links.first(where: { isTicketURL($0) && $0.hasSuffix("/" + ticket.dropFirst()) }) {
            action.ticket = link
        }
        if action.owner == nil, let handle = firstHandle(in: text) { action.owner = handle }
        var ticketFromLabel = false
        if action.ticket == nil {
            action.ticket = links.first(where: isTicketURL) ?? firstTicketID(in: text) ?? trackedIssue(in: text)
            ticketFromLabel = action.ticket != nil && action.ticket == leadingLabel(action.text)?.id
        }
        // "(due 2026-12-01, OPS-123)", "… by 2026-12-01": a date after one of the due words,
        // written without the colon, is the due date, as a handle is the owner.
        applyWrittenDue(in: text, to: &action, metadata: metadata, started: started, problems: &problems)
        return (ticketFromLabel, metadata.contains(where: statesAState))
    }

    /// Reads a due date written in the text (``writtenDueDate(in:)``) when the metadata gave none;
    /// a date that does not exist is a problem, as `due: 2026-02-30` is.
    static func applyWrittenDue(in text: String, to action: inout FollowUpAction, metadata: [(String, String)],
                                started: CalendarDate?, problems: inout [Problem]) {
        // With a due date in the metadata, a date after "by" or "deadline" in the text is not
        // compared with it: such words also date what is no deadline ("certificates that expire
        // by 2027-03-01", "the vendor's ETA 2027-01-15").
        guard action.due == nil, !metadata.contains(where: { $0.0 == "due" }),
              let written = writtenDueDate(in: text, started: started) else { return }
        switch written {
        case .date(let date): action.due = date
        case .impossible(let text):
            problems.append(Problem(.invalidActionMetadata, "due date `\(text)` is not a real YYYY-MM-DD date", at: action.range))
        }
    }

    /// An issue or pull request number as GitHub writes it, `#482`.
    static func isIssueNumber(_ text: some StringProtocol) -> Bool {
        text.hasPrefix("#") && text.count > 1 && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber } || isRepositoryIssue(text)
    }

    /// An issue named as the one tracking the action in its text: `tracked in #4414`, `tracked by
    /// acme/runner#12`, `issue #7`, `see #7`; nil for a number in other words ("the #2 cause").
    static func trackedIssue(in text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "#")) || text.utf8.contains(UInt8(ascii: "!")) else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        for (k, word) in words.enumerated() where k > 0 {
            let candidate = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:)("))
            guard isIssueNumber(candidate) else { continue }
            let before = words[k - 1].lowercased()
            let twoBefore = k > 1 ? words[k - 2].lowercased() + " " + before : before
            if ["issue", "ticket", "bug", "pr", "tracking", "see", "in:", "by:"].contains(before)
                || ["tracked in", "tracked by", "tracked at", "filed as", "filed in"].contains(twoBefore) {
                return candidate
            }
        }
        return nil
    }

    /// `acme/runner#4413` (GitHub) or `group/project#12`, `group/project!12` (GitLab): a
    /// repository's path, then its issue or merge request number.
    static func isRepositoryIssue(_ text: some StringProtocol) -> Bool {
        // On the bytes: every byte of one is ASCII. Most values have no slash.
        guard text.utf8.contains(UInt8(ascii: "/")) else { return false }
        let bytes = Array(text.utf8)
        guard let mark = bytes.lastIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "!") }), mark + 1 < bytes.count,
              bytes[(mark + 1)...].allSatisfy(isDigit), mark > 0,
              bytes[0] != UInt8(ascii: "/"), bytes[mark - 1] != UInt8(ascii: "/"), bytes[..<mark].contains(UInt8(ascii: "/")) else { return false }
        return bytes[..<mark].allSatisfy { b in
            isAlnum(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
    }

    /// Metadata written without colons, `(@dana.k, due 2026-12-01, OPS-412)`: each part between
    /// commas is a handle (the owner), a ticket id or link, a date (the due date), or an owner, due
    /// or ticket key and a value of its kind (`owner @dana.k`, `due on 2026-12-01`, `ticket none`,
    /// `issue #482`). Nil unless every part is one of those, so "(see OPS-412)" or "(P1, the
    /// biggest risk)" stay in the text.
    static func loosePairs(_ text: Substring, allowingLoneDate: Bool = false) -> [(String, String)]? {
        var result: [(String, String)] = []
        var bareDate = false
        var keyedDue = false
        var keyedDueValue = ""
        var parts: [String] = []
        // Where each part starts in `text`.
        var starts: [Substring.Index] = []
        for rawPart in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let part = rawPart.trimmingWhitespace()
            // `due Mar 31, 2027`: a year after a comma is the date's before it (a part of four
            // digits alone is no metadata, so nothing else is lost by joining it).
            if isYearContinuation(part), let last = parts.last {
                parts[parts.count - 1] = last + ", " + part
            } else if let last = parts.last, last.lowercased().hasPrefix("due"), case let words = last.split(separator: " "), words.count == 2,
                      let weekday = words.last.map({ Array($0.utf8) }), let (_, end) = TimeExpression.weekdayWord(weekday, 0), end == weekday.count {
                // `due Wed, Mar 31, 2027`: the date after the weekday is the due date's.
                parts[parts.count - 1] = last + ", " + part
            } else {
                parts.append(part)
                starts.append(rawPart.startIndex)
            }
        }
        for (index, var part) in parts.enumerated() {
            // `(won't do -- covered by OPS-9)`, `(@team-web, won't do: covered by the Q2
            // migration)`: the rest of the parenthesis is the status and its reason, commas included.
            if startsNotDoing(part) {
                result.append(("status", String(text[starts[index]...]).trimmingWhitespace()))
                return result
            }
            // An owner, due or ticket key with its colon among colonless parts
            // (`(@li.w, due: 2027-01-20, OPS-106)`) is read as without it.
            var keyed = false
            if let colon = part.firstIndex(of: ":"), let key = canonicalKey(part[..<colon]), ["owner", "due", "ticket"].contains(key) {
                part = String(part[..<colon]) + " " + part[part.index(after: colon)...].trimmingWhitespace()
                keyed = true
            }
            guard !part.isEmpty, keyed || !part.contains(":") || isTicketURL(part) else { return nil }
            if part.hasPrefix("@"), !part.contains(" "), firstHandle(in: part) != nil {
                result.append(("owner", part))
            } else if !part.contains(" "), isTicketURL(part) || firstTicketID(in: part) == part || isIssueNumber(part) {
                result.append(("ticket", part))
            } else if CalendarDate(part) != nil {
                bareDate = true
                result.append(("due", part))
            } else if let space = part.firstIndex(of: " "), let key = canonicalKey(part[..<space]) {
                // Only the three keys PM051 asks for, each with a value of its kind: "(by design)",
                // "(who knows)" or "(link below)" are words, not metadata.
                var value = part[part.index(after: space)...].trimmingWhitespace()
                if key == "due", let filler = ["on ", "by "].first(where: { value.lowercased().hasPrefix($0) }) {
                    value = String(value.dropFirst(filler.count)).trimmingWhitespace()
                }
                switch key {
                case "owner" where value.hasPrefix("@") && !value.contains(" ") && firstHandle(in: value) != nil: break
                case "due" where CalendarDate(value) != nil || dueDate(value) != .unread: break
                case "ticket" where value.lowercased() == "none" || isTicketURL(value) || (!value.contains(" ") && firstTicketID(in: value) == value)
                    || isIssueNumber(value): break
                default: return nil
                }
                if key == "due" { keyedDue = true; keyedDueValue = String(value) }
                result.append((key, String(value)))
            } else {
                return nil
            }
        }
        // A date alone, "(2026-01-13)", is the day something happened as often as a deadline.
        guard !result.isEmpty, result.count > 1 || !bareDate || allowingLoneDate else { return nil }
        // Beside a keyed due date, `(2026-11-03, due: 2027-01-20)`, a bare date is a day, not a
        // second deadline.
        if bareDate, keyedDue { result.removeAll { $0.0 == "due" && $0.1 != keyedDueValue } }
        return result
    }

    /// True when `part` starts with one of ``notDoingWords`` followed by nothing or by what sets
    /// a reason apart (`:`, a dash, a bracket): `won't do -- covered by OPS-9`, `rejected`,
    /// `cancelled [see OPS-2]`; but not "won't fix the root cause" or "dropped packets", which are
    /// words, nor an arrow (`not planned -> moved to the Q2 roadmap`), which points elsewhere.
    static func startsNotDoing(_ part: String) -> Bool {
        guard let first = part.utf8.first, "wndrc".utf8.contains(first | 0x20) else { return false }
        var lower = part.lowercased()
        if lower.containsBytes(of: "\u{2019}") { lower = lower.replacingOccurrences(of: "\u{2019}", with: "'") }
        guard let phrase = notDoingWords.first(where: { lower.hasPrefix($0) }) else { return false }
        let after = lower.dropFirst(phrase.count).drop { $0 == " " }
        guard let next = after.first else { return true }
        if after.hasPrefix("->") || after.hasPrefix("=>") { return false }
        return ":-–—([".contains(next)
    }

    /// What a due word in an action's text gives: a date, or a `YYYY-MM-DD` that is no date.
    enum WrittenDue: Equatable {
        case date(CalendarDate)
        case impossible(String)
    }

    /// The first `YYYY-MM-DD` right after "due", "due date", "by", "deadline", "eta" or
    /// "target" (any case, a word of its own, with or without a colon; "due on", "due by" too) in
    /// `text`. Not a date that is part of a name (`2026-01-12-hotfix`, `2026-01-13's deploy`), one
    /// after "by" that follows a deed (``agentParticiples``: "logs written by 2026-01-13") or that
    /// is on or before the incident's `started` date ("hosts installed by 2026-01-12"), or one that
    /// a word follows after "target" ("the target 2026-12-01 build").
    static func writtenDueDate(in text: String, started: CalendarDate?) -> WrittenDue? {
        let b = Array(text.utf8)
        guard b.count >= 13 else { return nil }
        var previousWord = ""
        var i = 0
        while i < b.count {
            guard isLetter(b[i]), i == 0 || !isLetter(b[i - 1]) && b[i - 1] != UInt8(ascii: "-") else { i += 1; continue }
            var end = i
            while end < b.count, isLetter(b[end]) { end += 1 }
            let word = String(decoding: b[i..<end], as: UTF8.self).lowercased()
            defer { previousWord = word }
            guard dueWords.contains(word), !(word == "by" && agentParticiples.contains(previousWord)) else { i = end; continue }
            var j = end
            var filler = false
            if word == "due" || word == "target" {
                // "due date 2026-12-10", "due on", "due by", "target date".
                var k = j
                skipSpaces(b, &k)
                for written in word == "due" ? ["date", "on", "by"] : ["date"] where TimeExpression.matchWord(b, k, written) {
                    filler = true
                    j = k + written.utf8.count
                    k = j
                    skipSpaces(b, &k)
                }
            }
            if j < b.count, b[j] == UInt8(ascii: ":") { j += 1 }
            skipSpaces(b, &j)
            guard let year = digits(b, j, 4), byte(b, j + 4) == UInt8(ascii: "-"), let month = digits(b, j + 5, 2),
                  byte(b, j + 7) == UInt8(ascii: "-"), let day = digits(b, j + 8, 2) else { i = end; continue }
            // Part of a name: a letter, digit, hyphen or apostrophe (`'` or `’`) right after it.
            let next = byte(b, j + 10)
            if next.map({ isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") }) == true
                || next == 0xE2 && byte(b, j + 11) == 0x80 && byte(b, j + 12) == 0x99 { i = end; continue }
            // "the target 2026-12-01 build": a word after it makes the date a name ("target date
            // 2026-12-04" is a deadline).
            if word == "target", !filler {
                var k = j + 10
                skipSpaces(b, &k)
                if let c = byte(b, k), c >= 97, c <= 122 { i = end; continue }
            }
            guard let date = CalendarDate(year: year, month: month, day: day) else {
                return .impossible(String(decoding: b[j..<(j + 10)], as: UTF8.self))
            }
            // "hosts installed by 2026-01-12": a "by" date on or before the incident is a deed's.
            if word == "by", let started, date <= started { i = end; continue }
            return .date(date)
        }
        return nil
    }

    /// Past participles after which "by" names who or what did something ("logs written by
    /// 2026-01-13", "orders dropped by"), not a deadline; "done by", "needed by", "shipped by" are
    /// deadlines.
    static let agentParticiples: Set<String> = ["written", "built", "dropped", "caused", "created", "introduced", "generated",
                                                "produced", "sent", "broken", "triggered", "reported", "filed", "opened", "lost",
                                                "corrupted", "deleted", "affected", "made", "taken", "emitted", "logged",
                                                "recorded", "seen", "installed", "issued", "charged", "left"]

    static let dueWords: Set<String> = ["due", "by", "deadline", "eta", "target"]

    /// `text` without HTML comments: a suppression comment at the end of the line
    /// (`… (due: 2026-01-28) <!-- pm-lint disable-line PM051 -- … -->`) had stayed in the text, so
    /// the metadata before it was not read.
    static func removingComments(_ text: String) -> String {
        guard text.containsBytes(of: "<!--") else { return text }
        var bytes = Array(text.utf8)
        // Only closed ones: a `<!--` in a code span, which reaches the text without its backticks,
        // is no comment.
        var from = 0
        while let open = ByteSearch.firstIndex(of: Array("<!--".utf8), in: bytes, from: from) {
            guard let close = ByteSearch.firstIndex(of: Array("-->".utf8), in: bytes, from: open + 4) else { break }
            bytes.removeSubrange(open..<(close + 3))
            from = open
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lines of an HTML block that starts with a comment which hold text once its comments
    /// are taken out (`<!-- agreed in review --> due: 2027-01-20`), trimmed, with their places.
    static func textAfterComments(_ block: MarkdownNode) -> [(text: String, range: SourceRange?)] {
        var bytes = Array(block.literalBytes)
        // Each closed comment blanked, its line breaks kept, so the lines stay the source's.
        var from = 0
        while let open = ByteSearch.firstIndex(of: Array("<!--".utf8), in: bytes, from: from),
              let close = ByteSearch.firstIndex(of: Array("-->".utf8), in: bytes, from: open + 4) {
            for i in open..<(close + 3) where bytes[i] != UInt8(ascii: "\n") && bytes[i] != UInt8(ascii: "\r") { bytes[i] = UInt8(ascii: " ") }
            from = close + 3
        }
        var result: [(text: String, range: SourceRange?)] = []
        for (offset, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let text = String(decoding: line, as: UTF8.self).trimmingWhitespace()
            guard !text.isEmpty else { continue }
            // The block's lines start at its column; a line's own indentation and the comment
            // before its text are counted in bytes.
            let range = block.range.map { block -> SourceRange in
                let lead = line.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
                let start = SourceLocation(line: block.start.line + offset, column: block.start.column + lead)
                return SourceRange(start: start, end: SourceLocation(line: start.line, column: start.column + text.utf8.count - 1))
            }
            result.append((text, range))
        }
        return result
    }

    static let doneMarkers = ["(done)", "[done]", "(completed)", "(fixed)", "✅", "(DONE)", "(Done)"]

    /// Marks that say an action is done only where a state is written, at the start or the end
    /// of its text (`- :white_check_mark: Rotate the keys`, `Add a disk alert [DONE]`); in the
    /// middle they are words ("Show a :white_check_mark: on the status page").
    static let edgeDoneMarkers = [":white_check_mark:", ":heavy_check_mark:", ":ballot_box_with_check:", "[DONE]", "[Done]"]
    /// A state written as a label before the text (`- **DONE**: Rotate the keys`, whose plain text
    /// is `DONE: Rotate the keys`), or after a dash at its end (`Rotate the keys - DONE`): in
    /// capitals, or capitalised, as a state is written; "done" in lower case is a word.
    static let leadingDoneLabels = ["DONE:", "Done:", "DONE -", "DONE –", "DONE —"]
    static let trailingDoneLabels = [" - DONE", " – DONE", " — DONE", " - Done", " – Done", " — Done"]

    /// `text` without a mark of ``edgeDoneMarkers``, ``leadingDoneLabels`` or
    /// ``trailingDoneLabels`` at its start or end, and whether it had one.
    static func removingEdgeDoneMarker(_ text: String) -> (text: String, done: Bool) {
        // Each mark starts with `:`, `[` or `DONE`/`Done` and ends with `:`, `]` or `DONE`/`Done`;
        // most texts neither start nor end so, which the bytes tell.
        let utf8 = text.utf8
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") }
        func isDone(_ word: some Sequence<UInt8>) -> Bool { word.elementsEqual("DONE".utf8) || word.elementsEqual("Done".utf8) }
        guard let start = utf8.firstIndex(where: { !isBlank($0) }), let end = utf8.lastIndex(where: { !isBlank($0) }) else { return (text, false) }
        let first = utf8[start], last = utf8[end]
        guard first == UInt8(ascii: ":") || first == UInt8(ascii: "[") || last == UInt8(ascii: ":") || last == UInt8(ascii: "]")
                || first == UInt8(ascii: "D") && isDone(utf8[start...].prefix(4))
                || (last == UInt8(ascii: "E") || last == UInt8(ascii: "e")) && isDone(utf8[...end].suffix(4)) else {
            return (text, false)
        }
        let trimmed = text.trimmingWhitespace()
        for marker in edgeDoneMarkers + leadingDoneLabels where trimmed.hasPrefix(marker) {
            let rest = String(trimmed.dropFirst(marker.count)).trimmingWhitespace()
            // A label with nothing after it is the whole text, not a state of one.
            if !rest.isEmpty { return (rest, true) }
        }
        for marker in edgeDoneMarkers + trailingDoneLabels where trimmed.hasSuffix(marker) {
            let rest = String(trimmed.dropLast(marker.count)).trimmingWhitespace()
            if !rest.isEmpty { return (rest, true) }
        }
        return (text, false)
    }

    /// GitHub's shortcodes for the marks a status is written with, which it shows as the emoji.
    static let statusShortcodes = [(":white_check_mark:", "✅"), (":heavy_check_mark:", "✔️"), (":ballot_box_with_check:", "☑️"),
                                   (":x:", "❌"), (":negative_squared_cross_mark:", "❎"), (":no_entry:", "⛔"), (":no_entry_sign:", "🚫")]

    /// `text` without its `(done)`, `[done]`… markers, and whether it had one. Foundation finds
    /// and removes them in other text; in ASCII text a marker's bytes are its only spelling (no
    /// combining marks), so the bytes are searched and cut there without bridging.
    static func removingDoneMarkers(_ text: String) -> (text: String, done: Bool) {
        var text = text
        var done = false
        let isASCII = text.isASCIIBytes
        for marker in doneMarkers where text.containsBytes(of: marker) && (isASCII || text.contains(marker)) {
            done = true
            if isASCII, let cut = ByteSearch.replacingAll(Array(marker.utf8), with: [], in: Array(text.utf8)) {
                text = String(decoding: cut, as: UTF8.self)
            } else {
                text = text.replacingOccurrences(of: marker, with: "")
            }
        }
        return (text, done)
    }

    /// Reads `metadata` into `action`. A problem with a pair is reported at its range in
    /// `ranges` (the line under the action it was written on), else at the action.
    static func apply(_ metadata: [(String, String)], at ranges: [SourceRange?] = [], to action: inout FollowUpAction,
                      problems: inout [Problem]) {
        var ticketRead = false, ownerRead = false
        for (index, (written, value)) in metadata.enumerated() {
            let at = (index < ranges.count ? ranges[index] : nil) ?? action.range
            var key = written
            if written.hasPrefix("?") {
                // A misspelled key (``UnkeyedPart/misspelledKey(_:_:)``). A value that is what the
                // key holds (`tikcet: OPS-412`, `onwer: @dana.k`) is read as that key's: the text's
                // handle and ticket rules had found it before the key was reported, and a typo
                // should not cost the action its owner.
                let raw = String(written.dropFirst())
                guard let near = misspelling(raw) else { continue }
                guard holdsValueOfMisspelledKey(raw, value), let canonical = canonicalKey(Substring(near)) else {
                    problems.append(Problem(.invalidActionMetadata,
                        "`\(raw):` is not an action key, so its value was not read; did you mean `\(near):`?", at: at))
                    continue
                }
                problems.append(Problem(.invalidActionMetadata,
                    "`\(raw):` is not an action key; its value was read as the `\(near):` it misspells", at: at))
                key = canonical
            }
            switch key {
            case "owner":
                // The first of two owners in one place (`(owner: @dana.k, @li.w)`) is the owner.
                if ownerRead { continue }
                ownerRead = true
                // Of owners listed in one value ("@dana.k, @li.w" in an Owner(s) cell) the first.
                var owner = (value.split(separator: ",").first.map(String.init) ?? value).trimmingWhitespace()
                // "@jdoe (Jane Doe)": the handle before the note; "Jane Doe (@jdoe)": the handle in it.
                if let (head, note) = owner.splittingTrailingNote() {
                    if owner.hasPrefix("@"), let handle = firstHandle(in: String(head)) {
                        owner = "@" + handle
                    } else if note.hasPrefix("@"), let handle = firstHandle(in: String(note)), "@" + handle == note {
                        owner = "@" + handle
                    }
                }
                action.owner = owner.hasPrefix("@") ? String(owner.dropFirst()) : owner
                if action.owner?.isEmpty == true || ["tbd", "?", "none", "-", "—"].contains(owner.lowercased()) { action.owner = nil }
            case "due":
                let v = value.trimmingWhitespace()
                let written = dueDate(v)
                if case .ambiguous = written {
                    problems.append(Problem(.invalidActionMetadata,
                        "due date `\(v)` could be day/month or month/day; write it YYYY-MM-DD", at: at))
                } else if let date = written.date {
                    if case .wrongWeekday(_, let weekday) = written {
                        problems.append(Problem(.invalidActionMetadata,
                            "due date `\(v)`: \(DayLabel.weekdayNames[weekday]) is written with \(date), which is a "
                            + "\(DayLabel.weekdayNames[date.weekday]); the date is read", at: at, severity: .warning))
                    }
                    // Of two due dates the last counts (a date moved is often written after the
                    // first); two that differ are a problem, since PM052 and the report read one.
                    if let earlier = action.due, earlier != date {
                        problems.append(Problem(.invalidActionMetadata,
                            "two due dates, \(earlier) and \(date); the last is read", at: at))
                    }
                    action.due = date
                } else if !v.isEmpty, !["-", "—", "n/a", "none", "tbd", "yyyy-mm-dd"].contains(v.lowercased()) {
                    problems.append(Problem(.invalidActionMetadata, isDateShaped(String(v.prefix(10)))
                        ? "due date `\(v)` is not a real YYYY-MM-DD date"
                        : "due date `\(v)` is not a date pm reads; write it YYYY-MM-DD", at: at))
                }
            case "type": action.type = value.isEmpty ? nil : value.lowercased()
            case "priority": action.priority = value.isEmpty ? nil : value.uppercased()
            case "ticket":
                // Two tickets in one place (`(OPS-412, OPS-413)`, `ticket: A, ticket: B`) are both
                // kept, in the order written; pm tracks the action, not each ticket.
                let ticket = value.isEmpty || value == "—" || value == "-" ? nil : value
                if ticketRead, let ticket, let earlier = action.ticket, earlier.lowercased() != "none", ticket.lowercased() != "none" {
                    if !earlier.components(separatedBy: ", ").contains(ticket) { action.ticket = earlier + ", " + ticket }
                } else {
                    action.ticket = ticket
                }
                ticketRead = true
            case "status": applyStatus(value, to: &action)
            case "wontdo", "reason":
                if key == "wontdo" || action.state == .notDoing {
                    action.state = .notDoing
                    action.reason = value.isEmpty ? nil : value
                }
            default: break
            }
        }
    }

    /// Reads a status: done (done, closed, fixed, merged, ✅…), not-doing (won't do, rejected,
    /// cancelled…, with a reason after `:`, `,`, `;`, a dash or in parentheses: "won't do - no
    /// budget", "Won't do (replaced by OPS-9)"), else open. Marks and emoji before the word ("✅
    /// Done", "❌ Won't do", "🟢 Done") and a full stop or a parenthesis after it ("Done.", "Done
    /// (2026-09-01)") are allowed; "✅ Not done" is open.
    static func applyStatus(_ value: String, to action: inout FollowUpAction) {
        var trimmed = value.trimmingWhitespace()
        // `:white_check_mark:` as the ✅ GitHub shows for it.
        if trimmed.utf8.contains(UInt8(ascii: ":")) {
            for (code, emoji) in statusShortcodes where trimmed.containsBytes(of: code) {
                trimmed = trimmed.replacingOccurrences(of: code, with: emoji)
            }
        }
        if checkMarks.contains(trimmed) || ["x", "X", "[x]", "[X]"].contains(trimmed) {
            action.state = .done
            return
        }
        // The text from its first letter or digit: marks and emoji before it are no part of the
        // state ("50% done" keeps its number, and is open).
        let text = String(trimmed.drop { !$0.isLetter && !$0.isNumber })
        var lower = text.lowercased()
        if lower.containsBytes(of: "\u{2019}") { lower = lower.replacingOccurrences(of: "\u{2019}", with: "'") }
        /// The rest after `phrase` at the start, when the phrase is whole there (nil otherwise).
        func rest(after phrase: String) -> Substring? {
            guard lower.hasPrefix(phrase) else { return nil }
            let after = text.dropFirst(phrase.count)
            guard after.first.map({ !$0.isLetter && !$0.isNumber }) ?? true else { return nil }
            return after
        }
        // "Closed - Won't Fix", "Resolved: Duplicate" (Jira's resolutions): closed as the rest says.
        for closed in ["closed", "resolved"] {
            guard let after = rest(after: closed), case let tail = after.drop(while: { " -–—:".contains($0) }),
                  tail.count < after.count, case let next = tail.lowercased().replacingOccurrences(of: "\u{2019}", with: "'"),
                  jiraNotDoing.contains(where: { next.hasPrefix($0) && next.dropFirst($0.count).first.map { !$0.isLetter } ?? true })
            else { continue }
            applyStatus(String(tail), to: &action)
            return
        }
        // "Duplicate of EML-88", "Superseded by OPS-9": not done here, and the whole status is why.
        if let after = rest(after: "duplicate") ?? rest(after: "superseded"), after.isEmpty || after.first == " " || after.first == ":" {
            action.state = .notDoing
            action.reason = text
            return
        }
        for phrase in notDoingWords {
            guard let after = rest(after: phrase) else { continue }
            action.state = .notDoing
            var reason = after.trimmingWhitespace()[...]
            var opened: Character? = nil
            while let first = reason.first, ":,;-–—([.".contains(first) {
                if first == "(" || first == "[" { opened = first == "(" ? ")" : "]" }
                reason = reason.dropFirst().trimmingWhitespace()[...]
            }
            // "Won't do (replaced by OPS-9)", "won't do [see OPS-2]": the closing bracket of the
            // one opened before it.
            if let opened, reason.last == opened { reason = reason.dropLast() }
            let text = reason.trimmingWhitespace()
            if !text.isEmpty { action.reason = text }
            return
        }
        for phrase in statusDoneWords {
            guard let after = rest(after: phrase) else { continue }
            // "Done.", "Done (2026-09-01)", "done: shipped in 4.2"; not "done for the API, not the UI".
            let tail = after.trimmingWhitespace()
            // "Released in v2.3", "Deployed to prod": where it went.
            if ["shipped", "deployed", "released"].contains(phrase), tail.hasPrefix("in ") || tail.hasPrefix("to ") || tail.hasPrefix("on ") {
                action.state = .done
                return
            }
            // "Complete ✅" too.
            if tail.isEmpty || tail == "." || tail.hasPrefix("(") || tail.hasPrefix(":") || tail.hasPrefix("-") || tail.hasPrefix("–") || tail.hasPrefix("—")
                || checkMarks.contains(tail) {
                action.state = .done
                return
            }
        }
        action.state = .open
    }

    /// Jira's resolutions that close an issue without doing it, after "Closed" or "Resolved".
    static let jiraNotDoing = ["won't fix", "wontfix", "won't do", "duplicate", "declined", "rejected", "not planned"]

    /// A status that is a check mark alone is done.
    static let checkMarks: Set<String> = ["✅", "✔", "✔️", "☑", "☑️", "✓"]

    static func matchingOpen(_ text: String) -> String.Index? {
        if text.isASCIIBytes {
            // In ASCII only "\r\n" is a Character of two bytes, and it holds no parenthesis: the
            // same walk on the bytes.
            var depth = 0
            var index = text.utf8.endIndex
            while index > text.utf8.startIndex {
                index = text.utf8.index(before: index)
                switch text.utf8[index] {
                case UInt8(ascii: ")"): depth += 1
                case UInt8(ascii: "("):
                    depth -= 1
                    if depth == 0 { return index }
                default: break
                }
            }
            return nil
        }
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            switch text[index] {
            case ")": depth += 1
            case "(":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }

    static func firstHandle(in text: String) -> String? {
        guard let at = text.firstIndex(of: "@") else { return nil }
        if at > text.startIndex, text[text.index(before: at)].isLetter || text[text.index(before: at)].isNumber { return nil }
        var handle = text[text.index(after: at)...].prefix { $0.isLetter || $0.isNumber || "._-".contains($0) }
        // A GitHub team, `@acme/sre-team`: the organisation, a slash and the team.
        if handle.endIndex < text.endIndex, text[handle.endIndex] == "/", !handle.isEmpty,
           case let team = text[text.index(after: handle.endIndex)...].prefix(while: { $0.isLetter || $0.isNumber || "._-".contains($0) }),
           team.first?.isLetter == true || team.first?.isNumber == true {
            handle = text[handle.startIndex..<team.endIndex]
        }
        let trimmed = handle.trimmingCharacters(in: CharacterSet(charactersIn: "._-"))
        return trimmed.isEmpty ? nil : trimmed
    }

    static func isTicketURL(_ url: String) -> Bool {
        ["/issues/", "/pull/", "/browse/", "/tickets/", "/ticket/", "/merge_requests/", "/-/issues/", "linear.app/"]
            .contains { url.containsBytes(of: $0) && url.contains($0) }
    }

    /// Standards, encodings and algorithms written like ticket ids ("UTF-8", "SHA-256",
    /// "ISO-8601", "HTTP-2"), by their prefix and the numbers they go with: `TLS-1042` or
    /// `HTTP-404` may well be a team's tickets. An empty set is any number (an RFC, a CVE). Words
    /// a team may use as a project key ("SEC", "SEV", "SOC") are not listed.
    static let notTickets: [String: Set<String>] = [
        "UTF": ["7", "8", "16", "32"], "UCS": ["2", "4"], "SHA": ["1", "2", "3", "224", "256", "384", "512"], "MD": ["4", "5"],
        "AES": ["128", "192", "256"], "RSA": ["1024", "2048", "3072", "4096"], "HMAC": ["256", "512"], "CRC": ["16", "32", "64"],
        "ISO": [], "HTTP": ["1", "2", "3"], "TLS": ["1", "2", "3"], "PCIE": [], "ANSI": [],
        "SSL": ["2", "3"], "IPV": ["4", "6"], "UTC": [], "GMT": [], "RFC": [], "CVE": [], "CWE": [], "PEP": [], "IEEE": [],
        "ECMA": [], "COVID": ["19"], "DDR": ["3", "4", "5"], "USB": ["2", "3"], "AVX": ["2", "512"], "SSE": ["2", "3", "4"],
        "LZ": ["4", "77"], "XXH": ["3", "32", "64", "128"],
    ]

    /// True when `prefix-number` is a standard's name (``notTickets``).
    static func isStandard(prefix: String, number: String) -> Bool {
        guard let numbers = notTickets[prefix] else { return false }
        return numbers.isEmpty || numbers.contains(number)
    }

    /// The first Jira-style id in `text` (`OPS-412`: two or more capitals, a hyphen, digits), not
    /// a standard's name (``isStandard(prefix:number:)``).
    static func firstTicketID(in text: String) -> String? {
        var text = text
        // The closure's nil is text that is not ASCII; `.some(nil)` is ASCII text without an id.
        if let found = text.withUTF8({ bytes -> String?? in
            ByteSearch.isASCII(bytes) ? .some(firstTicketIDASCII(bytes)) : nil
        }) { return found }
        return firstTicketIDWalking(in: text)
    }

    /// ``firstTicketID(in:)`` on the bytes of ASCII text, whose letters are A–Z and a–z and whose
    /// numbers are 0–9. A word is a run of those and `-`; its parts are the non-empty runs between
    /// hyphens.
    static func firstTicketIDASCII(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        func isWordByte(_ c: UInt8) -> Bool {
            (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == UInt8(ascii: "-")
        }
        let n = b.count
        var i = 0
        while i < n {
            guard isWordByte(b[i]) else { i += 1; continue }
            let start = i
            while i < n, isWordByte(b[i]) { i += 1 }
            // The word's parts: runs between hyphens, empty ones left out.
            var parts: [(Int, Int)] = []
            var j = start
            while j < i, parts.count <= 2 {
                while j < i, b[j] == UInt8(ascii: "-") { j += 1 }
                guard j < i else { break }
                let partStart = j
                while j < i, b[j] != UInt8(ascii: "-") { j += 1 }
                parts.append((partStart, j))
            }
            if parts.count == 2, parts[0].1 - parts[0].0 >= 2,
               (parts[0].0..<parts[0].1).allSatisfy({ b[$0] >= 65 && b[$0] <= 90 }),
               (parts[1].0..<parts[1].1).allSatisfy({ b[$0] >= 48 && b[$0] <= 57 }),
               !isStandard(prefix: String(decoding: UnsafeBufferPointer(rebasing: b[parts[0].0..<parts[0].1]), as: UTF8.self),
                           number: String(decoding: UnsafeBufferPointer(rebasing: b[parts[1].0..<parts[1].1]), as: UTF8.self)) {
                return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            }
        }
        return nil
    }

    /// ``firstTicketID(in:)`` on Characters.
    static func firstTicketIDWalking(in text: String) -> String? {
        for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
            let parts = word.split(separator: "-")
            if parts.count == 2, parts[0].count >= 2, parts[0].allSatisfy({ $0.isUppercase && $0.isASCII }),
               parts[1].allSatisfy(\.isNumber), !isStandard(prefix: String(parts[0]), number: String(parts[1])) {
                return String(word)
            }
        }
        return nil
    }

    // MARK: Tables

    static func column(for header: String) -> String? {
        let h = SectionTitles.normalise(header)
        switch h {
        case "action", "action item", "actions", "item", "description", "task", "what", "follow up", "remediation", "title", "summary":
            return "text"
        case "owner", "owners", "owner s", "owner team", "assignee", "assignees", "assigned", "assigned to", "owned by", "who", "dri",
             "responsible": return "owner"
        case "bug", "ticket", "issue", "jira", "link", "tracking", "pr", "tickets", "reference", "tracking bug",
             "tracking issue", "tracking ticket", "jira ticket", "jira issue", "issue link", "ticket link", "bug link",
             "ticket id", "issue id", "github issue": return "ticket"
        case "due", "due date", "deadline", "by", "eta", "target date", "due by", "due dates", "deadlines": return "due"
        // A target can be a date, a release, a service or a number: its cells that are dates
        // are the due dates, in a table without a due column (``tableActions``).
        case "target", "targets", "target release", "target quarter": return "target"
        case "type", "kind", "category", "types": return "type"
        case "priority", "prio", "pri", "priorities": return "priority"
        case "status", "state", "done", "statuses": return "status"
        default: return nil
        }
    }

    /// The column a header one letter off misspells (`Owmer`, `Ownr`, `Tckt` is two off) when
    /// every cell of its column holds that column's kind of value: handles for an owner, dates for
    /// a due date, tickets for a ticket. Such headers are too often words of their own to be
    /// told by their letters alone (``misspelling(_:)``: `Tiket` could be a column's own name,
    /// a column of `@handles` under it is not).
    static func misspelling(_ raw: String, heading column: Int, of table: MarkdownNode) -> String? {
        let values = table.children.dropFirst().compactMap { row -> String? in
            guard column < row.children.count else { return nil }
            let value = removingComments(row.children[column].plainText).trimmingWhitespace()
            return value.isEmpty ? nil : value
        }
        guard !values.isEmpty else { return nil }
        return ["owner", "due", "ticket", "deadline", "assignee"].first { key in
            raw.count >= key.count - 1 && editDistance(raw, key) == 1 && values.allSatisfy { value in
                switch key {
                case "due", "deadline": isDateShaped(value)
                case "ticket": looksLikeTicket(value)
                default: value.hasPrefix("@") && value.count > 1 && !value.contains(" ")
                }
            }
        }
    }

    /// A ticket cell that ends in a state in capitals (`Bug 5554825 DONE`, `OPS-4 TODO`), as the
    /// Google SRE book's Action Items table writes one: the ticket (`n/a` is `none`) and the state.
    static func ticketAndStatus(_ cell: String) -> (String, String)? {
        // `OPS-6 (in progress)`, `n/a (won't fix)`, `PAY-114 (Won't Do - replaced by PAY-200)`,
        // `(Backlog)`: a state in words, in parentheses after a ticket (or alone, no ticket).
        if cell.hasSuffix(")"), let open = matchingOpen(cell), case let ticket = cell[..<open].trimmingWhitespace(),
           ticket.isEmpty || firstTicketID(in: ticket) == ticket || isIssueNumber(ticket) || isTicketURL(ticket)
               || noTicketWords.contains(ticket.lowercased()),
           case let state = cell[cell.index(after: open)..<cell.index(before: cell.endIndex)].trimmingWhitespace(),
           namesAState(state) {
            return (noTicketWords.contains(ticket.lowercased()) ? "none" : ticket, state)
        }
        guard let space = cell.lastIndex(of: " "), case let word = cell[cell.index(after: space)...],
              cellStates.contains(String(word)) else { return nil }
        let ticket = cell[..<space].trimmingWhitespace()
        guard !ticket.isEmpty else { return nil }
        return (noTicketWords.contains(ticket.lowercased()) ? "none" : ticket, String(word))
    }

    /// A ticket cell that says there is none (`n/a`), read as `none`.
    static let noTicketWords: Set<String> = ["n/a", "na", "n.a.", "none"]

    /// The states ``ticketAndStatus(_:)`` reads after a ticket, in capitals.
    static let cellStates = Set((doneWords + notDoingWords + ["todo", "open"]).filter { !$0.contains(" ") }.map { $0.uppercased() })
    /// True when `text`, in parentheses after a ticket, is a state: one of ``parenthesisStates``
    /// (marks such as ✅ around it aside), a duplicate, or a state with more after it (`Won't Do -
    /// replaced by PAY-200`, `Closed - duplicate`).
    static func namesAState(_ text: String) -> Bool {
        var lower = text.lowercased()
        if lower.containsBytes(of: "\u{2019}") { lower = lower.replacingOccurrences(of: "\u{2019}", with: "'") }
        let words = String(lower.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed())
        // More after the state only after a dash, a colon or a bracket, as a Status cell's
        // (`Done, see PR 12` is open, as "done for the API, not the UI" is).
        // (`Closed-loop alerting` is none: a dash right after the word joins it.)
        func startsWith(_ phrase: String) -> Bool {
            guard words.hasPrefix(phrase) else { return false }
            let rest = words.dropFirst(phrase.count)
            let after = rest.drop { $0 == " " }
            guard let next = after.first else { return true }
            return ":(.".contains(next) || "-–—".contains(next) && after.count < rest.count
        }
        return parenthesisStates.contains(words) || words.hasPrefix("duplicate of ") || startsWith("duplicate")
            || parenthesisStates.contains(where: startsWith)
    }

    /// The states ``ticketAndStatus(_:)`` reads in parentheses after a ticket, lowercased.
    static let parenthesisStates = Set(doneWords + notDoingWords + ["todo", "to do", "open", "in progress", "in review", "wip", "blocked",
                                                                    "pending", "not started", "started", "ongoing", "planned", "backlog"])

    static func tableActions(_ table: MarkdownNode, group: String?, started: CalendarDate?, into result: inout [FollowUpAction],
                             labelled: inout [Int], problems: inout [Problem]) {
        guard let header = table.children.first(where: { if case .tableRow(true) = $0.kind { return true }; return false }) else { return }
        let columns = header.children.map { column(for: $0.plainText) }
        let textColumn = columns.firstIndex(of: "text") ?? 0
        let tableState = groupState(group)
        // A header pm does not read that is a misspelling of one it does (`Tikcet`): its cells
        // are not read, and PM051 would say the action has no ticket.
        for (i, cell) in header.children.enumerated() where columns[i] == nil && i != textColumn {
            let title = cell.plainText.trimmingWhitespace()
            // Only names of columns pm reads (`reason` is a key in a list item, not a column).
            guard title.count >= 3, title.count <= 12, title.allSatisfy(\.isLetter),
                  let near = misspelling(title.lowercased()) ?? misspelling(title.lowercased(), heading: i, of: table),
                  column(for: near) != nil else { continue }
            problems.append(Problem(.invalidActionMetadata,
                "column `\(title)` is not one pm reads, so its cells were not read; did you mean `\(near.prefix(1).uppercased() + near.dropFirst())`?",
                at: cell.range ?? header.range ?? table.range))
        }
        for row in table.children {
            if case .tableRow(true) = row.kind { continue }
            // A comment in a cell (`2026-12-01 <!-- pm-lint disable-line PM052 -- … -->`) is no
            // part of its value.
            // Values on lines of their own in a cell (`@dana.k<br>@li.w`, `OPS-1<br>OPS-2`) are
            // listed as commas list them; the action's text reads on across its lines.
            let cells = row.children.enumerated().map { i, cell in
                removingComments(i != textColumn && cell.holdsBreakTag ? cell.plainTextLines.joined(separator: ", ") : cell.plainText)
                    .trimmingWhitespace()
            }
            guard textColumn < cells.count, !cells[textColumn].isEmpty else { continue }
            var action = FollowUpAction(text: cells[textColumn], range: row.range ?? table.range ?? SourceRange(line: 1))
            action.group = group
            if isStruckThrough(row.children[textColumn]) { action.state = .done }
            var metadata: [(String, String)] = []
            for (i, column) in columns.enumerated() where i < cells.count && i != textColumn {
                guard var column, !cells[i].isEmpty else { continue }
                if column == "target" {
                    // `2026-06-30` in a "Target" column; `v2.14`, `Q3`, `p99 < 300 ms` are not dates.
                    guard !columns.contains("due"), isDateShaped(cells[i]) || dueDate(cells[i]) != .unread else { continue }
                    column = "due"
                }
                // "~~Open~~ Done": a status struck through is the one it replaced.
                if column == "ticket", let (ticket, status) = ticketAndStatus(cells[i]) {
                    // `Bug 5554825 DONE`, `n/a TODO` (the Google SRE book's Action Items table).
                    if !ticket.isEmpty { metadata.append(("ticket", ticket)) }
                    // The Status column's, unless its cell is empty.
                    if !columns.indices.contains(where: { columns[$0] == "status" && $0 < cells.count && !cells[$0].isEmpty }) {
                        metadata.append(("status", status))
                    }
                    continue
                }
                // As for a ticket, an owner or a date replaced: `~~OPS-9~~ OPS-10`, `~~2026-11-01~~ 2026-12-01`.
                metadata.append((column, unstruckText(of: row.children[i]) ?? cells[i]))
            }
            // Of several ticket columns ("Issue" describing the problem, and "Jira ticket"), the
            // cells that hold a ticket, when any does.
            let tickets = metadata.filter { $0.0 == "ticket" }
            if tickets.count > 1, case let held = tickets.filter({ looksLikeTicket($0.1) }), !held.isEmpty {
                metadata = metadata.filter { $0.0 != "ticket" } + held
            }
            apply(metadata, to: &action, problems: &problems)
            // A table under `### Completed` or `**Won't do**`, without a Status column.
            if action.state == .open, !columns.contains("status"), !metadata.contains(where: statesAState), let state = tableState {
                action.state = state
            }
            // A colonless metadata parenthesis at the end of the action's cell (a full stop after
            // it allowed), as in a list item: read for what the columns left unset (a `TBD` owner
            // cell included), and taken out of the text.
            let cell = action.text.hasSuffix(").") ? String(action.text.dropLast()) : action.text
            if cell.hasSuffix(")"), let open = matchingOpen(cell),
               let loose = loosePairs(cell[cell.index(after: open)..<cell.index(before: cell.endIndex)]) {
                let unset = loose.filter { key, _ in
                    key == "owner" ? action.owner == nil : key == "due" ? action.due == nil : action.ticket == nil
                }
                apply(unset, to: &action, problems: &problems)
                metadata += unset
                action.text = String(cell[..<open]).trimmingWhitespace()
            }
            let rowLinks = links(in: row)
            if action.ticket == nil {
                action.ticket = rowLinks.first(where: isTicketURL) ?? firstTicketID(in: action.text) ?? trackedIssue(in: action.text)
                if action.ticket != nil, action.ticket == leadingLabel(action.text)?.id { labelled.append(result.count) }
            }
            if action.owner == nil, let handle = firstHandle(in: action.text) { action.owner = handle }
            applyWrittenDue(in: action.text, to: &action, metadata: metadata, started: started, problems: &problems)
            if let ticket = action.ticket, ticket.hasPrefix("[") || rowLinks.contains(where: { ticket.contains($0) }) == false,
               let url = rowLinks.first(where: isTicketURL), !(ticket.containsBytes(of: "-") && ticket.contains(where: { $0 == "-" })) {
                action.ticket = url
            }
            if action.owner == nil, let group, let owner = ownerLabel(group) { action.owner = owner }
            result.append(action)
        }
    }
}

import Foundation
