/// Everything the report shows, worked out once from the documents: the figures of the period
/// and the previous one, the SLO windows and burns, repeat incidents, and the page name of
/// every postmortem. Rendering reads this and computes nothing of its own.
public struct QuarterlyReview: Sendable {
    public var options: ReportOptions
    /// The organisation from pm.yml, shown in the header.
    public var organization: String?
    public var slos: [SLODefinition]
    /// The cause categories, for labels and display order.
    public var categories: [CauseCategory]
    /// Every document read, in input order. A streamed review's records hold no title, path,
    /// status or authors (see ``ReportedDocument/reportRecord(_:)``): ``title(of:)`` and
    /// ``path(of:)`` give them for either kind.
    public var documents: [ReportedDocument]
    /// The state, owner and due date of each document's follow-up actions, parallel to
    /// ``documents`` (whose records may have dropped the actions themselves; see ``action(of:at:)``).
    public private(set) var followUps: FollowUpStates
    /// The page file name (inside `incidents/`) of each document, parallel to ``documents``.
    public var pageNames: PageNames
    public var current: PeriodFigures
    public var previous: PeriodFigures
    /// What `pm budget` reports for the period: its windows, labelled, and the notes.
    public var budget: BudgetReport
    /// The windows of each SLO that overlap the period, as `pm budget` computes them.
    public var windows: [BudgetWindow] { budget.windows.map(\.window) }
    /// The period's incidents grouped by primary cause and by service, as `pm classify` groups them.
    public var causeGroups: [IncidentGroup]
    public var serviceGroups: [IncidentGroup]
    /// Every incident's burn per SLO and window, over all documents.
    public var burns: [IncidentBurn]
    /// Repeats whose later incident is in the period (the earlier one may be before it).
    public var repeats: [RepeatIncident]
    /// The page (in `incidents/`) of each postmortem another links to, by its normalised path:
    /// the pages' links to those files point at their pages (``PageLinks``).
    public var linkedPages: [String: String] = [:]
    /// pm.yml's `report.source_url`: where the pages' links to the repository's other files point.
    public var sourceURL: String?
    /// The first document of each id, so lookups stay linear in large corpora (see
    /// ``index(ofID:)``).
    private let documentsByID: SortedKeyIndex
    /// Each incident's burns (see ``burns(of:)``), grouped by ``grouped(_:)``.
    let burnGroups: BurnGroups
    /// Reads one whole follow-up action, of the document at the first index and at the second in
    /// its list, when the documents do not hold them (the streaming report leaves them in its
    /// spill; see ``followUps``). It returns nil when the action cannot be read,
    /// and the report then fails.
    var actionReader: (@Sendable (Int, Int) -> FollowUpAction?)?
    /// Reads the classification of the document at an index with its evidence, when the documents
    /// hold it without (the streaming report; see ``EvidenceSpill``). It returns nil when it
    /// cannot be read, and the report then fails.
    var classificationReader: (@Sendable (Int) -> Classification?)?
    /// Reads the title, path, status and authors of the document at an index, when the documents do not hold them
    /// (the streaming report keeps them in its spill). It returns nil when they cannot be read,
    /// and the report then fails.
    var headerReader: (@Sendable (Int) -> DocumentHeader?)?

