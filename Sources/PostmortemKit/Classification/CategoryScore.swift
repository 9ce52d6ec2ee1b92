/// How strongly the evidence points at one cause category.
public struct CategoryScore: Sendable, Hashable, Codable {
    /// The category id (`config`).
    public var category: String
    /// 0...1: 1 for declared causes and labelled factors; otherwise the category's share of the
    /// positive score of all categories, so the confidences of one incident add up to at most 1.
    public var confidence: Double
    /// What decided it, strongest first.
    public var evidence: [Evidence]

    /// Creates a score.
    public init(category: String, confidence: Double, evidence: [Evidence]) {
        self.category = category
        self.confidence = confidence
        self.evidence = evidence
    }
}
