/// The values `index.mustache` renders: every figure already formatted, every string from a
/// document cleaned of characters HTML forbids. Mustache escapes what it prints with `{{…}}`;
/// only `svg` values (drawn by pm) are printed raw with `{{{…}}}`.
///
/// Keys are documented in docs/report.md for teams that re-brand the templates. Optional data
/// is given as a `has…` flag plus a non-optional value, because Mustache looks a missing key up
/// in the enclosing context and would print an unrelated value.
enum IndexPageModel {
    /// The keys whose rows are made as the template reaches them (``LazyRows``): the tables that
    /// grow with the corpus, which ``StreamedTemplate`` writes row by row.
    /// `staircases` has one row per SLO, but a row grows with the corpus: the chart has a marker
    /// and the list an item for every incident that burned the SLO's budget.
    static let rowKeys: Set<String> = ["staircases", "incidents", "undated", "repeats", "openActions", "doneActions", "notDoingActions",
                                       "lintErrorDocuments"]

    static func context(_ review: QuarterlyReview) -> [String: Any] {
        let period = review.options.period, previousPeriod = review.previous.period
        let inPeriod = review.incidentsInPeriod
        var context: [String: Any] = [
            "title": clean(review.options.resolvedTitle),
            "hasOrganization": review.organization != nil,
            "organization": clean(review.organization ?? ""),
            "period": shownLabel(period),
            "previousPeriod": shownLabel(previousPeriod),
            "periodDates": dateSpan(period),
            "today": review.options.today.description,
            "version": PostmortemKitVersion.string,
        ]
        // A period that is not over by `--today` (a report of Q4 on 22 November) says how much of
        // it has passed: the visual review of stop 48 found it compared with a whole quarter
        // without a word, its budgets counting December's too.
        let zone = review.options.zone
        let first = zone.date(of: period.start).daysSinceEpoch, last = zone.date(of: period.end.adding(seconds: -1)).daysSinceEpoch
        let elapsed = min(max(0, review.options.today.daysSinceEpoch - first + 1), last - first + 1)
        context["isPartial"] = review.options.asOf < period.end
        context["hasBegun"] = elapsed > 0
        context["daysElapsed"] = "\(elapsed)"
        context["periodDays"] = "\(last - first + 1)"
        // The previous period's zeros read as a perfect quarter when the corpus simply begins
        // later (the visual review of stop 48): say when no postmortem began before this period.
        context["hasEarlierPostmortems"] = review.documents.contains { IncidentTime.began($0.postmortem).map { $0 < period.start } ?? false }
        context["cards"] = cards(review)
        context["severityRows"] = zip(review.current.bySeverity, review.previous.bySeverity).map { now, before in
            ["severity": clean(now.severity), "current": "\(now.count)", "previous": "\(before.count)"]
        }
        context["durationRows"] = durationRows(review)
        context["followUpRows"] = followUpRows(review)
        context["budgetRows"] = budgetRows(review)
        // What `pm budget` prints under "Not counted or assumed": without it a reader of the review
        // could not tell that an incident's impact was left out (an SLO pm.yml does not define, no
        // `mitigated`) or counted on an assumption (a full outage), which only stderr had said.
        context["budgetNotes"] = review.budget.notes.map { note -> TemplateRow in
            let href = review.pageHref(for: note.incident)
            return ["incident": cleanText(note.incident), "hasPage": href != nil, "href": text(href ?? ""),
                    "slo": cleanText(note.slo), "message": cleanText(note.message)]
        }
        context["hasBudgetNotes"] = !review.budget.notes.isEmpty
        context["staircases"] = staircases(review)
        let causes = causeRows(review, incidents: inPeriod)
        context["causeRows"] = causes.rows
        context["paretoSVG"] = causes.chart
        // A quarter that burned nothing gets a sentence, not an empty frame of axes.
        context["hasParetoBars"] = causes.anyBurn
        context["serviceRows"] = serviceRows(review, incidents: inPeriod)
        context["incidents"] = LazyRows(count: inPeriod.count) { incidentRow(review, index: inPeriod[$0]) }
        context["hasIncidents"] = !inPeriod.isEmpty
        // Documents with no time belong to no period: a corpus of older postmortems without
        // `started` had shown an empty quarter without a word (the black-box pass of stop 42).
        let undated = review.undatedDocuments
        context["undated"] = LazyRows(count: undated.count) { number -> [String: Any] in
            let index = undated[number], record = review.documents[index].postmortem
            return ["id": cleanText(record.id), "href": text("incidents/\(review.pageNames[index])"),
                    "incidentTitle": cleanText(review.title(of: index) ?? record.id)]
        }
        context["hasUndated"] = !undated.isEmpty
        context["undatedCount"] = text(undated.count == 1 ? "1 postmortem states" : "\(undated.count) postmortems state")
        context["repeats"] = LazyRows(count: review.repeats.count) { number -> [String: Any] in
            let repeated = review.repeats[number]
            func date(_ id: String) -> String {
                review.index(ofID: id).flatMap { IncidentTime.began(review.documents[$0].postmortem) }
                    .map { review.options.zone.date(of: $0).description } ?? ""
            }
            return [
                "service": cleanText(repeated.service), "cause": cleanText(review.label(ofCategory: repeated.cause)),
                "incident": cleanText(repeated.incident), "incidentHref": text(review.pageHref(for: repeated.incident) ?? ""),
                "incidentDate": text(date(repeated.incident)),
                "earlier": cleanText(repeated.previous), "earlierHref": text(review.pageHref(for: repeated.previous) ?? ""),
                "earlierDate": text(date(repeated.previous)),
                "daysApart": text(DecimalText.format(repeated.daysApart.rounded(), maximumFractionDigits: 0)),
            ]
        }
        context["hasRepeats"] = !review.repeats.isEmpty
        // A repeat is an incident of the period with an earlier one: with no incident of the
        // period that has services and a start, "No repeat incidents" would read as checked. A
        // period without incidents needs no reason (the review found one blaming the front matter).
        let candidates = CauseGrouping.repeatCandidates(inPeriod.lazy.map { review.documents[$0].postmortem })
        let noRepeatReason = inPeriod.isEmpty ? nil
            : CauseGrouping.noRepeatReason(candidates: candidates, needed: 1, of: "incident of the period",
                                           keys: "services and started in the front matter")
        context["hasNoRepeatReason"] = noRepeatReason != nil
        context["noRepeatReason"] = noRepeatReason ?? ""
        // The cause table and chart mix declared causes and the classifier's guesses; only the
        // incidents' pages had said which (the classifier audit of stop 49: a team that declares
        // no causes read a Pareto chart of guesses as fact).
        // An `unknown` primary is no inference.
        let inferred = inPeriod.reduce(0) { count, index in
            let classification = review.documents[index].classification
            return count + (classification.declared || classification.primary == "unknown" ? 0 : 1)
        }
        context["hasInferredCauses"] = inferred > 0
        context["inferredCauses"] = inferred == inPeriod.count
            ? (inferred == 1 ? "The incident’s primary cause is" : inferred == 2 ? "Both incidents’ primary causes are" : "All \(inferred) incidents’ primary causes are")
            : "\(inferred) of the \(inPeriod.count) incidents’ primary causes \(inferred == 1 ? "is" : "are")"
        FollowUpTracking.add(to: &context, review: review)
        LintHealth.add(to: &context, review: review)
        return context
    }

