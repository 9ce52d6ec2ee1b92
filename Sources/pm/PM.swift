import ArgumentParser
import Foundation
import PostmortemKit

/// The `pm` command: blameless postmortems as Markdown in git.
@main
struct PM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pm",
        abstract: "Write, lint, analyse and report on blameless incident postmortems kept as Markdown in git.",
        discussion: """
            pm reads postmortems written as Markdown with YAML front matter (see docs/format.md), \
            finds pm.yml by searching upward from the current directory, and never modifies a \
            postmortem.

            Exit codes: 0 success; 1 findings at error level (pm lint) or a failed operation; \
            2 usage or configuration error.
            """,
        version: PostmortemKitVersion.string,
        // Every subcommand names itself (`commandName:`): deriving a name from the type costs
        // runtime type lookups on every start, which `pm lint` in pre-commit pays per call.
        subcommands: [New.self, Show.self, Budget.self, Classify.self, Lint.self, Rules.self, Schema.self, Report.self]
    )

    /// Runs the command with pm's exit-code contract: argument-parser reports usage errors with
    /// EX_USAGE (64); pm documents 2 for every usage or configuration error, so CI scripts can
    /// tell "the postmortems have errors" (1) from "pm was called wrongly" (2).
    static func main() {
        Allocator.tune()
        StandardStreams.openMissing()
        do {
            var command = try parseAsRoot()
            try command.run()
            StandardStreams.finish()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // The message quotes the argument as given: its line breaks are written `\n` and
                // its control characters escaped, like every other text pm writes to a terminal.
                let message = TerminalEscaping.quotingOnOneLine(fullMessage(for: error), values: Array(CommandLine.arguments.dropFirst()))
                StandardStreams.error(Terminal.sanitise(message) + "\n")
                Foundation.exit(2)
            }
            if code == .success {
                // Help and the version, printed here rather than by `exit(withError:)`, so that a
                // standard output that cannot take them is an error, as for every command.
                Terminal.out(fullMessage(for: error))
                StandardStreams.finish()
                Foundation.exit(0)
            }
            // Output written before the error (pm lint's findings, then exit 1) is checked too.
            StandardStreams.finish()
            exit(withError: error)
        }
    }
}
