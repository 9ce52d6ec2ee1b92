/// PM041: each contributing factor has a known category, or one can be inferred.
public struct FactorCategoryRule: LintRule {
    public static let description = RuleDescription(
        id: "PM041", alias: "factor-category", name: "Factor category",
        summary: "Each factor's bold label names a cause category, or its text lets pm infer one.",
        rationale: "The quarterly report groups incidents by cause; an uncategorised factor falls into \"unknown\" and the pattern across incidents is lost.",
        category: .factors, defaultSeverity: .info,
        triggeringExamples: [
            RuleExamples.document(sections: ["Contributing factors": "↓- **Confg:** The proxy accepted an empty upstream pool.\n- **Deploy:** Config pushes reach every edge node at once."]),
            RuleExamples.document(sections: ["Contributing factors": "↓- Things lined up badly that afternoon.\n- **Deploy:** Config pushes reach every edge node at once."]),
        ],
        nonTriggeringExamples: [
            RuleExamples.document(),
            RuleExamples.document(sections: ["Contributing factors": "- The TLS certificate expired because renewal was manual.\n- **Deploy:** Config pushes reach every edge node at once."]),
        ]
    )

    /// The classifier that infers a factor's category: pm.yml's taxonomy's, or nil for the
    /// built-in one, which is built when a factor first needs it. Building its vocabulary index
    /// for every run had been 18% of the instructions of `pm lint` on one file whose factors all
    /// name their categories.
    let inference: Classifier?

    public init(options: RuleOptions) throws(ConfigurationError) {
        inference = options.classification.map { Classifier(settings: $0) }
    }

    public func check(_ context: LintContext) -> [Violation] {
        let ids = context.configuration.causeCategoryIDs.filter { $0 != "unknown" }
        return context.postmortem.factors.compactMap { factor in
            guard factor.category == nil else { return nil }
            if let label = factor.label, let near = closestMatch(label.trimmingCharacters(in: CharacterSet(charactersIn: ": ")), in: ids) {
                return Violation("factor label \"\(label)\" is not a cause category; did you mean `\(near)`?", at: factor.range,
                                 suggestion: "use one of: \(ids.joined(separator: ", "))", severity: .warning)
            }
            // A template's `**Category:** <condition…>` is a value to fill in.
            if context.isTemplate || Self.inferredCategory(factor.text, by: inference ?? Self.classifier) != nil { return nil }
            return Violation("no cause category for this factor, and none can be inferred from its text", at: factor.range,
                             suggestion: "start it with a **Category:** label (\(ids.joined(separator: ", ")))")
        }
    }

    /// The default classifier, built once: its vocabulary index is the expensive part.
    static let classifier = Classifier()

    /// The category the classifier infers from the factor's text alone (normalised,
    /// negation-aware, the same vocabulary `pm classify` uses), if any.
    static func inferredCategory(_ text: String, by classifier: Classifier = classifier) -> String? {
        let primary = classifier.classify(text: text).primary
        return primary == "unknown" ? nil : primary
    }
}

import Foundation
