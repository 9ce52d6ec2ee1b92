/// One SLO window's error budget: how much there was, what each incident took, and what is left.
public struct BudgetWindow: Sendable, Hashable, Codable {
    /// The SLO id.
    public var slo: String
    /// The window's first instant (a local midnight in the configured zone).
    public var start: Timestamp
    /// The first instant after the window.
    public var end: Timestamp
    /// The window's length × (1 − objective): the minutes of full outage the SLO allows.
    public var budgetMinutes: Double
    /// The sum of the burns of incidents in the window.
    public var burnedMinutes: Double
    /// ``budgetMinutes`` − ``burnedMinutes``; negative when overspent.
    public var remainingMinutes: Double
    /// ``remainingMinutes`` as a percentage of ``budgetMinutes``.
    public var remainingPercent: Double
    /// The staircase: one step per incident (part) in the window, in time order.
    public var steps: [StaircaseStep]
    /// When the budget ran out, assuming each incident burned evenly from its start to its
    /// mitigation; nil while budget is left.
    public var exhaustedAt: Timestamp?
    /// Burned minutes ÷ the budget of the elapsed part of the window (as of `today`): 1 means
    /// the budget will last exactly to the window's end, 2 that it will run out halfway. Nil
    /// when the window has not started.
    public var burnRate: Double?
    /// What the error budget policy says to do.
    public var policy: BudgetPolicy

    /// Creates a window.
    public init(slo: String, start: Timestamp, end: Timestamp, budgetMinutes: Double, burnedMinutes: Double,
                remainingMinutes: Double, remainingPercent: Double, steps: [StaircaseStep], exhaustedAt: Timestamp?,
                burnRate: Double?, policy: BudgetPolicy) {
        self.slo = slo
        self.start = start
        self.end = end
        self.budgetMinutes = budgetMinutes
        self.burnedMinutes = burnedMinutes
        self.remainingMinutes = remainingMinutes
        self.remainingPercent = remainingPercent
        self.steps = steps
        self.exhaustedAt = exhaustedAt
        self.burnRate = burnRate
        self.policy = policy
    }

    /// The window's length in minutes.
    public var minutes: Double { start.minutes(to: end) }

    /// True when the window has begun by `asOf`, the first instant after the report's `today`
    /// (or an incident is dated in it). Reports show a window that has not as "not started", not
    /// as healthy: nothing is known of it yet.
    public func hasStarted(asOf: Timestamp) -> Bool { start < asOf || !steps.isEmpty }
}
