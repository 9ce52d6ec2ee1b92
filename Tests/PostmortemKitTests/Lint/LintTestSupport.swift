import Foundation
@testable import PostmortemKit

/// Paths and helpers shared by the lint tests.
enum LintTestSupport {
    /// The package root, from this file's path.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func fixture(_ name: String) -> String {
        packageRoot + "/Tests/PostmortemKitTests/Fixtures/lint/" + name
    }

    static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// The repository's own pm.yml.
    static func projectConfiguration() throws -> Configuration {
        try ConfigurationReader.load(path: packageRoot + "/pm.yml")
    }

    static func configuration(_ yaml: String) throws(ConfigurationError) -> Configuration {
        try ConfigurationReader.parse(yaml, path: "pm.yml")
    }

    static func lint(_ text: String, path: String = "postmortems/x.md", configuration: Configuration = RuleExamples.configuration,
                     today: CalendarDate = RuleDescription.exampleToday) throws -> [Finding] {
        let linter = try Linter(configuration: configuration)
        return linter.lint(DocumentReader.read(text: text, path: path), today: today)
    }

    /// The words rule `ruleID` flags in a Summary of `text` (an example document by
    /// ``RuleExamples/document(frontMatter:sections:)``: its authors are dana.k and li.w), as
    /// written in the source from each finding's start to its end on one line (`<lines a-b>` for
    /// a finding over several, `<no range>` for one without a range).
    /// The messages of `ruleID`'s findings on `text` as the only content of a section of the rule
    /// examples' document.
    static func messages(_ text: String, rule ruleID: String, section: String = "What went wrong") throws -> [String] {
        try lint(RuleExamples.document(sections: [section: text])).filter { $0.ruleID == ruleID }.map(\.message)
    }

    static func flaggedWords(_ text: String, rule ruleID: String) throws -> [String] {
        let document = RuleExamples.document(sections: ["Summary": text])
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        return try lint(document).filter { $0.ruleID == ruleID }.map { finding in
            guard let range = finding.range else { return "<no range>" }
            guard range.start.line == range.end.line else { return "<lines \(range.start.line)-\(range.end.line)>" }
            return String(decoding: lines[range.start.line - 1][(range.start.column - 1)..<range.end.column], as: UTF8.self)
        }
    }
}
