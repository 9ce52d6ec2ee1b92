/// The follow-up section of the index: open actions by owner (overdue first), actions done and
/// actions not being done.
///
/// Open actions are those of every incident up to the end of the period, and of incidents that
/// state no time, judged as of `today`, because an action from last quarter that is still open is
/// exactly what a review must see.
/// Done and not-doing lists cover the period's incidents: a postmortem records that an action is
/// done, not when, so "done this quarter" means done among this quarter's incidents.
enum FollowUpTracking {
    static func add(to context: inout [String: Any], review: QuarterlyReview) {
        let period = review.options.period, today = review.options.today
        /// An action by its number in ``FollowUpStates``, not a copy: a large corpus lists
        /// hundreds of thousands of them. 4 bytes each (they were 12, with the document, the place
        /// there and the incident's age, and the sort's scratch space as much again: 3.6 MB at
        /// 50,000 documents); the document is found from the number when a row or a tie needs it.
        typealias Tracked = UInt32
        let states = review.followUps
        func tracked(_ t: Tracked) -> TrackedAction { states.action(numbered: Int(t)) }
        func document(_ t: Tracked) -> Int { states.document(ofActionNumbered: Int(t)) }
        /// Calls `body` with each action listed, and the list it goes in.
        func forEachListed(_ body: (Tracked, FollowUpAction.State) -> Void) {
            for (index, document) in review.documents.enumerated() {
                let began = IncidentTime.began(document.postmortem)
                // An incident whose postmortem states no time may be of any period: its open
                // actions are open all the same (the review of stop 48 found a report of such a
                // corpus saying "No open follow-up actions" over 134).
                let upToPeriodEnd = began.map { $0 < period.end } ?? true
                let inPeriod = began.map(period.contains) ?? false
                let first = states.firstNumber(of: index)
                for number in first..<(first + states.count(of: index)) {
                    let state = states.action(numbered: number).state
                    guard state == .open ? upToPeriodEnd : inPeriod else { continue }
                    body(Tracked(number), state)
                }
            }
        }
        // Counted first, so each list is made at its size: a large corpus lists hundreds of
        // thousands of open actions, and lists grown by doubling held up to twice the room.
        var counts: [FollowUpAction.State: Int] = [:]
        forEachListed { _, state in counts[state, default: 0] += 1 }
        var open: [Tracked] = [], done: [Tracked] = [], notDoing: [Tracked] = []
        open.reserveCapacity(counts[.open] ?? 0)
        done.reserveCapacity(counts[.done] ?? 0)
        notDoing.reserveCapacity(counts[.notDoing] ?? 0)
        forEachListed { tracked, state in
            switch state {
            case .open: open.append(tracked)
            case .done: done.append(tracked)
            case .notDoing: notDoing.append(tracked)
            }
        }
        func isOverdue(_ t: Tracked) -> Bool { tracked(t).due.map { $0 < today } ?? false }
        /// The incident's age in days, nil when it has no start.
        func age(_ t: Tracked) -> Int? {
            IncidentTime.began(review.documents[document(t)].postmortem)
                .map { max(0, today.daysSinceEpoch - review.options.zone.date(of: $0).daysSinceEpoch) }
        }
        // Overdue first, then by owner (unassigned last), due date (none last) and incident. The
        // fields are compared as they are: writing both due dates' text at every comparison was
        // most of the sort's time on a large corpus, and a key array would add to the report's
        // peak memory.
        open.sort { a, b in
            let x = tracked(a), y = tracked(b)
            let overdue = (isOverdue(a), isOverdue(b))
            if overdue.0 != overdue.1 { return overdue.0 }
            let owners = (x.owner ?? "\u{10FFFF}", y.owner ?? "\u{10FFFF}")
            if owners.0 != owners.1 { return owners.0 < owners.1 }
            switch (x.due, y.due) {
            case let (first?, second?) where first != second: return first < second
            case (.some, nil): return true
            case (nil, .some): return false
            default: return review.documents[document(a)].postmortem.id < review.documents[document(b)].postmortem.id
            }
        }
        func row(_ t: Tracked) -> [String: Any] {
            let index = document(t)
            let record = review.documents[index].postmortem
            // The whole action (its text, ticket, reason…), read back from the spill in a
            // streaming report; if that fails the report fails (see `actionReader`), and the row
            // is never shown.
            let action = review.action(of: index, at: Int(t) - states.firstNumber(of: index))
                ?? FollowUpAction(text: "", state: tracked(t).state, range: SourceRange(line: 0))
            let days = age(t)
            let text = IndexPageModel.text, cleanText = IndexPageModel.cleanText
            return [
                "owner": cleanText(action.owner.map { "@" + $0 } ?? "unassigned"),
                "hasOwner": action.owner != nil,
                "text": cleanText(action.text),
                "incident": cleanText(record.id), "href": text("incidents/\(review.pageNames[index])"),
                "due": text(action.due?.description ?? "–"),
                "age": text(days.map { "\($0) d" } ?? "–"),
                "overdue": isOverdue(t),
                "overdueDays": text(action.due.map { "\(today.daysSinceEpoch - $0.daysSinceEpoch) d" } ?? ""),
                "ticket": cleanText(action.ticket ?? "–"),
                "priority": cleanText(action.priority ?? "–"),
                "reason": cleanText(action.reason ?? "no reason given"),
            ]
        }
        // The oldest is nil while every open action of the owner is of a postmortem that states
        // no time: "–", not "0 d" (the review of stop 48).
        var owners: [String: (open: Int, overdue: Int, oldest: Int?)] = [:]
        for t in open {
            let key = tracked(t).owner.map { "@" + $0 } ?? "unassigned"
            var entry = owners[key] ?? (0, 0, nil)
            entry.open += 1
            if isOverdue(t) { entry.overdue += 1 }
            if let days = age(t) { entry.oldest = max(entry.oldest ?? days, days) }
            owners[key] = entry
        }
        // In name order, "unassigned" last: a list for following actions up, not a ranking of
        // people by what is overdue in front of leadership, which a blameless review avoids.
        // Accents and case folded, so `@émile` sorts among the e's (the retest: after `@zoe`).
        func inNameOrder(_ a: String, _ b: String) -> Bool {
            if (a == "unassigned") != (b == "unassigned") { return b == "unassigned" }
            let x = a.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            let y = b.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            return x != y ? x < y : a < b
        }
        context["ownerRows"] = owners.keys.sorted(by: inNameOrder).map { key -> [String: Any] in
            let entry = owners[key]!
            return ["owner": IndexPageModel.clean(key), "open": "\(entry.open)", "overdue": "\(entry.overdue)",
                    "hasOverdue": entry.overdue > 0, "oldest": entry.oldest.map { "\($0) d" } ?? "–"]
        }
        context["openActions"] = LazyRows(count: open.count) { row(open[$0]) }
        context["hasOpenActions"] = !open.isEmpty
        context["doneActions"] = LazyRows(count: done.count) { row(done[$0]) }
        context["hasDoneActions"] = !done.isEmpty
        context["notDoingActions"] = LazyRows(count: notDoing.count) { row(notDoing[$0]) }
        context["hasNotDoingActions"] = !notDoing.isEmpty
    }
}
