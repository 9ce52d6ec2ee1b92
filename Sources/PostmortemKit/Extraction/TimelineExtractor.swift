/// Timeline events from the Timeline section: list items, table rows, paragraphs or lines that
/// start with a time, and H3/H4 headings that are times (or dates that group the entries below).
///
/// Times without a date take the date of the last date seen in the timeline, else the incident's
/// start date, else a date in the file name; a time earlier than the previous one by more than
/// six hours moves to the next day (timelines that cross midnight). Times without a zone take
/// the zone the section states ("All times UTC"), else the front matter `timezone`, else the
/// configured default (marked `zoneAssumed`). A time with a zone of its own and no date is on
/// the date, in that zone, of the entry before it (or of the start), unless a date was written on
/// its own just above it; a relative time (`T+5m`) counts from the start.
enum TimelineExtractor {
    struct Context {
        var zone: Int?
        var zoneResolver: ZoneResolver
        var zoneAssumed: Bool
        /// The day entries are read on, and what decides it; ``readTable`` saves and restores
        /// it as one.
        var day = Day()

        struct Day {
            var date: CalendarDate?
            /// The incident's own date, for years left out, and day 1 of day labels: the date of
            /// `started`, else the date in the file name, else the first date the timeline writes.
            var anchor: CalendarDate?
            var dateIsExplicit = false
            /// The writer's weekdays less the calendar's, from a date written with a weekday not its
            /// own (`### Tue 14 Jan 2026`, a Wednesday: -1); 0 otherwise.
            var weekdayShift = 0
            /// True when an entry's own day (`- Fri 16:00 …`) put the date before the start's: the
            /// entries after it without a day of their own may be the incident's (``append``).
            var leadUpDay = false
            /// The number the timeline's first day label gives its first day (`Day 0` or `Day 1`);
            /// nil before a day label is read.
            var firstDayNumber: Int?
            /// True when `Day 0` is the day before the anchor (``events(in:postmortem:options:problems:)``).
            var dayZeroBeforeStart = false
            /// The day number of the label above, read while there was no anchor to count it
            /// from: the first date written under it is that day's (``setDate(_:_:)``).
            var uncountedDay: Int?
            /// True when the anchor is the date written under a day label (``uncountedDay``):
            /// the labels above it count from it too.
            var anchorFromLabel = false
        }
        /// `detected`, `mitigated` and `resolved`, where given.
        var laterTimes: [Timestamp] = []
        /// `started` and `detected`, where given: the times a timeline starts at.
        var startTimes: [Timestamp] = []
        /// `started`, `detected`, `mitigated` and `resolved`, where given.
        var incidentTimes: [Timestamp] { [started].compactMap { $0 } + laterTimes }
        /// True from a date written on its own (a heading or a date line) until the next entry:
        /// an entry in a zone of its own right after it is on that date as written.
        var dateJustWritten = false
        var previous: Timestamp?
        /// The incident's start, which gives the base date in the timeline's zone.
        var started: Timestamp?
        /// The document's path, for ``fileDate()``.
        var path = ""
        /// ``fileDate()``, once asked.
        var fileDateRead: CalendarDate??

        /// The date in the file name, if any (asked only of a slash date in doubt).
        mutating func fileDate() -> CalendarDate? {
            if let fileDateRead { return fileDateRead }
            let date = TimelineExtractor.dateInName(path)
            fileDateRead = .some(date)
            return date
        }
        /// The timeline's text, for ``slashOrder()``.
        var outline: Outline?
        var roots: [Int] = []
        /// ``slashOrder()``, once asked and found, or recorded by ``prefersOtherOrder``.
        var writtenOrder: (order: SlashOrder, strong: Bool)??
        var orderScanned = false

        /// The order of the slash dates the timeline writes where it dates its entries (a
        /// heading, a line, a list item or a table cell that starts with one, after a weekday or
        /// not), and whether the timeline shows it (`strong`):
        /// - shown: by a number over 12 first (`19/04/2026`, day first) or second
        ///   (`10/14/2026`, month first), or a date in doubt that only one order makes a day of
        ///   the incident or the file name's date (`3/6/26` when `started` is 6 March), and none
        ///   the other way;
        /// - else, the order that puts the timeline's dates in doubt nearer those days, taken
        ///   together (`06/05/2026` and `11/06/2026` before a 10 June start are 6 May and 11 June,
        ///   not 5 June and 11 June);
        /// - else (nothing to measure from), the order the first date in doubt is read in
        ///   (``prefersOtherOrder``), recorded there.
        /// A date quoted in an entry's text ("the 10/14/2025 change") counts for nothing. Asked
        /// only of a slash date in doubt.
        mutating func slashOrder() -> (order: SlashOrder, strong: Bool)? {
            if let writtenOrder { return writtenOrder }
            // Scanned once: a timeline of many dates in doubt had been scanned at each.
            if orderScanned { return nil }
            orderScanned = true
            var dayFirst = false, monthFirst = false
            let incidentDays = self.incidentDays()
            let incidentSet = Set(incidentDays)
            // The dates in doubt, day first and month first.
            var inDoubt: [(dayFirst: CalendarDate, monthFirst: CalendarDate)] = []
            func scan(_ text: Substring) {
                guard text.utf8.contains(UInt8(ascii: "/")) else { return }
                let b = Array(text.utf8.prefix(40))
                // The date an entry starts with: past markup and brackets, a day label or a
                // label of a few words that ends with a colon, a dash or "on" (`### Day 3 —
                // 5/13/2026`, `Date: 5/13/2026`, `Continued on 5/13/2026`), and a weekday.
                var i = 0
                while i < b.count, !isDigit(b[i]), !isLetter(b[i]) { i += 1 }
                if i < b.count, isLetter(b[i]), let slash = b.firstIndex(of: UInt8(ascii: "/")),
                   case var j = b[..<slash].lastIndex(where: { !isDigit($0) }).map({ $0 + 1 }) ?? 0, j > i,
                   case let label = String(decoding: b[i..<j], as: UTF8.self).trimmingWhitespace(),
                   label.split(separator: " ").count <= 4,
                   label.hasSuffix(":") || label.hasSuffix("-") || label.hasSuffix("–") || label.hasSuffix("—")
                       || label.lowercased().hasSuffix(" on") || label.lowercased() == "on" || label.lowercased().hasPrefix("day ") {
                    while j > i, isDigit(b[j - 1]) { j -= 1 }
                    i = j
                }
                i = TimeExpression.afterWeekday(b, i)
                guard let (first, second, year, _) = TimeExpression.slashNumbers(b, i), let fullYear = year else { return }
                if first > 12, second <= 12 { dayFirst = true }
                if second > 12, first <= 12 { monthFirst = true }
                if first <= 12, second <= 12, first != second,
                   let asDayFirst = CalendarDate(year: fullYear, month: second, day: first),
                   let asMonthFirst = CalendarDate(year: fullYear, month: first, day: second) {
                    inDoubt.append((asDayFirst, asMonthFirst))
                    if incidentSet.contains(asDayFirst) != incidentSet.contains(asMonthFirst) {
                        if incidentSet.contains(asDayFirst) { dayFirst = true } else { monthFirst = true }
                    }
                }
            }
            func scan(_ block: MarkdownNode) {
                switch block.kind {
                case .paragraph: block.plainTextLines.forEach(scan)
                case .list, .item, .table, .tableRow: block.children.forEach(scan)
                case .tableCell: scan(block.plainText[...])
                default: return
                }
            }
            if let outline {
                for root in roots {
                    for index in outline.subtree(root) {
                        scan(outline.entries[index].title[...])
                        outline.entries[index].blocks.forEach(scan)
                    }
                }
            }
            var order: (order: SlashOrder, strong: Bool)? = dayFirst == monthFirst ? nil : (dayFirst ? .dayFirst : .monthFirst, true)
            if order == nil, !inDoubt.isEmpty, !incidentDays.isEmpty {
                let asDayFirst = inDoubt.map { TimelineExtractor.distance($0.dayFirst, to: incidentDays)! }.reduce(0, +)
                let asMonthFirst = inDoubt.map { TimelineExtractor.distance($0.monthFirst, to: incidentDays)! }.reduce(0, +)
                if asDayFirst != asMonthFirst { order = (asDayFirst < asMonthFirst ? .dayFirst : .monthFirst, false) }
            }
            writtenOrder = order.map { .some($0) }
            return order
        }

