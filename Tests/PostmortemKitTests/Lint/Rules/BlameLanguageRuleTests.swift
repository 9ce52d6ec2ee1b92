import Testing
@testable import PostmortemKit

/// PM012's "failed to": blame when a person is its subject or the verb is one only people do,
/// unless a thing is named as the subject.
struct BlameLanguageRuleTests {
    /// The words PM012 flags in a Summary of `text`.
    static func flagged(_ text: String) throws -> [String] {
        try LintTestSupport.flaggedWords(text, rule: "PM012")
    }

    @Test(arguments: [
        ("We failed to verify the pool.", ["failed to"]),
        ("The new hire failed to notice the alert.", ["failed to"]),
        ("The page fired, but failed to reach anyone; the on-call failed to notice it.", ["failed to"]),
        ("Dana failed to notice the alert.", ["failed to"]),
        ("The capacity model failed to predict the load.", []),
        ("Our monitoring failed to notice the queue, and the validator failed to check the pool.", []),
        ("The job failed to start.", []),
        ("The reviewers failed to notice the page, and the DBA failed to check the pool.", ["failed to", "failed to"]),
        ("The Postgres operator failed to notice the lease.", []),
        ("The engineer on the night shift failed to notice the page.", ["failed to"]),
        ("We deployed the job, but it failed to start; the model failed to predict the load.", []),
        ("| SRE team | Backups failed to start |", []),
    ])
    func failedTo(text: String, expected: [String]) throws {
        #expect(try Self.flagged(text) == expected)
    }
}