    /// Works out the review.
    ///
    /// - Parameters:
    ///   - documents: every postmortem read, in input order.
    ///   - followUps: the states of the documents' follow-up actions, needed when their records no
    ///     longer hold the actions (the streaming report's slimmed records; see
    ///     ``ReportGenerator/SpilledCorpus/followUps``); nil to take them from the records.
    ///   - configuration: pm.yml (SLOs, severities, organisation).
    ///   - categories: the classifier's categories, in display order.
    ///   - options: the period, today and the title.
    public init(documents: [ReportedDocument], followUps: FollowUpStates? = nil,
                configuration: Configuration, categories: [CauseCategory], options: ReportOptions) {
        precondition(followUps.map { $0.documentCount == documents.count } ?? true, "follow-up states of other documents")
        self.options = options
        organization = configuration.organization
        sourceURL = configuration.reportSourceURL
        slos = configuration.slos
        self.categories = categories
        // Each incident's numbers are its own even when two documents share an id (PM061).
        self.documents = Self.withUniqueIDs(documents)
        let documents = self.documents
        let followUps = followUps ?? FollowUpStates(actionsOf: documents)
        self.followUps = followUps
        pageNames = PageNames(ids: documents.lazy.map(\.postmortem.id))
        documentsByID = SortedKeyIndex(count: documents.count) { documents[$0].postmortem.id }
        // Views, not copies: a copy of every record was a tenth of the report's peak memory.
        let records = documents.lazy.map(\.postmortem)
        budget = BudgetReport(slos: configuration.slos, records: records, period: options.period, zone: options.zone,
                              timezone: configuration.timezone, today: options.today)
        let windows = budget.windows.map(\.window)
        let previousPeriod = options.period.previous()
        let previousWindows = ErrorBudgetCalculator.windows(slos: configuration.slos, records: records, period: previousPeriod,
                                                            zone: options.zone, today: options.today)
        burns = ErrorBudgetCalculator.burns(slos: configuration.slos, records: records, zone: options.zone)
        burnGroups = Self.grouped(burns)
        current = PeriodFigures.compute(period: options.period, documents: documents, followUps: followUps, windows: windows,
                                        slos: configuration.slos,
                                        severities: configuration.severities, today: options.today)
        previous = PeriodFigures.compute(period: previousPeriod, documents: documents, followUps: followUps, windows: previousWindows,
                                         slos: configuration.slos, severities: configuration.severities, today: options.today)
        let classifications = documents.lazy.map(\.classification)
        let period = options.period
        // The period's records as a view: a filtered array copied a quarter of the corpus's records.
        let inPeriodIndices = documents.indices.filter { IncidentTime.began(documents[$0].postmortem).map(period.contains) ?? false }
        let inPeriod = inPeriodIndices.lazy.map { documents[$0].postmortem }
        let (periodBurns, carriedIn) = Self.periodBurns(documents, burns: burns, groups: burnGroups, period: period)
        let burnOnly = carriedIn.lazy.map { documents[$0].postmortem }
        causeGroups = CauseGrouping.groups(records: inPeriod, classifications: classifications, burns: periodBurns,
                                           burnOnly: burnOnly, by: .cause)
        serviceGroups = CauseGrouping.groups(records: inPeriod, classifications: classifications, burns: periodBurns,
                                             burnOnly: burnOnly, by: .service, sloServices: CauseGrouping.services(of: configuration.slos))
        let inPeriodIDs = Set(inPeriod.map(\.id))
        // Ids are unique here (see `withUniqueIDs`), and each classification is of the record beside
        // it: the first classification of a record's id is its own.
        repeats = CauseGrouping.repeats(records: records, primary: { documents[$0].classification.primary },
                                        windowDays: options.repeatWindowDays,
                                        where: { record in record.started.map { $0 < period.end } ?? false },
                                        keeping: { record in inPeriodIDs.contains(record.id) })
    }

    /// Indices of the documents whose incident began in the period, in time order.
    /// The documents that state no time at all (no `started`, `detected`, `mitigated` or
    /// `resolved` read), which belong to no period, in the order read.
    var undatedDocuments: [Int] {
        documents.indices.filter { IncidentTime.began(documents[$0].postmortem) == nil }
    }

    public var incidentsInPeriod: [Int] {
        documents.indices
            .compactMap { index -> (Timestamp, Int)? in
                guard let began = IncidentTime.began(documents[index].postmortem), options.period.contains(began) else { return nil }
                return (began, index)
            }
            .sorted { ($0.0, documents[$0.1].postmortem.id, $0.1) < ($1.0, documents[$1.1].postmortem.id, $1.1) }
            .map(\.1)
    }

    /// The follow-up action at `position` of the document at `index`, in full (nil when it cannot
    /// be read back from the spill, or the document has no such action).
    func action(of index: Int, at position: Int) -> FollowUpAction? {
        if let actionReader { return actionReader(index, position) }
        let actions = documents[index].postmortem.actions
        return actions.indices.contains(position) ? actions[position] : nil
    }

    /// The classification of the document at `index` with its evidence (nil when it cannot be
    /// read back from the spill).
    func classification(of index: Int) -> Classification? {
        guard let classificationReader else { return documents[index].classification }
        var classification = classificationReader(index)
        classification?.incident = documents[index].postmortem.id
        return classification
    }