        /// The days of `started`, `detected`, `mitigated` and `resolved` in the timeline's zone,
        /// and the file name's date.
        mutating func incidentDays() -> [CalendarDate] {
            incidentTimes.map(localDay) + [fileDate()].compactMap { $0 }
        }

        /// The day `time` falls on in the timeline's zone as it stands.
        func localDay(_ time: Timestamp) -> CalendarDate {
            time.inOffset(zone ?? zoneResolver.offset(at: time.epochSeconds)).localDate
        }
    }

    enum SlashOrder { case dayFirst, monthFirst }

    static func events(in outline: Outline, postmortem: Postmortem, options: ReadOptions,
                       problems: inout [Problem]) -> [TimelineEvent] {
        let roots = outline.indices(of: [.timeline])
        guard !roots.isEmpty else { return [] }
        let frontZone = postmortem.timezone.flatMap(ZoneResolver.init)
        var context = Context(zone: nil, zoneResolver: frontZone ?? options.defaultZone, zoneAssumed: frontZone == nil)
        // Base date: the incident start in the timeline's zone, else a date in the file name.
        context.started = postmortem.started
        context.laterTimes = [postmortem.detected, postmortem.mitigated, postmortem.resolved].compactMap { $0 }
        context.startTimes = [postmortem.started, postmortem.detected].compactMap { $0 }
        if let started = postmortem.started {
            context.day.date = started.inOffset(context.zoneResolver.offset(at: started.epochSeconds)).localDate
        } else {
            context.day.date = dateInName(postmortem.path)
            context.fileDateRead = .some(context.day.date)
        }
        context.path = postmortem.path
        context.day.anchor = context.day.date
        (context.outline, context.roots) = (outline, roots)
        var problemsRead: [Problem] = []
        var (result, dayZero, labelAnchor) = read(outline, roots, context, &problemsRead)
        // Without `started` or a date in the file name, day labels count from the first date
        // written (under `### Day 2`, day 2's); the entries under the labels above it, read
        // before it, are dated once it is known.
        if context.day.anchor == nil, let labelAnchor, result.contains(where: { $0.time == nil && $0.timeText.isEmpty == false }) {
            var known = context
            known.day.anchor = labelAnchor
            var problemsKnown: [Problem] = []
            let again = read(outline, roots, known, &problemsKnown)
            (result, dayZero, problemsRead) = (again.events, again.dayZero, problemsKnown)
        }
        // `### Day 0` over a lead-up and `### Day 1` over an incident that started on day 1's
        // date: read with day 0 as the start's day, each day's entries are a day late, and the
        // front matter's times match none. Day 0 is the day before when that puts entries at
        // more of `started`, `detected`, `mitigated` and `resolved` (within five minutes, PM024's
        // default tolerance).
        if dayZero, context.started != nil {
            func agreement(_ events: [TimelineEvent]) -> Int {
                context.incidentTimes.filter { time in
                    events.contains { $0.time.map { abs($0.epochSeconds - time.epochSeconds) <= 300 } ?? false }
                }.count
            }
            var before = context
            before.day.dayZeroBeforeStart = true
            var problemsBefore: [Problem] = []
            let (other, _, _) = read(outline, roots, before, &problemsBefore)
            if agreement(other) > agreement(result) {
                problems += problemsBefore
                return other
            }
        }
        problems += problemsRead
        return result
    }

    /// The timeline's entries, read from `start`; true when its first day label was `Day 0`; and
    /// the anchor, when a date written under a day label gave it (``Context/Day/anchorFromLabel``).
    private static func read(_ outline: Outline, _ roots: [Int], _ start: Context, _ problems: inout [Problem])
        -> (events: [TimelineEvent], dayZero: Bool, labelAnchor: CalendarDate?) {
        var context = start
        var result: [TimelineEvent] = []
        for root in roots {
            context.day.uncountedDay = nil
            // A zone stated in the heading: "Timeline (all times PDT)".
            stateZone(in: outline.entries[root].title, &context)
            for index in outline.subtree(root) {
                let entry = outline.entries[index]
                if index != root {
                    let leading = TimeExpression.leading(entry.title) ?? dayLabelWithDate(entry.title[...])
                    let label = leading == nil ? DayLabel(heading: entry.title) : nil
                    // A date under a heading other than a day label (`### Postmortem review`) is
                    // no day label's; one in `### Day 3 — 2026-05-14` is day 3's (``setWrittenDate``).
                    if label == nil, leading?.dayNumber == nil { context.day.uncountedDay = nil }
                    if let leading {
                        if leading.isDateOnly {
                            // `### 2026-11-20 25:10`: the day is read, the time is reported.
                            if let problem = outOfRange(in: entry.title, at: entry.headingRange, reading: .startOfDay) {
                                problems.append(problem)
                            }
                            setWrittenDate(leading, at: entry.headingRange, &context, &problems)
                        } else {
                            // An H3 that is a time: its text is the blocks below it (``headingEntry``).
                            let (text, tail, rest) = headingEntry(leading.rest, entry)
                            append(leading, text: text, range: entry.headingRange, &context, &result, &problems)
                            if let tail { readParagraph(tail.paragraph, from: tail.line, &context, &result, &problems) }
                            for block in rest { read(block, &context, &result, &problems) }
                            continue
                        }
                    } else if let label {
                        // `### Day 2 (Wednesday)`, `### Thursday`: the day of the entries below.
                        setDay(label, written: entry.title, at: entry.headingRange, &context, &problems)
                    } else if let problem = outOfRange(in: entry.title, at: entry.headingRange, reading: .noTime) {
                        // `### 16:62`: an entry whose time is out of range (it had vanished without a word).
                        problems.append(problem)
                        let (text, tail, rest) = headingEntry(entry.title, entry)
                        result.append(TimelineEvent(time: nil, timeText: "", text: text, range: entry.headingRange))
                        if let tail { readParagraph(tail.paragraph, from: tail.line, &context, &result, &problems) }
                        for block in rest { read(block, &context, &result, &problems) }
                        continue
                    } else if entry.kind != nil && entry.kind != .timeline {
                        continue
                    }
                }
                for block in entry.blocks {
                    read(block, &context, &result, &problems)
                }
            }
        }
        return (result, context.day.firstDayNumber == 0, context.day.anchorFromLabel ? context.day.anchor : nil)
    }

    /// The text of an entry that is a heading (`### 14:02`): `lead` and the blocks below it, up to
    /// a block of timed entries of its own (`- 14:06: escalated`); and those blocks on, which are
    /// events after it, as they are anywhere in the timeline.
    /// A paragraph of its own whose later lines start with times (`Errors begin.` then `14:06
    /// Paged.`) ends the text there: those lines (`tail`, the paragraph and the index of its first
    /// timed line) are entries, as in any paragraph of the timeline.
    static func headingEntry(_ lead: String, _ entry: Outline.Entry)
        -> (text: String, tail: (paragraph: MarkdownNode, line: Int)?, rest: ArraySlice<MarkdownNode>) {
        var own = entry.blocks.prefix { !hasTimedEntries($0) }
        var texts = [lead] + own.map(\.plainText)
        var tail: (paragraph: MarkdownNode, line: Int)? = nil
        for (offset, block) in own.enumerated() where block.kind == .paragraph {
            let lines = block.plainTextLines
            guard let timed = lines.indices.dropFirst().first(where: { startsWithTime(lines[$0]) }) else { continue }
            texts = [lead] + own.prefix(offset).map(\.plainText) + [lines[..<timed].map { $0.trimmingWhitespace() }.joined(separator: " ")]
            tail = (block, timed)
            own = own.prefix(offset + 1)
            break
        }
        let text = texts.filter { !$0.isEmpty }.joined(separator: " ")
        return (text, tail, entry.blocks.dropFirst(own.count))
    }

