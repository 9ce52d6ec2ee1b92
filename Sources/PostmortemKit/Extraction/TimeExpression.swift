/// Reading the times people write in postmortems: strict RFC 3339 in front matter, and the
/// looser forms that open timeline entries (`14:02`, `14:02 UTC`, `2026-07-14 14:02`, `[13:26]`,
/// `7:32 PM`, `27-05-2025 13:44`, `2018-08-22, 03:26pm`, `Jan 23 14:02`).
///
/// Everything works on UTF-8 bytes; no formatter, locale or machine time zone is involved.
public enum TimeExpression {
    /// How a front matter timestamp reads.
    public enum Parsed: Sendable, Equatable {
        case valid(Timestamp)
        /// Well formed but no such date or time (2026-02-30, 25:61).
        case impossible
        case malformed
    }

    /// A time (and maybe a date and zone) found at the start of a timeline entry.
    public struct Leading: Sendable, Equatable {
        public var date: CalendarDate?
        /// Seconds since midnight; nil when only a date was written.
        public var secondOfDay: Int?
        /// The zone written next to the time, if any.
        public var offsetSeconds: Int?
        /// A US zone written next to the time without its season (`11:42 PM PT`): the offset
        /// depends on the date, so it is resolved where the date is known.
        public var seasonalZone: ZoneResolver? = nil
        /// A time written relative to the incident's start (`T+5m`, `T+01:30`, `T-10 min`), in
        /// seconds; the entry then has no time of day of its own.
        public var relativeSeconds: Int? = nil
        /// True when only a date was written: a heading or line that sets the date of the entries
        /// after it.
        public var isDateOnly: Bool { secondOfDay == nil && relativeSeconds == nil }
        /// True when words of prose placed the time ("At 14:02, …"), not the time alone.
        public var inProse = false
        /// The day of the incident written before a time (`Day 2, 08:00`), as a timeline's day label
        /// writes it (``DayLabel``).
        public var dayNumber: Int? = nil
        /// The weekday written before the date or the time (`Wed 08:30`, `Tue 14 Jan 2026`),
        /// Monday 0 to Sunday 6. Before a time alone it names the entry's day; before a date, the
        /// date does, and the weekday is what the writer took it for.
        public var weekday: Int? = nil
        /// The matched text, trimmed.
        public var matched: String
        /// The entry's text after the time and its separator.
        public var rest: String
    }