    /// The title of the document at `index` (nil when it has none, or it cannot be read back
    /// from the spill).
    public func title(of index: Int) -> String? {
        guard let headerReader else { return documents[index].postmortem.title }
        return headerReader(index)?.title
    }

    /// The path of the document at `index`, as the report shows it (empty when it cannot be read
    /// back from the spill).
    public func path(of index: Int) -> String {
        guard let headerReader else { return documents[index].postmortem.path }
        return headerReader(index)?.path ?? ""
    }

    /// The documents with ids made unique (``IncidentIDs``), in their records and classifications.
    /// A corpus without repeats is returned as it is, without a copy.
    static func withUniqueIDs(_ documents: [ReportedDocument]) -> [ReportedDocument] {
        let ids = IncidentIDs.unique(documents.map(\.postmortem.id))
        guard ids.indices.contains(where: { ids[$0] != documents[$0].postmortem.id }) else { return documents }
        var documents = documents
        for index in documents.indices where ids[index] != documents[index].postmortem.id {
            documents[index].postmortem.id = ids[index]
            documents[index].classification.incident = ids[index]
        }
        return documents
    }

    /// The page of the first document with this id, relative to the report's root.
    public func pageHref(for incident: String) -> String? {
        index(ofID: incident).map { "incidents/\(pageNames[$0])" }
    }

    /// The index of the first document with this id.
    func index(ofID id: String) -> Int? {
        documentsByID.first(id) { documents[$0].postmortem.id }
    }

    /// The burns of an incident, in their order in ``burns``.
    func burns(of incident: String) -> [IncidentBurn] {
        guard let range = burnGroups.range(of: incident, in: burns) else { return [] }
        return burnGroups.order[range].map { burns[Int($0)] }
    }

    /// Each incident's burns: positions in ``burns``, grouped by incident (in the order each
    /// incident first appears) and in their order there within each group, and where each group
    /// starts. A dictionary of arrays of burns cost an array for every incident that burned
    /// budget, and a dictionary of ranges 2 MB at 50,000 documents.
    struct BurnGroups: Sendable {
        /// Positions in the burns, group after group.
        let order: [Int32]
        /// Where each group starts in ``order``, and the end of the last one.
        let starts: [Int32]
        /// The groups by incident.
        let byIncident: SortedKeyIndex

        /// The positions in ``order`` of the burns of `incident`, nil when it has none.
        func range(of incident: String, in burns: [IncidentBurn]) -> Range<Int>? {
            byIncident.first(incident) { Self.incident(ofGroup: $0, order: order, starts: starts, burns: burns) }
                .map { Int(starts[$0])..<Int(starts[$0 + 1]) }
        }

        /// The incident of a group: that of its first burn. ``byIncident`` is keyed by it.
        static func incident(ofGroup group: Int, order: [Int32], starts: [Int32], burns: [IncidentBurn]) -> String {
            burns[Int(order[Int(starts[group])])].incident
        }
    }

    /// The ``BurnGroups`` of `burns`: a counting sort by incident, in the order each incident
    /// first appears.
    static func grouped(_ burns: [IncidentBurn]) -> BurnGroups {
        // Burns are listed record by record, so each incident's burns are usually one run of the
        // list: then the groups are the runs, in the list's order, found without the dictionary of
        // every incident below (2 MB at 50,000 documents).
        var runStarts: [Int32] = []
        for position in burns.indices where position == 0 || burns[position].incident != burns[position - 1].incident {
            runStarts.append(Int32(position))
        }
        if !SuffixedNames.containsDuplicates(runStarts.lazy.map { burns[Int($0)].incident }) {
            runStarts.append(Int32(burns.count))
            return groups(order: Array(0..<Int32(burns.count)), starts: runStarts.withUnsafeBufferPointer { Array($0) }, of: burns)
        }
        var groups: [String: Int] = [:]
        var counts: [Int] = []
        var groupOfBurn: [Int32] = []
        groupOfBurn.reserveCapacity(burns.count)
        for burn in burns {
            let group: Int
            if let known = groups[burn.incident] {
                group = known
            } else {
                group = counts.count
                groups[burn.incident] = group
                counts.append(0)
            }
            counts[group] += 1
            groupOfBurn.append(Int32(group))
        }
        var starts: [Int32] = []
        starts.reserveCapacity(counts.count + 1)
        var next = 0
        for count in counts {
            starts.append(Int32(next))
            next += count
        }
        starts.append(Int32(next))
        var order = [Int32](repeating: 0, count: burns.count)
        var filled = starts
        for (position, group) in groupOfBurn.enumerated() {
            order[Int(filled[Int(group)])] = Int32(position)
            filled[Int(group)] += 1
        }
        return Self.groups(order: order, starts: starts, of: burns)
    }