    /// True for a block that holds timeline entries with times of their own: a list most of whose
    /// items start with a time, a table, or a paragraph that starts with one.
    static func hasTimedEntries(_ block: MarkdownNode) -> Bool {
        entries(in: block, clockOnly: false, all: false)
    }

    /// True when `line` starts with a time of day (not a date alone); with `clockOnly`, not one
    /// that words of prose place ("At 14:02 the push …").
    static func startsWithTime(_ line: Substring?, clockOnly: Bool = false) -> Bool {
        guard let line, let leading = TimeExpression.leading(String(line)) else { return false }
        return !leading.isDateOnly && !(clockOnly && leading.inProse)
    }

    /// At least one of `total`, and half of them or more (all of them, with `all`).
    static func mostOf(_ timed: Int, _ total: Int, all: Bool) -> Bool {
        timed > 0 && (all ? timed == total : timed * 2 >= total)
    }

    /// True for a block of entries with clock times of their own, as a section under the
    /// timeline must hold to be part of it (``Outline``): a list most of whose items start with a
    /// time, a table most of whose rows have one where ``readTable`` reads it (``TableColumns``),
    /// or a paragraph that starts with one. A time that words of prose place ("At 14:02 the config
    /// push …") does not count: under `### Root cause` it is the cause's story, not an entry.
    /// With `all`, every item or row must be one. A list with a task in it never is.
    static func hasClockEntries(_ block: MarkdownNode, all: Bool = false) -> Bool {
        entries(in: block, clockOnly: true, all: all)
    }

    /// ``hasTimedEntries(_:)`` and ``hasClockEntries(_:all:)``: with `clockOnly`, times that words
    /// of prose place do not count, a list with a task is no timeline, and a table's rows must
    /// have their times.
    private static func entries(in block: MarkdownNode, clockOnly: Bool, all: Bool) -> Bool {
        func timed(_ line: Substring?) -> Bool { startsWithTime(line, clockOnly: clockOnly) }
        switch block.kind {
        case .list:
            let items = block.children
            // A task (`- [ ] 14:00 deploys must go through the canary`) is an action, not an entry.
            if clockOnly && items.contains(where: \.isTaskItem) { return false }
            return mostOf(items.filter { timed($0.children.first?.plainTextLines.first) }.count, items.count, all: all)
        case .table:
            guard clockOnly else { return true }
            let columns = TableColumns(block)
            let rows = block.children.filter { if case .tableRow(false) = $0.kind { return true }; return false }
            return mostOf(rows.filter { timed(columns.timeText(ofRow: $0.children.map { $0.plainText.trimmingWhitespace() })[...]) }.count,
                          rows.count, all: all)
        case .paragraph:
            return timed(block.plainTextLines.first)
        default:
            return false
        }
    }

    /// Where a timeline table's date, time and text are, from its header's titles (none: the
    /// time in the first column and the text in the others).
    struct TableColumns {
        var header: MarkdownNode?
        /// The header's titles, normalised (``SectionTitles/normalise(_:)``).
        var titles: [String]
        /// "Date" or "Day", or a title that starts with "Date" and names no time.
        var date: Int?
        /// A title with a word that starts with "time" ("Time (UTC)", "Timestamp", "Datetime"),
        /// or "When"; else one that names UTC; else, without a date column, the first column.
        var time: Int?
        /// The columns that are neither.
        var text: [Int]
        /// The text column to read alone, if a title names one ("Event", "Description", …).
        var preferred: Int?

        init(_ table: MarkdownNode) {
            header = table.children.first { if case .tableRow(true) = $0.kind { return true }; return false }
            let titles = header?.children.map { SectionTitles.normalise($0.plainText) } ?? []
            // A word of the title that starts with `word` ("time", "timestamp", and "datetime"; not
            // "downtime" or "uptime").
            func mentions(_ title: String, _ word: String) -> Bool {
                title.containsBytes(of: word) && title.split(separator: " ").contains { $0.hasPrefix(word) || $0 == "date" + word }
            }
            let date = titles.firstIndex { $0 == "date" || $0 == "day" || $0.hasPrefix("date ") && !mentions($0, "time") }
            let time = titles.firstIndex { mentions($0, "time") || $0 == "when" || $0.hasPrefix("when ") }
                ?? titles.indices.first { $0 != date && mentions(titles[$0], "utc") } ?? (date == nil ? 0 : nil)
            let text = titles.indices.filter { $0 != date && $0 != time }
            self.titles = titles
            (self.date, self.time, self.text) = (date, time, text)
            preferred = text.first { Self.textTitles.contains(titles[$0]) }
        }

        static let textTitles: Set<String> = ["event", "events", "description", "what happened", "what", "action", "details",
                                              "activity", "update", "notes"]

        /// A row's date and time as one text ("2026-07-14 14:02"), from its trimmed cells.
        func timeText(ofRow cells: [String]) -> String {
            var result = ""
            if let date, date < cells.count { result = cells[date] }
            if let time, time < cells.count, !cells[time].isEmpty { result += (result.isEmpty ? "" : " ") + cells[time] }
            return result
        }

        /// A row's text: the preferred column, else every text column (every column after the
        /// first, when all are date or time), the filled ones joined.
        func text(ofRow cells: [String]) -> String {
            (preferred.map { [$0] } ?? (text.isEmpty ? Array(cells.indices.dropFirst()) : text))
                .filter { $0 < cells.count }.map { cells[$0] }.filter { !$0.isEmpty }.joined(separator: " — ")
        }
    }

    /// The zone `text` states, if any, becomes the one times without a zone are read in: a fixed
    /// offset ("All times UTC", "CET (UTC+01:00)") or a zone with summer time ("All times
    /// Europe/Berlin", "All times PT").
    /// True when `text` stated a zone.
    @discardableResult
    static func stateZone(in text: String, _ context: inout Context) -> Bool {
        // A written IANA name first (`GMT+5` in "All times Etc/GMT+5" is no offset of its own),
        // then a fixed zone, then a US zone named without its season.
        let resolver = TimeExpression.statedZoneResolver(in: text)
        if let resolver, resolver.written {
            context.zone = nil
            context.zoneResolver = resolver.zone
            context.zoneAssumed = false
        } else if let zone = TimeExpression.statedZone(in: text) {
            context.zone = zone
            context.zoneAssumed = false
        } else if let resolver {
            context.zone = nil
            context.zoneResolver = resolver.zone
            context.zoneAssumed = false
        } else {
            return false
        }
        // Before any entry, the base date is the start's date in the stated zone: 07:42 UTC on the
        // 13th is 23:42 on the 12th in "All times PT".
        if context.previous == nil, !context.day.dateIsExplicit, let started = context.started {
            let offset = context.zone ?? context.zoneResolver.offset(at: started.epochSeconds)
            context.day.date = started.inOffset(offset).localDate
            context.day.anchor = context.day.date
        }
        return true
    }

