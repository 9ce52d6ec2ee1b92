import Foundation

/// A time zone from configuration or front matter: a fixed offset (`UTC`, `+01:00`, `CET`) or an
/// IANA zone (`Europe/Berlin`), whose offset depends on the date (summer time).
public struct ZoneResolver: Sendable, Hashable {
    enum Storage: Sendable, Hashable {
        case fixed(Int)
        case iana(String)
    }

    let storage: Storage

    /// Nil when the name is not a zone pm knows.
    public init?(_ name: String) {
        if let offset = TimeExpression.offset(named: name) {
            storage = .fixed(offset)
        } else if name.contains("/"), TimeZone(identifier: name) != nil {
            storage = .iana(name)
        } else {
            return nil
        }
    }

    /// A fixed offset in seconds.
    public init(fixedOffset: Int) { storage = .fixed(fixedOffset) }

    /// The offset from UTC in force at an instant.
    public func offset(at epochSeconds: Int64) -> Int {
        switch storage {
        case .fixed(let offset): return offset
        case .iana(let name):
            return TimeZone(identifier: name)?.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(epochSeconds))) ?? 0
        }
    }

    /// The offset in force at a local wall-clock time (used to place a time written without a
    /// zone, and calendar window boundaries). Uses the offset at the instant the wall-clock
    /// time would be if read as UTC, then corrects once, which is exact outside DST gaps.
    public func offset(forLocalSeconds local: Int64) -> Int {
        let first = offset(at: local)
        return offset(at: local - Int64(first))
    }

    /// The instant of a local midnight.
    public func startOfDay(_ date: CalendarDate) -> Timestamp {
        let local = Int64(date.daysSinceEpoch) * 86_400
        let offset = offset(forLocalSeconds: local)
        return Timestamp(epochSeconds: local - Int64(offset), offsetSeconds: offset)
    }

    /// The local calendar date of an instant.
    public func date(of timestamp: Timestamp) -> CalendarDate {
        timestamp.inOffset(offset(at: timestamp.epochSeconds)).localDate
    }

    public static let utc = ZoneResolver(fixedOffset: 0)
}
