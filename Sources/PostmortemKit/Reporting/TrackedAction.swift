/// What the report needs of a follow-up action to count it, sort it and judge it overdue: its
/// state, owner and due date. The streaming report keeps this for every action of the corpus
/// (packed in ``FollowUpStates``) and leaves the rest (the text, ticket, reason…) in its spill,
/// read back when a page or a row of the index shows the action (see ``ActionSpill``). A
/// document of the generated corpus has about six actions; kept whole they were a quarter of the
/// report's memory.
public struct TrackedAction: Sendable, Hashable {
    public var owner: String?
    /// The due date as days since 1970-01-01, `Int32.min` for none.
    private var dueDay: Int32
    public var state: FollowUpAction.State

    public init(_ action: FollowUpAction) {
        owner = action.owner
        dueDay = action.due.map { Int32(clamping: $0.daysSinceEpoch) } ?? .min
        state = action.state
    }

    init(owner: String?, dueDay: Int32, state: FollowUpAction.State) {
        self.owner = owner
        self.dueDay = dueDay
        self.state = state
    }

    public var due: CalendarDate? {
        dueDay == .min ? nil : CalendarDate(daysSinceEpoch: Int(dueDay))
    }
}

/// A document's follow-up actions as one string for a ``BodySpill``, and back: every field but the
/// H3 group (which the report does not show), in ``SpillFields``, after a table of where each
/// action starts. An index row shows one action of a document, and the table lets it read just
/// that action's bytes: skipping the ones before it made the index of a document with 20,000
/// actions take 12 s, growing with the square of their number.
///
/// The table is the number of actions, then each action's start among the fields, each written
/// as ``tableDigits`` hexadecimal digits (a spill part is shorter than 4 GiB).
public enum ActionSpill {
    public static func spilled(_ actions: [FollowUpAction]) -> String {
        var fields = SpillFields()
        var table = hex(actions.count)
        for action in actions {
            table += hex(fields.text.utf8.count)
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
        return table + fields.text
    }

    /// The actions ``spilled(_:)`` wrote (without their groups); nil when `text` is not what it
    /// writes, table included.
    public static func unspilled(_ text: String) -> [FollowUpAction]? {
        let bytes = Array(text.utf8)
        guard let count = number(bytes.prefix(tableDigits)), count <= bytes.count / tableDigits - 1 else { return nil }
        let fields = String(decoding: bytes[((count + 1) * tableDigits)...], as: UTF8.self)
        return SpillFields.read(fields) { reader -> [FollowUpAction]? in
            var actions: [FollowUpAction] = []
            while !reader.isAtEnd {
                let entry = (actions.count + 1) * tableDigits
                guard actions.count < count, number(bytes[entry..<(entry + tableDigits)]) == reader.offset,
                      let action = action(&reader) else { return nil }
                actions.append(action)
            }
            return actions.count == count ? actions : nil
        }
    }

    /// The action at `position` among those ``spilled(_:)`` wrote; nil when `text` has no such
    /// action or its bytes are not one action as ``spilled(_:)`` writes it.
    public static func unspilled(_ text: String, at position: Int) -> FollowUpAction? {
        let bytes = text.utf8
        return action(at: position, length: bytes.count) { (range: Range<Int>) -> String in
            String(decoding: bytes.dropFirst(range.lowerBound).prefix(range.count), as: UTF8.self)
        }
    }

    /// The action at `position` in a spilled text of `length` bytes that `read` gives pieces of
    /// (byte ranges within the text): the table's count, the action's two table entries, then the
    /// action's bytes, so reading one action costs the same whatever its position. nil as
    /// ``unspilled(_:at:)`` gives it.
    static func action<Failure: Error>(at position: Int, length: Int,
                                       read: (Range<Int>) throws(Failure) -> String) throws(Failure) -> FollowUpAction? {
        guard length >= tableDigits, let count = number(try read(0..<tableDigits).utf8),
              count <= length / tableDigits - 1, (0..<count).contains(position) else { return nil }
        let fieldsStart = (count + 1) * tableDigits
        let entries = try read((position + 1) * tableDigits..<min(position + 3, count + 1) * tableDigits).utf8
        guard let start = number(entries.prefix(tableDigits)),
              let end = position + 1 < count ? number(entries.dropFirst(tableDigits)) : length - fieldsStart,
              start <= end, end <= length - fieldsStart else { return nil }
        return SpillFields.read(try read(fieldsStart + start..<fieldsStart + end)) { reader -> FollowUpAction? in
            guard let action = action(&reader), reader.isAtEnd else { return nil }
            return action
        }
    }

    /// The digits of a number in the table.
    static let tableDigits = 8

    private static func hex(_ value: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, tableDigits - digits.utf8.count)) + digits
    }

    /// A number of the table: exactly ``tableDigits`` lowercase hexadecimal digits.
    private static func number(_ bytes: some Collection<UInt8>) -> Int? {
        guard bytes.count == tableDigits else { return nil }
        var value = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value * 16 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value * 16 + Int(byte - UInt8(ascii: "a")) + 10
            default: return nil
            }
        }
        return value
    }

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