    /// Sets the date a day label names (``DayLabel``): day N counts from the date of `started`
    /// (day 1, or day 0 when the timeline's first day label is day 0), else from the first date
    /// the timeline writes. A weekday that is not day N's is reported; day N is read.
    ///
    /// A weekday alone is, as the timeline's first day label, the day of `started` or `detected`
    /// that is that weekday (a timeline that starts on the day the incident was found), else the
    /// nearest to the start from five days before it (a lead-up the Friday before) to one after;
    /// later, the first such day after the day above it, except that an entry's own weekday
    /// (`entry`, `- Mon 23:50 …`) of the day before is the day before, unless six days on is a day
    /// of `started`, `detected`, `mitigated` or `resolved`: one written out of order, which PM022
    /// reports, not one a week later, which had moved every entry after it by a week, unseen.
    /// Weekdays count as the writer does under a date written with a weekday that is not its own
    /// (``Context/weekdayShift``).
    static func setDay(_ label: DayLabel, written: @autoclosure () -> String, at range: SourceRange, _ context: inout Context,
                       _ problems: inout [Problem], entry: Bool = false) {
        guard let anchor = context.day.anchor else {
            // `### Day 2` in a timeline without `started`: counted once a date is written under it.
            if let day = label.day {
                if context.day.firstDayNumber == nil { context.day.firstDayNumber = day == 0 ? 0 : 1 }
                context.day.uncountedDay = day
            } else {
                context.day.uncountedDay = nil
            }
            return
        }
        let first = context.day.firstDayNumber == nil
        if let day = label.day {
            if first { context.day.firstDayNumber = day == 0 ? 0 : 1 }
            let date = anchor.adding(days: day - (context.day.dayZeroBeforeStart ? 1 : context.day.firstDayNumber ?? 1))
            if let weekday = label.weekday, weekday != date.weekday {
                problems.append(Problem(.invalidTimestamp,
                    "`\(written().trimmingWhitespace())` names a weekday that is not day \(day)'s: day \(day) of an incident that started on "
                    + "\(anchor) is \(DayLabel.weekdayNames[date.weekday]) \(date); the entries below are read on that date",
                    at: range, severity: .warning))
            }
            setDate(date, &context)
        } else if let weekday = label.weekday {
            context.day.uncountedDay = nil
            let nearStart = first && !context.day.dateIsExplicit && context.previous == nil
            let from = nearStart ? anchor : context.day.date ?? anchor
            // Weekdays as the writer counts them: shifted under a date written with the wrong one.
            let shift = context.day.weekdayShift
            func writersWeekday(_ date: CalendarDate) -> Int { ((date.weekday + shift) % 7 + 7) % 7 }
            var ahead = ((weekday - writersWeekday(from)) % 7 + 7) % 7
            // The incident's days in the timeline's zone as it stands now (a heading may state it).
            if nearStart {
                let startDays = context.startTimes.map(context.localDay)
                if let day = startDays.first(where: { writersWeekday($0) == weekday }) {
                    ahead = day.daysSinceEpoch - from.daysSinceEpoch
                } else if ahead > 1 {
                    ahead -= 7
                }
            } else if entry, ahead == 6,
                      !context.incidentTimes.contains(where: { context.localDay($0) == from.adding(days: 6) }) {
                ahead = -1
            }
            if first { context.day.firstDayNumber = 1 }
            setDate(from.adding(days: ahead), &context)
            context.day.weekdayShift = shift
        }
    }

