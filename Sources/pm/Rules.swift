import ArgumentParser
import Foundation
import PostmortemKit

extension PM {
    /// `pm rules`: the lint rules and their documentation.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List the lint rules, or print one rule's documentation.",
            discussion: """
                Without an argument, lists every rule with its id, alias, default severity and summary. \
                With an id or alias (PM012, blame-language), prints the rule's rationale, options and \
                examples; with a reading problem's code or alias (P011, invalid-yaml), what it reports. --markdown prints docs/rules.md, which is generated from the same descriptions.

                Exit codes: 0 success; 2 unknown rule.
                """
        )

        @Flag(help: "Print the rules reference as Markdown (the content of docs/rules.md).") var markdown = false
        @Argument(help: ArgumentHelp("A rule id or alias.", valueName: "rule")) var rule: String?

        func run() throws {
            if let rule, RuleRegistry.rule(named: rule) == nil, let code = ProblemCode(named: rule) {
                // A reading problem is no rule, but lint reports it like one, and pm.yml's
                // `lint.disable` and `pm-lint` comments name it as they name rules. With
                // --markdown, its first line is a heading, as a rule's is.
                Terminal.out(Terminal.sanitise("""
                    \(markdown ? "### " : "")\(code.rawValue) \(code.alias) (\(code.severityText))

                    A reading problem: pm finds it while reading a document, before the lint rules run, and
                    `pm lint` reports it like a rule's finding.

                    \(code.summary)

                    Switch it off in pm.yml (`lint: {disable: [\(code.rawValue)]}`) or silence it in the document
                    (`<!-- pm-lint disable-file \(code.rawValue) -- reason -->`). docs/format.md, "Reading problems",
                    lists every reading problem.

                    """), terminator: "")
                return
            }
            if markdown {
                if let rule {
                    guard let type = RuleRegistry.rule(named: rule) else { throw unknown(rule) }
                    Terminal.out(RuleDocumentation.markdown(for: type.description), terminator: "")
                } else {
                    Terminal.out(RuleDocumentation.markdown(), terminator: "")
                }
                return
            }
            if let rule {
                guard let type = RuleRegistry.rule(named: rule) else { throw unknown(rule) }
                Terminal.out(Terminal.sanitise(RuleDocumentation.text(for: type.description)), terminator: "")
            } else {
                Terminal.out(RuleDocumentation.table(), terminator: "")
            }
        }

        func unknown(_ name: String) -> Error {
            let names = RuleRegistry.all.flatMap { [$0.description.id, $0.description.alias] } + ProblemCode.allCases.flatMap { [$0.rawValue, $0.alias] }
            let hint = closestMatch(name, in: names).map { "; did you mean \($0)?" } ?? ""
            Terminal.error("no rule `\(name)`\(hint) (see `pm rules`)")
            return ExitCode(2)
        }
    }
}
