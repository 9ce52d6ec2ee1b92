import Foundation

/// A time zone from configuration or front matter: a fixed offset (`UTC`, `+01:00`, `CET`) or an
/// IANA zone (`Europe/Berlin`), whose offset depends on the date (summer time).
public struct ZoneResolver: Sendable, Hashable {
    enum Storage: Sendable, Hashable {
        case fixed(Int)
        /// The zone, made once: `TimeZone(identifier:)` reads the zone's rules each time it is
        /// called, and an offset is asked for every timeline entry and staircase step.
        case iana(TimeZone)
    }

    let storage: Storage

    /// Nil when the name is not a zone pm knows.
    public init?(_ name: String) {
        if let offset = TimeExpression.offset(named: name) {
            storage = .fixed(offset)
        } else if name.contains("/"), let zone = TimeZone(identifier: name) {
            storage = .iana(zone)
        } else {
            return nil
        }
    }

    /// A fixed offset in seconds.
    public init(fixedOffset: Int) { storage = .fixed(fixedOffset) }

    /// The zone's IANA name, or its fixed offset written `UTC+01:00` (`UTC` for none), for messages.
    public var name: String {
        switch storage {
        case .iana(let zone): return zone.identifier
        case .fixed(0): return "UTC"
        case .fixed(let offset):
            let minutes = abs(offset) / 60
            return "UTC" + (offset < 0 ? "-" : "+") + pad2(minutes / 60) + ":" + pad2(minutes % 60)
        }
    }

    /// The offset from UTC in force at an instant.
    public func offset(at epochSeconds: Int64) -> Int {
        switch storage {
        case .fixed(let offset): return offset
        case .iana(let zone):
            return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(epochSeconds)))
        }
    }

    /// The offset in force at a local wall-clock time (used to place a time written without a
    /// zone, and calendar window boundaries). Uses the offset at the instant the wall-clock
    /// time would be if read as UTC, then corrects once, which is exact outside DST gaps.
    public func offset(forLocalSeconds local: Int64) -> Int {
        let first = offset(at: local)
        return offset(at: local - Int64(first))
    }

    /// Both offsets of a local time the clocks show twice, in the hour repeated when summer time
    /// ends (`01:10` on the US's first Sunday of November, `02:10` on Europe's last Sunday of
    /// October): the summer one (the earlier instant) and the standard one. Nil for any other
    /// local time (a time the clocks skip included), and for a fixed offset.
    /// ``offset(forLocalSeconds:)`` gives one of the two: summer time west of UTC, standard
    /// time east of it.
    public func repeatedOffsets(forLocalSeconds local: Int64) -> (summer: Int, standard: Int)? {
        guard case .iana = storage else { return nil }
        let guess = local - Int64(offset(at: local))
        let before = offset(at: guess - 3 * 3600), after = offset(at: guess + 3 * 3600)
        guard before != after else { return nil }
        let summer = max(before, after), standard = min(before, after)
        guard offset(at: local - Int64(summer)) == summer, offset(at: local - Int64(standard)) == standard else { return nil }
        return (summer, standard)
    }

    /// `instant` on the zone's calendar and clock: its date, and its time as `HH:MM`, followed by
    /// its offset when the clocks show that time twice (``repeatedHourOffset(of:)``).
    public func wallClock(of instant: Timestamp) -> (date: CalendarDate, time: String) {
        let local = instant.inOffset(offset(at: instant.epochSeconds))
        let second = local.secondOfDay
        return (local.localDate, "\(pad2(second / 3600)):\(pad2(second / 60 % 60))" + repeatedHourOffset(of: instant))
    }

    /// What follows `instant`'s wall-clock time in the zone to tell which it is: its offset
    /// (`+01:00`) when the clocks show that time twice, in the hour repeated when summer time ends;
    /// "" otherwise. An exhaustion at `02:30` on Europe's last Sunday of October was one of two
    /// instants an hour apart in `pm budget` and the report, which named no offset (left open by
    /// stop 48; JSON has it).
    public func repeatedHourOffset(of instant: Timestamp) -> String {
        let offset = offset(at: instant.epochSeconds)
        guard repeatedOffsets(forLocalSeconds: instant.epochSeconds + Int64(offset)) != nil else { return "" }
        return Timestamp.offsetText(offset)
    }

    /// The first instant after `date` in the zone: the end of a report's `today`, up to which
    /// what happened is known (budget burn rates, the staircases, the notes on incidents after it).
    public func endOfDay(_ date: CalendarDate) -> Timestamp { startOfDay(date.adding(days: 1)) }

    /// The instant a local day begins: its midnight, or, where the clocks jump over midnight
    /// (summer time starting at 00:00, as in Asunción, Havana or Santiago), the instant of the
    /// jump, when the day's first local time is 01:00. A day the zone skips altogether (Apia's
    /// 2011-12-30) begins when the next one does. Reading such a midnight as if it existed gave
    /// an instant on the day before, and the windows that start on that day never ended.
    public func startOfDay(_ date: CalendarDate) -> Timestamp {
        let local = Int64(date.daysSinceEpoch) * 86_400
        let offset = offset(forLocalSeconds: local)
        let midnight = Timestamp(epochSeconds: local - Int64(offset), offsetSeconds: offset)
        guard self.date(of: midnight) < date else { return midnight }
        // The offset in force before the jump places midnight at the jump itself.
        let before = self.offset(at: midnight.epochSeconds)
        let jump = local - Int64(before)
        return Timestamp(epochSeconds: jump, offsetSeconds: self.offset(at: jump))
    }

    /// The local calendar date of an instant.
    public func date(of timestamp: Timestamp) -> CalendarDate {
        timestamp.inOffset(offset(at: timestamp.epochSeconds)).localDate
    }

    public static let utc = ZoneResolver(fixedOffset: 0)
}
