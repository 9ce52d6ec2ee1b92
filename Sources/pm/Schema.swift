import ArgumentParser
import Foundation
import PostmortemKit

extension PM {
    /// `pm schema`: a JSON Schema of the front matter, for editors.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print a JSON Schema of postmortem front matter, for YAML language servers.",
            discussion: """
                The schema encodes the same checks pm lint applies to front matter: required keys, \
                types, the status and severity values, and the SLO ids from pm.yml. Save it and point \
                your editor's YAML language server at it (see docs/lint.md).

                Exit codes: 0 success; 2 configuration error.
                """
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let configuration = try global.loadConfiguration()
            do {
                Terminal.out(try FrontMatterSchema.json(configuration: configuration))
            } catch {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        }
    }
}
