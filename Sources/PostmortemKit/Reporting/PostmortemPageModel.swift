/// The values `postmortem.mustache` renders for one postmortem's page: the summary panel (metadata,
/// budget burned per SLO and what of the impact was not counted, categories with evidence,
/// follow-up states) and the body HTML that cmark-gfm rendered in safe mode, which is the only
/// value printed raw.
enum PostmortemPageModel {
    /// The most windows of one SLO an incident's burn is listed by, a row each: a year of months.
    static let mostWindowRows = 12

    /// The context with `body` as the page body, `findings` as its list of findings, `actions`
    /// as its follow-up actions, `classification` with its evidence and `header` as its title,
    /// path, status and authors (the document's own, read back from where the report keeps them
    /// while streaming; see ``BodySpill``).
    static func context(_ review: QuarterlyReview, index: Int, body: String, findings: [PageFinding],
                        actions: [FollowUpAction], classification: Classification, header: DocumentHeader) -> [String: Any] {
        let document = review.documents[index]
        let record = document.postmortem
        let cleanText = IndexPageModel.cleanText, text = IndexPageModel.text
        let today = review.options.today
        var metadata: [TemplateRow] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { metadata.append(["label": text(label), "value": cleanText(value)]) }
        }
        add("Id", record.id)
        add("Severity", record.severity)
        add("Status", header.status)
        add("Services", record.services.joined(separator: ", "))
        add("Authors", header.authors.joined(separator: ", "))
        add("Started", record.started?.iso8601)
        add("Detected", record.detected?.iso8601)
        add("Mitigated", record.mitigated?.iso8601)
        add("Resolved", record.resolved?.iso8601)
        add("Time to detect", record.timeToDetectMinutes.map { DurationText.format($0) })
        add("Time to mitigate", record.impactMinutes.map { DurationText.format($0) })
        add("File", header.path)

        let burns = review.burned(by: record.id).flatMap { burn -> [TemplateRow] in
            let parts = review.burns(of: record.id).filter { $0.slo == burn.slo }
            // An incident over two windows burned a share of each: a row for each, named, where
            // one figure for both had read like neither (the black-box pass of stop 42). Over more
            // than a year of months, one row says how many windows it spans.
            if parts.count > 1, parts.count <= Self.mostWindowRows, let shares = review.windowShares(parts) {
                return zip(parts, shares).map { part, share in
                    ["slo": cleanText("\(burn.slo) (\(share.window))"), "minutes": text(DurationText.budget(part.minutes)),
                     "share": text(DurationText.percent(share.percent, fractionDigits: 1)), "hasShare": true]
                }
            }
            let windowBudget = parts.compactMap { part in review.windowBudget(slo: part.slo, start: part.windowStart) }.reduce(0, +)
            let label = parts.count > Self.mostWindowRows ? "\(burn.slo) (\(parts.count) windows)" : burn.slo
            return [["slo": cleanText(label), "minutes": text(DurationText.budget(burn.minutes)),
                     "share": text(windowBudget > 0 ? DurationText.percent(burn.minutes / windowBudget * 100, fractionDigits: 1) : "–"),
                     "hasShare": windowBudget > 0]]
        }
        // What the budget could not count of this incident's impact, or counted on an assumption,
        // as the index lists it for the period: the page had said "No SLO impact recorded."
        let impactNotes = ErrorBudgetCalculator.notes(slos: review.slos, records: [record], today: (today, review.options.zone))
            .map { note -> TemplateRow in ["slo": cleanText(note.slo), "message": cleanText(note.message)] }
        let categories = classification.categories.enumerated().map { position, score -> TemplateRow in
            [
                "label": cleanText(review.label(ofCategory: score.category)), "id": cleanText(score.category),
                "primary": position == 0,
                "confidence": text(DurationText.percent(score.confidence * 100)),
                "evidence": score.evidence.map { ["phrase": cleanText($0.phrase), "source": cleanText($0.source)] as TemplateRow },
                "hasEvidence": !score.evidence.isEmpty,
            ]
        }
        let actions = actions.map { action -> TemplateRow in
            let overdue = action.state == .open && (action.due.map { $0 < today } ?? false)
            var details: [String] = []
            if let owner = action.owner { details.append("@" + owner) }
            if let due = action.due { details.append("due \(due)") }
            if let type = action.type { details.append(type) }
            if let priority = action.priority { details.append(priority) }
            if let ticket = action.ticket { details.append(ticket) }
            return [
                "text": cleanText(action.text),
                "state": text(overdue ? "overdue" : action.state.rawValue),
                "stateClass": text(overdue ? "overdue" : action.state.rawValue),
                "details": cleanText(details.joined(separator: " · ")), "hasDetails": !details.isEmpty,
                "hasReason": action.state == .notDoing && action.reason != nil,
                "reason": cleanText(action.reason ?? ""),
            ]
        }
        let findings = findings.map { finding -> TemplateRow in
            [
                "where": text(finding.location), "rule": text(finding.rule),
                // As `pm lint` prints it: an info finding is a "note" (the class keeps the level).
                "severity": text(finding.severity), "severityLabel": text(finding.severity == "info" ? "note" : finding.severity),
                "message": text(finding.message),
            ]
        }
        return [
            "title": cleanText(review.options.resolvedTitle),
            "pageTitle": cleanText(header.title ?? record.id),
            "period": text(review.options.period.label),
            "hasOrganization": review.organization != nil,
            "organization": cleanText(review.organization ?? ""),
            "metadata": metadata,
            "burns": burns, "hasBurns": !burns.isEmpty,
            "impactNotes": impactNotes, "hasImpactNotes": !impactNotes.isEmpty,
            "categories": categories, "hasCategories": !categories.isEmpty,
            "declared": classification.declared,
            "actions": actions, "hasActions": !actions.isEmpty,
            "findings": findings, "hasFindings": !findings.isEmpty,
            "body": text(body),
            "today": text(today.description),
            "version": text(PostmortemKitVersion.string),
        ]
    }
}

extension QuarterlyReview {
    /// The name of each part's window (`2026-07`) and the part's share of that window's budget, in
    /// percent; nil when a part's SLO or budget is not known.
    func windowShares(_ parts: [IncidentBurn]) -> [(window: String, percent: Double)]? {
        var shares: [(window: String, percent: Double)] = []
        for part in parts {
            guard let slo = slos.first(where: { $0.id == part.slo }),
                  let budget = windowBudget(slo: part.slo, start: part.windowStart), budget > 0 else { return nil }
            let bounds = ErrorBudgetCalculator.windowBounds(of: slo.window, containing: part.windowStart, zone: options.zone)
            let label = BudgetReport.label(start: bounds.start, end: bounds.end, kind: slo.window, zone: options.zone)
            shares.append((label, part.minutes / budget * 100))
        }
        return shares
    }

    /// The budget of the SLO window that starts at `start`, worked out again from the SLO when the
    /// window is outside the period (a burn of an earlier quarter shown on its incident's page).
    func windowBudget(slo id: String, start: Timestamp) -> Double? {
        if let window = windows.first(where: { $0.slo == id && $0.start == start }) { return window.budgetMinutes }
        guard let slo = slos.first(where: { $0.id == id }) else { return nil }
        let bounds = ErrorBudgetCalculator.windowBounds(of: slo.window, containing: start, zone: options.zone)
        return ErrorBudget.minutes(objective: slo.objective, windowMinutes: bounds.start.minutes(to: bounds.end))
    }
}