    static func clean(_ text: String) -> String { HTMLEscaping.removingForbiddenCharacters(text) }

    /// A value of a row of a long table: rows are made for every incident, action or document, so
    /// they hold ``TemplateText``, which swift-mustache prints with fewer casts than a `String`.
    static func text(_ value: String) -> TemplateText { TemplateText(value) }

    /// ``clean(_:)`` as a ``text(_:)`` value.
    static func cleanText(_ value: String) -> TemplateText { TemplateText(clean(value)) }

    /// `1 Jul 2026 – 30 Sep 2026`: the last day shown is the day before the exclusive end.
    static func dateSpan(_ period: ReportingPeriod) -> String {
        let first = period.start.localDate, last = period.end.adding(seconds: -1).localDate
        return "\(StaircaseChart.dayLabel(first)) \(first.year) – \(StaircaseChart.dayLabel(last)) \(last.year)"
    }

    /// `period` named by ``shownLabel(_:)``, for the charts' shades ("before 1 Aug 2026 – 31 Aug
    /// 2026"), which had named a range of days as `--from` and `--to` write it while the header
    /// above them wrote the days out (the adoption audit of stop 50).
    static func shownPeriod(_ period: ReportingPeriod) -> ReportingPeriod {
        var shown = period
        shown.label = shownLabel(period)
        return shown
    }

