/// Order statistics for durations: the report shows medians and 90th percentiles, not means,
/// because one long incident would drag a mean far from what a typical incident looks like.
public enum Percentile {
    /// The `p`-th percentile (0...100) by linear interpolation between closest ranks (the
    /// method spreadsheets call PERCENTILE.INC); nil for no values.
    public static func of(_ values: [Double], _ p: Double) -> Double? {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        let rank = max(0, min(100, p)) / 100 * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = rank - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    /// The median.
    public static func median(_ values: [Double]) -> Double? { of(values, 50) }
}
