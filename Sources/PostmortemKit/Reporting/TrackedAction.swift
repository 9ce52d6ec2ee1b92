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
/// H3 group (which the report does not show), in ``SpillFields``.
public enum ActionSpill {
    public static func spilled(_ actions: [FollowUpAction]) -> String {
        var fields = SpillFields()
        for action in actions {
            fields.add(action.text)
            fields.add(action.state.rawValue)
            fields.add(action.owner)
            fields.add(action.due?.description)
            fields.add(action.type)
            fields.add(action.priority)
            fields.add(action.ticket)
            fields.add(action.reason)
            fields.add("\(action.range.start.line) \(action.range.start.column) \(action.range.end.line) \(action.range.end.column)")
        }
        return fields.text
    }

    /// The actions ``spilled(_:)`` wrote (without their groups); nil when `text` is not what it writes.
    public static func unspilled(_ text: String) -> [FollowUpAction]? {
        SpillFields.read(text) { reader -> [FollowUpAction]? in
            var actions: [FollowUpAction] = []
            while !reader.isAtEnd {
                guard let action = action(&reader) else { return nil }
                actions.append(action)
            }
            return actions
        }
    }

    /// The action at `position` among those ``spilled(_:)`` wrote, read without making the text of
    /// the ones before it (an index row shows one action of a document); nil when `text` has no
    /// such action or that action is not what ``spilled(_:)`` writes. Of the actions before it,
    /// only the framing of their fields is checked, not their values: the report also reads every
    /// document's actions whole, with ``unspilled(_:)``, for its page.
    public static func unspilled(_ text: String, at position: Int) -> FollowUpAction? {
        // Every action takes at least one byte a field.
        guard position >= 0, position <= text.utf8.count / fieldsPerAction else { return nil }
        return SpillFields.read(text) { reader -> FollowUpAction? in
            for _ in 0..<(position * fieldsPerAction) {
                guard reader.skip() else { return nil }
            }
            return action(&reader)
        }
    }

    /// The fields ``spilled(_:)`` writes for each action.
    static let fieldsPerAction = 9

    /// The next action's fields, as ``spilled(_:)`` wrote them.
    private static func action(_ reader: inout SpillFields.Reader) -> FollowUpAction? {
        guard let text = reader.present(), let state = reader.present(), let stateValue = FollowUpAction.State(rawValue: state),
              let owner = reader.field(), let due = reader.field(), let type = reader.field(), let priority = reader.field(),
              let ticket = reader.field(), let reason = reader.field(), let range = reader.present() else { return nil }
        // Split on the space byte: the same pieces as splitting the characters, as the
        // text is digits and spaces, without reading it character by character.
        let numbers = range.utf8.split(separator: UInt8(ascii: " ")).compactMap { Int(Substring($0)) }
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
        return action
    }
}
