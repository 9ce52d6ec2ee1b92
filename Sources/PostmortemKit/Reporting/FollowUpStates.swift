/// What the review counts and sorts of every follow-up action of the corpus (``TrackedAction``:
/// state, owner, due date), numbered in one sequence for all documents.
///
/// The streaming report keeps this for every action and leaves the rest of each action in its
/// spill (see ``ActionSpill``). An array of ``TrackedAction`` per document cost an allocation per
/// document and 24 bytes an action, about 160 bytes a document of the generated corpus; here an
/// action is 8 bytes (its owner as a number in a table of the owners named, with its state in the
/// number's top bits, and its due day) and a document 4 more, where its actions start.
///
/// The actions are kept in blocks of fixed size (``blockSize``), never moved once made: an array
/// grown by appending had up to twice the room it used, and copying it to its size at the end of
/// reading held both copies at once (2.5 MB more peak memory at 50,000 documents).
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

    /// Actions a block holds: with an array's 32-byte header, a block is 32 KiB, one of the
    /// allocator's size classes.
    static let blockSize = (32_768 - 32) / MemoryLayout<Packed>.stride
    /// The actions of all documents in order, ``blockSize`` to a block (the last may hold fewer).
    private var blocks: [[Packed]] = []
    /// How many actions there are.
    private var actionCount = 0
    /// Where each document's actions start, counted over all blocks, then the end of the last
    /// document's.
    private var starts: [UInt32] = [0]
    private var owners: [String] = []
    private var ownerNumbers: [String: UInt32] = [:]

    /// No documents yet; `expectedDocuments` makes room for that many (``append(_:)`` adds more
    /// when needed).
    public init(expectedDocuments: Int = 0) {
        starts.reserveCapacity(expectedDocuments + 1)
    }

    /// The states of these documents' actions, a list of actions per document, in order.
    public init(_ documents: some Sequence<[FollowUpAction]>) {
        self.init(expectedDocuments: documents.underestimatedCount)
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
            if actionCount % Self.blockSize == 0 {
                var block: [Packed] = []
                block.reserveCapacity(Self.blockSize)
                blocks.append(block)
            }
            blocks[blocks.count - 1].append(Packed(ownerAndState: Self.number(of: action.state) << Self.stateShift | owner,
                                                   dueDay: action.due.map { Int32(clamping: $0.daysSinceEpoch) } ?? .min))
            actionCount += 1
        }
        precondition(actionCount <= Int(UInt32.max), "more follow-up actions than a report can hold")
        starts.append(UInt32(actionCount))
    }

    /// The number of documents added.
    public var documentCount: Int { starts.count - 1 }

    /// The number of actions of the document at `document`.
    public func count(of document: Int) -> Int { Int(starts[document + 1] - starts[document]) }

    /// The action at `position` of the document at `document`.
    public func action(of document: Int, at position: Int) -> TrackedAction {
        precondition(position >= 0 && position < count(of: document), "no such action")
        return action(numbered: Int(starts[document]) + position)
    }

    /// The number of the first action of the document at `document`: actions are numbered from 0
    /// across all documents, in order.
    func firstNumber(of document: Int) -> Int { Int(starts[document]) }

    /// The document whose actions include the action numbered `number`.
    func document(ofActionNumbered number: Int) -> Int {
        precondition(number >= 0 && number < actionCount, "no such action")
        // The last document whose actions start at or before `number`: the first start after
        // it, less one (documents without actions start where the next one does).
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if Int(starts[middle]) <= number { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }

    /// The action numbered `number` (see ``firstNumber(of:)``).
    func action(numbered number: Int) -> TrackedAction {
        let value = blocks[number / Self.blockSize][number % Self.blockSize]
        let owner = value.ownerAndState & Self.ownerMask
        return TrackedAction(owner: owner == 0 ? nil : owners[Int(owner) - 1],
                             dueDay: value.dueDay,
                             state: Self.state(numbered: value.ownerAndState >> Self.stateShift))
    }
}
