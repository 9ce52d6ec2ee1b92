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
}
