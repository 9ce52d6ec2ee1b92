/// How well the classifier finds one category, counted over documents that declare causes.
///
/// A document counts as predicting a category when it is among the inferred categories (primary or
/// secondary), and as declaring it when it is among its `causes:`.
public struct CategoryAccuracy: Sendable, Hashable, Encodable {
    /// The category id.
    public var category: String
    /// Documents that declare it and were inferred to have it.
    public var truePositives: Int
    /// Documents inferred to have it that do not declare it.
    public var falsePositives: Int
    /// Documents that declare it but were not inferred to have it.
    public var falseNegatives: Int
    /// truePositives ÷ (truePositives + falsePositives); nil when it was never predicted.
    public var precision: Double?
    /// truePositives ÷ (truePositives + falseNegatives); nil when it was never declared.
    public var recall: Double?

    /// Creates the counts and derives precision and recall.
    public init(category: String, truePositives: Int, falsePositives: Int, falseNegatives: Int) {
        self.category = category
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        let predicted = truePositives + falsePositives
        let declared = truePositives + falseNegatives
        precision = predicted > 0 ? ErrorBudget.rounded(Double(truePositives) / Double(predicted)) : nil
        recall = declared > 0 ? ErrorBudget.rounded(Double(truePositives) / Double(declared)) : nil
    }
}
