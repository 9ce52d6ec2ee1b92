import Foundation
import Testing
@testable import PostmortemKit

/// Other files a finding names (PM061's first use of an id, PM060's missing target) are data
/// beside its message's words, so that an output that writes paths from another base writes
/// them, and the message naming them, from that base (left open by stop 50).
@Suite struct RelatedLocationTests {
    static let first = RelatedLocation(path: "../2026/a.md", line: 3, label: "first use of the id")

    @Test("a message interpolating a related location keeps its words and the file apart")
    func messageText() {
        let id = "checkout-502"
        let message: MessageText = "id `\(id)` is also used by \(Self.first)"
        #expect(message.words == ["id `checkout-502` is also used by ", ""])
        #expect(message.files == [Self.first])
        #expect(message.text == "id `checkout-502` is also used by ../2026/a.md")
        let finding = Finding(ruleID: "PM061", alias: "duplicate-id", severity: .error, naming: message, path: "b.md", range: nil)
        #expect(finding.writingPaths { "<\($0)>" }.message == "id `checkout-502` is also used by <../2026/a.md>")
        let plain: MessageText = "no file"
        #expect(plain.words == ["no file"] && plain.files.isEmpty)
    }

    @Test("a violation naming files gives its finding the files and a message that names them as given")
    func violationToFinding() throws {
        let violation = Violation(naming: "see \(Self.first) (and \(RelatedLocation(path: "b.md", label: "b")))", at: nil)
        #expect(violation.message == "see ../2026/a.md (and b.md)")
        #expect(violation.related.map(\.path) == ["../2026/a.md", "b.md"])
        #expect(violation.messageWords == ["see ", " (and ", ")"])
        let finding = Finding(ruleID: "PM061", alias: "duplicate-id", severity: .error, path: "x.md", violation: violation)
        #expect(finding.message == "see ../2026/a.md (and b.md)")
        #expect(finding.related == violation.related)
        // A message with no file stays a plain message.
        let plain = Finding(ruleID: "PM012", alias: "blame-language", severity: .warning, path: "x.md", violation: Violation("m", at: nil))
        #expect(plain.related.isEmpty && plain.messageWords == nil)
    }

    @Test("writing paths from another base rewrites the finding's path, its files' paths and the message's, not its words")
    func writingPaths() {
        // An id quoted in the message that looks like the path is words, and stays as it is.
        let finding = Finding(ruleID: "PM061", alias: "duplicate-id", severity: .error,
                              naming: "id `../2026/a.md` is also used by \(Self.first)", path: "b.md", range: SourceRange(line: 2),
                              suggestion: "give each postmortem its own id")
        let rebased = finding.writingPaths { "incidents/" + $0.replacingOccurrences(of: "../", with: "") }
        #expect(rebased.path == "incidents/b.md")
        #expect(rebased.related.map(\.path) == ["incidents/2026/a.md"])
        #expect(rebased.related.first?.line == 3 && rebased.related.first?.label == "first use of the id")
        #expect(rebased.message == "id `../2026/a.md` is also used by incidents/2026/a.md")
        #expect(rebased.messageWords == finding.messageWords)
        #expect(rebased.suggestion == finding.suggestion && rebased.range == finding.range)
        // A message set by hand is left as set.
        var escaped = finding
        escaped.message = "by hand"
        #expect(escaped.messageWords == nil)
        #expect(escaped.writingPaths { "r/" + $0 }.message == "by hand")
    }

    @Test("JSON gives a finding's related files when it has some, and nothing more for the others")
    func json() throws {
        let finding = Finding(ruleID: "PM060", alias: "relative-link", severity: .error,
                              naming: "looked for \(RelatedLocation(path: "gone.md", label: "the link's target, which does not exist"))",
                              path: "a.md", range: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONOutput.encode(finding).utf8)) as? [String: Any])
        #expect(object["related"] as? [[String: String]] == [["path": "gone.md", "label": "the link's target, which does not exist"]])
        let plain = Finding(ruleID: "PM012", alias: "blame-language", severity: .warning, message: "m", path: "a.md", range: nil)
        let keys = try #require(try JSONSerialization.jsonObject(with: Data(JSONOutput.encode(plain).utf8)) as? [String: Any]).keys
        #expect(Set(keys) == ["rule_id", "alias", "severity", "message", "path"])
        let decoded = try JSONDecoder().decode(Finding.self, from: try JSONEncoder().encode(finding))
        #expect(decoded.related == finding.related && decoded.message == finding.message)
    }
}