    static func dateInName(_ path: String) -> CalendarDate? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let bytes = Array(name.utf8)
        var i = 0
        while i + 10 <= bytes.count {
            // Only where a number starts.
            if isDigit(bytes[i]), i == 0 || !isDigit(bytes[i - 1]), let (date, _) = TimeExpression.dateToken(bytes, i) { return date }
            i += 1
        }
        return nil
    }

    static func setDate(_ date: CalendarDate?, _ context: inout Context) {
        // A month and day with no date to give them a year (`4/7 11:00` first in a timeline
        // without `started`) date nothing: they had been read in the year 2000.
        guard let date, case let dated = withYear(date, context), dated.year != 2000 else { return }
        context.day.date = dated
        // Without `started` or a date in the file name, the first date written is the anchor:
        // day 1 (or day 0), or under `### Day 3`, two days before it.
        if context.day.anchor == nil {
            context.day.anchor = context.day.date?.adding(days: -((context.day.uncountedDay ?? 1) - (context.day.firstDayNumber ?? 1)))
            context.day.anchorFromLabel = context.day.uncountedDay != nil
        }
        context.day.dateIsExplicit = true
        context.dateJustWritten = true
        context.day.weekdayShift = 0
        context.day.leadUpDay = false
    }

    /// `date`, or for a month and day without a year (year 2000), that day in the year that puts
    /// it nearest the incident ("12-05" in a March 2019 timeline is December 2018).
    static func withYear(_ date: CalendarDate, _ context: Context) -> CalendarDate {
        guard date.year == 2000, let anchor = context.day.anchor ?? context.day.date else { return date }
        let candidates = [anchor.year - 1, anchor.year, anchor.year + 1].compactMap {
            CalendarDate(year: $0, month: date.month, day: date.day)
        }
        return candidates.min { abs($0.daysSinceEpoch - anchor.daysSinceEpoch) < abs($1.daysSinceEpoch - anchor.daysSinceEpoch) } ?? anchor
    }

    /// Sets the date `leading` writes, with the weekday written with it (`Tue 14 Jan 2026`):
    /// - a slash date whose order is open to doubt (`05/12/2026`, `12/05`: two numbers of two
    ///   digits before the year or without one) is read as ``TimeExpression`` reads it, unless
    ///   the weekday fits only the other order, or fits both and the other is nearer the date above
    ///   (`Tue 05/12/2026` is 12 May, a Tuesday, not 5 December);
    /// - a date without a year is in the year nearest the incident, or in the one within half a
    ///   year of it in which it is that weekday (`Tue 30 Dec` in a July 2026 timeline is 2025's);
    /// - a weekday that is still not the date's is a P014 warning, the date is read, and weekdays
    ///   below count as the writer's (``Context/weekdayShift``).
    static func setWrittenDate(_ leading: TimeExpression.Leading, at range: SourceRange, _ context: inout Context,
                               _ problems: inout [Problem]) {
        guard let written = leading.date else { return }
        // `### Day 3 — 2026-05-14` in a timeline without `started`: the date is day 3's. With
        // one, a date that is not day 3's is reported, and read as written.
        if let day = leading.dayNumber {
            if context.day.firstDayNumber == nil { context.day.firstDayNumber = day == 0 ? 0 : 1 }
            if let anchor = context.day.anchor,
               case let expected = anchor.adding(days: day - (context.day.dayZeroBeforeStart ? 1 : context.day.firstDayNumber ?? 1)),
               withYear(written, context) != expected, otherOrder(written, matched: leading.matched).map({ withYear($0, context) }) != expected {
                problems.append(Problem(.invalidTimestamp,
                    "day \(day) of an incident that started on \(anchor) is \(expected), not \(withYear(written, context)) as written; "
                    + "the date written is read", at: range, severity: .warning))
            } else if context.day.anchor == nil {
                context.day.uncountedDay = day
            }
        }
        var read = withYear(written, context)
        let other = otherOrder(written, matched: leading.matched).map { withYear($0, context) }
        guard let weekday = leading.weekday else {
            if let other, prefersOtherOrder(read, other, written: written, &context) { read = other }
            setDate(read, &context)
            return
        }
        func fits(_ date: CalendarDate) -> Bool { date.weekday == weekday }
        if !fits(read), written.year == 2000, let anchor = context.day.anchor ?? context.day.date,
           let other = [read.year - 1, read.year + 1].compactMap({ CalendarDate(year: $0, month: written.month, day: written.day) })
               .first(where: { fits($0) && abs($0.daysSinceEpoch - anchor.daysSinceEpoch) <= 183 }) {
            read = other
        }
        // The order the weekday fits, unless the timeline shows the other, or the weekday's is
        // two months from the incident and the other within two weeks of it (a weekday written
        // wrong); when it fits both or neither, as without one.
        if let other {
            if fits(other) != fits(read), context.slashOrder()?.strong != true,
               !farFromIncident(fits(other) ? other : read, near: fits(other) ? read : other, &context) {
                if fits(other) { read = other }
            } else if prefersOtherOrder(read, other, written: written, &context) {
                read = other
            }
        }
        setDate(read, &context)
        // A year-less date with nothing to give it a year has no weekday to compare.
        guard read.year != 2000 else { return }
        context.day.weekdayShift = weekday - read.weekday
        if !fits(read) {
            problems.append(Problem(.invalidTimestamp,
                "\(DayLabel.weekdayNames[weekday]) is written with \(read), which is a \(DayLabel.weekdayNames[read.weekday]); "
                + "the date is read", at: range, severity: .warning))
        }
    }

    /// True when a slash date in doubt, `read` as ``TimeExpression`` reads it (day first with a
    /// year, month first without), is `other` in the writer's order: the order of the
    /// timeline's slash dates (``Context/slashOrder()``); else the reading nearer the date above
    /// or the incident's own date; else, with nothing to measure from, as read, and the
    /// timeline's other dates in doubt in the same order (`### 10/11/2026` then `###
    /// 11/10/2026` had been 10 November both, the second by nearness to the first).
    static func prefersOtherOrder(_ read: CalendarDate, _ other: CalendarDate, written: CalendarDate, _ context: inout Context) -> Bool {
        let readOrder: SlashOrder = written.year != 2000 ? .dayFirst : .monthFirst
        if let (order, _) = context.slashOrder() { return order != readOrder }
        let days = context.incidentDays() + [context.day.anchor, context.day.date].compactMap { $0 }
        let (near, far) = (distance(read, to: days) ?? 0, distance(other, to: days) ?? 0)
        if near == far { context.writtenOrder = .some((readOrder, false)) }
        return far < near
    }

    /// True when `date` is more than two months from every day of the incident (and the file
    /// name's date) and `near` within two weeks of one.
    static func farFromIncident(_ date: CalendarDate, near: CalendarDate, _ context: inout Context) -> Bool {
        let days = context.incidentDays()
        guard let far = distance(date, to: days), let close = distance(near, to: days) else { return false }
        return far > 60 && close <= 14
    }

    /// The days from `date` to the nearest of `days`; nil when there are none.
    static func distance(_ date: CalendarDate, to days: [CalendarDate]) -> Int? {
        days.map { abs(date.daysSinceEpoch - $0.daysSinceEpoch) }.min()
    }

    /// The date `matched`, the text of a date and time, wrote as `written`, read in the other
    /// order, when its order is open to doubt: a slash date as ``TimeExpression`` reads them, of two numbers of one or two digits
    /// that are both 12 or less and differ (`05/12/2026`, `5/8/2026`, `12/05`), not `2026/05/12`.
    static func otherOrder(_ written: CalendarDate, matched: String) -> CalendarDate? {
        guard written.day <= 12, written.day != written.month else { return nil }
        guard TimeExpression.slashNumbers(Array(matched.utf8.prefix(12)), 0) != nil else { return nil }
        return CalendarDate(year: written.year, month: written.day, day: written.month)
    }

    static func read(_ block: MarkdownNode, _ context: inout Context, _ result: inout [TimelineEvent],
                     _ problems: inout [Problem]) {
        switch block.kind {
        case .paragraph:
            readParagraph(block, &context, &result, &problems)
        case .list:
            readList(block, &context, &result, &problems)
        case .table:
            readTable(block, &context, &result, &problems)
        case .blockQuote:
            // Quoted material, not events; but a statement of the zone in a callout (`> All
            // times are CEST.`, under GitHub's `> [!NOTE]`) before the first entry of a timeline
            // that states none is the timeline's, and had been passed over, so every time was
            // read in UTC. Later, or after a zone the timeline states, a quote is someone else's
            // (a vendor's status page "All times are PDT").
            guard context.zoneAssumed, result.isEmpty else { return }
            for paragraph in block.children where paragraph.kind == .paragraph {
                for line in paragraph.plainTextLines where TimeExpression.isZoneStatement(Array(line.utf8)) {
                    stateZone(in: String(line), &context)
                }
            }
        default:
            return // Code and HTML are quoted material, not events.
        }
    }

    /// The paragraph's lines from index `first` on.
    static func readParagraph(_ paragraph: MarkdownNode, from first: Int = 0, _ context: inout Context, _ result: inout [TimelineEvent],
                              _ problems: inout [Problem]) {
        let lines = paragraph.plainTextLines
        let range = paragraph.range ?? SourceRange(line: 1)
        var pending: (TimeExpression.Leading, String, SourceRange)? = nil
        var lineNumber = range.start.line + first
        // A day label with words after its date (`**Day 3 (2026-05-14)** – recovery`) labels the
        // day as a bold line of its own; among other lines it is an entry.
        let boldLine = lines.count == 1 && paragraph.children.first.map { [.strong, .emphasis].contains($0.kind) } == true
        for line in lines.dropFirst(first) {
            defer { lineNumber += 1 }
            let at = SourceRange(line: lineNumber, column: range.start.column)
            if let leading = TimeExpression.leading(String(line)) ?? afterLeadIn(line) ?? dayLabelWithDate(line, asLabel: boldLine) {
                if leading.isDateOnly, let problem = outOfRange(in: String(line), at: at, reading: .startOfDay) {
                    problems.append(problem)
                }
                if let (l, text, r) = pending { append(l, text: text, range: r, &context, &result, &problems) }
                if leading.isDateOnly && (leading.rest.isEmpty || isNote(leading.rest)) {
                    // A date line, with perhaps a note on it: "2015-10-21 (all times UTC)".
                    setWrittenDate(leading, at: at, &context, &problems)
                    if !leading.rest.isEmpty { stateZone(in: leading.rest, &context) }
                    pending = nil
                    continue
                }
                pending = (leading, leading.rest, at)
            } else if let label = DayLabel(line: String(line)) {
                // `Day 2 (Wednesday)` or `**Thursday**` on a line of its own: the day of the entries after it.
                if let (l, text, r) = pending { append(l, text: text, range: r, &context, &result, &problems) }
                pending = nil
                setDay(label, written: String(line), at: at, &context, &problems)
            } else if pending != nil {
                // `16:62 …` under a timed line: read with the entry above it, and reported.
                if let problem = outOfRange(in: String(line), at: at, reading: .entryAbove) {
                    problems.append(problem)
                }
                pending!.1 += (pending!.1.isEmpty ? "" : " ") + line.trimmingWhitespace()
            } else {
                // A statement such as "All times in PST, on February 5th 2019", or a date line,
                // "Date: Thursday, December 10, 2026".
                let zoned = stateZone(in: String(line), &context)
                if let leading = dateLine(line, zoned: zoned) { setWrittenDate(leading, at: at, &context, &problems) }
            }
        }
        if let (l, text, r) = pending { append(l, text: text, range: r, &context, &result, &problems) }
    }

    /// The time of a prose line that opens with a short phrase and then places itself ("Later in
    /// the afternoon, at 17:57, the incident was closed."): a phrase of at most five words without
    /// a digit, a comma, and a time after a prose opener (``TimeExpression/proseOpenerEnd(_:_:)``).
    static func afterLeadIn(_ line: Substring) -> TimeExpression.Leading? {
        let bytes = line.utf8
        guard let comma = bytes.prefix(48).firstIndex(of: UInt8(ascii: ",")), case let lead = bytes[..<comma],
              !lead.contains(where: isDigit), lead.split(separator: UInt8(ascii: " ")).count <= 5 else { return nil }
        let rest = line[bytes.index(after: comma)...].drop { $0 == " " }
        guard let first = rest.utf8.first, (first | 0x20) == UInt8(ascii: "a") || (first | 0x20) == UInt8(ascii: "b"),
              let leading = TimeExpression.leading(String(rest)), !leading.isDateOnly, leading.relativeSeconds == nil else { return nil }
        return leading
    }

    /// A note in parentheses after a date alone that only says more about the day: a zone
    /// ("(all times UTC)", "(PT)"), its weekday ("(Wednesday)") or its number ("(day 2)"). The
    /// line is then the date's, not an entry; any other text ("(fix deployed to all regions)")
    /// is an entry of that day.
    static func isNote(_ rest: String) -> Bool {
        guard rest.hasPrefix("("), rest.hasSuffix(")"), rest.utf8.count <= 80 else { return false }
        let inside = String(rest.dropFirst().dropLast()).trimmingWhitespace()
        if TimeExpression.statedZone(in: "Time " + inside) != nil || TimeExpression.statedZoneResolver(in: "Time " + inside) != nil { return true }
        // Weekdays and "day N" in any mix: "(Thursday)", "(day 2)", "(Day 2, Thursday)".
        return DayLabel(line: inside) != nil
    }

    /// The date a line of the timeline that is no entry states for the entries after it (as
    /// ``TimeExpression/leading(_:)`` reads it from the date on, a weekday before it included):
    /// - a date after a label of at most four words that names a date or a day, and a colon or
    ///   a dash (`Date: Thursday, December 10, 2026`, `Date of incident: 2026-10-15 | Severity:
    ///   SEV2`, `When: Friday, May 15`, `Date - 2026-10-17`);
    /// - a date that ends a line of at most eight words before a colon (`Update 2026-10-19:`,
    ///   `Later, on 10/17/2026:`, `On October 17:`);
    /// - a date with a year that ends a line after at most two words (`Continued on 2026-10-17.`,
    ///   `On Saturday, October 17, 2026`);
    /// - any date in a line that states the zone (`zoned`: "All times in PST, on February 5th
    ///   2019").
    /// A date in prose ("We had discussed this risk on 7/2/2026 in the capacity review.", "Note:
    /// a similar incident occurred on 2026-09-12.") dates nothing: it had moved the entries
    /// after it to that day.
    static func dateLine(_ line: Substring, zoned: Bool) -> TimeExpression.Leading? {
        let bytes = Array(line.utf8.prefix(240))
        guard bytes.count < 240 else { return nil }
        func isMarkup(_ b: UInt8) -> Bool {
            b == UInt8(ascii: " ") || b == UInt8(ascii: "*") || b == UInt8(ascii: "_") || b == UInt8(ascii: "\t")
        }
        var i = 0
        while i < bytes.count {
            defer { i += 1 }
            guard i == 0 || isMarkup(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: ":") || zoned && bytes[i - 1] == UInt8(ascii: "(") else { continue }
            // The date, or a weekday before it (`Saturday, October 17, 2026`).
            let k = TimeExpression.afterWeekday(bytes, i)
            guard let (date, length) = TimeExpression.dateToken(bytes, k) else { continue }
            let text = String(decoding: bytes[i...], as: UTF8.self)
            // In the statement's own sentence: "All times UTC. Reconstructed from Slack on
            // 2026-08-21." names the day it was written.
            if zoned {
                let sentenceEnd = ByteSearch.firstIndex(of: Array(". ".utf8), in: bytes, from: 0) ?? bytes.count
                return date.year == 2000 || i > sentenceEnd ? nil : TimeExpression.leading(text)
            }
            let before = String(decoding: bytes[..<i].filter { !isMarkup($0) || $0 == UInt8(ascii: " ") }, as: UTF8.self)
                .trimmingWhitespace()
            let after = bytes[(k + length)...].filter { !isMarkup($0) }
            let labelWords = before.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "-" || $0 == "/" })
            let labelled = (before.hasSuffix(":") || before.hasSuffix("-") || before.hasSuffix("–") || before.hasSuffix("—"))
                && labelWords.count <= 4 && labelWords.contains { Self.dateLabelWords.contains($0.lowercased()) }
            let words = line.split(whereSeparator: { $0 == " " }).count
            // A slash date without a year of four digits dates such a line only after a label:
            // "Rolling restart, batch 2/5:" and "Memory limits 8/16/32." are no dates.
            let token = bytes[k..<(k + length)]
            let plain = !token.contains(UInt8(ascii: "/")) || date.year != 2000 && token.suffix(4).allSatisfy(isDigit)
            let beforeColon = plain && after == [UInt8(ascii: ":")] && words <= 8
            let endsShortLine = plain && date.year != 2000 && (after.isEmpty || after == [UInt8(ascii: ".")]) && before.split(separator: " ").count <= 2
            guard before.isEmpty || labelled || beforeColon || endsShortLine else { return nil }
            let leading = TimeExpression.leading(text)
            return leading?.date == nil ? nil : leading
        }
        return nil
    }

    /// A day label with its date in brackets (`**Day 3 (Friday, August 21, 2026)**`, `### Day 1
    /// (2026-05-12)`): the date, with the day's number and the weekday written.
    ///
    /// With words after the bracket, set apart by a dash or a colon (`**Day 3 (2026-05-14) –
    /// recovery**`), it is a label when `asLabel` (a heading, a bold line of its own, an item over
    /// the day's entries), and the words name the day. Otherwise, and after a time (`Day 3
    /// (2026-05-14) 14:00 restart`), it is an entry on that date with what follows the bracket:
    /// `- Day 1 (2026-05-12) – errors begin` is read as `- 2026-05-12 – errors begin` is.
    static func dayLabelWithDate(_ text: Substring, asLabel: Bool = true) -> TimeExpression.Leading? {
        var t = text.trimmingWhitespace()
        while let f = t.first, f == "*" || f == "_" { t.removeFirst() }
        while let l = t.last, l == "*" || l == "_" || l == ":" { t.removeLast() }
        let b = Array(t.utf8)
        guard b.count < 120, b.count > 6, (b[0] | 0x20) == UInt8(ascii: "d"), (b[1] | 0x20) == UInt8(ascii: "a"), (b[2] | 0x20) == UInt8(ascii: "y"),
              b[3] == UInt8(ascii: " ") else { return nil }
        var k = 4
        guard let day = TimeExpression.number(b, &k, maxDigits: 3) else { return nil }
        while k < b.count, b[k] == UInt8(ascii: " ") { k += 1 }
        guard k < b.count, b[k] == UInt8(ascii: "("), let close = b[k...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
        let inside = String(decoding: b[(k + 1)..<close], as: UTF8.self)
        guard var leading = TimeExpression.leading(inside), leading.date != nil, leading.isDateOnly, leading.rest.isEmpty else { return nil }
        leading.dayNumber = day
        let tail = b[(close + 1)...].drop { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }
        if tail.allSatisfy({ $0 == UInt8(ascii: " ") }) { return leading }
        guard tail.first == UInt8(ascii: " ") || tail.first == UInt8(ascii: ":") else { return nil }
        // What follows the bracket, after a dash, a colon or an arrow if there is one.
        var rest = tail.drop { $0 == UInt8(ascii: " ") }
        let separator = daySeparators.first { rest.starts(with: $0) }
        rest = rest.dropFirst(separator?.count ?? 0).drop { $0 == UInt8(ascii: " ") }
        if rest.isEmpty { return leading }
        guard var entry = TimeExpression.leading(inside + " " + String(decoding: rest, as: UTF8.self)), entry.date == leading.date else { return nil }
        entry.dayNumber = day
        // A time after it (`– 09:00 rollback`) makes an entry at that time, as does one right
        // after the bracket; words after a separator name the day in a label.
        if !entry.isDateOnly || !asLabel || separator == nil { return entry }
        return leading
    }

    /// What sets a day label's words apart from its bracketed date: a colon, a dash, `--`, `->`.
    private static let daySeparators: [[UInt8]] = [[UInt8(ascii: ":")], Array("->".utf8), Array("--".utf8), [UInt8(ascii: "-")],
                                                   [0xE2, 0x80, 0x93], [0xE2, 0x80, 0x94]]

    /// Words of a label before a date (`Date of incident:`, `When:`, `Started: 2026-10-14 14:00
    /// UTC`, `Incident window:`); not `Resolved:`, which a summary above the entries writes.
    static let dateLabelWords: Set<String> = ["date", "dates", "dated", "day", "when", "on", "datetime", "start", "started", "began",
                                              "detected", "window", "duration"]

    /// True when `rest`, the words after a date that starts an item (`Sunday, October 18, 2026 —
    /// recovery`), name the day over entries of the item's own: words for a phase of the incident
    /// (``phaseWords``), over a nested list whose items start with times. Such an item had been an
    /// entry at midnight ("recovery"). Other words (`database failover`) stay an entry's, which
    /// may be the one untimed line of the trigger.
    static func namesTheDay(_ rest: String, over item: MarkdownNode) -> Bool {
        let words = rest.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" })
        guard !words.isEmpty, words.count <= 5, words.allSatisfy({ phaseWords.contains(String($0)) }) else { return false }
        return item.children.dropFirst().contains { child in
            isList(child) && Self.leads(of: child).leadings.contains { $0.map { !$0.isDateOnly } ?? false }
        }
    }

    /// Words that name a phase of an incident or a part of a day, and the words between them.
    static let phaseWords: Set<String> = ["detection", "detect", "response", "respond", "triage", "investigation", "diagnosis",
                                          "mitigation", "mitigate", "recovery", "recover", "resolution", "restoration", "rollback",
                                          "clean-up", "cleanup", "follow-up", "aftermath", "escalation", "monitoring", "impact",
                                          "onset", "outage", "incident", "start", "end", "begins", "ends", "morning", "afternoon",
                                          "evening", "night", "overnight", "day", "the", "and", "of", "continued", "phase"]

    /// Each item's first block as lines, and the date or time it starts with. A day label with
    /// words after its date labels the day only over entries of its own (a nested list).
    static func leads(of list: MarkdownNode) -> (lines: [[Substring]], leadings: [TimeExpression.Leading?]) {
        let lines = list.children.map { $0.children.first?.plainTextLines ?? [] }
        let leadings = zip(list.children, lines).map { item, lines in
            lines.first.flatMap {
                TimeExpression.leading(String($0)) ?? dayLabelWithDate($0, asLabel: item.children.dropFirst().contains(where: isList))
            }
        }
        return (lines, leadings)
    }

    static func readList(_ list: MarkdownNode, _ context: inout Context, _ result: inout [TimelineEvent],
                         _ problems: inout [Problem], leads: (lines: [[Substring]], leadings: [TimeExpression.Leading?])? = nil) {
        let items = list.children
        // Each item's first block as lines, and the time it starts with, worked out once.
        let (leadLines, leadings) = leads ?? Self.leads(of: list)
        let timed = leadings.filter { $0 != nil }.count
        for (index, item) in items.enumerated() {
            let firstLine = leadLines[index].first.map(String.init) ?? ""
            let range = item.range ?? list.range ?? SourceRange(line: 1)
            if let leading = leadings[index] {
                if leading.isDateOnly && (leading.rest.isEmpty || isNote(leading.rest) || namesTheDay(leading.rest, over: item)) {
                    // "- 2019-01-23" grouping nested entries ("- 2019-01-23 (all times UTC)"), or
                    // the day of the entries after it ("- 2019-01-23 (Wednesday)", then "- 14:02 …").
                    setWrittenDate(leading, at: range, &context, &problems)
                    // Only a note states a zone: a day's name ("PST cluster drained") does not.
                    if !leading.rest.isEmpty, isNote(leading.rest) { stateZone(in: leading.rest, &context) }
                    for child in item.children.dropFirst() { read(child, &context, &result, &problems) }
                    continue
                }
                // `2026-07-14 24:05 …`: the day is read, the time is not.
                if leading.isDateOnly, let problem = outOfRange(in: firstLine, at: range, reading: .startOfDay) {
                    problems.append(problem)
                }
                var text = leading.rest
                let more = leadLines[index].dropFirst().map { $0.trimmingWhitespace() }
                if !more.isEmpty { text += " " + more.joined(separator: " ") }
                // Nested lists with their own times are events too; otherwise they are detail,
                // which is the entry's text when it has none (`- 14:20` over `  - Rollback
                // started`). Such items had been events without times, and the entry empty.
                // (A list with a date or time at the start of an item is read as before.)
                let nested = item.children.dropFirst().filter(isList).map { ($0, Self.leads(of: $0)) }
                if text.trimmingWhitespace().isEmpty {
                    text = nested.filter { !$0.1.leadings.contains { $0 != nil } }.flatMap(\.0.children)
                        .map { $0.plainText.trimmingWhitespaceAndNewlines() }.filter { !$0.isEmpty }.joined(separator: "; ")
                }
                append(leading, text: text, range: range, &context, &result, &problems)
                for (child, leads) in nested where leads.leadings.contains(where: { $0 != nil }) {
                    readList(child, &context, &result, &problems, leads: leads)
                }
            } else if leadLines[index].count == 1, let label = DayLabel(line: firstLine) {
                // "- **Day 2 (Wednesday)**" over the day's entries, or before them.
                setDay(label, written: firstLine, at: range, &context, &problems)
                for child in item.children.dropFirst() { read(child, &context, &result, &problems) }
            } else if !firstLine.isEmpty {
                // Untimed entries are still events in sequence; only in a mostly timed list is
                // a missing time worth a problem.
                result.append(TimelineEvent(time: nil, timeText: "", text: item.plainText.trimmingWhitespaceAndNewlines(), range: range))
                if timed * 2 >= items.count {
                    problems.append(outOfRange(in: firstLine, at: range, reading: .noTime)
                        ?? Problem(.timelineEntryWithoutTime, "timeline entry has no time pm can read", at: range))
                }
            }
        }
    }

    static func isList(_ node: MarkdownNode) -> Bool {
        if case .list = node.kind { return true }
        return false
    }

    /// How an entry whose time of day is out of range is read.
    enum OutOfRangeReading: String {
        case noTime = "the entry has no time"
        case startOfDay = "the entry is read at the start of its day"
        case entryAbove = "the line is read as part of the entry above it"
    }

    /// P014 for a time of day out of range where `text`'s time stands (`16:62`,
    /// ``TimeExpression/outOfRangeTime(_:)``); nil when there is none. A slip of the keyboard,
    /// reported as a warning where an entry without a time is a note, since the writer meant a
    /// time. In front matter, where the impact is counted from it, the same is an error.
    static func outOfRange(in text: String, at range: SourceRange, reading: OutOfRangeReading) -> Problem? {
        TimeExpression.outOfRangeTime(text).map { written in
            Problem(.invalidTimestamp, "`\(written)` is not a time of day (hours 0–23, or 1–12 with am/pm; minutes and seconds 0–59); "
                    + reading.rawValue, at: range, severity: .warning)
        }
    }

    static func readTable(_ table: MarkdownNode, _ context: inout Context, _ result: inout [TimelineEvent],
                          _ problems: inout [Problem]) {
        let columns = TableColumns(table)
        let (header, titles, timeColumn) = (columns.header, columns.titles, columns.time)
        // The zone the time column's title states, as written ("Time (PT)", "Time
        // (Europe/Berlin)", "When (UTC+2)"): its case and punctuation name the zone. Else one
        // another title states ("Date (UTC)"). After a zone the timeline states ("All times UTC"),
        // it is the table's own, and the entries after the table are read as before it (with the
        // date before it, when the table had no timed row); in a timeline that states none it is
        // the timeline's (a table per day with the zone in the first one's title).
        let before = (zone: context.zone, resolver: context.zoneResolver, assumed: context.zoneAssumed, previous: context.previous)
        // The date and what goes with it (day labels, a weekday written with a date, a lead-up).
        let day = context.day
        defer {
            if !before.assumed {
                (context.zone, context.zoneResolver, context.zoneAssumed) = (before.zone, before.resolver, before.assumed)
                if context.previous == before.previous { context.day = day }
            }
        }
        if let header {
            let written = header.children.map { $0.plainText.trimmingWhitespace() }
            func statement(_ index: Int) -> String {
                titles[index].split(separator: " ").first == "time" ? written[index] : "Time " + written[index]
            }
            let order = (timeColumn.map { [$0] } ?? []) + titles.indices.filter { $0 != timeColumn }
            for index in order where index < written.count && index < titles.count {
                if stateZone(in: statement(index), &context) { break }
            }
        }
        for row in table.children {
            if case .tableRow(true) = row.kind { continue }
            let cells = row.children.map { $0.plainText.trimmingWhitespace() }
            let range = row.range ?? table.range ?? SourceRange(line: 1)
            let timeText = columns.timeText(ofRow: cells)
            let text = columns.text(ofRow: cells)
            // `| Day 2 | | |` or `| **Thursday** | |` over the rows of that day, in whichever column.
            let filled = cells.filter { !$0.isEmpty }
            if filled.count == 1, let label = DayLabel(line: filled[0]) {
                setDay(label, written: filled[0], at: range, &context, &problems)
                continue
            }
            guard !timeText.isEmpty || !text.isEmpty else { continue }
            if let leading = TimeExpression.leading(timeText) {
                if leading.isDateOnly && text.isEmpty {
                    setWrittenDate(leading, at: range, &context, &problems)
                    continue
                }
                // `| 2026-07-14 | 24:05 | paged |`: the day is read, the time is not.
                if leading.isDateOnly, let problem = outOfRange(in: timeText, at: range, reading: .startOfDay) {
                    problems.append(problem)
                }
                append(leading, text: [leading.rest, text].filter { !$0.isEmpty }.joined(separator: " "), range: range, &context, &result, &problems)
            } else {
                result.append(TimelineEvent(time: nil, timeText: timeText, text: text, range: range))
                problems.append(outOfRange(in: timeText, at: range, reading: .noTime)
                    ?? Problem(.timelineEntryWithoutTime, "timeline row has no time pm can read", at: range))
            }
        }
    }

    /// True when an entry after a lead-up dated by its own weekday, read at `time`, is the
    /// incident's, at `onStart` on the start's day (``append``): it has no date or day of its own,
    /// `time` is more than eighteen hours before the start, and `onStart` is at the start or up to
    /// an hour after it, or at `detected`, `mitigated` or `resolved`.
    static func movesFromLeadUp(_ leading: TimeExpression.Leading, _ time: Timestamp, _ onStart: Timestamp, _ context: Context) -> Bool {
        guard context.day.leadUpDay, leading.date == nil, leading.dayNumber == nil, leading.weekday == nil, let started = context.started,
              time.epochSeconds < started.epochSeconds - 18 * 3600 else { return false }
        return onStart.epochSeconds >= started.epochSeconds && onStart.epochSeconds <= started.epochSeconds + 3600
            || context.laterTimes.contains { abs($0.epochSeconds - onStart.epochSeconds) <= 60 }
    }

    static func append(_ leading: TimeExpression.Leading, text: String, range: SourceRange, _ context: inout Context,
                       _ result: inout [TimelineEvent], _ problems: inout [Problem]) {
        setWrittenDate(leading, at: range, &context, &problems)
        if leading.date == nil, leading.dayNumber != nil || leading.weekday != nil {
            // `- Day 2, 08:00: …`, `- Wed 08:30 …`: the entry's own day label.
            setDay(DayLabel(day: leading.dayNumber, weekday: leading.weekday),
                   written: [leading.dayNumber.map { "Day \($0)" }, leading.weekday.map { "(\(DayLabel.weekdayNames[$0]))" }]
                       .compactMap { $0 }.joined(separator: " "),
                   at: range, &context, &problems, entry: true)
            if context.started != nil, let start = context.day.anchor, let date = context.day.date, date < start { context.day.leadUpDay = true }
        }
        let dateJustWritten = context.dateJustWritten
        context.dateJustWritten = false
        if let relative = leading.relativeSeconds {
            // `T+5m`: minutes after the start, in the start's own offset. Without a start there is
            // nothing to count from, and the entry has no time.
            let time = context.started.map {
                Timestamp(epochSeconds: $0.epochSeconds + Int64(relative), offsetSeconds: $0.offsetSeconds, zoneAssumed: $0.zoneAssumed)
            }
            if let time { context.previous = time }
            result.append(TimelineEvent(time: time, timeText: leading.matched, text: text.trimmingWhitespace(), range: range))
            return
        }
        var time: Timestamp? = nil
        if let date = context.day.date {
            let second = leading.secondOfDay ?? 0
            func resolve(_ day: CalendarDate) -> Timestamp? {
                let local = Int64(day.daysSinceEpoch) * 86_400 + Int64(second)
                var offset = leading.offsetSeconds ?? leading.seasonalZone?.offset(forLocalSeconds: local)
                    ?? context.zone ?? context.zoneResolver.offset(forLocalSeconds: local)
                // A time in the hour the clocks repeat when summer time ends is read in summer
                // time, or in standard time when summer time would put it before the entry above it
                // ("1:40 AM ET", then "1:10 AM ET" on the night the clocks go back).
                if leading.offsetSeconds == nil, let zone = leading.seasonalZone ?? (context.zone == nil ? context.zoneResolver : nil),
                   let both = zone.repeatedOffsets(forLocalSeconds: local) {
                    offset = both.summer
                    if let previous = context.previous, local - Int64(both.summer) < previous.epochSeconds,
                       local - Int64(both.standard) >= previous.epochSeconds {
                        offset = both.standard
                    }
                }
                let assumed = leading.offsetSeconds == nil && leading.seasonalZone == nil && context.zone == nil && context.zoneAssumed
                return Timestamp(epochSeconds: local - Int64(offset), offsetSeconds: offset, zoneAssumed: assumed)
            }
            // An entry in a zone of its own ("11:42 PM PT" in a UTC timeline) is on its date in
            // that zone: the date, there, of the entry before it (or of the start), not the
            // timeline's date, which is a day later in the evening in the Americas. Right after a
            // written date it is on that date as written. (Any written date above it had put
            // every such entry a day late.)
            let reference = dateJustWritten ? nil : context.previous ?? (context.day.dateIsExplicit ? nil : context.started)
            if leading.date == nil, let reference,
               let own = leading.offsetSeconds ?? leading.seasonalZone?.offset(at: reference.epochSeconds) {
                let day = reference.inOffset(own).localDate
                time = resolve(day)
                if context.previous != nil, let t = time, t.epochSeconds < reference.epochSeconds - 6 * 3600 {
                    time = resolve(day.adding(days: 1))   // crossed midnight
                }
                // After a weekday lead-up (`- 11:00 AM PT: Errors begin.`, as below).
                if let t = time, let started = context.started,
                   let onStart = resolve(started.inOffset(own).localDate), movesFromLeadUp(leading, t, onStart, context) {
                    context.day.leadUpDay = false
                    time = onStart
                }
                if let time {
                    context.previous = time
                    // The timeline's own date moves on with it ("01:00 UTC" after "22:00 UTC"):
                    // entries without a zone after it are on that day.
                    let local = time.inOffset(context.zone ?? context.zoneResolver.offset(at: time.epochSeconds)).localDate
                    if local > date { context.day.date = local }
                }
                result.append(TimelineEvent(time: time, timeText: leading.matched, text: text.trimmingWhitespace(), range: range))
                return
            }
            time = resolve(date)
            // The timeline's first entry, dated by `started`, more than eighteen hours after it is
            // the evening before (within six hours before the start, where lead-ups are) (a lead-up at 23:40 to an incident that started at 00:05): on the
            // start's date it had put every entry after it a day late. Not when `detected`,
            // `mitigated` or `resolved` is less than an hour before it, or after it: an incident
            // found that evening.
            if leading.date == nil, context.previous == nil, !context.day.dateIsExplicit, let started = context.started,
               let t = time, t.epochSeconds > started.epochSeconds + 18 * 3600,
               context.laterTimes.allSatisfy({ $0.epochSeconds < t.epochSeconds - 3600 }) {
                let before = date.adding(days: -1)
                context.day.date = before
                time = resolve(before)
            }
            // Crossed midnight; not right after a date written on its own, which is the entry's
            // day as written (`### 2024-03-06` after entries of the 7th: out of order, PM022).
            if leading.date == nil, !dateJustWritten, let previous = context.previous, let t = time,
               t.epochSeconds < previous.epochSeconds - 6 * 3600 {
                let next = date.adding(days: 1)
                context.day.date = next
                time = resolve(next)
            }
            // After a lead-up dated by its own day (`- Mon 16:00 Deploy.` before an incident that
            // started on Tuesday at 18:00), an entry without a day of its own more than eighteen
            // hours before the start, which the start's day puts at the start or up to an hour
            // after it, is on that day (`- 18:00 Errors begin.`): the writer dated the lead-up only.
            // (Up to six hours had taken the lead-up's own later entries, `- 16:30 Canary passes.`
            // before a start at 14:00.)
            if let t = time, let startDay = context.day.anchor, let onStart = resolve(startDay), movesFromLeadUp(leading, t, onStart, context) {
                context.day.date = startDay
                context.day.leadUpDay = false
                time = onStart
            }
            if let time { context.previous = time }
        }
        result.append(TimelineEvent(time: time, timeText: leading.matched, text: text.trimmingWhitespace(), range: range))
    }
}