    /// The groups with these positions and starts, indexed by incident.
    private static func groups(order: [Int32], starts: [Int32], of burns: [IncidentBurn]) -> BurnGroups {
        BurnGroups(order: order, starts: starts,
                   byIncident: SortedKeyIndex(count: starts.count - 1) {
                       BurnGroups.incident(ofGroup: $0, order: order, starts: starts, burns: burns)
                   })
    }

    /// The burns that land in `period`, as its figures count them: each part of an incident's burn
    /// steps its window's staircase down where it begins (the incident's start, or the window's
    /// for a part carried over from the window before), and a step in the period is the period's.
    /// With them, the documents that burned in the period but began before it. The causes had
    /// counted every window of the period's incidents, so a quarter's causes held the next
    /// quarter's burn and missed the burn carried into it.
    static func periodBurns(_ documents: [ReportedDocument], burns: [IncidentBurn], groups: BurnGroups,
                            period: ReportingPeriod) -> (burns: [IncidentBurn], carriedIn: [Int]) {
        var inPeriod: [IncidentBurn] = []
        var carriedIn: [Int] = []
        for index in documents.indices {
            let record = documents[index].postmortem
            guard let started = record.started, started < period.end, let range = groups.range(of: record.id, in: burns) else { continue }
            var burned = false
            for position in groups.order[range] where period.contains(max(started, burns[Int(position)].windowStart)) {
                inPeriod.append(burns[Int(position)])
                burned = true
            }
            if burned, !(IncidentTime.began(record).map(period.contains) ?? false) { carriedIn.append(index) }
        }
        return (inPeriod, carriedIn)
    }

    /// Budget minutes an incident burned per SLO over all its windows, in SLO order.
    public func burned(by incident: String) -> [(slo: String, minutes: Double)] {
        var totals: [String: Double] = [:]
        for burn in burns(of: incident) { totals[burn.slo, default: 0] += burn.minutes }
        return slos.compactMap { slo in totals[slo.id].map { (slo.id, ErrorBudget.rounded($0)) } }
    }

    /// The label of a category id (the id itself for one the taxonomy does not know).
    public func label(ofCategory id: String) -> String {
        categories.first { $0.id == id }?.label ?? id
    }

    /// What `data.json` holds.
    public var data: ReportData {
        let inPeriod = incidentsInPeriod
        var data = dataSummary(inPeriod: inPeriod)
        data.classifications = inPeriod.map(dataClassification)
        data.incidents = inPeriod.map(dataIncident)
        return data
    }

    /// ``data`` without its classifications and incidents, which ``dataClassification(_:)`` and
    /// ``dataIncident(_:)`` give one at a time (`data.json` is written element by element).
    func dataSummary(inPeriod: [Int]) -> ReportData {
        let ids = Set(inPeriod.map { documents[$0].postmortem.id })
        return ReportData(
            title: options.resolvedTitle, organization: organization, today: options.today,
            period: options.period, previousPeriod: options.period.previous(),
            figures: current, previousFigures: previous, budget: budget, causes: causeGroups,
            burns: burns.filter { ids.contains($0.incident) }, classifications: [], repeats: repeats, incidents: [])
    }

    /// The classification of the document at `index` as `data.json` holds it, with its evidence.
    /// One that cannot be read back fails `data.json` (see ``classificationReader``).
    func dataClassification(_ index: Int) -> Classification {
        classification(of: index) ?? documents[index].classification
    }

    /// The document at `index` as an incident of `data.json`.
    func dataIncident(_ index: Int) -> ReportData.Incident {
        let record = documents[index].postmortem
        return ReportData.Incident(id: record.id, title: title(of: index), page: "incidents/\(pageNames[index])",
                                   severity: record.severity, services: record.services,
                                   started: record.started, mitigated: record.mitigated,
                                   timeToMitigateMinutes: record.impactMinutes,
                                   causes: documents[index].classification.categoryIDs,
                                   budgetBurned: burned(by: record.id).map { .init(slo: $0.slo, minutes: $0.minutes) })
    }
}
