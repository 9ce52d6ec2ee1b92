/// An incident of the same service and primary cause as an earlier one within the repeat window:
/// the follow-ups of the first did not prevent the second.
public struct RepeatIncident: Sendable, Hashable, Codable {
    /// The service both incidents affected.
    public var service: String
    /// The primary cause category both share.
    public var cause: String
    /// The later incident.
    public var incident: String
    /// The most recent earlier incident of the same service and cause.
    public var previous: String
    /// Days from the earlier incident's start to this one's.
    public var daysApart: Double

    /// Creates a repeat.
    public init(service: String, cause: String, incident: String, previous: String, daysApart: Double) {
        self.service = service
        self.cause = cause
        self.incident = incident
        self.previous = previous
        self.daysApart = daysApart
    }
}
