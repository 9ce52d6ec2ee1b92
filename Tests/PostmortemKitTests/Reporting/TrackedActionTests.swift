import Testing
@testable import PostmortemKit

@Suite("What the report keeps of a document's follow-up actions")
struct TrackedActionTests {
    func action(_ text: String, _ state: FollowUpAction.State = .open, line: Int = 1, owner: String? = nil, due: String? = nil,
                type: String? = nil, priority: String? = nil, ticket: String? = nil, reason: String? = nil) -> FollowUpAction {
        var action = FollowUpAction(text: text, state: state,
                                    range: SourceRange(start: SourceLocation(line: line, column: 3), end: SourceLocation(line: line + 1, column: 80)))
        action.owner = owner
        action.due = due.flatMap { CalendarDate($0) }
        action.type = type
        action.priority = priority
        action.ticket = ticket
        action.reason = reason
        return action
    }

    var samples: [FollowUpAction] {
        [
            action("Add a canary stage to the config push", owner: "sre-oncall", due: "2026-10-01", type: "prevent", priority: "P1",
                   ticket: "https://tracker.example/OPS-1234"),
            action("", .done, due: "9999-12-31"),
            action("12:~ starts like a length, ~ like a missing field", .notDoing, line: 9, reason: "3:abc~"),
            action("nul \u{0}, escape \u{1B}[31m, <b>&</b>\r\n, é\u{301}, 🚀", owner: "", ticket: "none"),
            action("~", due: "0001-01-01", priority: "~"),
        ]
    }

    @Test("a document's actions come back from the spill as they went in, without their groups")
    func roundTrip() {
        var actions = samples
        actions[0].group = "Detection"
        let back = ActionSpill.unspilled(ActionSpill.spilled(actions))
        actions[0].group = nil
        #expect(back == actions)
        #expect(ActionSpill.unspilled(ActionSpill.spilled([])) == [])
    }

