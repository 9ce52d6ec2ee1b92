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

    /// The decimals that show budget minutes: `fractionDigits`, or for a value under 1 (not 0) as
    /// many as keep `significant` digits, up to six. Budgets are counted to the micro-minute: an SLO
    /// of seven nines has a day's budget of 0.000144 minutes, which two decimals wrote as 0.00.
    static func minuteDecimals(_ value: Double, fractionDigits: Int, significant: Int) -> Int {
        let magnitude = abs(value)
        guard magnitude.isFinite, magnitude > 0, magnitude < 1 else { return fractionDigits }
        return min(6, max(fractionDigits, significant - 1 - Int(floor(log10(magnitude)))))
    }

    /// Budget minutes as ``format(_:maximumFractionDigits:)`` writes them, with two significant
    /// digits kept under 1 minute (`0.0046`, not `0`), as the report's tables write them.
    static func minutes(_ value: Double, maximumFractionDigits: Int) -> String {
        format(value, maximumFractionDigits: minuteDecimals(value, fractionDigits: maximumFractionDigits, significant: 2))
    }

    /// `text` without the trailing zeros of decimals past the first `fractionDigits`.
    static func trimmingExtraZeros(_ text: String, fractionDigits: Int) -> String {
        guard let point = text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return text }
        var text = text
        while text.hasSuffix("0"), text.utf8.distance(from: point, to: text.utf8.endIndex) - 1 > fractionDigits { text.removeLast() }
        return text
    }

    /// `shown`, a percentage `value` written to `fractionDigits` decimals, unless it reads as
    /// nothing or as all when the value is neither: `<1` and `>99` in whole percent, `<0.1` and
    /// `>99.9` with one decimal, `<0` just below nothing and `>100` just above all. 3.2 minutes of
    /// a 1,324.8-minute budget had read "0%", and 99.98% of a budget left "100% left".
    static func boundedPercent(_ value: Double, shown: String, fractionDigits: Int) -> String {
        guard value.isFinite, let number = Double(shown) else { return shown }
        let unit = pow(10, -Double(fractionDigits))
        if number == 0, value > 0 { return "<" + format(unit, maximumFractionDigits: fractionDigits) }
        if number == 0, value < 0 { return "<0" }
        if number == 100, value < 100 { return ">" + format(100 - unit, maximumFractionDigits: fractionDigits) }
        if number == 100, value > 100 { return ">100" }
        return shown
    }

    /// Exactly `fractionDigits` decimals, for aligned table columns (`12.0`).
    public static func fixed(_ value: Double, fractionDigits: Int) -> String {
        guard value.isFinite else { return "0" }
        let text = String(format: "%.\(fractionDigits)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
