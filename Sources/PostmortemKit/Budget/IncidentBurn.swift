/// The error budget one incident burned of one SLO inside one window.
///
/// An incident that spans a window boundary yields one burn per window it touches.
public struct IncidentBurn: Sendable, Hashable, Codable {
    /// The incident's id.
    public var incident: String
    /// The SLO id.
    public var slo: String
    /// Budget minutes burned in this window: the overlap × `bad_fraction`, or the declared
    /// `budget_minutes` shared out by overlap.
    public var minutes: Double
    /// The start of the SLO window this part of the incident falls in.
    public var windowStart: Timestamp

    /// Creates a burn.
    public init(incident: String, slo: String, minutes: Double, windowStart: Timestamp) {
        self.incident = incident
        self.slo = slo
        self.minutes = minutes
        self.windowStart = windowStart
    }
}