    /// Parses a front matter timestamp: `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM| UTC]`.
    /// When no zone is written, `defaultOffset` is used and the result is marked `zoneAssumed`.
    public static func parse(_ text: String, defaultOffset: Int = 0) -> Parsed {
        let bytes = Array(text.utf8)
        var i = 0
        skipSpaces(bytes, &i)
        guard let y = digits(bytes, i, 4), byte(bytes, i + 4) == "-", let mo = digits(bytes, i + 5, 2),
              byte(bytes, i + 7) == "-", let d = digits(bytes, i + 8, 2) else { return .malformed }
        i += 10
        var hour = 0, minute = 0, second = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "T") || bytes[i] == UInt8(ascii: "t") || bytes[i] == 32 {
            i += 1
            guard let h = digits(bytes, i, 2), byte(bytes, i + 2) == ":", let m = digits(bytes, i + 3, 2) else {
                return .malformed
            }
            hour = h
            minute = m
            i += 5
            if byte(bytes, i) == ":" {
                guard let s = digits(bytes, i + 1, 2) else { return .malformed }
                second = s
                i += 3
                if byte(bytes, i) == "." || byte(bytes, i) == "," {
                    i += 1
                    while i < bytes.count, isDigit(bytes[i]) { i += 1 }
                }
            }
        } else if i == bytes.count || trailingSpacesOnly(bytes, i) {
            // A bare date: midnight.
        } else {
            return .malformed
        }
        var offset: Int? = nil
        skipSpaces(bytes, &i)
        if i < bytes.count {
            guard let (zone, length) = zoneToken(bytes, i) else { return .malformed }
            offset = zone
            i += length
            skipSpaces(bytes, &i)
            guard i == bytes.count else { return .malformed }
        }
        guard let stamp = Timestamp(year: y, month: mo, day: d, hour: hour, minute: minute, second: second,
                                    offsetSeconds: offset ?? defaultOffset, zoneAssumed: offset == nil) else {
            return .impossible
        }
        return .valid(stamp)
    }

    /// Strict parse returning the timestamp or nil.
    public static func parseTimestamp(_ text: String) -> Timestamp? {
        if case .valid(let stamp) = parse(text) { return stamp }
        return nil
    }

    /// Finds a date and/or time at the start of `text`, as timeline entries begin.
    /// Returns nil when the text does not start with one.
    public static func leading(_ text: String) -> Leading? {
        let bytes = Array(text.utf8)
        var i = 0
        skipSpaces(bytes, &i)
        let openers = skipOpeners(bytes, &i)
        // "At 11:43, power was lost", "By 13:40 the API was back", "~11:30 UTC": a time after
        // such words is the entry's, as prose timelines write it.
        var inProse = false
        if let after = proseOpenerEnd(bytes, i), timeToken(bytes, after) != nil {
            i = after
            inProse = true
        }
        // A weekday before a date or a time ("Monday, January 12, 2026", "Mon 12 Jan", "Tue 07:42"):
        // a heading of that kind had not been read as a date, so every entry under it was a day off.
        // Before a time alone, the weekday names the entry's day; before a date, the date does.
        // So does a day's number (`Day 2, 08:00:`, `Day 2 (Wed) @ 08:00`, a table's `| Day 2 |
        // 08:00 |`, its cells joined).
        var weekday: Int? = nil
        var dayNumber: Int? = nil
        if let prefix = dayPrefix(bytes, i) {
            if dateToken(bytes, prefix.end) != nil {
                // `### Day 3 — 2026-05-14`: the day's number is kept with its date.
                (dayNumber, weekday) = (prefix.day, prefix.weekday)
                i = prefix.end
            } else if timeToken(bytes, prefix.end) != nil {
                (dayNumber, weekday) = (prefix.day, prefix.weekday)
                i = prefix.end
            }
        }
        let start = i
        var date: CalendarDate? = nil
        var relative: Int? = nil
        if let (seconds, length) = relativeToken(bytes, i) {
            relative = seconds
            i += length
        } else if let (d, length) = dateToken(bytes, i) {
            date = d
            i += length
            // `2015-10-20 (Wednesday)`, and a weekday that ends the line after a comma or a dash
            // (`### 2015-10-20 - Wednesday`): the date's, as one before it is.
            if weekday == nil, let after = weekdayAfterDate(bytes, i) { (weekday, i) = after }
            let j = afterDateSeparators(bytes, i)
            if timeToken(bytes, j) != nil {
                i = j
            } else if openers > 0, byte(bytes, i) == "]" || byte(bytes, i) == ")",
                      case let k = afterDateSeparators(bytes, i + 1), timeToken(bytes, k) != nil {
                // `[6/15/26] 09:10`: the date in brackets, the time after them.
                i = k
            }
        }
        var second: Int? = nil
        // ISO 8601 (`2026-07-14T03:15:00-05:00`): what follows the time is an offset.
        var iso = i > 0 && bytes[i - 1] == UInt8(ascii: "T")
        if relative == nil, let (s, length) = timeToken(bytes, i) {
            second = s
            // With seconds, a time is a timestamp's, not a timeline writer's range.
            iso = iso || bytes[i..<(i + length)].reduce(0) { $0 + ($1 == UInt8(ascii: ":") ? 1 : 0) } == 2
            i += length
        }
        guard date != nil || second != nil || relative != nil else { return nil }
        // A range, `14:05-14:08` or `12:26-12:??`: the entry is at its start. Read as an offset,
        // the end had put the entry twelve or fourteen hours off (`-14:08`).
        if let start = second, let end = rangeEnd(bytes, i, after: start), !iso || end.unambiguous { i += end.length }
        var offset: Int? = nil
        var seasonal: ZoneResolver? = nil
        if second != nil {
            var j = i
            skipSpaces(bytes, &j)
            if let (zone, length) = zoneToken(bytes, j), j + length == bytes.count || !isAlnum(bytes[j + length]) {
                offset = zone
                i = j + length
                // "UTC (14:02 CET)" style parentheticals are left in the text.
            } else if let zone = seasonalZoneToken(bytes, j), separatorFollows(bytes, j + 2) {
                // Only before the entry's separator: in "07:46 CT log monitor…" or "07:52 PT
                // team…" the capitals start the text.
                seasonal = zone
                i = j + 2
            } else if byte(bytes, j) == "(" {
                // In parentheses: "2:46 (ET)", "14:02 (CEST)".
                if let (zone, length) = zoneToken(bytes, j + 1), byte(bytes, j + 1 + length) == ")" {
                    offset = zone
                    i = j + length + 2
                } else if let zone = seasonalZoneToken(bytes, j + 1), byte(bytes, j + 3) == ")" {
                    seasonal = zone
                    i = j + 4
                }
            }
        }
        let end = i
        // A time must be followed by a separator, not by more of a word or number ("3 retries").
        if i < bytes.count, isAlnum(bytes[i]) { return nil }
        // Closers, then one separator.
        while i < bytes.count, openers > 0,
              bytes[i] == UInt8(ascii: "]") || bytes[i] == UInt8(ascii: "*") || bytes[i] == UInt8(ascii: ")")
              || bytes[i] == UInt8(ascii: "`") || bytes[i] == UInt8(ascii: "_") {
            i += 1
        }
        skipSpaces(bytes, &i)
        for separator in entrySeparators where hasPrefix(bytes, i, separator) {
            i += separator.utf8.count
            break
        }
        while i < bytes.count, bytes[i] == UInt8(ascii: "*") || bytes[i] == UInt8(ascii: "]") { i += 1 }
        skipSpaces(bytes, &i)
        let matched = String(decoding: bytes[start..<end], as: UTF8.self)
        let rest = String(decoding: bytes[i...], as: UTF8.self)
        return Leading(date: date, secondOfDay: second, offsetSeconds: offset, seasonalZone: seasonal, relativeSeconds: relative,
                       inProse: inProse, dayNumber: dayNumber, weekday: weekday,
                       matched: matched, rest: rest)
    }

    /// A day written before a date or a time, at `i`: `Day N` (any case; N of one to three
    /// digits), a weekday in full or abbreviated (`Wed`, `Wed.`), or both (`Day 2 (Wed)`,
    /// `Wednesday (day 2)`, `Day 2 – Wednesday`, `Wed, day 2`); then a comma or colon, or a dash
    /// with spaces around it, and perhaps `@`, `~` or "at" (``proseOpenerEnd(_:_:)``). Where what
    /// follows would start; callers look for a date or a time there.
    static func dayPrefix(_ b: [UInt8], _ i: Int) -> (day: Int?, weekday: Int?, end: Int)? {
        // Every line of every timeline starts here: the first letter rules most out.
        guard i < b.count, DayLabel.firstLetters.contains(b[i] | 0x20) else { return nil }
        var day: Int? = nil, weekday: Int? = nil
        var j: Int
        if let (n, after) = dayNumber(b, i) {
            (day, j) = (n, after)
        } else if let (w, after) = weekdayWord(b, i) {
            (weekday, j) = (w, after)
        } else {
            return nil
        }
        // The other of the two, in parentheses or after a separator.
        let other: ([UInt8], Int) -> (Int, Int)? = day == nil ? { dayNumber($0, $1) } : { weekdayWord($0, $1) }
        var both = inParentheses(b, j, other)
        if both == nil, let start = separatorEnd(b, j) { both = other(b, start) }
        if let (value, after) = both {
            if day == nil { day = value } else { weekday = value }
            j = after
        }
        guard var end = separatorEnd(b, j) else { return nil }
        if let after = proseOpenerEnd(b, end) { end = after }
        return (day, weekday, end)
    }

    /// After a day: a comma or colon, then spaces, then perhaps a dash with spaces around it. Nil
    /// without a space.
    static func separatorEnd(_ b: [UInt8], _ i: Int) -> Int? {
        var j = i
        if byte(b, j) == "," || byte(b, j) == ":" { j += 1 }
        guard byte(b, j) == " " else { return nil }
        skipSpaces(b, &j)
        for dash in ["-", "\u{2013}", "\u{2014}"] where hasPrefix(b, j, dash) && byte(b, j + dash.utf8.count) == " " {
            j += dash.utf8.count
            skipSpaces(b, &j)
            break
        }
        return j
    }

    /// `Day N` at `i`: the number, and where it ends.
    static func dayNumber(_ b: [UInt8], _ i: Int) -> (Int, Int)? {
        guard i + 4 < b.count, b[i] | 0x20 == UInt8(ascii: "d"), b[i + 1] | 0x20 == UInt8(ascii: "a"), b[i + 2] | 0x20 == UInt8(ascii: "y"),
              b[i + 3] == 32 else { return nil }
        var j = i + 4
        skipSpaces(b, &j)
        guard let n = number(b, &j, maxDigits: 3) else { return nil }
        return (n, j)
    }

    /// A weekday's name at `i` (in full or abbreviated, a full stop after it allowed): Monday 0 to
    /// Sunday 6, and where it ends.
    static func weekdayWord(_ b: [UInt8], _ i: Int) -> (Int, Int)? {
        var j = i
        while j < b.count, isLetter(b[j]) { j += 1 }
        guard j - i >= 3, j - i <= 9 else { return nil }
        let word = b[i..<j]
        guard let (_, weekday) = weekdayWords.first(where: { $0.0.count == word.count && zip($0.0, word).allSatisfy { $0 == $1 | 0x20 } })
        else { return nil }
        if byte(b, j) == "." { j += 1 }
        return (weekday, j)
    }

    /// `read` in parentheses after spaces at `i` (`(Wed)`, `(day 2)`): its value, and where the
    /// parenthesis closes.
    static func inParentheses(_ b: [UInt8], _ i: Int, _ read: ([UInt8], Int) -> (Int, Int)?) -> (Int, Int)? {
        var j = i
        skipSpaces(b, &j)
        guard byte(b, j) == "(", let (value, end) = read(b, j + 1), byte(b, end) == ")" else { return nil }
        return (value, end + 1)
    }

    /// A time relative to the incident's start at `i`, in seconds, and its length: `T`, a sign
    /// (`+`, `-`, `−` or `–`; spaces around it allowed), then `H:MM` or `H:MM:SS`, or numbers with
    /// units (`5m`, `5 min`, `1h30m`, `1h30`, `2 hours`, `2 weeks`, `90s`), or a bare number of
    /// minutes (`T+5`; with four digits and a leading zero, hours and minutes: `T+0530`); or `T0` before the entry's separator (`T0:`, `T0 -`; `T0+5m` is `T+5m`).
    /// Nil for what pm cannot count exactly: a fraction (`T+1.5h`), minutes or seconds of 60 or
    /// more (`T+1:75`), months or years (`T-2 months`), more than 366 days.
    static func relativeToken(_ b: [UInt8], _ i: Int) -> (Int, Int)? {
        guard byte(b, i) == "T" else { return nil }
        var j = i + 1
        if byte(b, j) == "0" {
            // `T0` before an offset (`T0+5m`), else alone before the entry's separator (`T0:`,
            // `T0 - errors begin`); not `T0:05`, `T05`, or a legend ("T0 is when…").
            var k = j + 1
            skipSpaces(b, &k)
            var number = k
            if let (_, length) = relativeSign(b, k) {
                number = k + length
                skipSpaces(b, &number)
            }
            if number > k, byte(b, number).map(isDigit) == true {
                j = k
            } else if !(byte(b, j + 1) == ":" && byte(b, j + 2).map(isDigit) == true), byte(b, j + 1).map(isAlnum) != true,
                      separatorFollows(b, j + 1) {
                return (0, 2)
            } else {
                return nil
            }
        }
        skipSpaces(b, &j)
        guard let (sign, signLength) = relativeSign(b, j) else { return nil }
        j += signLength
        skipSpaces(b, &j)
        let firstDigit = j
        guard let h = number(b, &j, maxDigits: 6) else { return nil }
        // The end of the token: no letter, digit, `.` or `,` followed by a digit right after it.
        func ends(at k: Int) -> Bool {
            guard k < b.count else { return true }
            if isAlnum(b[k]) { return false }
            if b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ","), byte(b, k + 1).map(isDigit) == true { return false }
            return true
        }
        // `H:MM` and `H:MM:SS`, with two-digit minutes and seconds below 60 (`T+1:75`, `T+2:3`
        // and `T+1:02:99` are no times).
        if byte(b, j) == ":", byte(b, j + 1).map(isDigit) == true {
            guard let m = digits(b, j + 1, 2), m < 60 else { return nil }
            j += 3
            var seconds = h * 3600 + m * 60
            if byte(b, j) == ":", byte(b, j + 1).map(isDigit) == true {
                guard let sec = digits(b, j + 1, 2), sec < 60 else { return nil }
                seconds += sec
                j += 3
            }
            guard ends(at: j), seconds <= 366 * 86_400 else { return nil }
            return (sign * seconds, j - i)
        }
        // Numbers with units. The word after a number, when there is one, must be a unit.
        func word(after position: Int) -> (text: String, end: Int)? {
            var k = position
            skipSpaces(b, &k)
            var end = k
            while end < b.count, isLetter(b[end]) { end += 1 }
            guard end > k else { return nil }
            // A unit run into digits ("1h28m", "1h30") is one only when they are read too;
            // "S3" in "T+5 S3 bucket" is a name.
            let text = String(decoding: b[k..<end], as: UTF8.self).lowercased()
            if byte(b, end).map(isDigit) == true {
                var l = end
                _ = number(b, &l, maxDigits: 6)
                var m = l
                while m < b.count, isLetter(b[m]) { m += 1 }
                let unitFollows = m > l && relativeUnits[String(decoding: b[l..<m], as: UTF8.self).lowercased()] != nil
                let minutesAfterHours = m == l && l > end && ends(at: l) && relativeUnits[text] == 3600
                guard unitFollows || minutesAfterHours else { return nil }
            }
            return (text, end)
        }
        var total = 0
        var value = h
        var lastScale: Int? = nil
        while true {
            guard let (text, end) = word(after: j), let scale = relativeUnits[text] else { break }
            total += value * scale
            lastScale = scale
            j = end
            var k = j
            skipSpaces(b, &k)
            let numberStart = k
            guard total <= 366 * 86_400, let next = number(b, &k, maxDigits: 6) else { break }
            if let (text, _) = word(after: k), relativeUnits[text] != nil {
                value = next
                j = k
                continue
            }
            // A bare number right after hours is minutes (`1h30`); any other is the text's.
            if lastScale == 3600, next < 60, numberStart == j {
                total += next * 60
                j = k
            }
            break
        }
        if lastScale == nil {
            // A bare number is minutes ("T+5: paged"), unless a longer period follows it
            // ("T-2 months"), which pm does not count in.
            if let (text, _) = word(after: j), longerPeriods.contains(text) { return nil }
            // Four digits with a leading zero are a clock's hours and minutes (`T+0530`); fewer
            // are padded minutes (`T+05`, `T+030`), and more are no time.
            if b[firstDigit] == UInt8(ascii: "0"), j - firstDigit >= 4 {
                guard j - firstDigit == 4, value % 100 < 60 else { return nil }
                total = value / 100 * 3600 + value % 100 * 60
            } else {
                total = value * 60
            }
        }
        guard ends(at: j), total <= 366 * 86_400 else { return nil }
        return (sign * total, j - i)
    }

    /// The sign of a relative time at `i`: ``signToken(_:_:)``'s, or an en dash for minus
    /// (`T–10m`), as word processors write it.
    static func relativeSign(_ b: [UInt8], _ i: Int) -> (sign: Int, length: Int)? {
        signToken(b, i) ?? (hasPrefix(b, i, "\u{2013}") ? (-1, 3) : nil)
    }

    /// Periods of no fixed length in minutes, which a bare number before them does not count.
    static let longerPeriods: Set<String> = ["mo", "mos", "month", "months", "year", "years", "yr", "yrs", "quarter", "quarters",
                                             "sprint", "sprints"]

    static let relativeUnits: [String: Int] = [
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
        "d": 86_400, "day": 86_400, "days": 86_400,
        "w": 604_800, "wk": 604_800, "wks": 604_800, "week": 604_800, "weeks": 604_800,
    ]

    /// The zone of `PT`, `MT`, `CT` or `ET` (upper case, a word of its own) at `i`: the US zone,
    /// whose summer time the date decides, as "All times PT" states it for a whole timeline.
    static func seasonalZoneToken(_ b: [UInt8], _ i: Int) -> ZoneResolver? {
        guard i + 2 <= b.count, b[i + 1] == UInt8(ascii: "T"), i + 2 == b.count || !isAlnum(b[i + 2]) else { return nil }
        switch b[i] {
        case UInt8(ascii: "P"): return usZoneResolvers[0]
        case UInt8(ascii: "M"): return usZoneResolvers[1]
        case UInt8(ascii: "C"): return usZoneResolvers[2]
        case UInt8(ascii: "E"): return usZoneResolvers[3]
        default: return nil
        }
    }

    /// What separates an entry's time from its text: `:`, `-`, `|`, `,` or a dash.
    static let entrySeparators = [":", "-", "|", ",", "\u{2013}", "\u{2014}", "\u{2012}"]

    /// True when only spaces stand between `i` and the end of the text, an entry separator
    /// (``entrySeparators``) or a closing `)`, `]`, `*`, `` ` `` or `_`.
    static func separatorFollows(_ b: [UInt8], _ i: Int) -> Bool {
        var k = i
        skipSpaces(b, &k)
        guard k < b.count else { return true }
        if separatorBytes.contains(b[k]) { return true }
        return entrySeparators.contains { $0.utf8.count > 1 && hasPrefix(b, k, $0) }
    }

    static let separatorBytes = Array(":-|,)]*`_".utf8)

    /// The resolvers of PT, MT, CT and ET, in that order.
    static let usZoneResolvers = ["PT", "MT", "CT", "ET"].map { ZoneResolver(usZones[$0]!)! }

    /// The zone a sentence such as "All times UTC", "All times in CET (UTC+01:00)" or
    /// "Times are PDT" states, or nil when it states none.
    public static func statedZone(in text: String) -> Int? {
        let lower = text.lowercased()
        guard (lower.containsBytes(of: "time") && lower.contains("time")) || (lower.containsBytes(of: "zone") && lower.contains("zone"))
                || lower.count < 24 else { return nil }
        let bytes = Array(text.utf8)
        // An explicit offset wins over an abbreviation: "CET (UTC+01:00)".
        var best: Int? = nil
        var i = 0
        while i < bytes.count {
            if i == 0 || !isAlnum(bytes[i - 1]), let (zone, length) = zoneToken(bytes, i, capitalsOnly: true),
               i + length == bytes.count || !isAlnum(bytes[i + length]) {
                let token = String(decoding: bytes[i..<(i + length)], as: UTF8.self)
                if token.containsBytes(of: "+") && token.contains("+") || token.containsBytes(of: "-") && token.contains("-")
                    || token.containsBytes(of: "\u{2212}") && token.contains("\u{2212}") { return zone }
                if token != "Z" && best == nil { best = zone }
                i += length
            } else {
                i += 1
            }
        }
        return best
    }

    /// A zone whose offset depends on the date that a statement about the timeline's times names,
    /// and whether it was written as an IANA name:
    /// - an IANA name ("All times Europe/Berlin.", which `pm new` writes for a team outside UTC;
    ///   "All times Etc/GMT+5", whose sign POSIX inverts; "US/Pacific"), in a statement or a short
    ///   text such as a heading; written, it wins over an offset in the same text;
    /// - a US zone named without its season ("All times PT", "All times are US Eastern (ET)",
    ///   "Timeline (all times Pacific)", a "Time (Pacific)" column), read as the zone with its summer
    ///   time, in a statement only, and after any fixed zone the text states ("All times CET
    ///   (Central European Time)" is CET; "Central" before "European" or "Australian" is none).
    /// A statement has "all times" as words, or starts with the word "time", "times", "timeline",
    /// "timezone" or "time zone": "Downtime was limited to the Eastern region", "Timestamps in ET
    /// logs" and "CT logs lagged" name no zone. Such statements had been passed over, and the
    /// times read in pm.yml's zone.
    public static func statedZoneResolver(in text: String) -> (zone: ZoneResolver, written: Bool)? {
        // Most lines of a timeline, "All times UTC." too, name no such zone: the bytes of one are
        // looked for before anything is allocated.
        guard text.containsBytes(of: "/") || Self.usZoneBytes.contains(where: { text.containsBytes(of: $0) }) else { return nil }
        let bytes = Array(text.utf8)
        let statement = isZoneStatement(bytes)
        guard statement || bytes.count < 32 else { return nil }
        // Words on bytes: letters, digits and the characters of IANA names (`/`, `_`, `+`, `-`).
        var words: [ArraySlice<UInt8>] = []
        var i = 0
        while i < bytes.count {
            guard isZoneNameByte(bytes[i]) else { i += 1; continue }
            var j = i
            while j < bytes.count, isZoneNameByte(bytes[j]) { j += 1 }
            words.append(bytes[i..<j])
            i = j
        }
        if let zone = words.lazy.compactMap(ianaZone).first { return (zone, true) }
        guard statement else { return nil }
        // A zone's two abbreviations together, in capitals ("PST/PDT", "CET/CEST"), name it with
        // its summer time.
        if let zone = words.lazy.filter({ $0.contains(UInt8(ascii: "/")) })
            .compactMap({ pairedZones[String(decoding: $0, as: UTF8.self)].flatMap(ZoneResolver.init) }).first {
            return (zone, true)
        }
        for (k, word) in words.enumerated() {
            let text = String(decoding: word, as: UTF8.self)
            if let name = usZones[text] { return ZoneResolver(name).map { ($0, false) } }
            guard let name = usZoneWords[text.lowercased()] else { continue }
            let next = k + 1 < words.count ? String(decoding: words[k + 1], as: UTF8.self).lowercased() : ""
            if next == "european" || next == "australian" || next == "africa" || next == "african" { continue }
            return ZoneResolver(name).map { ($0, false) }
        }
        return nil
    }

    /// "all times" as words anywhere, or a text that starts (after markup) with the word "time",
    /// "times", "timeline", "timezone" or "time zone".
    static func isZoneStatement(_ bytes: [UInt8]) -> Bool {
        let lower = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        func isWordEnd(_ k: Int) -> Bool { k >= lower.count || !isLetter(lower[k]) }
        var from = 0
        let phrase = Array("all times".utf8)
        while let found = ByteSearch.firstIndex(of: phrase, in: lower, from: from) {
            if (found == 0 || !isLetter(lower[found - 1])) && isWordEnd(found + phrase.count) { return true }
            from = found + 1
        }
        guard let first = lower.firstIndex(where: { isLetter($0) }) else { return false }
        return ["times", "time zone", "timezone", "timeline", "time"].contains { word in
            lower[first...].starts(with: word.utf8) && isWordEnd(first + word.utf8.count)
        }
    }

    static func isZoneNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || isDigit(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: "_") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }

    /// An IANA zone named by `word`: an area pm knows, a slash, a capitalised place
    /// (`America/New_York`, `Etc/GMT+5`); "CI/CD" and "I/O" are none.
    static func ianaZone(_ word: ArraySlice<UInt8>) -> ZoneResolver? {
        guard let slash = word.firstIndex(of: UInt8(ascii: "/")), slash + 1 < word.endIndex,
              ianaAreas.contains(String(decoding: word[..<slash], as: UTF8.self)),
              word[slash + 1] >= 65 && word[slash + 1] <= 90 else { return nil }
        return ZoneResolver(String(decoding: word, as: UTF8.self))
    }

    /// A zone's winter and summer abbreviations written together, either way round.
    static let pairedZones: [String: String] = {
        let pairs = [("PST", "PDT", "America/Los_Angeles"), ("MST", "MDT", "America/Denver"), ("CST", "CDT", "America/Chicago"),
                     ("EST", "EDT", "America/New_York"), ("GMT", "BST", "Europe/London"), ("WET", "WEST", "Europe/Lisbon"),
                     ("CET", "CEST", "Europe/Berlin"), ("EET", "EEST", "Europe/Athens"), ("AEST", "AEDT", "Australia/Sydney"),
                     ("NZST", "NZDT", "Pacific/Auckland")]
        var result: [String: String] = [:]
        for (winter, summer, zone) in pairs {
            result["\(winter)/\(summer)"] = zone
            result["\(summer)/\(winter)"] = zone
        }
        return result
    }()

    static let ianaAreas: Set<String> = ["Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe",
                                         "Indian", "Pacific", "Etc", "US", "Canada", "Brazil", "Chile", "Mexico"]

    /// What a US zone's name holds, in any case of its first letter.
    static let usZoneBytes = ["PT", "ET", "CT", "MT", "acific", "ACIFIC", "astern", "ASTERN", "entral", "ENTRAL", "ountain", "OUNTAIN"]

    static let usZones = ["PT": "America/Los_Angeles", "MT": "America/Denver", "CT": "America/Chicago", "ET": "America/New_York"]
    static let usZoneWords = ["pacific": "America/Los_Angeles", "mountain": "America/Denver", "central": "America/Chicago",
                              "eastern": "America/New_York"]

    /// Offsets of the zone abbreviations teams commonly write. Abbreviations are ambiguous in
    /// general; these are their usual meanings in incident reports.
    public static let abbreviations: [String: Int] = [
        "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 3600, "WEST": 3600, "CET": 3600, "CEST": 7200,
        "EET": 7200, "EEST": 10800, "MSK": 10800, "IST": 19800, "SGT": 28800, "HKT": 28800,
        "JST": 32400, "KST": 32400, "AEST": 36000, "AEDT": 39600, "NZST": 43200, "NZDT": 46800,
        "EST": -18000, "EDT": -14400, "CST": -21600, "CDT": -18000, "MST": -25200, "MDT": -21600,
        "PST": -28800, "PDT": -25200, "AKST": -32400, "AKDT": -28800, "HST": -36000,
        // Zones without summer time, written in incident reports from South America, Africa and Asia
        // (``rareAbbreviations``).
        "BRT": -10800, "ART": -10800, "WAT": 3600, "CAT": 7200, "SAST": 7200, "EAT": 10800, "TRT": 10800,
        "GST": 14400, "PKT": 18000, "NPT": 20700, "ICT": 25200, "WIB": 25200, "WITA": 28800, "WIT": 32400,
        "PHT": 28800, "MYT": 28800, "AWST": 28800, "ACST": 34200, "ACDT": 37800,
    ]

    /// The abbreviations above that are read only in capitals and before a separator or the end.
    static let rareAbbreviations: Set<String> = ["BRT", "ART", "WAT", "CAT", "SAST", "EAT", "TRT", "GST", "PKT", "NPT", "ICT", "WIB",
                                                 "WITA", "WIT", "PHT", "MYT", "AWST", "ACST", "ACDT"]

    /// A zone name as pm.yml or front matter gives it: an abbreviation, `±HH:MM`, `UTC+1`.
    public static func offset(named name: String) -> Int? {
        let bytes = Array(name.utf8)
        guard let (zone, length) = zoneToken(bytes, 0), length == bytes.count else { return nil }
        return zone
    }

    // MARK: - Tokens

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The numbers of a slash date at `i`, `D/M/Y` or `M/D/Y` (one or two digits each; a year of
    /// four digits, or of two, read in the 2000s), or of `D/M` without a year: the first, the
    /// second, the year (nil without one) and where the date ends. A third number of another
    /// length, or a fourth part (`1/2/3/4`), is none.
    static func slashNumbers(_ b: [UInt8], _ i: Int) -> (first: Int, second: Int, year: Int?, end: Int)? {
        var k = i
        guard let first = number(b, &k, maxDigits: 2), byte(b, k) == "/" else { return nil }
        k += 1
        guard let second = number(b, &k, maxDigits: 2) else { return nil }
        guard byte(b, k) == "/" else { return (first, second, nil, k) }
        let start = k + 1
        var end = start
        guard let year = number(b, &end, maxDigits: 4), end - start == 4 || end - start == 2 && year > 0, byte(b, end) != "/"
        else { return nil }
        return (first, second, end - start == 2 ? 2000 + year : year, end)
    }

    /// A weekday at `i`, and a comma and spaces after it (`Saturday, October 17`): where what
    /// follows starts, or `i` when no weekday is there.
    static func afterWeekday(_ b: [UInt8], _ i: Int) -> Int {
        guard let (_, end) = weekdayWord(b, i) else { return i }
        var k = end
        if byte(b, k) == "," { k += 1 }
        skipSpaces(b, &k)
        return k
    }

    /// True when a date with a year of two digits can end at `i`: at the end, before a closing
    /// bracket or markup, or before a time (after the separators a time may follow a date with).
    static func twoDigitYearEnds(_ b: [UInt8], _ i: Int) -> Bool {
        guard i < b.count else { return true }
        if [UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`")].contains(b[i]) { return true }
        if b[i] == UInt8(ascii: ":") || b[i] == UInt8(ascii: "."), i + 1 == b.count || b[i + 1] == UInt8(ascii: " ") { return true }
        // `4/14/26 (Tue) 2:00 PM`, `**4/15/26 – Wednesday**`: a weekday after it.
        if weekdayAfterDate(b, i) != nil { return true }
        let j = afterDateSeparators(b, i)
        return j > i && timeToken(b, j) != nil
    }

    /// A weekday written after a date at `i` (`2015-10-20 (Wednesday)`, or one that ends the
    /// line after a comma or a dash: `### 2015-10-24 - Saturday`, `– Saturday`), and where it
    /// ends; a time may follow one in parentheses (`2026-05-08 (Fri): 14:40`, after a colon).
    static func weekdayAfterDate(_ b: [UInt8], _ i: Int) -> (weekday: Int, end: Int)? {
        if let (w, end) = inParentheses(b, i, weekdayWord) { return (w, end) }
        var j = afterDateSeparators(b, i)
        // An en or em dash as well as a hyphen.
        if hasPrefix(b, j, "–") || hasPrefix(b, j, "—") {
            j += 3
            skipSpaces(b, &j)
        }
        guard j > i, let (w, end) = weekdayWord(b, j),
              b[end...].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }) else { return nil }
        return (w, end)
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD`, `DD-MM-YYYY`, `DD.MM.YYYY`, `MM/DD/YYYY` (day and month of one
    /// digit or two), `Jan 23[,] [2019]`,
    /// `23 Jan[uary] 2019`.
    static func dateToken(_ b: [UInt8], _ i: Int) -> (CalendarDate, Int)? {
        if let y = digits(b, i, 4), let sep = byte(b, i + 4), sep == "-" || sep == "/" || sep == ".",
           let m = digits(b, i + 5, 2), byte(b, i + 7) == sep, let d = digits(b, i + 8, 2) {
            guard let date = CalendarDate(year: y, month: m, day: d) else { return nil }
            return (date, 10)
        }
        // One or two digits each with slashes and dots (`05/12/2026`, `5/8/2026`, `5.8.2026`; two
        // with hyphens, `05-12-2026`), and with slashes a year of two digits (`5/8/26`, 2026; not
        // with dots, where `1.2.26` is a version) where nothing but a time, a bracket or the end
        // follows (not `3/6/12 replicas` or `8/16/32 GiB`).
        var k = i
        if let first = number(b, &k, maxDigits: 2), let sep = byte(b, k), sep == "-" || sep == "/" || sep == ".",
           sep != "-" || k - i == 2,
           case var l = k + 1, let second = number(b, &l, maxDigits: 2), byte(b, l) == sep, sep != "-" || l - k == 3 {
            var y = l + 1
            let year = number(b, &y, maxDigits: 4)
            guard let year, y - l == 5 || sep == "/" && y - l == 3 && year > 0 && twoDigitYearEnds(b, y) else { return nil }
            // Day first, except US-style slashes where the first number cannot be a day > 12.
            let (d, m) = sep == "/" && first <= 12 && second > 12 ? (second, first) : (first, second)
            guard let date = CalendarDate(year: y - l == 3 ? 2000 + year : year, month: m, day: d) else { return nil }
            return (date, y - i)
        }
        // "12-05 16:21", "5/8 22:10", "7/2 (Sat) 16:00": month and day without a year, only when
        // a time follows, or (with a slash) when nothing but a weekday or markup does
        // (`### Thu 5/14`, `**5/11**`; "3/4 of requests" is no date).
        k = i
        if let first = number(b, &k, maxDigits: 2), let sep = byte(b, k), sep == "-" || sep == "/",
           sep == "/" || k - i == 2, case var l = k + 1, let second = number(b, &l, maxDigits: 2), sep == "/" || l - k == 3,
           case let m = inParentheses(b, l, weekdayWord)?.1 ?? l,
           byte(b, m) == " " && timeToken(b, m + 1) != nil && byte(b, m + 1).map(isDigit) == true
               || sep == "/" && b[m...].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") }) {
            let (m, d) = first <= 12 ? (first, second) : (second, first)
            // Year 2000 marks "year unknown"; the timeline supplies the incident's year.
            guard let date = CalendarDate(year: 2000, month: m, day: d) else { return nil }
            return (date, l - i)
        }
        // Month names: "Jan 23", "January 23, 2019", "23 January 2019".
        var j = i
        if let month = monthWord(b, &j) {
            skipSpaces(b, &j)
            var k = j
            guard let day = number(b, &k, maxDigits: 2) else { return nil }
            j = k
            if matchWord(b, j, "st") || matchWord(b, j, "nd") || matchWord(b, j, "rd") || matchWord(b, j, "th") { j += 2 }
            var year = 0
            var y = j
            if byte(b, y) == "," { y += 1 }
            skipSpaces(b, &y)
            if let value = digits(b, y, 4), y + 4 == b.count || !isDigit(b[y + 4]), byte(b, y + 4) != ":" {
                year = value
                j = y + 4
            }
            guard let date = CalendarDate(year: year == 0 ? 2000 : year, month: month, day: day) else { return nil }
            // Without a year the date is a month and day; 2000 marks "year unknown" (leap-safe).
            return (date, j - i)
        }
        j = i
        if let day = number(b, &j, maxDigits: 2),
           case let ordinal = matchWord(b, j, "st") || matchWord(b, j, "nd") || matchWord(b, j, "rd") || matchWord(b, j, "th"),
           case let afterDay = j + (ordinal ? 2 : 0), byte(b, afterDay) == " " {
            // "16 July", "16th July", "16th of July".
            var k = afterDay
            skipSpaces(b, &k)
            var of = false
            if ordinal, matchWord(b, k, "of") {
                k += 2
                skipSpaces(b, &k)
                of = true
            }
            if let month = monthWord(b, &k) {
                // "4th of July traffic was 3x": a name, not a date, unless nothing but a year or
                // punctuation follows.
                if of {
                    var m = k
                    skipSpaces(b, &m)
                    if let next = byte(b, m), isLetter(next) { return nil }
                }
                let end = k
                skipSpaces(b, &k)
                if let y = digits(b, k, 4), let date = CalendarDate(year: y, month: month, day: day) {
                    return (date, k + 4 - i)
                }
                // "12 Jan" without a year, as "Jan 12" is read (2000 marks the year unknown; the
                // timeline takes the year nearest the incident). Not when a year follows that makes
                // no date of it ("29 Feb 2027").
                if digits(b, k, 4) != nil { return nil }
                if byte(b, end).map({ !isLetter($0) && !isDigit($0) }) ?? true, let date = CalendarDate(year: 2000, month: month, day: day) {
                    return (date, end - i)
                }
            }
        }
        return nil
    }

    /// Where a time would start after words that place an entry in prose ("At", "By", "Around",
    /// "At approximately", "Shortly after", "~"), or nil when none stands at `i`.
    static func proseOpenerEnd(_ bytes: [UInt8], _ i: Int) -> Int? {
        if byte(bytes, i) == "~" { return i + 1 }
        // "@ 13:20": an at sign and a space (`@13:20` is no handle either).
        if byte(bytes, i) == "@" {
            var j = i + 1
            skipSpaces(bytes, &j)
            return j
        }
        // The opening words' first letters, for a quick test: most entries start with a digit.
        guard let first = byte(bytes, i) else { return nil }
        switch first | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "j"), UInt8(ascii: "r"), UInt8(ascii: "s"): break
        default: return nil
        }
        var j = i
        var found = false
        for _ in 0..<2 {
            guard let word = proseOpeners.first(where: { matchWord(bytes, j, $0) }) else { break }
            j += word.utf8.count
            if byte(bytes, j) == "." { j += 1 }
            guard byte(bytes, j) == " " else { return nil }
            skipSpaces(bytes, &j)
            found = true
        }
        if found, byte(bytes, j) == "~" { j += 1 }
        return found ? j : nil
    }

    /// The words of ``proseOpenerEnd(_:_:)``, in pairs at most ("at about", "shortly after").
    static let proseOpeners = ["at", "by", "around", "about", "approximately", "approx", "roughly", "circa", "ca",
                               "shortly", "just", "soon", "after"]

    /// Openers people wrap times in, `[13:26]`, `**14:02**`, `(14:02)`, `` `14:02` ``: up to
    /// three, skipped; how many.
    static func skipOpeners(_ bytes: [UInt8], _ i: inout Int) -> Int {
        var openers = 0
        while i < bytes.count, openers < 3,
              bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: "*") || bytes[i] == UInt8(ascii: "(")
              || bytes[i] == UInt8(ascii: "`") || bytes[i] == UInt8(ascii: "_") {
            i += 1
            openers += 1
        }
        return openers
    }

    /// Where a time would start after a date that ends at `i`: past `,`, `T` or spaces, `at`,
    /// and `-` or `@`.
    static func afterDateSeparators(_ bytes: [UInt8], _ i: Int) -> Int {
        var j = i
        if byte(bytes, j) == "," || byte(bytes, j) == ":" && byte(bytes, j + 1) == " " { j += 1 }
        if byte(bytes, j) == "T" { j += 1 } else { skipSpaces(bytes, &j) }
        if matchWord(bytes, j, "at") { j += 2; skipSpaces(bytes, &j) }
        if byte(bytes, j) == "-" || byte(bytes, j) == "@" { j += 1; skipSpaces(bytes, &j) }
        return j
    }

    /// A time of day that is out of range where an entry's time stands, as ``leading(_:)`` looks
    /// for it (after openers, a weekday, a date: `16:62`, `**25:10**`, `Tue 2026-07-14 at 24:05`,
    /// `13:05 PM`), as written; nil when there is none. ``leading(_:)`` reads no time from such
    /// an entry; this says why.
    public static func outOfRangeTime(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var i = 0
        skipSpaces(bytes, &i)
        _ = skipOpeners(bytes, &i)
        if let prefix = dayPrefix(bytes, i), dateToken(bytes, prefix.end) != nil || timeParts(bytes, prefix.end) != nil { i = prefix.end }
        if let (_, length) = dateToken(bytes, i) { i = afterDateSeparators(bytes, i + length) }
        guard timeToken(bytes, i) == nil, let parts = timeParts(bytes, i) else { return nil }
        return String(decoding: bytes[i..<(i + parts.length)], as: UTF8.self)
    }

    /// `H:MM`, `HH:MM` or `HH:MM:SS` at `i`, optionally followed by `am`/`pm`, in range or not:
    /// its parts as written and its length; nil when there is none (`HHMM` is not accepted, too
    /// ambiguous; nor is a time followed by another digit).
    static func timeParts(_ b: [UInt8], _ i: Int) -> (hour: Int, minute: Int, second: Int, pm: Bool?, length: Int)? {
        var j = i
        guard let hour = number(b, &j, maxDigits: 2) else {
            // Four digits: `0930Z`, `1300hrs`.
            guard let hour = digits(b, i, 2), digits(b, i + 2, 2) != nil else { return nil }
            return otherTimeParts(b, i, hour: hour, afterHour: i + 2)
        }
        guard byte(b, j) == ":", let minute = digits(b, j + 1, 2) else { return otherTimeParts(b, i, hour: hour, afterHour: j) }
        j += 3
        var second = 0
        if byte(b, j) == ":", let s = digits(b, j + 1, 2) {
            second = s
            j += 3
            // A fraction of the second, as logs and alerts write it (`14:02:30.123`,
            // `14:10:01,442`, up to the nanoseconds Go and Kubernetes write): read to the
            // second. It had been left in the text, and the `Z` after it unread.
            if byte(b, j) == "." || byte(b, j) == ",", let first = byte(b, j + 1), isDigit(first) {
                var k = j + 1
                while k < b.count, isDigit(b[k]) { k += 1 }
                if k - (j + 1) <= 9 { j = k }
            }
        }
        if j < b.count, isDigit(b[j]) { return nil }
        var k = j
        skipSpaces(b, &k)
        let marker = meridiem(b, k)
        if let marker { j = afterHoursSuffix(b, k + marker.length) } else { j = afterHoursSuffix(b, j) }
        return (hour, minute, second, marker?.pm, j - i)
    }

    /// Past `hrs`, `hr`, `h` or `ish` right after a time (`13:00hrs`, `13:50ish`, `23:00-ish`).
    static func afterHoursSuffix(_ b: [UInt8], _ j: Int) -> Int {
        // Most times are followed by a space or a separator.
        guard j < b.count, b[j] == UInt8(ascii: "h") || b[j] == UInt8(ascii: "i") || b[j] == UInt8(ascii: "-") else { return j }
        for suffix in ["hrs", "hr", "h", "ish", "-ish"] where hasPrefix(b, j, suffix) {
            let end = j + suffix.utf8.count
            if end == b.count || !isAlnum(b[end]) { return end }
        }
        return j
    }

    /// Times written without a colon: `9am`, `12 PM`, `1 a.m.` (an hour and its am or pm),
    /// `09h15`, and four digits with `Z` or `hrs` after them (`0930Z`, `1300hrs`, `1300 hrs`).
    static func otherTimeParts(_ b: [UInt8], _ i: Int, hour: Int, afterHour j: Int) -> (hour: Int, minute: Int, second: Int, pm: Bool?, length: Int)? {
        // `09h15`: two digits before the `h` (`1h30` and `2h15` are durations).
        if j - i == 2, byte(b, j) == "h", let minute = digits(b, j + 1, 2), !(byte(b, j + 3).map(isAlnum) ?? false) {
            return (hour, minute, 0, nil, j + 3 - i)
        }
        if j - i == 2, let minute = digits(b, j, 2) {
            let end = j + 2
            if byte(b, end) == "Z" || byte(b, end) == "z", !(byte(b, end + 1).map(isAlnum) ?? false) {
                return (hour, minute, 0, nil, end - i)   // the `Z` is read as the zone
            }
            // `1300hrs`, `1300 hrs:` (not "1500 hrs of CPU": a separator or the end follows).
            var k = end
            skipSpaces(b, &k)
            guard hasPrefix(b, k, "hrs") || hasPrefix(b, k, "HRS") else { return nil }
            var after = k + 3
            skipSpaces(b, &after)
            guard after == b.count || [UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: ")"), UInt8(ascii: "]"),
                                        UInt8(ascii: "*"), 0xE2].contains(b[after]) || zoneToken(b, after, capitalsOnly: true) != nil else { return nil }
            return (hour, minute, 0, nil, k + 3 - i)
        }
        var k = j
        skipSpaces(b, &k)
        guard let marker = meridiem(b, k) else { return nil }
        return (hour, 0, 0, marker.pm, afterHoursSuffix(b, k + marker.length) - i)
    }

    /// A time of day at `i` (``timeParts(_:_:)`` in range: hours 0–23, or 1–12 before `am`/`pm`;
    /// minutes and seconds 0–59): its second of the day and its length.
    static func timeToken(_ b: [UInt8], _ i: Int) -> (Int, Int)? {
        guard let parts = timeParts(b, i) else { return nil }
        var h = parts.hour
        if let pm = parts.pm {
            guard (1...12).contains(parts.hour) else { return nil }
            h = parts.hour % 12 + (pm ? 12 : 0)
        }
        guard (0...23).contains(h), (0...59).contains(parts.minute), (0...59).contains(parts.second) else { return nil }
        return (h * 3600 + parts.minute * 60 + parts.second, parts.length)
    }

    /// The length of the end of a time range right after a time (`-14:08`, `–14:08`, `-12:??`,
    /// `16:09 - 16:15`, `16:02 to 16:10`, `4:25 PM – 4:30 PM`, `16:35:10-16:35:40`,
    /// `16:30 – 2026-07-14 16:35`), or nil when what follows is not one; `unambiguous` when it can
    /// be no UTC offset. A hyphen and a time that could be a real UTC offset (`07:30-08:00`,
    /// `14:02-05:00`, `09:00-03:30`) is read as one, as ISO 8601 writes it; an end no zone has
    /// (`-14:08`, `-12:40`, `-17:00`) is a range, and so is an end with seconds, one after a dash
    /// with spaces around it, an en or em dash, an arrow or "to", which no offset is written with.
    static func rangeEnd(_ b: [UInt8], _ i: Int, after start: Int) -> (length: Int, unambiguous: Bool)? {
        // A connector with spaces around it, or an arrow or a dash other than a hyphen.
        var j = i
        skipSpaces(b, &j)
        let spaced = j > i
        var connector = 0
        // Most times are followed by a separator or text: the connectors' first bytes first.
        let first = byte(b, j) ?? 0
        let mayConnect = first == UInt8(ascii: "-") || first == 0xE2 || first | 0x20 == UInt8(ascii: "t") || first | 0x20 == UInt8(ascii: "u")
        for word in Self.rangeConnectors where mayConnect && hasPrefix(b, j, word) {
            // A word is whole ("14:02 tomorrow" has none) and has spaces around it.
            if isLetter(b[j]), !spaced || (j + word.utf8.count < b.count && isAlnum(b[j + word.utf8.count])) { continue }
            connector = word.utf8.count
            break
        }
        // ` -05:00` (a space before the hyphen, none after) is an offset, as the hyphen alone is.
        let offsetAfterSpace = connector == 1 && b[j] == UInt8(ascii: "-") && byte(b, j + 1).map(isDigit) == true
        if connector > 0, spaced && !offsetAfterSpace || b[j] != UInt8(ascii: "-") {
            var k = j + connector
            let afterConnector = k
            skipSpaces(b, &k)
            guard !isLetter(b[j]) || k > afterConnector else { return nil }
            // The end may repeat the date (`16:30 – 2026-07-14 16:35`).
            if let (_, length) = dateToken(b, k) {
                let afterDate = afterDateSeparators(b, k + length)
                if timeToken(b, afterDate) != nil { k = afterDate }
            }
            if let (_, length) = timeToken(b, k) { return (k + length - i, true) }
            // An end whose minutes were not written down.
            guard let unknown = unknownMinutesEnd(b, k) else { return nil }
            return (k + unknown - i, true)
        }
        guard byte(b, i) == "-" else { return nil }
        if let (end, length) = timeToken(b, i + 1), end >= start {
            let hours = end / 3600, minutes = end % 3600 / 60
            // The offsets west of UTC in use: whole hours to −12, and −09:30, −03:30, −02:30.
            let realOffset = end % 60 == 0 && (minutes == 0 ? hours <= 12 : minutes == 30 && [9, 3, 2].contains(hours))
            // An end with seconds (`16:35:10-16:35:40`) is no offset.
            let withSeconds = b[(i + 1)..<(i + 1 + length)].filter { $0 == UInt8(ascii: ":") }.count == 2
            if !realOffset || withSeconds { return (1 + length, withSeconds) }
        }
        return unknownMinutesEnd(b, i + 1).map { (1 + $0, false) }
    }

    static let rangeConnectors = ["->", "-", "\u{2013}", "\u{2014}", "\u{2192}", "to", "until", "till"]

    /// The length of a range's end whose minutes were not written down (`12:??`) at `i`.
    static func unknownMinutesEnd(_ b: [UInt8], _ i: Int) -> Int? {
        var j = i
        guard number(b, &j, maxDigits: 2) != nil, byte(b, j) == ":", byte(b, j + 1) == "?" else { return nil }
        j += 1
        while byte(b, j) == "?" { j += 1 }
        return j - i
    }

    static func meridiem(_ b: [UInt8], _ i: Int) -> (pm: Bool, length: Int)? {
        guard let first = byte(b, i) else { return nil }
        let lower = first.lowercased()
        guard lower == "a" || lower == "p" else { return nil }
        var j = i + 1
        if byte(b, j) == "." { j += 1 }
        guard byte(b, j)?.lowercased() == "m" else { return nil }
        j += 1
        if byte(b, j) == "." { j += 1 }
        if j < b.count, isAlnum(b[j]) { return nil }
        return (lower == "p", j - i)
    }

    /// `Z`, `UTC`, `GMT`, `UTC+1`, `UTC+01:00`, `+02:00`, `+0200`, or a known abbreviation; the
    /// minus sign U+2212 counts as `-` (`UTC−05:00`, `−05:00`).
    /// With `capitalsOnly` (a statement's words: "Time (est)" is "estimated"), an abbreviation
    /// counts only in capitals, UTC and GMT in any case; elsewhere (`timezone: cet`, `14:02 cest`,
    /// a timestamp's `z`) in any case.
    static func zoneToken(_ b: [UInt8], _ i: Int, capitalsOnly: Bool = false) -> (Int, Int)? {
        var j = i
        var base: Int? = nil
        // Letters first.
        while j < b.count, isLetter(b[j]) { j += 1 }
        if j > i {
            let written = String(decoding: b[i..<j], as: UTF8.self)
            let word = written.uppercased()
            guard let known = abbreviations[word] else { return nil }
            guard !capitalsOnly || written == word || word == "UTC" || word == "GMT" else { return nil }
            // Abbreviations that are words too ("SAST scan", "cat of the config", "GST invoices"):
            // in capitals, and only with nothing but a separator or the end after them.
            if rareAbbreviations.contains(word) {
                // A colon, a bracket, a bar or the end (a full stop only at the end): not a hyphen
                // or a comma, which join words ("GST-registered", "SAST, DAST and lint").
                var k = j
                skipSpaces(b, &k)
                var end = k
                if end < b.count, b[end] == UInt8(ascii: ".") { end += 1; skipSpaces(b, &end) }
                guard written == word, k == b.count || end == b.count || ":)]|(".utf8.contains(b[k]) else { return nil }
            }
            base = known
            if word == "Z" { return (0, 1) }
            guard word == "UTC" || word == "GMT", signToken(b, j) != nil else { return (known, j - i) }
        }
        guard let (sign, signLength) = signToken(b, j) else { return base.map { ($0, j - i) } }
        j += signLength
        var hours = 0, minutes: Int? = nil
        if let hh = digits(b, j, 2) {
            hours = hh
            j += 2
        } else if let h = digits(b, j, 1) {
            hours = h
            j += 1
        } else {
            return base.map { ($0, j - signLength - i) }
        }
        if byte(b, j) == ":", let mm = digits(b, j + 1, 2) {
            minutes = mm
            j += 3
        } else if let mm = digits(b, j, 2) {
            minutes = mm
            j += 2
        }
        // Without UTC or GMT before it, the minus sign starts an offset only as −HH:MM or −HHMM:
        // writers use it mostly for negative numbers ("−12% errors", "−2 min").
        if base == nil, signLength > 1, minutes == nil { return nil }
        guard hours <= 14, (minutes ?? 0) < 60 else { return nil }
        let magnitude = hours * 3600 + (minutes ?? 0) * 60
        return (sign * magnitude, j - i)
    }

    /// The sign of an offset at `i`, and its length in bytes: `+`, `-`, or the minus sign U+2212
    /// (`UTC−05:00`), which word processors and some wikis put in place of the hyphen.
    static func signToken(_ b: [UInt8], _ i: Int) -> (sign: Int, length: Int)? {
        switch byte(b, i) {
        case UInt8(ascii: "+"): (1, 1)
        case UInt8(ascii: "-"): (-1, 1)
        case 0xE2 where byte(b, i + 1) == 0x88 && byte(b, i + 2) == 0x92: (-1, 3)
        default: nil
        }
    }

    /// Weekdays in full and as abbreviated, lowercase.
    static let weekdayWords: [([UInt8], Int)] = DayLabel.weekdays.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }

    static func monthWord(_ b: [UInt8], _ i: inout Int) -> Int? {
        var j = i
        while j < b.count, isLetter(b[j]) { j += 1 }
        guard j - i >= 3 else { return nil }
        let word = String(decoding: b[i..<j], as: UTF8.self).lowercased()
        guard let index = monthNames.firstIndex(of: String(word.prefix(3))) else { return nil }
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"][index]
        guard word.count == 3 || full.hasPrefix(word) || (word == "sept") else { return nil }
        i = j
        if byte(b, i) == "." { i += 1 }
        return index + 1
    }

    static func number(_ b: [UInt8], _ i: inout Int, maxDigits: Int) -> Int? {
        var j = i
        var value = 0
        while j < b.count, isDigit(b[j]), j - i < maxDigits {
            value = value * 10 + Int(b[j] - 48)
            j += 1
        }
        guard j > i, j == b.count || !isDigit(b[j]) else { return nil }
        i = j
        return value
    }

    static func matchWord(_ b: [UInt8], _ i: Int, _ word: String) -> Bool {
        // Byte by byte, as ``hasPrefix(_:_:_:)``: an array of the word's bytes had been made at
        // every call, thirteen times for each line that starts like a prose opener.
        var k = i
        for c in word.utf8 {
            guard k < b.count, b[k] | 0x20 == c else { return false }
            k += 1
        }
        return k == b.count || !isAlnum(b[k])
    }

    static func hasPrefix(_ b: [UInt8], _ i: Int, _ prefix: String) -> Bool {
        // Byte by byte, without copying either side (two arrays a call, and it is called for
        // every separator after every time).
        var k = i
        for c in prefix.utf8 {
            guard k >= 0, k < b.count, b[k] == c else { return false }
            k += 1
        }
        return true
    }

    static func trailingSpacesOnly(_ b: [UInt8], _ i: Int) -> Bool {
        var j = i
        skipSpaces(b, &j)
        return j == b.count
    }
}

@inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
@inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
@inline(__always) func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
@inline(__always) func skipSpaces(_ b: [UInt8], _ i: inout Int) {
    while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 0xA0 { i += 1 }
}
@inline(__always) func byte(_ b: [UInt8], _ i: Int) -> UInt8? { i >= 0 && i < b.count ? b[i] : nil }

extension UInt8 {
    fileprivate func lowercased() -> UInt8 { isLetter(self) ? self | 0x20 : self }
}

/// Compares a byte with a one-character ASCII string literal; reads better than `UInt8(ascii:)`.
private func == (lhs: UInt8?, rhs: String) -> Bool {
    guard let lhs, rhs.utf8.count == 1 else { return false }
    return lhs == rhs.utf8.first!
}

private func != (lhs: UInt8?, rhs: String) -> Bool { !(lhs == rhs) }
