/// Durations as a reader wants them in a review: `42 min`, `3 h 05 min`, `2 d 4 h`.
enum DurationText {
    static func format(_ minutes: Double?) -> String {
        guard let minutes, minutes.isFinite else { return "–" }
        let total = Int(minutes.rounded())
        if total < 60 { return "\(total) min" }
        if total < 2880 {
            let m = total % 60
            return "\(total / 60) h \(m < 10 ? "0" : "")\(m) min"
        }
        return "\(total / 1440) d \(total % 1440 / 60) h"
    }

    /// Budget minutes with one decimal (`12.5 min`); budgets are small, so whole minutes would hide
    /// steps. A value under 1 keeps two significant digits (`0.25 min`, `0.00014 min`): an SLO of
    /// five nines or more had shown its budget, its burns and what was left as `0.0 min`.
    static func budget(_ minutes: Double) -> String {
        let decimals = DecimalText.minuteDecimals(minutes, fractionDigits: 1, significant: 2)
        let text = DecimalText.fixed(minutes, fractionDigits: decimals)
        return "\(decimals > 1 ? DecimalText.trimmingExtraZeros(text, fractionDigits: 1) : text) min"
    }

    /// A percentage. A share that is not nothing is never "0%" (3.2 minutes of a 1,324.8-minute
    /// budget was), nor one short of all "100%": they read `<1%` and `>99%`, or with one decimal
    /// `<0.1%` and `>99.9%` (``DecimalText/boundedPercent(_:shown:fractionDigits:)``).
    static func percent(_ value: Double?, fractionDigits: Int = 0) -> String {
        guard let value, value.isFinite else { return "–" }
        let shown = DecimalText.fixed(value, fractionDigits: fractionDigits)
        return DecimalText.boundedPercent(value, shown: shown, fractionDigits: fractionDigits) + "%"
    }
}
