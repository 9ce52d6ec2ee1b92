import Foundation
import Testing
@testable import PostmortemKit

/// `JSONOutput` never loses a whole document to one value JSON cannot hold.
@Suite struct JSONOutputTests {
    struct Figures: Encodable {
        var ratio: Double
        var worst: Double
        var best: Double
        var title: String
    }

    /// Found by the black-box pass of stop 36: C1 controls and bidirectional overrides reached a
    /// terminal raw through `pm show --format json`. They are `\uXXXX` now, and read back the same.
    @Test func invisibleControlsAreEscapedAndRoundTrip() throws {
        let text = "a\u{85}b\u{9B}c\u{202E}d\u{2066}e\u{2028}f\u{61C}g é “q” 🔥"
        let json = JSONOutput.encode(["k": text])
        #expect(!json.unicodeScalars.contains { $0.value >= 0x80 && TerminalEscaping.needsEscaping($0) })
        #expect(json.contains("\\u0085") && json.contains("\\u202e") && json.contains("é “q” 🔥"))
        let back = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(back?["k"] == text)
        // Text with only other E2 characters (dashes, curly quotes, check marks) is left as it is.
        let plain = "a — “b” … ✅ ✔ ❌ é"
        #expect(JSONOutput.escapingInvisibleControls(plain) == plain)
        #expect(JSONOutput.escapingInvisibleControls("x\u{200E}y\u{2069}z") == "x\\u200ey\\u2069z")
    }

    @Test("non-finite numbers become strings instead of turning the output into null")
    func nonFiniteNumbers() throws {
        let output = JSONOutput.encode(Figures(ratio: .nan, worst: -.infinity, best: .infinity, title: "t\u{2028}\"<"))
        #expect(output != "null")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["ratio"] as? String == "nan")
        #expect(object["worst"] as? String == "-inf")
        #expect(object["best"] as? String == "inf")
        #expect(object["title"] as? String == "t\u{2028}\"<")
    }

    @Test("finite numbers are unchanged")
    func finiteNumbers() {
        #expect(JSONOutput.encode(Figures(ratio: 0.25, worst: -1, best: 1e300, title: "")).contains("\"ratio\" : 0.25"))
    }
}
