import Foundation
import Testing
@testable import PostmortemKit

/// The byte-level trimming used on the reading path must agree with Foundation's.
@Suite struct TextTrimmingTests {
    @Test func agreesWithFoundationForEveryBMPScalar() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)a\(scalar)b\(scalar)"
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
            #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "U+\(String(value, radix: 16))")
        }
    }

    @Test func edgeCases() {
        for text in ["", " ", "\t\n ", "a", " a ", "\u{00A0}x\u{3000}", " é\u{301} ", "\u{1F600} ", "\r\n x \r\n", " \u{301}"] {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
            #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
            let sub = ("[" + text + "]").dropFirst().dropLast()
            #expect(sub.trimmingWhitespace() == sub.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func replacingAllBytes() {
        func replace(_ hay: String, _ needle: String, _ replacement: String) -> String? {
            ByteSearch.replacingAll(Array(needle.utf8), with: Array(replacement.utf8), in: Array(hay.utf8))
                .map { String(decoding: $0, as: UTF8.self) }
        }
        for (hay, needle, replacement) in [("aXbXXc", "X", "YY"), ("XX", "X", ""), ("aaaa", "aa", "b"), ("<td align=\"left\">1</td><td align=\"left\">", "<td align=\"left\">", "<td>"), ("é—é", "—", "-")] {
            #expect(replace(hay, needle, replacement) == hay.replacingOccurrences(of: needle, with: replacement))
        }
        #expect(replace("abc", "x", "y") == nil)
        #expect(replace("abc", "", "y") == nil)
    }
}
