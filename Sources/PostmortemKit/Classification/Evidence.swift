/// A phrase that counted towards a cause category, and where it was found.
public struct Evidence: Sendable, Hashable, Codable {
    /// The vocabulary term as matched (`feature flag`, `misconfigur*`), or the declared category
    /// or factor label.
    public var phrase: String
    /// Where it was found: `declared`, `factor label`, `factors`, `summary` or `body`.
    public var source: String
    /// What it added to the category's score (the term weight × the source's weight; negative
    /// for counter-evidence).
    public var weight: Double

    /// Creates a piece of evidence.
    public init(phrase: String, source: String, weight: Double) {
        self.phrase = phrase
        self.source = source
        self.weight = weight
    }
}
