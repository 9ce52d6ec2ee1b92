import ArgumentParser
import PostmortemKit

extension PM {
    /// `pm show`: print the structured record pm reads from each postmortem.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the structured record pm extracts from postmortems.",
            discussion: """
                Reads each file (directories recursively, .md and .markdown files, skipping a README that indexes \
                the postmortems beside or below it) and prints its metadata, \
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
            // Records are rendered on the workers and written in input order as they come, so
            // neither the records nor the whole output are held (a 50,000-document corpus took
            // 5.9 GB when the JSON was encoded in one piece).
            let format = format
            let out = OutputBuffer()
            if format == .json { out.write(ShowOutput.Stream.header) }
            var failed = false
            DocumentLoader.forEach(inputs, options: ReadOptions(configuration: configuration), { document in
                let record = document.postmortem
                let hasError = record.problems.contains { $0.severity == .error }
                switch format {
                case .json: return (ShowOutput.Stream.element(record), hasError)
                case .text: return (Terminal.sanitise(RecordTextRenderer.render(record)), hasError)
                }
            }) { index, rendered in
                let (text, hasError) = rendered
                failed = failed || hasError
                switch format {
                case .json: out.write(ShowOutput.Stream.separator(first: index == 0) + text)
                case .text: out.write(index == 0 ? text : "\n" + text)
                }
            }
            if format == .json { out.write(ShowOutput.Stream.footer(empty: inputs.isEmpty) + "\n") }
            out.flush()
            if failed { throw ExitCode.failure }
        }
    }
}
