/// Incidents that share a cause, service or severity, with what they cost together.
public struct IncidentGroup: Sendable, Hashable, Codable {
    /// The category id, service name or severity.
    public var key: String
    /// The incidents' ids, in input order.
    public var incidents: [String]
    /// How many incidents.
    public var count: Int
    /// Error-budget minutes burned, per SLO id.
    public var burnedMinutesBySLO: [String: Double]
    /// The sum over all SLOs.
    public var burnedMinutes: Double
    /// This group's share of the budget minutes burned by all groups, 0...1 (0 when nothing burned).
    public var burnShare: Double
    /// The running total of ``burnShare`` in Pareto order: the groups up to this one account for
    /// this share of all burn.
    public var cumulativeShare: Double
    /// The median of started → mitigated over incidents that have both; nil when none has.
    public var medianMinutesToMitigate: Double?

    /// Creates a group.
    public init(key: String, incidents: [String], burnedMinutesBySLO: [String: Double], burnedMinutes: Double,
                burnShare: Double, cumulativeShare: Double, medianMinutesToMitigate: Double?) {
        self.key = key
        self.incidents = incidents
        count = incidents.count
        self.burnedMinutesBySLO = burnedMinutesBySLO
        self.burnedMinutes = burnedMinutes
        self.burnShare = burnShare
        self.cumulativeShare = cumulativeShare
        self.medianMinutesToMitigate = medianMinutesToMitigate
    }
}
