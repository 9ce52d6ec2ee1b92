/// When an incident happened, for placing it in a period.
enum IncidentTime {
    /// `started`, else the first of `detected`, `mitigated`, `resolved`: a postmortem that only
    /// says when the incident was detected still belongs to that quarter.
    static func began(_ record: Postmortem) -> Timestamp? {
        record.started ?? record.detected ?? record.mitigated ?? record.resolved
    }
}
