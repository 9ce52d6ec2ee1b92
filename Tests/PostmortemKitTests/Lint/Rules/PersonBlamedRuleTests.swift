import Testing
@testable import PostmortemKit

/// PM013's passive ("caused by @dana.k") and possessive ("Dana's oversight") forms. The
/// example documents' authors are dana.k and li.w.
struct PersonBlamedRuleTests {
    /// The words PM013 flags in a Summary of `text`.
    static func flagged(_ text: String) throws -> [String] {
        let document = RuleExamples.document(sections: ["Summary": text])
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        return try LintTestSupport.lint(document).filter { $0.ruleID == "PM013" }.compactMap { finding in
            guard let range = finding.range else { return nil }
            let line = lines[range.start.line - 1]
            return String(decoding: line[(range.start.column - 1)..<range.end.column], as: UTF8.self)
        }
    }

    @Test(arguments: [
        ("The outage was caused by @dana.k pushing an empty pool.", ["caused by @dana.k"]),
        ("It was a mistake made by an engineer under time pressure.", ["mistake made by an engineer"]),
        ("An oversight by the on-call delayed the page by 20 minutes.", ["oversight by the on-call"]),
        ("The pool was broken by Dana at 14:02.", ["broken by Dana"]),
        ("@dana.k's mistake shipped the config.", ["@dana.k's mistake"]),
        ("Li's error let the config through.", ["Li's error"]),
        ("Priya\u{2019}s oversight let the config through.", ["Priya\u{2019}s oversight"]),
        ("The engineer's carelessness is not the lesson.", ["engineer's carelessness"]),
    ])
    func flagsPassiveAndPossessiveBlame(text: String, expected: [String]) throws {
        #expect(try Self.flagged(text) == expected)
    }

    @Test(arguments: [
        "The deploy was reverted by @dana.k at 14:41.",
        "The retry storm was caused by Paylane's timeouts.",
        "Kafka's failure to rebalance added 4 minutes; Kafka's error rate rose to 3%.",
        "The error budget was burned by the retry storm.",
        "The outage was caused by the deploy of config 4812.",
        "Dana's runbook and the rollback by @dana.k cut the impact to 12 minutes.",
        "The ticket said \u{201C}caused by @dana.k\u{201D}, which the review corrected.",
        "Nobody's mistake: the validator accepted an empty pool.",
    ])
    func leavesSystemsAndNeutralAgentsAlone(text: String) throws {
        #expect(try Self.flagged(text).isEmpty)
    }
}
