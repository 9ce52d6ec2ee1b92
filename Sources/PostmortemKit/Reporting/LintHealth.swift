/// The lint-health section: which documents have errors and which findings are most common,
/// so a review can see whether postmortems are being written to the team's standard.
enum LintHealth {
    /// How many rules the "most common findings" table lists.
    static let topFindings = 10

    static func add(to context: inout [String: Any], review: QuarterlyReview) {
        var byRule: [String: (alias: String, severity: Severity, count: Int, paths: Set<String>)] = [:]
        // The documents with errors, by index; their rows are made as the template reaches them.
        let errorDocuments = review.documents.indices.filter { review.documents[$0].lint.count(.error) > 0 }
        func errorRow(_ index: Int) -> [String: Any] {
            let document = review.documents[index]
            let errors = document.lint.entries.filter { $0.severity == .error }
            return [
                "path": IndexPageModel.clean(document.postmortem.path),
                "href": "incidents/\(review.pageNames[index])",
                "errors": "\(document.lint.count(.error))",
                "rules": IndexPageModel.clean(Set(errors.map { "\($0.ruleID) \($0.alias)" }).sorted().joined(separator: ", ")),
            ]
        }
        // Each entry is updated in place (through the subscript's modify accessor): copying it out
        // and back would copy its set of paths for every finding, quadratic in a large corpus.
        func count(_ tallied: LintTally.Entry, in entry: inout (alias: String, severity: Severity, count: Int, paths: Set<String>)) {
            entry.count += tallied.count
            entry.severity = max(entry.severity, tallied.severity)
            entry.paths.insert(tallied.path)
        }
        // Each document's findings are read from its tally (the streaming report keeps no findings).
        var errorCount = 0, warningCount = 0
        func add(_ tally: LintTally) {
            for tallied in tally.entries {
                count(tallied, in: &byRule[tallied.ruleID, default: (tallied.alias, tallied.severity, 0, [])])
                if tallied.severity == .error { errorCount += tallied.count }
                if tallied.severity == .warning { warningCount += tallied.count }
            }
        }
        add(LintTally(review.corpusFindings))
        for index in review.documents.indices { add(review.documents[index].lint) }
        let common = byRule.keys.sorted {
            let a = byRule[$0]!.count, b = byRule[$1]!.count
            return a != b ? a > b : $0 < $1
        }.prefix(topFindings)
        context["lintErrorDocuments"] = LazyRows(count: errorDocuments.count) { errorRow(errorDocuments[$0]) }
        context["hasLintErrorDocuments"] = !errorDocuments.isEmpty
        context["lintDocuments"] = "\(review.documents.count)"
        // Counted, not filtered: a filtered array copies every clean document.
        context["lintCleanDocuments"] = "\(review.documents.reduce(0) { $0 + ($1.lint.isEmpty ? 1 : 0) })"
        context["lintErrorCount"] = "\(errorCount)"
        context["lintWarningCount"] = "\(warningCount)"
        context["lintCommon"] = common.map { id -> [String: Any] in
            let entry = byRule[id]!
            return ["rule": IndexPageModel.clean(id), "alias": IndexPageModel.clean(entry.alias),
                    "severity": entry.severity.rawValue, "count": "\(entry.count)", "documents": "\(entry.paths.count)"]
        }
        context["hasLintCommon"] = !common.isEmpty
    }
}