    /// A period's label as the page shows it: a quarter by its label (`2026-Q3`), a range of
    /// days (`2019-01-01..2025-12-31`, as `--from` and `--to` name it) as the header writes it,
    /// `1 Jan 2019 – 31 Dec 2025`, whose spaces let a narrow column break it between words.
    /// Unbroken, it pushed the previous period's column out of the headline tables at 1,280
    /// pixels (the visual review of stop 48).
    static func shownLabel(_ period: ReportingPeriod) -> String {
        period.quarter == nil ? dateSpan(period) : period.label
    }

    static func cards(_ review: QuarterlyReview) -> [[String: Any]] {
        let now = review.current, before = review.previous
        let burnedNow = now.budgets.reduce(0) { $0 + $1.burnedMinutes }
        let burnedBefore = before.budgets.reduce(0) { $0 + $1.burnedMinutes }
        let exhausted = now.budgets.reduce(0) { $0 + $1.exhaustedWindows }
        // Minutes add up budgets that differ many times over (43 minutes a month beside 1,300 a
        // quarter), so the SLO window that came closest to its budget is beside them: a quarter of
        // fewer minutes could still be the worse one. It is the window's own share, not the
        // period's (storefront's 39% of a quarter was an August 116% spent: stop 48's numbers
        // audit), and it is named, SLO and window, only when it burned something (a quiet quarter
        // had named the first SLO).
        func worst(_ budgets: [PeriodFigures.SLOBudget]) -> (slo: String, window: PeriodFigures.SpentWindow)? {
            budgets.compactMap { budget in budget.mostSpentWindow.map { (slo: budget.slo, window: $0) } }
                .max { ($0.window.burnedPercent, $1.slo) < ($1.window.burnedPercent, $0.slo) }
        }
        func named(_ worst: (slo: String, window: PeriodFigures.SpentWindow)?) -> String {
            guard let worst, let slo = review.slos.first(where: { $0.id == worst.slo }) else { return "" }
            // A rolling window by its days, as the window tables below write them.
            let zone = review.options.zone
            let window = if case .rolling = slo.window {
                "\(zone.date(of: worst.window.start)) – \(zone.date(of: worst.window.end).adding(days: -1))"
            } else {
                BudgetReport.label(start: worst.window.start, end: worst.window.end, kind: slo.window, zone: zone)
            }
            return " (\(clean(worst.slo)), \(window))"
        }
        func shown(_ worst: (slo: String, window: PeriodFigures.SpentWindow)?, _ budgets: [PeriodFigures.SLOBudget]) -> String {
            worst.map { DurationText.percent($0.window.burnedPercent) } ?? (budgets.contains { $0.budgetMinutes > 0 } ? "0%" : "–")
        }
        let worstNow = worst(now.budgets), worstBefore = worst(before.budgets)
        return [
            ["label": "Incidents", "value": "\(now.incidents)", "previous": "\(before.incidents)"],
            ["label": "Error budget burned, all SLOs", "value": DurationText.budget(burnedNow), "previous": DurationText.budget(burnedBefore)],
            ["label": "Most of a window's budget burned" + named(worstNow),
             "value": shown(worstNow, now.budgets),
             "previous": shown(worstBefore, before.budgets) + named(worstBefore)],
            ["label": "SLO windows exhausted", "value": "\(exhausted)",
             "previous": "\(before.budgets.reduce(0) { $0 + $1.exhaustedWindows })"],
            ["label": "Median time to mitigate", "value": DurationText.format(now.timeToMitigate.medianMinutes),
             "previous": DurationText.format(before.timeToMitigate.medianMinutes)],
            ["label": "Follow-ups completed", "value": DurationText.percent(now.followUps.completionRate.map { $0 * 100 }),
             "previous": DurationText.percent(before.followUps.completionRate.map { $0 * 100 })],
        ]
    }

