/// The classifier measured against a team's own labelled history: for each document that declares
/// `causes:`, the categories inferred from its text alone (declared causes and factor labels hidden)
/// compared with the declared ones.
public struct ClassifierEvaluation: Sendable, Hashable, Encodable {
    /// One document's declared and inferred categories.
    public struct Outcome: Sendable, Hashable, Encodable {
        /// The incident's id.
        public var incident: String
        /// The declared causes that are categories of the taxonomy, in the order written.
        public var declared: [String]
        /// The inferred categories, primary first.
        public var inferred: [String]
    }

    /// Version of this JSON shape.
    public var formatVersion = 1
    /// Documents that declare at least one known category; the others are not evaluated.
    public var documents: Int
    /// Share of documents whose inferred primary is the first declared cause.
    public var primaryMatchesFirstDeclared: Double
    /// Share of documents whose inferred primary is one of the declared causes.
    public var primaryAmongDeclared: Double
    /// Precision and recall per category, in taxonomy order; categories neither declared nor
    /// inferred are left out.
    public var categories: [CategoryAccuracy]
    /// Confusion of primaries: first declared cause → inferred primary → number of documents.
    public var confusion: [String: [String: Int]]
    /// Every evaluated document.
    public var outcomes: [Outcome]

    /// Evaluates the classifier.
    /// - Parameters:
    ///   - classifier: The classifier with the project's taxonomy.
    ///   - documents: Each record with its document text (nil to classify from the record alone).
    public init(classifier: Classifier, documents: [(record: Postmortem, source: String?)]) {
        let known = Set(classifier.categories.map(\.id))
        var outcomes: [Outcome] = []
        for (record, source) in documents {
            var declared: [String] = []
            for cause in record.causes ?? [] {
                let id = cause.lowercased()
                if known.contains(id), !declared.contains(id) { declared.append(id) }
            }
            guard !declared.isEmpty else { continue }
            let inferred = classifier.infer(record, source: source).categoryIDs
            outcomes.append(Outcome(incident: record.id, declared: declared, inferred: inferred))
        }
        self.outcomes = outcomes
        self.documents = outcomes.count
        let count = Double(max(1, outcomes.count))
        primaryMatchesFirstDeclared = ErrorBudget.rounded(Double(outcomes.filter { $0.inferred.first == $0.declared.first }.count) / count)
        primaryAmongDeclared = ErrorBudget.rounded(Double(outcomes.filter { $0.declared.contains($0.inferred.first ?? "") }.count) / count)
        categories = classifier.categories.map(\.id).compactMap { id in
            let tp = outcomes.filter { $0.declared.contains(id) && $0.inferred.contains(id) }.count
            let fp = outcomes.filter { !$0.declared.contains(id) && $0.inferred.contains(id) }.count
            let fn = outcomes.filter { $0.declared.contains(id) && !$0.inferred.contains(id) }.count
            return tp + fp + fn == 0 ? nil : CategoryAccuracy(category: id, truePositives: tp, falsePositives: fp, falseNegatives: fn)
        }
        var confusion: [String: [String: Int]] = [:]
        for outcome in outcomes {
            confusion[outcome.declared[0], default: [:]][outcome.inferred.first ?? "unknown", default: 0] += 1
        }
        self.confusion = confusion
    }
}
