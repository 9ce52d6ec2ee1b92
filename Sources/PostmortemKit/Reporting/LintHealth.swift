/// The lint-health section: which documents have errors and which findings are most common,
/// so a review can see whether postmortems are being written to the team's standard.
enum LintHealth {
    /// How many rules the "most common findings" table lists.
    static let topFindings = 10

    static func add(to context: inout [String: Any], review: QuarterlyReview) {
        /// A rule's findings over the corpus. Its documents are counted as the paths of its
        /// findings in another file than their document plus the
        /// documents whose own findings name it (a tally entry without a path, or with the
        /// document's): a set of every path would be the largest thing the index keeps for a rule
        /// that most documents break.
        struct RuleCount {
            var alias: String, severity: Severity, count = 0
            var paths: Set<String> = []
            var ownDocuments = 0, lastDocument = -1
        }
        var byRule: [String: RuleCount] = [:]
        // The documents with errors, by index; their rows are made as the template reaches them.
        let errorDocuments = review.documents.indices.filter { review.documents[$0].lint.count(.error) > 0 }
        func errorRow(_ index: Int) -> [String: Any] {
            let document = review.documents[index]
            let errors = document.lint.entries.filter { $0.severity == .error }
            let text = IndexPageModel.text
            return [
                "path": IndexPageModel.cleanText(review.path(of: index)),
                "href": text("incidents/\(review.pageNames[index])"),
                "errors": text("\(document.lint.count(.error))"),
                "rules": IndexPageModel.cleanText(Set(errors.map { "\($0.ruleID) \($0.alias)" }).sorted().joined(separator: ", ")),
            ]
        }
        // Each document's findings are read from its tally (the streaming report keeps no findings).
        // Entries are updated in place (through the subscript's modify accessor): copying one out
        // and back would copy its set of paths for every finding, quadratic in a large corpus.
        var errorCount = 0, warningCount = 0
        // A document's own path is read only where an entry names a path (the streaming report's
        // records keep no paths, and its tallies leave the document's own path out).
        func add(_ tally: LintTally, ownPath: () -> String?) {
            for tallied in tally.entries {
                modify(&byRule[tallied.ruleID, default: RuleCount(alias: tallied.alias, severity: tallied.severity)]) { rule in
                    rule.count += tallied.count
                    rule.severity = max(rule.severity, tallied.severity)
                    if let path = tallied.path, path != ownPath() { rule.paths.insert(path) }
                }
                if tallied.severity == .error { errorCount += tallied.count }
                if tallied.severity == .warning { warningCount += tallied.count }
            }
        }
        /// The path of the document at `index`, read back (from the spill, while streaming) only
        /// when a tally names another file, and then once.
        func lazyPath(_ index: Int) -> () -> String {
            var known: String?
            return {
                if let known { return known }
                let path = review.path(of: index)
                known = path
                return path
            }
        }
        for index in review.documents.indices {
            add(review.documents[index].lint, ownPath: lazyPath(index))
        }
        // A document counts once for a rule, and not again when a path above already counted it
        // (documents' paths are distinct: each is one input).
        for index in review.documents.indices {
            let document = review.documents[index]
            let path = lazyPath(index)
            for tallied in document.lint.entries where tallied.path == nil || tallied.path == path() {
                modify(&byRule[tallied.ruleID]!) { rule in
                    guard rule.lastDocument != index, rule.paths.isEmpty || !rule.paths.contains(path()) else { return }
                    rule.lastDocument = index
                    rule.ownDocuments += 1
                }
            }
        }
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
                    "severity": entry.severity.rawValue, "count": "\(entry.count)", "documents": "\(entry.paths.count + entry.ownDocuments)"]
        }
        context["hasLintCommon"] = !common.isEmpty
    }

    /// Applies `change` to `value` in place: on a dictionary's subscript, one lookup for several
    /// changes to an entry.
    private static func modify<Value>(_ value: inout Value, _ change: (inout Value) -> Void) { change(&value) }
}
