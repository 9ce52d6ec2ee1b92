/// When an incident happened, for placing it in a period.
enum IncidentTime {
    /// `started`, else the first of `detected`, `mitigated`, `resolved`: a postmortem that only
    /// says when the incident was detected still belongs to that quarter. Without any of them,
    /// the timeline's dated entries (`| 2021-03-31 12:06 | Certificates expire |`, see
    /// ``Postmortem/incidentStart(of:)``): the visual review of stop 48 found a corpus of older postmortems without front
    /// matter, whose timelines date every entry, placed in no period, so the review counted 0
    /// incidents.
    static func began(_ record: Postmortem) -> Timestamp? {
        record.started ?? record.detected ?? record.mitigated ?? record.resolved ?? record.timelineStart ?? Postmortem.incidentStart(of: record.timeline)
    }
}
