/// The error-budget arithmetic of one SLO, independent of any incident.
public enum ErrorBudget {
    /// The minutes of full outage an objective allows over a length of time.
    ///
    /// 99.9% over 30 days (43,200 minutes) is 43.2 minutes; over a week, 10.08.
    /// - Parameters:
    ///   - objective: The objective in percent (99.9).
    ///   - windowMinutes: The window's length in minutes.
    public static func minutes(objective: Double, windowMinutes: Double) -> Double {
        // Rounded to micro-minutes so 99.9% of a month is 44.64, not 44.640000000000036: the
        // figures end up in CSV cells that people compare by eye.
        rounded(windowMinutes * (100 - objective) / 100)
    }

    /// Budget minutes burned by an incident: bad minutes weighted by the share of bad events.
    /// - Parameters:
    ///   - minutes: How long the incident lasted (started to mitigated).
    ///   - badFraction: The share of events that failed meanwhile, 0...1.
    public static func burn(minutes: Double, badFraction: Double) -> Double {
        rounded(minutes * badFraction)
    }

    /// Rounds to six decimals, far below anything a budget shows, to keep binary-fraction noise
    /// out of output.
    static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }
}
