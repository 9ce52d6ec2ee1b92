import Foundation

/// Locale-independent decimal formatting for output that must be byte-identical on every
/// machine: no grouping separators, `.` as the decimal point, trailing zeros removed.
public enum DecimalText {
    /// `43.2`, `-4.92`, `0`, `1234.5`: rounded half away from zero, never an exponent.
    /// - Parameters:
    ///   - value: the number; NaN and infinities are written as `0` because no budget figure
    ///     can legitimately be either, and an empty cell would shift columns in some readers.
    ///   - maximumFractionDigits: decimals kept before trailing zeros are removed.
    public static func format(_ value: Double, maximumFractionDigits: Int) -> String {
        guard value.isFinite else { return "0" }
        var text = String(format: "%.\(maximumFractionDigits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return text
    }

    /// Exactly `fractionDigits` decimals, for aligned table columns (`12.0`).
    public static func fixed(_ value: Double, fractionDigits: Int) -> String {
        guard value.isFinite else { return "0" }
        let text = String(format: "%.\(fractionDigits)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
