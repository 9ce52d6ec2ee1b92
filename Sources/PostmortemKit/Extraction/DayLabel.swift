/// A heading or a line of a timeline that names the day of the entries below it by its number or
/// its weekday: `### Day 2`, `### Day 2 (Wednesday)`, `### Day 3: clean-up`, `### Thursday`,
/// `**Day 2 – Wednesday**`. ``TimelineExtractor/setDay(_:written:at:_:_:entry:)`` turns it into a date.
struct DayLabel: Equatable {
    /// The day's number (`Day 2`), if written.
    var day: Int?
    /// The weekday, Monday 0 to Sunday 6, if written.
    var weekday: Int?

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    /// Weekdays as written, in full and abbreviated, lowercase, with their numbers.
    static let weekdays: [String: Int] = [
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
        "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
    ]

    init(day: Int?, weekday: Int?) {
        self.day = day
        self.weekday = weekday
    }

    /// A line on its own that is nothing but day words: `Day 2`, `Day 2 (Wednesday)`,
    /// `Wednesday`, `Wed, day 2`, `**Day 3:**`. Nil for any other line ("Day 2 of the backlog
    /// saw a second peak" is prose).
    init?(line: String) {
        // A quick test on the bytes first: a label is short, and starts with `d` or a weekday's letter.
        guard line.utf8.count <= 48, let first = line.utf8.first(where: isLetter),
              Self.firstLetters.contains(first | 0x20) else { return nil }
        let words = Self.words(line)
        guard !words.isEmpty, words.count <= 4 else { return nil }
        var k = 0
        while k < words.count {
            if words[k] == "day", k + 1 < words.count, let n = Self.number(words[k + 1]), day == nil {
                day = n
                k += 2
            } else if let w = Self.weekdays[words[k]], weekday == nil {
                weekday = w
                k += 1
            } else {
                return nil
            }
        }
    }

    /// A heading: a line of day words (``init(line:)``), or one that starts with `Day N` or a
    /// weekday in full, then other words (`Day 3: clean-up`, `Day 2 – Wednesday, recovery`,
    /// `Wednesday morning`). A weekday among the three words after `Day N` is read, as is
    /// `day N` among the three after a weekday.
    init?(heading: String) {
        if let strict = DayLabel(line: heading) {
            self = strict
            return
        }
        guard let first = heading.utf8.first(where: isLetter), Self.firstLetters.contains(first | 0x20) else { return nil }
        let words = Self.words(heading)
        if words.count >= 2, words[0] == "day", let n = Self.number(words[1]) {
            day = n
            weekday = words.dropFirst(2).prefix(3).lazy.compactMap { Self.weekdays[$0] }.first
        } else if let first = words.first, first.count >= 6, let w = Self.weekdays[first], Self.weekdayLeads(heading) {
            weekday = w
            let after = Array(words.dropFirst().prefix(4))
            day = after.indices.dropLast().lazy.compactMap { after[$0] == "day" ? Self.number(after[$0 + 1]) : nil }.first
        } else {
            return nil
        }
    }

    /// True when a heading that starts with a weekday in full is about that day ("Thursday
    /// morning (day 2)", "Thursday recovery", "Thursday 3/5", "Thursday – clean-up"), not a
    /// name that starts with one: a possessive ("Friday's deploy"), a compound ("Monday.com
    /// webhooks"), or a capitalised word after it that is no part of the day ("Sunday Ticket
    /// streams", "Saturday Night Live clip cache").
    static func weekdayLeads(_ heading: String) -> Bool {
        let bytes = Array(heading.utf8)
        guard var k = bytes.firstIndex(where: isLetter) else { return false }
        while k < bytes.count, isLetter(bytes[k]) { k += 1 }
        guard k < bytes.count else { return true }
        // "Friday's", "Friday’s", "Monday.com".
        if bytes[k] == UInt8(ascii: "'") || bytes[k] == 0xE2 && k + 2 < bytes.count && bytes[k + 1] == 0x80 && bytes[k + 2] == 0x99 { return false }
        if bytes[k] == UInt8(ascii: "."), k + 1 < bytes.count, isLetter(bytes[k + 1]) { return false }
        // Capitalised words after it: parts of the day only, and not two names in a row.
        var capitalised = 0
        var j = k
        while j < bytes.count {
            while j < bytes.count, !isLetter(bytes[j]) {
                if bytes[j] == UInt8(ascii: "(") || isDigit(bytes[j]) { return true }
                j += 1
            }
            guard j < bytes.count else { break }
            let start = j
            while j < bytes.count, isLetter(bytes[j]) { j += 1 }
            let word = String(decoding: bytes[start..<j], as: UTF8.self).lowercased()
            guard isLetter(bytes[start]), bytes[start] & 0x20 == 0 else { return true }
            if !partsOfDay.contains(word) && word != "am" && word != "pm" { return false }
            capitalised += 1
            if capitalised > 1 { return true }
        }
        return true
    }

    static let partsOfDay: Set<String> = ["morning", "afternoon", "evening", "night", "overnight", "midday", "noon"]

    /// The first letters of `day` and of the weekdays, lowercase.
    static let firstLetters: Set<UInt8> = Set("dmtwfs".utf8)

    /// The words of `text`, lowercase: runs of ASCII letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
    }

    /// A day's number: one to three digits.
    static func number(_ word: String) -> Int? {
        guard (1...3).contains(word.count), word.allSatisfy(\.isNumber) else { return nil }
        return Int(word)
    }
}
