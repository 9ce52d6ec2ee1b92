/// Why an incident's impact could not be counted, or was counted on an assumption.
///
/// Budget maths never fails on a document; what it could not use is reported instead, so the
/// numbers can be trusted only as far as the notes allow.
public struct BudgetNote: Sendable, Hashable, Codable {
    /// The incident's id.
    public var incident: String
    /// The SLO the impact names.
    public var slo: String
    /// What was wrong or assumed, as a sentence.
    public var message: String

    /// Creates a note.
    public init(incident: String, slo: String, message: String) {
        self.incident = incident
        self.slo = slo
        self.message = message
    }
}