    static func durationRows(_ review: QuarterlyReview) -> [[String: Any]] {
        let now = review.current, before = review.previous
        func row(_ label: String, _ a: Double?, _ b: Double?) -> [String: Any] {
            ["measure": label, "current": DurationText.format(a), "previous": DurationText.format(b)]
        }
        return [
            row("Time to detect, median", now.timeToDetect.medianMinutes, before.timeToDetect.medianMinutes),
            row("Time to detect, 90th percentile", now.timeToDetect.p90Minutes, before.timeToDetect.p90Minutes),
            row("Time to mitigate, median", now.timeToMitigate.medianMinutes, before.timeToMitigate.medianMinutes),
            row("Time to mitigate, 90th percentile", now.timeToMitigate.p90Minutes, before.timeToMitigate.p90Minutes),
        ]
    }

    static func followUpRows(_ review: QuarterlyReview) -> [[String: Any]] {
        let now = review.current.followUps, before = review.previous.followUps
        func row(_ label: String, _ a: Int, _ b: Int) -> [String: Any] { ["measure": label, "current": "\(a)", "previous": "\(b)"] }
        return [
            row("Created", now.created, before.created),
            row("Done", now.done, before.done),
            row("Open", now.open, before.open),
            row("Open and overdue", now.overdue, before.overdue),
            row("Not doing", now.notDoing, before.notDoing),
            ["measure": "Completion rate (done ÷ (created − not doing))",
             "current": DurationText.percent(now.completionRate.map { $0 * 100 }),
             "previous": DurationText.percent(before.completionRate.map { $0 * 100 })],
        ]
    }

    /// Each SLO's anchor on the index, `slo-` and its id's slug, unique: ids that differ only in
    /// case or punctuation, or in letters a slug leaves out (`Checkout` and `checkout`, `日本` and
    /// `中国`), get `-2`, `-3`… in the order of pm.yml.
    static func sloAnchors(_ slos: [SLODefinition]) -> [String: String] {
        var used: Set<String> = []
        var result: [String: String] = [:]
        for slo in slos {
            let base = "slo-\(PageFileNames.slug(slo.id))"
            var anchor = base
            var number = 2
            while used.contains(anchor) {
                anchor = "\(base)-\(number)"
                number += 1
            }
            used.insert(anchor)
            result[slo.id] = anchor
        }
        return result
    }

    static func budgetRows(_ review: QuarterlyReview) -> [[String: Any]] {
        let anchors = sloAnchors(review.slos)
        return review.slos.map { slo -> [String: Any] in
            let now = review.current.budgets.first { $0.slo == slo.id }
            let before = review.previous.budgets.first { $0.slo == slo.id }
            let windows = review.windows.filter { $0.slo == slo.id }
            // Of the windows under way or over; when none has started, that is what it says.
            let started = windows.filter { $0.hasStarted(asOf: review.options.asOf) }
            let worst = started.map(\.policy).max { rank($0) < rank($1) } ?? .healthy
            let notStarted = started.isEmpty && !windows.isEmpty
            // The window the policy is of, the latest of equals. One that is over says so: the
            // visual review of stop 48 found October's "at risk" read as today's in a report of
            // 22 November, whose November was healthy.
            let worstWindow = started.last { $0.policy == worst }
            let endedOn = worstWindow.flatMap { window in
                worst != .healthy && window.end <= review.options.asOf ? window.end.adding(seconds: -1).localDate.description : nil
            }
            return [
                "slo": clean(slo.id), "anchor": anchors[slo.id] ?? "",
                "objective": "\(DecimalText.format(slo.objective, maximumFractionDigits: 8))%",
                "window": slo.window.description,
                "budget": DurationText.budget(now?.budgetMinutes ?? 0),
                "burned": DurationText.budget(now?.burnedMinutes ?? 0),
                "burnedPercent": DurationText.percent(now?.burnedPercent),
                "previousBurnedPercent": DurationText.percent(before?.burnedPercent),
                "exhausted": "\(now?.exhaustedWindows ?? 0) of \(now?.windows ?? 0)",
                "policy": notStarted ? "not started" : worst.description, "policyClass": notStarted ? "not-started" : worst.rawValue,
                "hasPolicyEnded": endedOn != nil, "policyEnded": endedOn ?? "",
                "overBudget": (now?.burnedPercent ?? 0) > 100,
            ]
        }
    }

