/// What an error budget policy says a team should do given the state of a window.
public enum BudgetPolicy: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Budget left and not being spent faster than the window elapses: ship as usual.
    case healthy
    /// Less than a quarter of the budget left, or spending faster than the window elapses (burn
    /// rate above 1): slow down risky changes.
    case atRisk = "at-risk"
    /// Nothing left: freeze feature releases and put reliability work first until the window ends.
    case exhausted

    /// The share of budget below which a window counts as at risk, in percent.
    public static let atRiskRemainingPercent = 25.0

    /// The status as a report prints it.
    public var description: String {
        switch self {
        case .healthy: "healthy"
        case .atRisk: "at risk: slow down risky changes"
        case .exhausted: "freeze: reliability work first"
        }
    }

    /// Decides the policy for a window.
    /// - Parameters:
    ///   - remainingPercent: Budget left, in percent of the window's budget.
    ///   - burnRate: Burned minutes ÷ the budget minutes of the elapsed part of the window; nil
    ///     when the window has not started.
    public static func decide(remainingPercent: Double, burnRate: Double?) -> BudgetPolicy {
        if remainingPercent <= 0 { return .exhausted }
        if remainingPercent < atRiskRemainingPercent { return .atRisk }
        if let burnRate, burnRate > 1 { return .atRisk }
        return .healthy
    }
}
