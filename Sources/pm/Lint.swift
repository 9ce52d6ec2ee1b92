import ArgumentParser
import Foundation
import PostmortemKit

extension PM {
    /// `pm lint`: check postmortems against the rules in docs/rules.md.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check postmortems for structure, metadata, follow-up quality and blameless language.",
            discussion: """
                Reads each file (directories recursively, .md only, skipping pm.yml's `ignore` globs) \
                and reports findings as text, JSON, SARIF 2.1.0 or GitHub Actions annotations. With no \
                paths, lints the postmortems directory from pm.yml. `-` reads one document from stdin; \
                give it a name with --stdin-filename. Rules are configured under `lint:` in pm.yml \
                (see docs/lint.md); `pm rules` lists them.

                Exit codes: 0 no errors (warnings and notes allowed); 1 at least one error, or with \
                --strict at least one warning; 2 usage or configuration error.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, github }

        @OptionGroup var global: GlobalOptions
        @Option(help: "Output format: text, json, sarif or github.") var format: Format = .text
        @Flag(help: "Exit 1 on warnings too, not only on errors.") var strict = false
        @Option(help: ArgumentHelp("The date overdue actions are measured against (default: today in pm.yml's timezone).", valueName: "YYYY-MM-DD"))
        var today: String?
        @Option(help: ArgumentHelp("The path to report for a document read from stdin (`-`).", valueName: "path"))
        var stdinFilename: String?
        @Argument(help: ArgumentHelp("Postmortem files or directories; `-` for stdin.", valueName: "path")) var paths: [String] = []

        /// The report with control characters from documents (and their paths) escaped, so only
        /// the reporter's own colour codes reach the terminal or the CI log.
        static func sanitised(_ report: LintReport) -> LintReport {
            var copy = report
            copy.findings = report.findings.map { finding in
                var f = finding
                f.message = Terminal.sanitise(f.message)
                f.path = Terminal.sanitise(f.path)
                f.suggestion = f.suggestion.map(Terminal.sanitise)
                return f
            }
            return copy
        }

        func run() throws {
            var givenDate: CalendarDate? = nil
            if let today {
                guard let parsed = CalendarDate(today) else {
                    Terminal.error("--today \(Terminal.sanitise(today)) is not a date; write it as YYYY-MM-DD")
                    throw ExitCode(2)
                }
                givenDate = parsed
            }
            if paths.filter({ $0 == "-" }).count > 1 {
                Terminal.error("`-` (stdin) can be given only once")
                throw ExitCode(2)
            }
            let configuration = try global.loadConfiguration()
            let date = givenDate ?? Clock.today(in: ZoneResolver(configuration.timezone) ?? .utc)
            let linter: Linter
            do {
                linter = try Linter(configuration: configuration)
            } catch {
                Terminal.error(Terminal.sanitise(error.description))
                throw ExitCode(2)
            }
            let options = ReadOptions(configuration: configuration)
            // SARIF needs each file's text to convert byte columns to code points.
            let keepSource = format == .sarif
            var results: [(findings: [Finding], record: Postmortem, source: String?)] = []
            var filePaths = paths.filter { $0 != "-" }
            if paths.isEmpty { filePaths = global.inputPaths([], configuration: configuration) }
            if paths.contains("-") {
                let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                let document = DocumentReader.read(bytes, path: stdinFilename ?? "<stdin>", options: options)
                results.append((linter.lint(document, today: date), document.postmortem, keepSource ? document.source : nil))
            }
            if !filePaths.isEmpty {
                let inputs = InputDiscovery.expand(filePaths, ignore: configuration.ignore, relativeTo: configuration.rootDirectory)
                results += DocumentLoader.map(inputs, options: options) { document in
                    (linter.lint(document, today: date), document.postmortem, keepSource ? document.source : nil)
                }
            }
            let records = results.map(\.record)
            var findings = results.flatMap(\.findings)
            findings += linter.lintCorpus(records, fileExists: { FileManager.default.fileExists(atPath: $0) })
            var sources: [String: String] = [:]
            for result in results { if let source = result.source { sources[result.record.path] = source } }
            let report = LintReport(findings: findings, fileCount: results.count, sources: sources)
            let output: String
            switch format {
            case .text: output = TextReporter(colour: Terminal.colourOut).render(Self.sanitised(report))
            case .json: output = JSONReporter().render(report)
            case .sarif: output = SARIFReporter().render(report)
            case .github: output = GitHubReporter().render(Self.sanitised(report))
            }
            FileHandle.standardOutput.write(Data(output.utf8))
            if report.count(.error) > 0 || (strict && report.count(.warning) > 0) { throw ExitCode.failure }
        }
    }
}
