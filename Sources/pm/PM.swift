import ArgumentParser
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
        subcommands: [New.self, Show.self, Budget.self, Classify.self, Lint.self, Rules.self, Schema.self, Report.self]
    )
}
