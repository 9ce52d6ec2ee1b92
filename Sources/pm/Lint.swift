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

        /// A finding with control characters from documents (and their paths) escaped, so only
        /// the reporter's own colour codes reach the terminal or the CI log.
        static func sanitised(_ finding: Finding) -> Finding {
            var f = finding
            f.message = Terminal.sanitise(f.message)
            f.path = Terminal.sanitise(f.path)
            f.suggestion = f.suggestion.map(Terminal.sanitise)
            return f
        }

        /// Where findings go: every format is written as each file is done, so a run keeps
        /// neither the findings nor the files' text (SARIF reads each file's text only while its
        /// findings are written).
        final class LintOutput {
            private(set) var counts = LintCounts()
            private var empty = true
            private let reporter: any StreamingLintReporter
            private let sanitise: Bool
            private let out = OutputBuffer()

            init(format: Format) {
                switch format {
                case .text: reporter = TextReporter(colour: Terminal.colourOut)
                case .github: reporter = GitHubReporter()
                case .json: reporter = JSONReporter()
                case .sarif: reporter = SARIFReporter()
                }
                // Text and annotations reach a terminal or a CI log; JSON escapes control characters itself.
                sanitise = format == .text || format == .github
                out.write(reporter.header)
            }

            /// True when ``add(_:source:)`` needs each file's text.
            var needsSource: Bool { reporter.needsSource }

            /// One file's findings, in reporting order, and its text when ``needsSource``.
            func add(_ findings: [Finding], source: String?) {
                counts.add(findings)
                guard !findings.isEmpty else { return }
                out.write(reporter.findings(sanitise ? findings.map(Lint.sanitised) : findings, source: source, first: empty))
                empty = false
            }

            /// Writes the closing part: the summary line, or the end of the JSON or SARIF document.
            func finish(fileCount: Int) -> LintCounts {
                counts.files = fileCount
                out.write(reporter.end(counts, empty: empty))
                out.flush()
                return counts
            }
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
            var filePaths = paths.filter { $0 != "-" }
            if paths.isEmpty { filePaths = global.inputPaths([], configuration: configuration) }
            // Documents go through in path order, the order findings are reported in, so each
            // file's findings (corpus-wide ones included) can be printed as soon as it is done
            // and nothing but a path and an id per document is kept.
            var inputs: [InputFile] = []
            if !filePaths.isEmpty {
                inputs = InputDiscovery.expand(filePaths, ignore: configuration.ignore, relativeTo: configuration.rootDirectory)
            }
            var stdinDocument: ReadDocument? = nil
            if paths.contains("-") {
                let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                stdinDocument = DocumentReader.read(bytes, path: stdinFilename ?? "<stdin>", options: options)
            }
            inputs.sort { $0.path < $1.path }
            var corpus = CorpusIndex(paths: inputs.map(\.path) + (stdinDocument.map { [$0.postmortem.path] } ?? []))
            let fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
            let output = LintOutput(format: format)

            /// Everything about one document that outlives the worker: its findings and record.
            func finish(_ findings: [Finding], _ record: Postmortem, _ source: String?) {
                var all = findings + linter.lintCorpus(record, in: corpus, fileExists: fileExists)
                all.sort(by: Finding.reportingOrder)
                corpus.remember(record)
                output.add(all, source: source)
            }
            // SARIF needs each file's text to convert byte columns to code points.
            let keepSource = output.needsSource
            var pendingStdin = stdinDocument.map { (linter.lint($0, today: date), $0.postmortem, keepSource ? $0.source : nil) }
            /// Hands over stdin's result when its turn in path order comes.
            func deliverStdin(before path: String?) {
                guard let result = pendingStdin, path.map({ result.1.path < $0 }) ?? true else { return }
                pendingStdin = nil
                finish(result.0, result.1, result.2)
            }
            DocumentLoader.forEach(inputs, options: options, { document in
                (linter.lint(document, today: date), document.postmortem.corpusRecord, keepSource ? document.source : nil)
            }) { _, result in
                deliverStdin(before: result.1.path)
                finish(result.0, result.1, result.2)
            }
            deliverStdin(before: nil)
            let report = output.finish(fileCount: inputs.count + (stdinDocument == nil ? 0 : 1))
            if report.errors > 0 || (strict && report.warnings > 0) { throw ExitCode.failure }
        }
    }
}
