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

    /// A needle found by a byte other than its first is found where it is found by its first.
    @Test func firstIndexByAKeyByte() {
        var generator = SplitMix64(seed: 0xA11C)
        let pieces = [" align=\"", " align", "=\"", "=", " ", "a", "\"", "é", "<td", " align=\"left\">"]
        for _ in 0..<400 {
            let hay = Array((0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined().utf8)
            let needle = Array(" align=\"".utf8)
            for from in [0, 1, 3] {
                for key in needle.indices {
                    #expect(ByteSearch.firstIndex(of: needle, in: hay, from: from, key: key)
                            == ByteSearch.firstIndex(of: needle, in: hay, from: from), "\(String(decoding: hay, as: UTF8.self)) \(from) \(key)")
                }
            }
        }
        #expect(ByteSearch.firstIndex(of: Array("ab".utf8), in: Array("xab".utf8), from: 2, key: 1) == nil)
        #expect(ByteSearch.firstIndex(of: Array("ab".utf8), in: Array("xab".utf8), from: 1, key: 1) == 1)
    }

    /// Several needles in one pass give what one pass per needle gives, when no replacement
    /// makes a needle (a report page's spellings).
    @Test func replacingSeveralInOnePass() {
        let pairs = [("<table>", "<div><table>"), ("</table>", "</table></div>"), ("<pre>", "<pre tabindex=\"0\">"),
                     ("<i a b />", "<i a b c />"), ("<i b />", "<i b d />")]
        func once(_ hay: String) -> String? {
            ByteSearch.replacingAll(pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }, in: Array(hay.utf8))
                .map { String(decoding: $0, as: UTF8.self) }
        }
        func inTurn(_ hay: String) -> String? {
            var bytes = Array(hay.utf8)
            var any = false
            for (needle, replacement) in pairs {
                if let result = ByteSearch.replacingAll(Array(needle.utf8), with: Array(replacement.utf8), in: bytes) { bytes = result; any = true }
            }
            return any ? String(decoding: bytes, as: UTF8.self) : nil
        }
        for hay in ["<p>x</p><table><tr></tr></table><pre>a</pre><i a b /><i b /><table></table>", "<table>", "</table",
                    "<<table>>", "x<i b />é<pre>", "no tags", "", "<", "<pre><pre><pre>"] {
            #expect(once(hay) == inTurn(hay), "\(hay)")
        }
        #expect(once("<p>") == nil)
        var generator = SplitMix64(seed: 0x7AB1E)
        let pieces = ["<table>", "</table>", "<pre>", "<i a b />", "<i b />", "<", "<t", "x", "é", "</tab"]
        for _ in 0..<300 {
            let hay = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(once(hay) == inTurn(hay), "\(hay)")
        }
    }
}
