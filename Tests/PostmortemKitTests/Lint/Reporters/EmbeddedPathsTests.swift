import Foundation
import Testing
@testable import PostmortemKit

/// A run in a folder of the repository (`working-directory: incidents`, pm.yml there): GitHub
/// reads the paths of annotations and SARIF from the repository's root, and a path inside a
/// message (PM061's "also used by …", PM060's "looked for …") had stayed relative to the folder,
/// naming a file GitHub does not find (left open by stop 50). In `github` and `sarif` it is from
/// the root, as the finding's own path; in `text` it is as given, from the folder.
@Suite struct EmbeddedPathsTests {
    /// The repository, and the folder with pm.yml the run is in.
    static let root = "/work/repo", here = "/work/repo/incidents"

    /// The findings of PM061 and PM060 over two documents with one id, read by paths relative to
    /// ``here``: `postmortems/2026/b.md` first in path order, with a link to a file that is not
    /// there (line 21); `postmortems/a.md` then, the duplicate, with its `id` key on line 15.
    static func findings() throws -> [Finding] {
        let first = RuleExamples.document(frontMatter: ["id: checkout-502"],
                                          sections: ["Summary": "This repeats [the March incident](../gone.md)."])
        let second = RuleExamples.document(frontMatter: ["id: checkout-502"])
        let linter = try Linter(configuration: RuleExamples.configuration)
        let records = [DocumentReader.read(text: first, path: "postmortems/2026/b.md").postmortem,
                       DocumentReader.read(text: second, path: "postmortems/a.md").postmortem]
        let findings = linter.lintCorpus(records, fileExists: { _ in false })
        #expect(findings.map(\.ruleID) == ["PM060", "PM061"])
        return findings
    }

    /// `findings` as the `github` and `sarif` formats get them: from the repository's root,
    /// found from ``here`` (a `.git` in ``root``).
    static func fromRoot(_ findings: [Finding]) throws -> [Finding] {
        let root = try #require(FilePaths.repositoryRoot(above: here, exists: { $0 == Self.root + "/.git" }))
        return findings.map { FilePaths.inside(root, $0, base: here) }
    }

    @Test("text names the other files as given, from the current folder, as before")
    func text() throws {
        let output = TextReporter().render(LintReport(findings: try Self.findings(), fileCount: 2))
        #expect(output.contains("postmortems/2026/b.md:21:14: error: link to `../gone.md`"))
        #expect(output.contains("does not resolve to a postmortem (looked for postmortems/gone.md) [PM060 relative-link]"))
        #expect(output.contains("postmortems/a.md:15:1: error: id `checkout-502` is also used by postmortems/2026/b.md [PM061 duplicate-id]"))
    }

    @Test("github annotations name the other files from the repository's root, as their own file")
    func github() throws {
        let lines = GitHubReporter().render(LintReport(findings: try Self.fromRoot(try Self.findings()), fileCount: 2))
            .split(separator: "\n").map(String.init)
        let link = try #require(lines.first { $0.contains("PM060") })
        #expect(link.hasPrefix("::error file=incidents/postmortems/2026/b.md,line=21,col=14,"))
        #expect(link.contains("::link to `../gone.md` does not resolve to a postmortem (looked for incidents/postmortems/gone.md)%0ASuggestion:"))
        let duplicate = try #require(lines.first { $0.contains("PM061") })
        #expect(duplicate.hasPrefix("::error file=incidents/postmortems/a.md,line=15,col=1,"))
        #expect(duplicate.contains("::id `checkout-502` is also used by incidents/postmortems/2026/b.md%0ASuggestion:"))
    }

