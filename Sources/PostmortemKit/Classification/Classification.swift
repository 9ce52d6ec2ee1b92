/// The cause categories pm assigns to one incident.
public struct Classification: Sendable, Hashable, Codable {
    /// The incident's id.
    public var incident: String
    /// The most likely category; `unknown` when nothing points anywhere.
    public var primary: String
    /// The primary first, then any secondary category above the classifier's threshold.
    public var categories: [CategoryScore]
    /// True when the categories come from the document's own `causes:` or factor labels rather
    /// than from scoring its text.
    public var declared: Bool

    /// Creates a classification.
    public init(incident: String, primary: String, categories: [CategoryScore], declared: Bool) {
        self.incident = incident
        self.primary = primary
        self.categories = categories
        self.declared = declared
    }

    /// The category ids, primary first.
    public var categoryIDs: [String] { categories.map(\.category) }
}
