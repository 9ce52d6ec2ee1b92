/// Follow-up actions from "Follow-up actions", "Action items", "Remediation" and their synonyms,
/// including groups under H3 headings, written as task lists, plain or ordered lists, or tables.
///
/// Metadata is read from `(key: value, …)` at the end of an item or `- key: value, …` after a
/// dash; `@handles` become owners, issue links and `ABC-123` ids tickets; `[x]`, `(done)` and a
/// fully struck-through item mean done; `won't do: reason` means not doing.
enum ActionExtractor {
    static func actions(in outline: Outline, problems: inout [Problem]) -> [FollowUpAction] {
        var result: [FollowUpAction] = []
        for root in outline.indices(of: [.actions]) {
            for index in outline.subtree(root) {
                let entry = outline.entries[index]
                let group = index == root ? nil : entry.title
                for block in entry.blocks {
                    switch block.kind {
                    case .list:
                        listActions(block, group: group, into: &result, problems: &problems)
                    case .table:
                        tableActions(block, group: group, into: &result, problems: &problems)
                    default:
                        continue
                    }
                }
            }
        }
        return result
    }

    // MARK: Lists

    static func listActions(_ list: MarkdownNode, group: String?, into result: inout [FollowUpAction],
                            problems: inout [Problem]) {
        for item in list.children {
            guard case .item(let task) = item.kind else { continue }
            let paragraphs = item.children.filter { if case .paragraph = $0.kind { return true }; return false }
            let nestedLists = item.children.filter { if case .list = $0.kind { return true }; return false }
            let lead = paragraphs.first
            let text = (lead?.plainText ?? "").trimmingWhitespaceAndNewlines()
            // "**Short term:**" with a nested list is a group, not an action.
            if task == nil, let lead, !nestedLists.isEmpty, isLabelOnly(lead) {
                var label = text
                if label.hasSuffix(":") { label.removeLast() }
                for nested in nestedLists {
                    listActions(nested, group: label, into: &result, problems: &problems)
                }
                continue
            }
            guard !text.isEmpty else { continue }
            let range = item.range ?? list.range ?? SourceRange(line: 1)
            var action = FollowUpAction(text: text, state: task == true ? .done : .open, range: range)
            action.group = group
            if let lead, isStruckThrough(lead) { action.state = .done }
            applyInlineMetadata(to: &action, links: links(in: item), problems: &problems)
            result.append(action)
        }
    }

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

    static func links(in node: MarkdownNode) -> [String] {
        var result: [String] = []
        node.walk { if case .link(let destination, _) = $0.kind { result.append(destination) } }
        return result
    }

    // MARK: Metadata

    /// Canonical metadata keys and what people write for them.
    static let keyAliases: [String: String] = [
        "owner": "owner", "owners": "owner", "assignee": "owner", "assigned": "owner", "assigned to": "owner",
        "who": "owner", "dri": "owner", "due": "due", "due date": "due", "deadline": "due", "by": "due",
        "eta": "due", "target": "due", "type": "type", "kind": "type", "category": "type", "priority": "priority",
        "prio": "priority", "pri": "priority", "ticket": "ticket", "tickets": "ticket", "bug": "ticket",
        "issue": "ticket", "jira": "ticket", "link": "ticket", "tracking": "ticket", "pr": "ticket",
        "status": "status", "state": "status", "won't do": "wontdo", "wont do": "wontdo", "won t do": "wontdo",
        "not doing": "wontdo", "won't fix": "wontdo", "wontfix": "wontdo", "won't": "wontdo", "reason": "reason",
    ]

    static func canonicalKey(_ raw: Substring) -> String? {
        var key = raw.trimmingWhitespace().lowercased()
        if key.containsBytes(of: "\u{2019}") { key = key.replacingOccurrences(of: "\u{2019}", with: "'") }
        return keyAliases[key]
    }