    static func rank(_ policy: BudgetPolicy) -> Int {
        switch policy {
        case .healthy: 0
        case .atRisk: 1
        case .exhausted: 2
        }
    }

    /// One row per SLO, in pm.yml's order, each made when the template reaches it: its chart, the
    /// list of its steps and the table of its windows. Made all at once, they raised the peak RSS
    /// of the 50,000-document benchmark report from 132 to 156 MB.
    static func staircases(_ review: QuarterlyReview) -> LazyRows {
        let period = review.options.period
        let slos = review.slos
        let anchors = sloAnchors(slos)
        let asOf = review.options.asOf
        return LazyRows(count: slos.count) { number -> [String: Any] in
            let slo = slos[number]
            let windows = review.windows.filter { $0.slo == slo.id }
            // Links for the incidents this chart steps at, made with its row: one table for the
            // steps of every chart, each link with its title read back, was alive while the whole
            // index was written (about 1 MB of the peak at 50,000 documents).
            let stepped = Set(windows.flatMap { $0.steps.map(\.incident) })
            var links: [String: StaircaseChart.IncidentLink] = [:]
            for (index, document) in review.documents.enumerated()
            where stepped.contains(document.postmortem.id) && links[document.postmortem.id] == nil {
                links[document.postmortem.id] = StaircaseChart.IncidentLink(href: "incidents/\(review.pageNames[index])",
                                                                            title: review.title(of: index) ?? "")
            }
            let start = min(period.start, windows.map(\.start).min() ?? period.start)
            let end = max(period.end, windows.map(\.end).max() ?? period.end)
            let chart = StaircaseChart(slo: slo.id, windows: windows, domainStart: start, domainEnd: end, links: links,
                                       idPrefix: "staircase-\(number + 1)", asOf: asOf < end ? asOf : nil,
                                       period: Self.shownPeriod(period))
            // Each item made as the list reaches it: an SLO's list has an item per incident.
            let numberedSteps = chart.numberedSteps
            let steps = LazyRows(count: numberedSteps.count) { position -> [String: Any] in
                let numbered = numberedSteps[position]
                let step = numbered.step
                return [
                    "number": "\(numbered.number)", "incident": clean(step.incident),
                    "href": links[step.incident]?.href ?? "", "hasHref": links[step.incident] != nil,
                    "incidentTitle": clean(links[step.incident]?.title ?? ""),
                    "date": review.options.zone.date(of: step.at).description,
                    "burned": DurationText.budget(step.burnedMinutes),
                    "remaining": DurationText.percent(step.remainingPercent, fractionDigits: 1),
                    "overspent": step.remainingPercent < 0,
                    // A step of a window that began before the period, or after it.
                    "outsidePeriod": !period.contains(step.at),
                ]
            }
            let zone = review.options.zone
            let windowRows = windows.map { window -> [String: Any] in
                let started = window.hasStarted(asOf: asOf)
                return [
                    "from": window.start.localDate.description,
                    "to": window.end.adding(seconds: -1).localDate.description,
                    "budget": DurationText.budget(window.budgetMinutes),
                    "burned": DurationText.budget(window.burnedMinutes),
                    "remaining": DurationText.percent(window.remainingPercent, fractionDigits: 1),
                    "burnRate": window.burnRate.map { DecimalText.fixed($0, fractionDigits: 2) } ?? "–",
                    "exhaustedAt": window.exhaustedAt.map { at in
                        let (date, time) = zone.wallClock(of: at)
                        return "\(date) \(time)"
                    } ?? "–",
                    "policy": started ? window.policy.description : "not started",
                    "policyClass": started ? window.policy.rawValue : "not-started",
                ]
            }
            return [
                "slo": clean(slo.id), "anchor": anchors[slo.id] ?? "",
                "hasDescription": slo.description != nil, "description": clean(slo.description ?? ""),
                "objective": "\(DecimalText.format(slo.objective, maximumFractionDigits: 8))%",
                "window": slo.window.description,
                "svg": chart.svg(), "steps": steps, "hasSteps": steps.count > 0, "windows": windowRows,
            ]
        }
    }