    @Test("seeded random actions round-trip")
    func randomRoundTrip() {
        var generator = SplitMix64(seed: 2026)
        let pieces = ["a", "~", ":", "0", "12:", " ", "\u{0}", "é", "\u{301}", "🚀", "\n", "-", "P1", "@x"]
        func text(_ most: Int) -> String {
            (0..<Int(generator.next() % UInt64(most + 1))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
        func maybe(_ most: Int) -> String? { generator.next() % 3 == 0 ? nil : text(most) }
        for _ in 0..<500 {
            let actions = (0..<Int(generator.next() % 5)).map { number -> FollowUpAction in
                let states: [FollowUpAction.State] = [.open, .done, .notDoing]
                return action(text(12), states[Int(generator.next() % 3)], line: number + 1, owner: maybe(4),
                              due: generator.next() % 2 == 0 ? nil : "2026-0\(1 + generator.next() % 9)-1\(generator.next() % 10)",
                              type: maybe(3), priority: maybe(2), ticket: maybe(6), reason: maybe(8))
            }
            let spilled = ActionSpill.spilled(actions)
            #expect(ActionSpill.unspilled(spilled) == actions)
            // One action read alone is the same action; a position past the end gives nil.
            for position in -1...actions.count {
                #expect(ActionSpill.unspilled(spilled, at: position) == (actions.indices.contains(position) ? actions[position] : nil))
            }
        }
    }

    @Test("a cut or damaged spill gives nil or whole actions, never made-up ones")
    func damaged() {
        let actions = samples
        let bytes = Array(ActionSpill.spilled(actions).utf8)
        for cut in 0..<bytes.count {
            let text = String(decoding: bytes[..<cut], as: UTF8.self)
            let back = ActionSpill.unspilled(text)
            if let back { #expect(Array(actions.prefix(back.count)) == back) }
            for position in actions.indices {
                if let one = ActionSpill.unspilled(text, at: position) { #expect(one == actions[position]) }
            }
        }
        // The table, then the fields: one action "text" read whole and alone.
        let one = "00000001" + "00000000" + "4:text4:open~~~~~~7:1 1 1 1"
        #expect(ActionSpill.unspilled(one)?.map(\.text) == ["text"])
        #expect(ActionSpill.unspilled(one, at: 0)?.text == "text")
        #expect(ActionSpill.unspilled(one, at: 1) == nil)
        #expect(ActionSpill.unspilled(one, at: -1) == nil)
        #expect(ActionSpill.unspilled(one, at: Int.max) == nil)
        // A damaged table: a count that is not the number of actions, a digit that is not
        // hexadecimal, a start past the end, a count larger than the text could hold.
        #expect(ActionSpill.unspilled("00000002" + "00000000" + "4:text4:open~~~~~~7:1 1 1 1") == nil)
        #expect(ActionSpill.unspilled("0000000z" + "00000000" + "4:text4:open~~~~~~7:1 1 1 1") == nil)
        #expect(ActionSpill.unspilled("00000001" + "000000ff" + "4:text4:open~~~~~~7:1 1 1 1", at: 0) == nil)
        #expect(ActionSpill.unspilled("7fffffff" + "00000000", at: 0) == nil)
        #expect(ActionSpill.unspilled("") == nil)
        // Read alone, an action is checked whole, and must fill the bytes the table gives it.
        let two = "00000002" + "00000000" + "00000017" + "~~~~~~~~~" + "4:text4:open~~~~~~7:1 1 1 1"
        #expect(ActionSpill.unspilled(two) == nil)
        #expect(ActionSpill.unspilled(two, at: 0) == nil)
        #expect(ActionSpill.unspilled("00000002" + "00000000" + "00000009" + "~~~~~~~~~" + "4:text4:open~~~~~~7:1 1 1 1", at: 1)?.text == "text")
        #expect(ActionSpill.unspilled("00000001" + "00000000" + "4:text4:open~~~~~~7:1 1 1 1~") == nil)
        #expect(ActionSpill.unspilled("00000001" + "00000000" + "4:text4:open~~~~~~7:1 1 1 1~", at: 0) == nil)
        for damaged in ["4:text4:open~~~~~~~" /* no range */, "4:text5:maybe~~~~~~7:1 1 1 1" /* unknown state */,
                        "4:text4:open~10:2026-02-30~~~~7:1 1 1 1" /* no such day */, "99:text"] {
            #expect(ActionSpill.unspilled("00000001" + "00000000" + damaged) == nil)
            #expect(ActionSpill.unspilled("00000001" + "00000000" + damaged, at: 0) == nil)
        }
        // Every byte of the table made non-hexadecimal: nil, never another action.
        let spilled = Array(ActionSpill.spilled(actions).utf8)
        for place in 0..<((actions.count + 1) * ActionSpill.tableDigits) {
            var bytes = spilled
            bytes[place] = UInt8(ascii: "z")
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(ActionSpill.unspilled(text) == nil)
            for position in actions.indices {
                if let read = ActionSpill.unspilled(text, at: position) { #expect(read == actions[position]) }
            }
        }
    }

    @Test("reading one action reads the table's count, two entries and that action's bytes, whatever its position")
    func oneActionReadsItsOwnBytes() {
        let actions = (0..<1000).map { action("Add alert \($0)", owner: "a", due: "2026-12-01", ticket: "OPS-\($0)") }
        let text = ActionSpill.spilled(actions)
        let bytes = Array(text.utf8)
        for position in [0, 1, 499, 998, 999] {
            var read = 0
            let one = ActionSpill.action(at: position, length: bytes.count) { (range: Range<Int>) -> String in
                read += range.count
                return String(decoding: bytes[range], as: UTF8.self)
            }
            #expect(one == actions[position])
            // 8 digits of count, 16 of entries (8 for the last), and the action itself.
            #expect(read < 100, "read \(read) bytes for action \(position)")
        }
    }

    @Test("the tracked part of an action is its state, owner and due date")
    func tracked() {
        let tracked = samples.map(TrackedAction.init)
        #expect(tracked.map(\.state) == [.open, .done, .notDoing, .open, .open])
        #expect(tracked.map(\.owner) == ["sre-oncall", nil, nil, "", nil])
        #expect(tracked.map { $0.due?.description } == ["2026-10-01", "9999-12-31", nil, nil, "0001-01-01"])
        #expect(TrackedAction(action("x", due: "1969-12-31")).due?.description == "1969-12-31")
        var record = Postmortem(path: "a.md", id: "a")
        record.actions = samples
        let document = ReportedDocument(postmortem: record,
                                        classification: Classification(incident: "a", primary: "unknown", categories: [], declared: false),
                                        findings: [], bodyHTML: "")
        #expect(ReportedDocument.slimmed(document).postmortem.actions.isEmpty)
    }

    @Test("the flat states give back each document's tracked actions, owners kept once")
    func states() {
        // Each owner made anew, as reading two files makes two copies of the same name; longer than
        // 15 bytes, so that each is an allocation of its own.
        func owned(_ action: FollowUpAction, by owner: String?) -> FollowUpAction {
            var action = action
            action.owner = owner.map { String(decoding: Array($0.utf8), as: UTF8.self) }
            return action
        }
        let team = "platform-reliability-oncall"
        let other = samples.reversed().enumerated().map { owned($1, by: $0 == 0 ? team : $1.owner.map { $0 + "-2" }) }
        let documents = [samples.enumerated().map { owned($1, by: $0 == 4 ? team : $1.owner) }, [], other,
                         [action("x", due: "1969-12-31")]]
        let states = FollowUpStates(documents)
        #expect(states.documentCount == 4)
        #expect(FollowUpStates.bytesPerAction == 8)   // kept for every action of the corpus
        for (index, actions) in documents.enumerated() {
            #expect(states.count(of: index) == actions.count)
            #expect((0..<states.count(of: index)).map { states.action(of: index, at: $0) } == actions.map(TrackedAction.init))
        }
        #expect(states.action(of: 3, at: 0).due?.description == "1969-12-31")
        func storage(_ string: String) -> UnsafePointer<UInt8>? {
            var string = string
            return string.withUTF8 { $0.baseAddress }
        }
        #expect(storage(documents[0][4].owner!) != storage(documents[2][0].owner!))
        #expect(storage(states.action(of: 0, at: 4).owner!) == storage(states.action(of: 2, at: 0).owner!))
    }

    @Test("documents whose actions cross from one block to the next read back in order, numbered in one sequence")
    func blocks() {
        // Documents of 0 to 6 actions, owners and due days numbered by place, until three blocks
        // are full and a fourth begun: some documents' actions then start in one block and end in
        // the next.
        var documents: [[FollowUpAction]] = []
        var made = 0
        while made < 3 * FollowUpStates.blockSize + 5 {
            let count = documents.count % 7
            documents.append((0..<count).map { position in
                var action = FollowUpAction(text: "action \(made + position)", range: SourceRange(line: 1))
                action.owner = "owner-\((made + position) % 13)"
                action.due = CalendarDate(daysSinceEpoch: 20_000 + made + position)
                action.state = [.open, .done, .notDoing][(made + position) % 3]
                return action
            })
            made += count
        }
        // And documents without actions at the end.
        documents += [[], []]
        let states = FollowUpStates(documents)
        #expect(states.documentCount == documents.count)
        // The documents without actions at the end start where the sequence ends.
        #expect(states.firstNumber(of: documents.count - 1) == made)
        var number = 0
        for (index, actions) in documents.enumerated() {
            #expect(states.count(of: index) == actions.count)
            #expect((0..<states.count(of: index)).map { states.action(of: index, at: $0) } == actions.map(TrackedAction.init))
            // Numbered in one sequence: each action's number finds its document, and the same state.
            #expect(states.firstNumber(of: index) == number)
            for position in actions.indices {
                #expect(states.document(ofActionNumbered: number) == index)
                #expect(states.action(numbered: number) == states.action(of: index, at: position))
                number += 1
            }
        }
    }
}

@Suite("Open follow-up actions in the index")
struct OpenActionOrderTests {
    @Test("open actions are listed overdue first, then by owner (unassigned last), due date (none last), incident id")
    func order() throws {
        let today = CalendarDate(year: 2026, month: 11, day: 22)!
        func document(_ id: String, _ actions: [(owner: String?, due: String?)]) -> ReportedDocument {
            var record = Postmortem(path: "\(id).md", id: id)
            record.started = Timestamp(year: 2026, month: 8, day: 1)
            record.actions = actions.enumerated().map { number, spec in
                var action = FollowUpAction(text: "Action \(number) of \(id)", range: SourceRange(line: number + 1))
                action.owner = spec.owner
                action.due = spec.due.flatMap { CalendarDate($0) }
                return action
            }
            return ReportedDocument(postmortem: record,
                                    classification: Classification(incident: id, primary: "unknown", categories: [], declared: false),
                                    findings: [], bodyHTML: "")
        }
        let documents = [
            document("b", [(owner: "zoe", due: "2027-01-10"), (owner: nil, due: "2026-10-01"), (owner: "amy", due: nil),
                           (owner: "amy", due: "2027-01-05"), (owner: "kim", due: "9999-12-31")]),
            document("a", [(owner: "amy", due: "2027-02-01"), (owner: "zoe", due: "2026-09-01"), (owner: "amy", due: "2027-01-05"),
                           (owner: nil, due: nil), (owner: "amy", due: "2027-01-05"), (owner: "kim", due: nil)]),
            document("c", [(owner: "amy", due: "2026-11-01"), (owner: "", due: "2027-03-01")]),
        ]
        let review = QuarterlyReview(documents: documents, configuration: Configuration(), categories: [],
                                     options: ReportOptions(period: ReportingPeriod.quarter("2026-Q3", zone: .utc)!, today: today, zone: .utc))
        let rows = try #require(IndexPageModel.context(review)["openActions"] as? LazyRows).array
        func text(_ row: [String: Any], _ key: String) -> String { (row[key] as? TemplateText)?.renderText ?? "" }
        let listed = rows.map { "\(text($0, "owner")) \(text($0, "due")) \(text($0, "incident"))" }
        #expect(listed == [
            // Overdue (due before 2026-11-22): by owner, unassigned last.
            "@amy 2026-11-01 c", "@zoe 2026-09-01 a", "unassigned 2026-10-01 b",
            // Not overdue: the empty owner sorts first; the same owner and date go by incident, and
            // within one incident keep their order; a date in the year 9999 still comes before none.
            "@ 2027-03-01 c", "@amy 2027-01-05 a", "@amy 2027-01-05 a", "@amy 2027-01-05 b", "@amy 2027-02-01 a", "@amy – b",
            "@kim 9999-12-31 b", "@kim – a", "@zoe 2027-01-10 b", "unassigned – a",
        ])
        // Within one incident, equal keys keep the document's order (the sort is stable).
        let firstOfA = rows.first { text($0, "incident") == "a" && text($0, "due") == "2027-01-05" }
        #expect(firstOfA.map { text($0, "text") } == "Action 2 of a")
    }
}