    /// Splits `k: v, k: v` into pairs; `won't do:` takes the rest of the text as its reason.
    /// Nil when the text does not read as metadata (its first part has no known key).
    static func pairs(_ text: Substring) -> [(String, String)]? {
        // In ASCII text the only Character of two bytes is "\r\n", which holds no separator, so a
        // separator byte is a separator Character and the search can run on the bytes. Other
        // text compares Characters, where U+037E GREEK QUESTION MARK equals ";".
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        func first(_ a: Character, or b: Character? = nil, in text: Substring) -> String.Index? {
            guard isASCII, let byteA = a.asciiValue else { return text.firstIndex { $0 == a || $0 == b } }
            let byteB = b?.asciiValue
            return text.utf8.firstIndex { $0 == byteA || $0 == byteB }
        }
        func after(_ index: String.Index, in text: Substring) -> String.Index {
            isASCII ? text.utf8.index(after: index) : text.index(after: index)
        }
        var result: [(String, String)] = []
        var remaining = text[...]
        while !remaining.isEmpty {
            guard let colon = first(":", in: remaining), let key = canonicalKey(remaining[..<colon]) else {
                if result.isEmpty { return nil }
                // A comma inside a value: "due: 2026-07-28, type: prevent" split fine; anything
                // else belongs to the previous value.
                result[result.count - 1].1 += ", " + remaining.trimmingWhitespace()
                break
            }
            let afterColon = remaining[after(colon, in: remaining)...]
            if key == "wontdo" || key == "reason" {
                result.append((key, afterColon.trimmingWhitespace()))
                break
            }
            if let comma = first(",", or: ";", in: afterColon) {
                result.append((key, afterColon[..<comma].trimmingWhitespace()))
                remaining = afterColon[after(comma, in: afterColon)...].drop { $0 == " " }
            } else {
                result.append((key, afterColon.trimmingWhitespace()))
                break
            }
        }
        return result
    }

    static func applyInlineMetadata(to action: inout FollowUpAction, links: [String], problems: inout [Problem]) {
        var text = action.text
        var metadata: [(String, String)] = []
        // `(done)`, `[done]` markers.
        for marker in ["(done)", "[done]", "(completed)", "(fixed)", "✅", "(DONE)", "(Done)"]
            where text.containsBytes(of: marker) && text.contains(marker) {
            action.state = .done
            text = text.replacingOccurrences(of: marker, with: "")
        }
        text = text.trimmingWhitespace()
        // Trailing `( … )` with key: value pairs; the parenthesis may contain nested ones.
        if text.hasSuffix(")"), let open = matchingOpen(text), let parsed = pairs(text[text.index(after: open)..<text.index(before: text.endIndex)]) {
            metadata = parsed
            text = String(text[..<open]).trimmingWhitespace()
        } else {
            // `text - owner: @x, due: …` or `text — owner: …`.
            for separator in [" - ", " — ", " – ", " | "] {
                if let range = text.lastRange(ofBytes: separator),
                   let parsed = pairs(text[range.upperBound...]) {
                    metadata = parsed
                    text = String(text[..<range.lowerBound]).trimmingWhitespace()
                    break
                }
            }
        }
        action.text = text
        apply(metadata, to: &action, problems: &problems)
        if action.owner == nil, let handle = firstHandle(in: text) { action.owner = handle }
        if action.ticket == nil {
            action.ticket = links.first(where: isTicketURL) ?? firstTicketID(in: text)
        }
    }

