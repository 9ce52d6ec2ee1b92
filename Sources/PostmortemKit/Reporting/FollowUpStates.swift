/// What the review counts and sorts of every follow-up action of the corpus (``TrackedAction``:
/// state, owner, due date), in one flat array for all documents.
///
/// The streaming report keeps this for every action and leaves the rest of each action in its
/// spill (see ``ActionSpill``). An array of ``TrackedAction`` per document cost an allocation per
/// document and 24 bytes an action, about 160 bytes a document of the generated corpus; here an
/// action is 8 bytes (its owner as a number in a table of the owners named, with its state in the
/// number's top bits, and its due day) and a document 4 more, where its actions start.
public struct FollowUpStates: Sendable {
    private struct Packed {
        /// 0 for no owner, else one more than the owner's place in ``owners``; the state in the
        /// top two bits.
        var ownerAndState: UInt32
        /// Days since 1970-01-01, `Int32.min` for no due date (as ``TrackedAction`` keeps it).
        var dueDay: Int32
    }

    private static let stateShift: UInt32 = 30
    private static let ownerMask: UInt32 = (1 << stateShift) - 1
    /// The bytes an action takes.
    static let bytesPerAction = MemoryLayout<Packed>.stride

    private static func number(of state: FollowUpAction.State) -> UInt32 {
        switch state {
        case .open: 0
        case .done: 1
        case .notDoing: 2
        }
    }

    private static func state(numbered number: UInt32) -> FollowUpAction.State {
        switch number {
        case 0: .open
        case 1: .done
        default: .notDoing
        }
    }

    private var packed: [Packed] = []
    /// Where each document's actions start in ``packed``, then the end of the last document's.
    private var starts: [UInt32] = [0]
    private var owners: [String] = []
    private var ownerNumbers: [String: UInt32] = [:]

    public init() {}

    /// The states of these documents' actions, a list of actions per document, in order.
    public init(_ documents: some Sequence<[FollowUpAction]>) {
        for actions in documents { append(actions) }
    }

    /// The states of the actions these documents' records hold, for documents read whole (not
    /// slimmed for the streaming report, whose records hold no actions).
    public init(actionsOf documents: [ReportedDocument]) {
        self.init(documents.lazy.map(\.postmortem.actions))
    }

    /// Adds the next document's actions.
    public mutating func append(_ actions: [FollowUpAction]) {
        for action in actions {
            var owner: UInt32 = 0
            if let name = action.owner {
                if let known = ownerNumbers[name] {
                    owner = known
                } else {
                    owner = UInt32(owners.count + 1)
                    precondition(owner <= Self.ownerMask, "more owners than a report can name")
                    owners.append(name)
                    ownerNumbers[name] = owner
                }
            }
            packed.append(Packed(ownerAndState: Self.number(of: action.state) << Self.stateShift | owner,
                                 dueDay: action.due.map { Int32(clamping: $0.daysSinceEpoch) } ?? .min))
        }
        starts.append(UInt32(packed.count))
    }

    /// The number of documents added.
    public var documentCount: Int { starts.count - 1 }

    /// The number of actions of the document at `document`.
    public func count(of document: Int) -> Int { Int(starts[document + 1] - starts[document]) }

    /// The action at `position` of the document at `document`.
    public func action(of document: Int, at position: Int) -> TrackedAction {
        precondition(position >= 0 && position < count(of: document), "no such action")
        let value = packed[Int(starts[document]) + position]
        let owner = value.ownerAndState & Self.ownerMask
        return TrackedAction(owner: owner == 0 ? nil : owners[Int(owner) - 1],
                             dueDay: value.dueDay,
                             state: Self.state(numbered: value.ownerAndState >> Self.stateShift))
    }

    /// The arrays at exactly their size: built by appending, they have up to twice the room they
    /// use, and are kept until the report ends.
    func trimmed() -> FollowUpStates {
        var trimmed = self
        trimmed.packed = packed.map { $0 }
        trimmed.starts = starts.map { $0 }
        return trimmed
    }
}
