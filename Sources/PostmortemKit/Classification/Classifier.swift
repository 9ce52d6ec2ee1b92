/// Assigns cause categories to incidents.
///
/// Declared `causes:` and factors labelled with a category (`**Config:**`) win: the team knows
/// better than any word list. Otherwise the text is scored against each category's weighted
/// vocabulary: each distinct term counts once per document (repeating a word is not more
/// evidence), × 2.5 when found in the trigger, × 2 in the other contributing factors, × 1.5 in the title or summary,
/// × 1 elsewhere in the body; a term with a negation up to three words before it ("not a config
/// change") does not count. The best-scoring category is the primary when it reaches the minimum
/// score, else the incident is `unknown`; other categories scoring at least the secondary threshold
/// × the primary's score are secondary. Deterministic: ties go to the category with the strongest
/// single piece of evidence, then to the category listed first.
public struct Classifier: Sendable {
    /// The taxonomy in display order, `unknown` last.
    public var categories: [CauseCategory] { settings.categories }
    /// The settings from pm.yml.
    public let settings: ClassificationSettings
    private let matcher: VocabularyMatcher
    private let categoryIndex: [String: Int]

    /// Builds the classifier from pm.yml's `classification:` section (or the defaults).
    /// - Throws: ``ConfigurationError`` when the section cannot be used.
    public init(configuration: Configuration) throws(ConfigurationError) {
        self.init(settings: try ClassificationSettings(configuration: configuration))
    }

    /// Builds the classifier from validated settings.
    public init(settings: ClassificationSettings = ClassificationSettings()) {
        self.settings = settings
        matcher = VocabularyMatcher(categories: settings.categories)
        categoryIndex = Dictionary(settings.categories.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The cause categories of one incident, from its record alone (the body is rebuilt from its
    /// timeline, lessons and actions).
    public func classify(_ record: Postmortem) -> Classification {
        classify(record, source: nil)
    }

    /// The cause categories of one incident.
    /// - Parameters:
    ///   - record: The postmortem.
    ///   - source: The document's whole text (``ReadDocument/source``), which gives the body more
    ///     to go on than the record's extracted parts.
    public func classify(_ record: Postmortem, source: String?) -> Classification {
        var declared: [CategoryScore] = []
        for cause in record.causes ?? [] {
            let id = cause.lowercased()
            guard categoryIndex[id] != nil, !declared.contains(where: { $0.category == id }) else { continue }
            declared.append(CategoryScore(category: id, confidence: 1,
                                          evidence: [Evidence(phrase: cause, source: "declared", weight: 1)]))
        }
        for factor in record.factors {
            guard let id = factor.category, categoryIndex[id] != nil else { continue }
            let evidence = Evidence(phrase: factor.label ?? id, source: "factor label", weight: 1)
            if let index = declared.firstIndex(where: { $0.category == id }) {
                if !declared[index].evidence.contains(evidence) { declared[index].evidence.append(evidence) }
            } else {
                declared.append(CategoryScore(category: id, confidence: 1, evidence: [evidence]))
            }
        }
        if let primary = declared.first {
            return Classification(incident: record.id, primary: primary.category, categories: declared, declared: true)
        }
        // No label names a category here, so labels are ordinary words ("**Network partition:**").
        return score(IncidentText(record: record, source: source, hidingLabels: false), incident: record.id)
    }

    /// The categories the text alone supports, ignoring `causes:` and hiding factor labels: what
    /// `pm classify --evaluate` compares with the declared causes.
    public func infer(_ record: Postmortem, source: String?) -> Classification {
        score(IncidentText(record: record, source: source, hidingLabels: true), incident: record.id)
    }

    /// The categories a piece of free text supports, as if it were an incident's summary: for
    /// one-line descriptions and tests.
    public func classify(text: String, incident: String = "") -> Classification {
        score(IncidentText(summary: text), incident: incident)
    }

    func score(_ text: IncidentText, incident: String) -> Classification {
        // The strongest source a term was found in decides what it adds.
        var best: [VocabularyMatcher.Match: (source: String, factor: Double)] = [:]
        for part in text.parts {
            for match in matcher.matches(in: part.text) where (best[match]?.factor ?? 0) < part.weight {
                best[match] = (part.source, part.weight)
            }
        }
        var totals = Array(repeating: 0.0, count: categories.count)
        var evidence = Array(repeating: [Evidence](), count: categories.count)
        for (match, found) in best {
            let weight = match.weight * found.factor
            totals[match.category] += weight
            evidence[match.category].append(Evidence(phrase: match.pattern, source: found.source, weight: weight))
        }
        let positive = totals.filter { $0 > 0 }.reduce(0, +)
        // Ties go to the category with the strongest single piece of evidence ("leap second"
        // beats "cpu" + "usage"), then to the category listed first.
        let strongest = evidence.map { $0.map(\.weight).max() ?? 0 }
        let ranked = totals.indices
            .filter { totals[$0] > 0 && categories[$0].id != "unknown" }
            .sorted {
                if abs(totals[$0] - totals[$1]) > 1e-9 { return totals[$0] > totals[$1] }
                if strongest[$0] != strongest[$1] { return strongest[$0] > strongest[$1] }
                return $0 < $1
            }
        func scored(_ index: Int) -> CategoryScore {
            let sorted = evidence[index].sorted {
                abs($0.weight) != abs($1.weight) ? abs($0.weight) > abs($1.weight) : ($0.phrase, $0.source) < ($1.phrase, $1.source)
            }
            return CategoryScore(category: categories[index].id,
                                 confidence: ErrorBudget.rounded(positive > 0 ? totals[index] / positive : 0), evidence: sorted)
        }
        guard let top = ranked.first, totals[top] >= settings.minimumScore else {
            let unknown = CategoryScore(category: "unknown", confidence: 1 - (ranked.first.map { totals[$0] / max(positive, 1) } ?? 0),
                                        evidence: [])
            return Classification(incident: incident, primary: "unknown",
                                  categories: [CategoryScore(category: unknown.category,
                                                             confidence: ErrorBudget.rounded(max(0, unknown.confidence)),
                                                             evidence: [])],
                                  declared: false)
        }
        var chosen = [scored(top)]
        for index in ranked.dropFirst() where totals[index] >= settings.secondaryThreshold * totals[top] {
            chosen.append(scored(index))
        }
        return Classification(incident: incident, primary: categories[top].id, categories: chosen, declared: false)
    }
}