    @Test("SARIF links the message to related locations from the repository's root: the id's first use at its line, the missing target without one")
    func sarif() throws {
        let output = SARIFReporter().render(LintReport(findings: try Self.fromRoot(try Self.findings()), fileCount: 2))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let results = try #require((object["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        func message(_ result: [String: Any]) -> String? { (result["message"] as? [String: Any])?["text"] as? String }
        func uri(_ location: [String: Any]) -> String? {
            ((location["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        let duplicate = try #require(results.first { $0["ruleId"] as? String == "PM061" })
        #expect(uri(try #require((duplicate["locations"] as? [[String: Any]])?.first)) == "incidents/postmortems/a.md")
        #expect(message(duplicate) == "id `checkout-502` is also used by [incidents/postmortems/2026/b.md](1)\n"
                + "Suggestion: give each postmortem its own id (the file name, by default)")
        let firstUse = try #require((duplicate["relatedLocations"] as? [[String: Any]])?.first)
        #expect(firstUse["id"] as? Int == 1)
        #expect(uri(firstUse) == "incidents/postmortems/2026/b.md")
        #expect(((firstUse["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]) == ["startLine": 15])
        #expect((firstUse["message"] as? [String: String])?["text"] == "first use of the id")

        let link = try #require(results.first { $0["ruleId"] as? String == "PM060" })
        #expect(message(link)?.hasPrefix("link to `../gone.md` does not resolve to a postmortem (looked for [incidents/postmortems/gone.md](1))\n") == true)
        let target = try #require((link["relatedLocations"] as? [[String: Any]])?.first)
        #expect(uri(target) == "incidents/postmortems/gone.md")
        #expect((target["physicalLocation"] as? [String: Any])?["region"] == nil)
        #expect((target["message"] as? [String: String])?["text"] == "the link's target, which does not exist")
    }

    @Test("JSON names the other files as given, and lists them")
    func json() throws {
        let output = JSONReporter().render(LintReport(findings: try Self.findings(), fileCount: 2))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let duplicate = try #require((object["findings"] as? [[String: Any]])?.first { $0["rule_id"] as? String == "PM061" })
        #expect(duplicate["message"] as? String == "id `checkout-502` is also used by postmortems/2026/b.md")
        let related = try #require((duplicate["related"] as? [[String: Any]])?.first)
        #expect(related["path"] as? String == "postmortems/2026/b.md")
        #expect(related["line"] as? Int == 15)
        #expect(related["label"] as? String == "first use of the id")
    }

    /// An id or a link's destination may hold brackets: in a message with embedded links they are
    /// escaped, so that none makes a link of its own; a file's path is the link's text.
    @Test("SARIF escapes brackets and backslashes in every message, with embedded links or not")
    func sarifEscapesLinkCharacters() {
        let file = RelatedLocation(path: "postmortems/[old]/a.md", line: 2, label: "first use of the id")
        let finding = Finding(ruleID: "PM061", alias: "duplicate-id", severity: .error, naming: "id `a[1](2)\\b` is also used by \(file)",
                              path: "postmortems/b.md", range: SourceRange(line: 2), suggestion: "see [docs]")
        #expect(SARIFReporter.messageText(finding) == "id `a\\[1\\](2)\\\\b` is also used by [postmortems/\\[old\\]/a.md](1)\nSuggestion: see \\[docs\\]")
        // The review of stop 51: escaped only where the message had links, a quoted `[x](1)`
        // elsewhere read as a link to a related location the result does not have.
        let plain = Finding(ruleID: "PM012", alias: "blame-language", severity: .warning, message: "\"[x](1)\" is blame, C:\\x",
                            path: "a.md", range: nil, suggestion: "say [what] happened")
        #expect(SARIFReporter.messageText(plain) == "\"\\[x\\](1)\" is blame, C:\\\\x\nSuggestion: say \\[what\\] happened")
    }

    /// A document read from stdin, or a file outside the repository, is no file code scanning can
    /// show: it stays words of the message, and the files that are get the link ids from 1.
    @Test func sarifLinksOnlyFilesOfTheRepository() {
        let stdin = RelatedLocation(path: "<stdin>", line: 2, label: "first use of the id")
        let outside = RelatedLocation(path: "../../outside.md", label: "the link's target, which does not exist")
        let absolute = RelatedLocation(path: "/tmp/x.md", label: "the link's target, which does not exist")
        let inside = RelatedLocation(path: "postmortems/a.md", line: 3, label: "first use of the id")
        let finding = Finding(ruleID: "PM061", alias: "duplicate-id", severity: .error,
                              naming: "\(stdin), \(outside), \(absolute) and \(inside)", path: "postmortems/b.md", range: SourceRange(line: 2))
        #expect(SARIFReporter.messageText(finding) == "<stdin>, ../../outside.md, /tmp/x.md and [postmortems/a.md](1)")
        let locations = SARIFReporter.relatedLocations(finding) ?? []
        #expect(locations.map(\.id) == [1])
        #expect(locations.map(\.physicalLocation.artifactLocation.uri) == ["postmortems/a.md"])
        let none = Finding(ruleID: "PM061", alias: "duplicate-id", severity: .error, naming: "also used by \(stdin)",
                           path: "postmortems/b.md", range: SourceRange(line: 2))
        #expect(SARIFReporter.relatedLocations(none) == nil)
        #expect(SARIFReporter.messageText(none) == "also used by <stdin>")
    }

    /// The first document of an id whose id is its file's name is at line 1, as the finding is.
    @Test func firstUseWithoutAnIDKeyIsAtLineOne() throws {
        let linter = try Linter(configuration: RuleExamples.configuration)
        let document = DocumentReader.read(text: RuleExamples.document(), path: "p/2026-07-14-checkout-502s.md").postmortem
        var copy = document
        copy.path = "q/2026-07-14-checkout-502s.md"
        let finding = try #require(linter.lintCorpus([document, copy]).first)
        #expect(finding.related == [RelatedLocation(path: "p/2026-07-14-checkout-502s.md", line: 1, label: "first use of the id")])
        #expect(finding.range?.start.line == 1)
    }
}
