import ArgumentParser
import PostmortemKit

extension PM {
    /// `pm show`: print the structured record pm reads from each postmortem.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the structured record pm extracts from postmortems.",
            discussion: """
                Reads each file (directories recursively, .md only) and prints its metadata, \
                timeline, contributing factors, follow-up actions, lessons, and any problems found \
                while reading. With no paths, reads the postmortems directory from pm.yml.

                The JSON shape is documented in docs/format.md and is stable: scripts may rely on it.

                Exit codes: 0 when every file was read; 1 when a file has a reading problem at \
                error level; 2 for usage or configuration errors.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var global: GlobalOptions
        @Option(help: "Output format: text or json.") var format: Format = .text
        @Argument(help: ArgumentHelp("Postmortem files or directories.", valueName: "path")) var paths: [String] = []

        func run() throws {
            let configuration = try global.loadConfiguration()
            let inputs = InputDiscovery.expand(global.inputPaths(paths, configuration: configuration),
                                               ignore: configuration.ignore, relativeTo: configuration.rootDirectory)
            let records = DocumentLoader.map(inputs, options: ReadOptions(configuration: configuration)) { $0.postmortem }
            switch format {
            case .json:
                print(JSONOutput.encode(ShowOutput(postmortems: records)))
            case .text:
                print(Terminal.sanitise(records.map(RecordTextRenderer.render).joined(separator: "\n")), terminator: "")
            }
            if records.contains(where: { $0.problems.contains { $0.severity == .error } }) { throw ExitCode.failure }
        }
    }
}