    static func apply(_ metadata: [(String, String)], to action: inout FollowUpAction, problems: inout [Problem]) {
        for (key, value) in metadata {
            switch key {
            case "owner":
                let owner = value.trimmingWhitespace()
                action.owner = owner.hasPrefix("@") ? String(owner.dropFirst()) : owner
                if action.owner?.isEmpty == true || ["tbd", "?", "none", "-", "—"].contains(owner.lowercased()) { action.owner = nil }
            case "due":
                let v = value.trimmingWhitespace()
                if let date = CalendarDate(v) {
                    action.due = date
                } else if !v.isEmpty, !["-", "—", "n/a", "none", "tbd", "yyyy-mm-dd"].contains(v.lowercased()) {
                    problems.append(Problem(.invalidActionMetadata,
                        "due date `\(v)` is not a real YYYY-MM-DD date", at: action.range))
                }
            case "type": action.type = value.isEmpty ? nil : value.lowercased()
            case "priority": action.priority = value.isEmpty ? nil : value.uppercased()
            case "ticket": action.ticket = value.isEmpty || value == "—" || value == "-" ? nil : value
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

    static func applyStatus(_ value: String, to action: inout FollowUpAction) {
        var lower = value.lowercased()
        if lower.containsBytes(of: "\u{2019}") { lower = lower.replacingOccurrences(of: "\u{2019}", with: "'") }
        if let colon = lower.firstIndex(of: ":"), ["won't do", "wont do", "not doing", "won't fix", "wontfix"]
            .contains(lower[..<colon].trimmingWhitespace()) {
            action.state = .notDoing
            let reason = value[value.index(after: value.firstIndex(of: ":")!)...].trimmingWhitespace()
            action.reason = reason.isEmpty ? nil : reason
            return
        }
        switch lower.trimmingWhitespace() {
        case "done", "closed", "complete", "completed", "fixed", "resolved", "merged", "yes", "✅", "x", "[x]":
            action.state = .done
        case "won't do", "wont do", "not doing", "won't fix", "wontfix", "rejected", "declined", "cancelled", "canceled":
            action.state = .notDoing
        default:
            action.state = .open
        }
    }

    static func matchingOpen(_ text: String) -> String.Index? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
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
        let handle = text[text.index(after: at)...].prefix { $0.isLetter || $0.isNumber || "._-".contains($0) }
        let trimmed = handle.trimmingCharacters(in: CharacterSet(charactersIn: "._-"))
        return trimmed.isEmpty ? nil : trimmed
    }

    static func isTicketURL(_ url: String) -> Bool {
        ["/issues/", "/pull/", "/browse/", "/tickets/", "/ticket/", "/merge_requests/", "/-/issues/", "linear.app/"]
            .contains { url.containsBytes(of: $0) && url.contains($0) }
    }

    /// A Jira-style `OPS-412`.
    static func firstTicketID(in text: String) -> String? {
        for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
            let parts = word.split(separator: "-")
            if parts.count == 2, parts[0].count >= 2, parts[0].allSatisfy({ $0.isUppercase && $0.isASCII }),
               parts[1].allSatisfy(\.isNumber) {
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
        case "owner", "owners", "assignee", "who", "dri", "responsible": return "owner"
        case "bug", "ticket", "issue", "jira", "link", "tracking", "pr", "tickets", "reference": return "ticket"
        case "due", "due date", "deadline", "by", "eta", "target date": return "due"
        case "type", "kind", "category": return "type"
        case "priority", "prio", "pri": return "priority"
        case "status", "state", "done": return "status"
        default: return nil
        }
    }

    static func tableActions(_ table: MarkdownNode, group: String?, into result: inout [FollowUpAction],
                             problems: inout [Problem]) {
        guard let header = table.children.first(where: { if case .tableRow(true) = $0.kind { return true }; return false }) else { return }
        let columns = header.children.map { column(for: $0.plainText) }
        let textColumn = columns.firstIndex(of: "text") ?? 0
        for row in table.children {
            if case .tableRow(true) = row.kind { continue }
            let cells = row.children.map { $0.plainText.trimmingWhitespace() }
            guard textColumn < cells.count, !cells[textColumn].isEmpty else { continue }
            var action = FollowUpAction(text: cells[textColumn], range: row.range ?? table.range ?? SourceRange(line: 1))
            action.group = group
            if isStruckThrough(row.children[textColumn]) { action.state = .done }
            var metadata: [(String, String)] = []
            for (i, column) in columns.enumerated() where i < cells.count && i != textColumn {
                guard let column, !cells[i].isEmpty else { continue }
                metadata.append((column, cells[i]))
            }
            apply(metadata, to: &action, problems: &problems)
            let rowLinks = links(in: row)
            if action.ticket == nil { action.ticket = rowLinks.first(where: isTicketURL) ?? firstTicketID(in: action.text) }
            if action.owner == nil, let handle = firstHandle(in: action.text) { action.owner = handle }
            if let ticket = action.ticket, ticket.hasPrefix("[") || rowLinks.contains(where: { ticket.contains($0) }) == false,
               let url = rowLinks.first(where: isTicketURL), !(ticket.containsBytes(of: "-") && ticket.contains("-")) {
                action.ticket = url
            }
            result.append(action)
        }
    }
}

import Foundation
