/// Everything `pm classify` reports: its JSON shape (docs/classify.md) and the input of the text
/// and CSV renderers.
public struct CauseReport: Sendable, Hashable, Encodable {
    /// Version of this JSON shape; bumped only on incompatible changes.
    public var formatVersion = 1
    /// What the groups are grouped by.
    public var groupBy: GroupingDimension
    /// The groups in Pareto order (most budget burned first).
    public var groups: [IncidentGroup]
    /// Incidents of the same service and primary cause within ``repeatWindowDays`` of an earlier one.
    public var repeats: [RepeatIncident]
    /// The repeat window used, in days.
    public var repeatWindowDays: Int
    /// Incidents a repeat can be found among: those with a start time and a service. With fewer
    /// than two, "none" would read as checked and found none (the classifier audit of stop 49:
    /// the real postmortems, which name no services, said "Repeat incidents: none" beside two
    /// write-ups of one Flux incident four days apart).
    public var repeatCandidates: Int
    /// One per incident, in input order.
    public var classifications: [Classification]
    /// Impact the burned minutes leave out, or count on an assumption (an SLO pm.yml does not
    /// define, an incident without times, a missing `bad_fraction`), as `pm budget` notes it.
    public var notes: [BudgetNote]

    /// Classifies and groups.
    /// - Parameters:
    ///   - records: The postmortems.
    ///   - sources: Each record's document text, by index (nil entries classify from the record alone).
    ///   - classifier: The classifier with the project's taxonomy.
    ///   - burns: Error-budget burns for the burned-minutes columns.
    ///   - groupBy: What to group by.
    ///   - slos: pm.yml's SLOs, whose services a burn counts toward by service.
    ///   - zone: The zone `burns` were worked out in.
    public init(records: [Postmortem], sources: [String?], classifier: Classifier, burns: [IncidentBurn],
                groupBy: GroupingDimension, slos: [SLODefinition], zone: ZoneResolver = .utc) {
        let classifications = records.indices.map { index in
            classifier.classify(records[index], source: index < sources.count ? sources[index] : nil)
        }
        self.init(records: records, classifications: classifications, repeatWindowDays: classifier.settings.repeatWindowDays,
                  burns: burns, groupBy: groupBy, slos: slos, zone: zone)
    }

    /// Groups records already classified, one classification per record in the same order (as
    /// `pm classify` does on its workers while each document's text is at hand, so the texts
    /// need not be kept).
    public init(records: [Postmortem], classifications: [Classification], repeatWindowDays: Int, burns: [IncidentBurn],
                groupBy: GroupingDimension, slos: [SLODefinition], zone: ZoneResolver = .utc) {
        self.classifications = classifications
        self.groupBy = groupBy
        groups = CauseGrouping.groups(records: records, classifications: classifications, burns: burns, by: groupBy,
                                      sloServices: CauseGrouping.services(of: slos))
        self.repeatWindowDays = repeatWindowDays
        repeats = CauseGrouping.repeats(records: records, classifications: classifications, windowDays: repeatWindowDays)
        repeatCandidates = CauseGrouping.repeatCandidates(records)
        notes = ErrorBudgetCalculator.notes(slos: slos, records: records, zone: zone)
    }
}