    static func causeRows(_ review: QuarterlyReview, incidents: [Int]) -> (rows: [[String: Any]], chart: String, anyBurn: Bool) {
        var secondary: [String: Int] = [:]
        for index in incidents {
            for score in review.documents[index].classification.categories.dropFirst() { secondary[score.category, default: 0] += 1 }
        }
        let groups = review.causeGroups
        let chart = ParetoChart(title: "Error budget burned by primary cause, \(shownLabel(review.options.period))",
                                unit: "budget minutes",
                                bars: groups.map { ParetoChart.Bar(label: review.label(ofCategory: $0.key), value: $0.burnedMinutes) },
                                idPrefix: "pareto")
        let anyBurn = groups.contains { $0.burnedMinutes > 0 }
        var rows = groups.map { group -> [String: Any] in
            [
                "cause": clean(review.label(ofCategory: group.key)),
                "incidents": "\(group.count)", "secondary": "\(secondary[group.key] ?? 0)",
                "burned": DurationText.budget(group.burnedMinutes),
                "share": anyBurn ? DurationText.percent(group.burnShare * 100) : "–",
                "cumulative": anyBurn ? DurationText.percent(group.cumulativeShare * 100) : "–",
                "medianTTM": DurationText.format(group.medianMinutesToMitigate),
            ]
        }
        // Categories that only contributed (never primary) still belong in the table.
        for id in secondary.keys.sorted() where !groups.contains(where: { $0.key == id }) {
            rows.append(["cause": clean(review.label(ofCategory: id)), "incidents": "0", "secondary": "\(secondary[id]!)",
                         "burned": DurationText.budget(0), "share": "–", "cumulative": "–", "medianTTM": "–"])
        }
        return (rows, chart.svg(), anyBurn)
    }

    static func serviceRows(_ review: QuarterlyReview, incidents: [Int]) -> [[String: Any]] {
        review.serviceGroups.map { group -> [String: Any] in
            let members = incidents.filter { group.incidents.contains(review.documents[$0].postmortem.id) }
            let severities = Dictionary(grouping: members) { review.documents[$0].postmortem.severity ?? "unrated" }
            let causes = Dictionary(grouping: members) { review.documents[$0].classification.primary }
            return [
                "service": clean(group.key), "incidents": "\(group.count)",
                "severities": clean(severities.keys.sorted().map { "\($0) × \(severities[$0]!.count)" }.joined(separator: ", ")),
                "causes": clean(causes.keys.sorted().map { "\(review.label(ofCategory: $0)) × \(causes[$0]!.count)" }.joined(separator: ", ")),
                "burned": DurationText.budget(group.burnedMinutes),
            ]
        }
    }

    static func incidentRow(_ review: QuarterlyReview, index: Int) -> [String: Any] {
        let document = review.documents[index]
        let record = document.postmortem
        let burned = review.burned(by: record.id)
        return [
            "date": text(IncidentTime.began(record).map { review.options.zone.date(of: $0).description } ?? ""),
            "id": cleanText(record.id), "href": text("incidents/\(review.pageNames[index])"),
            "incidentTitle": cleanText(review.title(of: index) ?? record.id),
            "severity": cleanText(record.severity ?? "–"),
            "severityClass": text("sev-\(PageFileNames.slug(record.severity ?? "none"))"),
            "services": cleanText(record.services.joined(separator: ", ")),
            "causes": cleanText(document.classification.categories.map { review.label(ofCategory: $0.category) }.joined(separator: ", ")),
            "ttm": text(DurationText.format(record.impactMinutes)),
            "burned": text(burned.isEmpty ? "–" : clean(burned.map { "\(DurationText.budget($0.minutes)) \($0.slo)" }.joined(separator: "; "))),
            // The same, a part per SLO, so that a cell wraps between SLOs and not inside an id.
            "burnedParts": burned.indices.map { i -> [String: Any] in
                ["part": cleanText("\(DurationText.budget(burned[i].minutes)) \(burned[i].slo)" + (i < burned.count - 1 ? ";" : ""))]
            },
        ]
    }
}
