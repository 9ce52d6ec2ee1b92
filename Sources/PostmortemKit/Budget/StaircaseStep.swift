/// One step of an error-budget staircase: an incident's burn taken from the window's budget.
///
/// The staircase is a step function: the remaining budget is flat between incidents and drops by
/// the incident's whole burn at the moment the incident (or the window, for an incident that began
/// in the previous window) starts.
public struct StaircaseStep: Sendable, Hashable, Codable {
    /// When the step happens: the incident's start, or the window's start for the part of an
    /// incident carried over from the previous window.
    public var at: Timestamp
    /// The incident's id.
    public var incident: String
    /// Budget minutes this incident burned inside this window.
    public var burnedMinutes: Double
    /// Budget minutes left after this step; negative when the budget is overspent.
    public var remainingMinutes: Double
    /// ``remainingMinutes`` as a percentage of the window's budget (100 at the start; negative
    /// when overspent).
    public var remainingPercent: Double

    /// Creates a step.
    public init(at: Timestamp, incident: String, burnedMinutes: Double, remainingMinutes: Double, remainingPercent: Double) {
        self.at = at
        self.incident = incident
        self.burnedMinutes = burnedMinutes
        self.remainingMinutes = remainingMinutes
        self.remainingPercent = remainingPercent
    }
}
