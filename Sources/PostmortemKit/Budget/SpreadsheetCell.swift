/// Writing values into CSV cells that spreadsheets open safely.
///
/// Text from documents (incident ids, SLO ids) may begin with `=`, `+`, `-` or `@`, which
/// spreadsheet programs run as a formula; such cells get a leading `'`. Numbers are written as
/// numbers (a negative remaining budget must stay a number), so they never pass through the guard.
enum SpreadsheetCell {
    /// A text cell: formula-guarded, then quoted when it holds a comma, quote or line break.
    /// Control characters are written as ``TerminalEscaping`` writes them, since CSV has no escape
    /// of its own and is printed to terminals and CI logs (`pm budget --format csv`): an id with
    /// ESC in it would otherwise restyle the terminal that shows it, and one that starts a line
    /// with `::` would be a workflow command.
    static func text(_ value: String) -> String {
        var cell = TerminalEscaping.escape(value)
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { cell = "'" + cell }
        // On bytes: "\r\n" is one Character, equal to neither "\n" nor "\r", and a `"` or `,`
        // followed by a combining mark is a Character of its own too.
        if cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
            var bytes: [UInt8] = [UInt8(ascii: "\"")]
            for byte in cell.utf8 {
                bytes.append(byte)
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
            cell = String(decoding: bytes, as: UTF8.self)
        }
        return cell
    }

    /// A number cell with fixed decimals, `-0.00` written as `0.00`.
    static func number(_ value: Double, decimals: Int = 2) -> String {
        fixed(value, decimals: decimals)
    }

    /// Budget minutes: two decimals, or for a value under 1 as many as keep three significant
    /// digits (up to six; trailing zeros past the second dropped): `43.20`, `0.403`, `0.000144`.
    static func minutes(_ value: Double) -> String {
        let decimals = DecimalText.minuteDecimals(value, fractionDigits: 2, significant: 3)
        let text = fixed(value, decimals: decimals)
        return decimals > 2 ? DecimalText.trimmingExtraZeros(text, fractionDigits: 2) : text
    }

    /// A fixed-point rendering that does not depend on the locale.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled != 0
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled - Double(whole) * scale)
        var text = String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return negative ? "-" + text : text
    }
}
