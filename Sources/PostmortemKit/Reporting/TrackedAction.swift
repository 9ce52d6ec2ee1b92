/// What the report needs of a follow-up action to count it, sort it and judge it overdue: its
/// state, owner and due date. The streaming report keeps this for every action of the corpus and
/// leaves the rest (the text, ticket, reason…) in its spill, read back when a page or a row of
/// the index shows the action (see ``ActionSpill``). A document of the generated corpus has about
/// six actions; kept whole they were a quarter of the report's memory.
public struct TrackedAction: Sendable, Hashable {
    public var owner: String?
    /// The due date as days since 1970-01-01, `Int32.min` for none: 24 bytes a value, where an
    /// optional ``CalendarDate`` (three `Int`s) made it 48.
    private var dueDay: Int32
    public var state: FollowUpAction.State

    public init(_ action: FollowUpAction) {
        owner = action.owner
        dueDay = action.due.map { Int32($0.daysSinceEpoch) } ?? .min
        state = action.state
    }

    public var due: CalendarDate? {
        dueDay == .min ? nil : CalendarDate(daysSinceEpoch: Int(dueDay))
    }
}

/// A document's follow-up actions as one string for a ``BodySpill``, and back: every field but the
/// H3 group (which the report does not show), each as its UTF-8 length, `:` and its bytes, or
/// `~` when absent, so any text round-trips whatever characters it holds.
public enum ActionSpill {
    public static func spilled(_ actions: [FollowUpAction]) -> String {
        var text = ""
        func add(_ field: String?) {
            guard let field else { return text += "~" }
            text += "\(field.utf8.count):"
            text += field
        }
        for action in actions {
            add(action.text)
            add(action.state.rawValue)
            add(action.owner)
            add(action.due?.description)
            add(action.type)
            add(action.priority)
            add(action.ticket)
            add(action.reason)
            add("\(action.range.start.line) \(action.range.start.column) \(action.range.end.line) \(action.range.end.column)")
        }
        return text
    }

    /// The actions ``spilled(_:)`` wrote (without their groups); nil when `text` is not what it writes.
    public static func unspilled(_ text: String) -> [FollowUpAction]? {
        var text = text
        return text.withUTF8 { bytes -> [FollowUpAction]? in
            var at = 0
            func field() -> String?? {
                guard at < bytes.count else { return .none }
                if bytes[at] == UInt8(ascii: "~") {
                    at += 1
                    return .some(nil)
                }
                var length = 0
                while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]), length < bytes.count {
                    length = length * 10 + Int(bytes[at] - UInt8(ascii: "0"))
                    at += 1
                }
                guard at < bytes.count, bytes[at] == UInt8(ascii: ":"), length <= bytes.count - at - 1 else { return .none }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<(at + 1 + length)]), as: UTF8.self)
                at += 1 + length
                return .some(value)
            }
            var actions: [FollowUpAction] = []
            while at < bytes.count {
                guard let text = field(), let text, let state = field(), let state, let stateValue = FollowUpAction.State(rawValue: state),
                      let owner = field(), let due = field(), let type = field(), let priority = field(),
                      let ticket = field(), let reason = field(), let range = field(), let range else { return nil }
                let numbers = range.split(separator: " ").compactMap { Int($0) }
                guard numbers.count == 4 else { return nil }
                var action = FollowUpAction(text: text, state: stateValue,
                                            range: SourceRange(start: SourceLocation(line: numbers[0], column: numbers[1]),
                                                               end: SourceLocation(line: numbers[2], column: numbers[3])))
                action.owner = owner
                if let due {
                    guard let date = CalendarDate(due) else { return nil }
                    action.due = date
                }
                action.type = type
                action.priority = priority
                action.ticket = ticket
                action.reason = reason
                actions.append(action)
            }
            return actions
        }
    }
}
