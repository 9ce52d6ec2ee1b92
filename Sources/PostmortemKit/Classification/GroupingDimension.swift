/// What incidents are grouped by in `pm classify` and the report.
public enum GroupingDimension: String, Sendable, Hashable, Codable, CaseIterable {
    /// The primary cause category, so every incident is in exactly one group.
    case cause
    /// Each affected service; an incident of two services is in both groups.
    case service
    /// The severity as written; `none` when the document has none.
    case severity
}
