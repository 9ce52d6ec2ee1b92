/// An instant with the UTC offset it was written in.
///
/// pm does its own calendar arithmetic (proleptic Gregorian, fixed offsets) instead of using
/// `DateFormatter`/`Calendar`, so parsing is allocation-free, deterministic and independent of
/// the machine's locale and time zone.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var epochSeconds: Int64
    /// The offset from UTC it was written with, in seconds; when the text named no zone and pm
    /// had to assume one, ``zoneAssumed`` is true and this is the assumed zone's offset.
    public var offsetSeconds: Int {
        get { Int(offset) }
        set { offset = Int32(clamping: newValue) }
    }
    /// True when the source gave no zone and the offset was assumed from context.
    public var zoneAssumed: Bool
    /// ``offsetSeconds`` in 32 bits, which hold any offset many times over (written offsets stop
    /// at ±99:59, real zones at ±14 hours; a larger value is clamped to ±68 years). An optional
    /// timestamp then takes 16 bytes instead of 24, and a record holds four: 1.6 MB less for the
    /// 50,000 records a report keeps.
    private var offset: Int32

    public init(epochSeconds: Int64, offsetSeconds: Int = 0, zoneAssumed: Bool = false) {
        self.epochSeconds = epochSeconds
        offset = Int32(clamping: offsetSeconds)
        self.zoneAssumed = zoneAssumed
    }

    /// Builds a timestamp from local calendar fields in a fixed offset; nil for impossible
    /// dates and times (2026-02-30, 25:61).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                 offsetSeconds: Int = 0, zoneAssumed: Bool = false) {
        guard let date = CalendarDate(year: year, month: month, day: day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59))
        self.init(epochSeconds: local - Int64(offsetSeconds), offsetSeconds: offsetSeconds, zoneAssumed: zoneAssumed)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.epochSeconds < rhs.epochSeconds }
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.epochSeconds == rhs.epochSeconds }
    public func hash(into hasher: inout Hasher) { hasher.combine(epochSeconds) }

    /// Local wall-clock seconds in this timestamp's own offset.
    var localSeconds: Int64 { epochSeconds + Int64(offsetSeconds) }

    /// The calendar date in this timestamp's own offset.
    public var localDate: CalendarDate { CalendarDate(daysSinceEpoch: Int(floorDiv(localSeconds, 86_400))) }

    /// The calendar date in UTC.
    public var utcDate: CalendarDate { CalendarDate(daysSinceEpoch: Int(floorDiv(epochSeconds, 86_400))) }

    /// Seconds since local midnight.
    public var secondOfDay: Int { Int(localSeconds - floorDiv(localSeconds, 86_400) * 86_400) }

    /// The same instant shown in another offset.
    public func inOffset(_ seconds: Int) -> Timestamp {
        Timestamp(epochSeconds: epochSeconds, offsetSeconds: seconds, zoneAssumed: zoneAssumed)
    }

    /// Adds seconds.
    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(epochSeconds: epochSeconds + seconds, offsetSeconds: offsetSeconds, zoneAssumed: zoneAssumed)
    }

    /// Minutes from `self` to `other` (negative when `other` is earlier).
    public func minutes(to other: Timestamp) -> Double { Double(other.epochSeconds - epochSeconds) / 60 }

    /// RFC 3339 in its own offset: `2026-07-14T14:02:00Z` or `2026-07-14T16:02:00+02:00`.
    public var iso8601: String {
        let date = localDate
        let s = secondOfDay
        var text = "\(date)T\(pad2(s / 3600)):\(pad2(s / 60 % 60)):\(pad2(s % 60))"
        text += Timestamp.offsetText(offsetSeconds)
        return text
    }

    /// RFC 3339 in UTC.
    public var iso8601UTC: String { inOffset(0).iso8601 }

    /// `Z` or `±HH:MM`.
    public static func offsetText(_ offset: Int) -> String {
        if offset == 0 { return "Z" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(sign)\(pad2(magnitude / 3600)):\(pad2(magnitude / 60 % 60))"
    }

    public var description: String { iso8601 }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = TimeExpression.parseTimestamp(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 timestamp: \(text)")
        }
        self = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

/// A day in the proleptic Gregorian calendar, as written `YYYY-MM-DD`.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// The years pm places incidents, periods and "today" in: wide enough for any review, and far
    /// enough from the ends of the years 1–9999 that a date can hold that the previous period, the
    /// next quarter and the SLO windows around an incident (at most
    /// ``SLOWindow/longestRollingDays`` long) are real dates too. Front matter timestamps and
    /// the command line's dates outside them are refused with a message.
    public static let supportedYears = 1900...9000

    /// Nil for dates that do not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` after 1970-01-01 (negative before it).
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = digits(bytes, 0, 4), let m = digits(bytes, 5, 2), let d = digits(bytes, 8, 2) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `n` days later.
    public func adding(days n: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// The day of the week, Monday 0 to Sunday 6 (1970-01-01 was a Thursday).
    public var weekday: Int { ((daysSinceEpoch + 3) % 7 + 7) % 7 }

    /// Midnight of this date in the given offset.
    public func start(offsetSeconds: Int = 0) -> Timestamp {
        Timestamp(epochSeconds: Int64(daysSinceEpoch) * 86_400 - Int64(offsetSeconds), offsetSeconds: offsetSeconds)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String { "\(pad4(year))-\(pad2(month))-\(pad2(day))" }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

@inline(__always) func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
func pad4(_ n: Int) -> String {
    let s = String(n)
    return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
}

/// Reads `count` ASCII digits at `start`; nil if any is not a digit.
func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
    guard start >= 0, start + count <= bytes.count else { return nil }
    var value = 0
    for i in start..<(start + count) {
        let b = bytes[i]
        guard b >= 48, b <= 57 else { return nil }
        value = value * 10 + Int(b - 48)
    }
    return value
}
