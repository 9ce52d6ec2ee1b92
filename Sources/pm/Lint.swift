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

        /// Where findings go: text and GitHub annotations are written as each file is done;
        /// JSON and SARIF, each one document, are collected and written at the end.
        final class LintOutput {
            let format: Format
            private(set) var errors = 0
            private(set) var warnings = 0
            private var notes = 0
            private var kept: [Finding] = []
            /// For SARIF, the source lines its findings point at.
            private var sources = SARIFReporter.ColumnSources()
            private let out = OutputBuffer()
            private let text = TextReporter(colour: Terminal.colourOut)

            init(format: Format) { self.format = format }

            /// One file's findings, in reporting order.
            func add(_ findings: [Finding], path: String, source: String?) {
                for finding in findings {
                    switch finding.severity {
                    case .error: errors += 1
                    case .warning: warnings += 1
                    case .info: notes += 1
                    }
                }
                switch format {
                case .text: out.write(text.findings(findings.map(Lint.sanitised)))
                case .github: out.write(GitHubReporter().findings(findings.map(Lint.sanitised)))
                case .json, .sarif:
                    kept += findings
                    if let source { sources.add(source, path: path, findings: findings) }
                }
            }

            /// Writes what is left: the summary line, or the whole JSON or SARIF document.
            func finish(fileCount: Int) -> LintOutput {
                let summary = LintReport.summary(errors: errors, warnings: warnings, notes: notes, files: fileCount)
                switch format {
                case .text: out.write(text.end(summary: summary))
                case .github: out.write(GitHubReporter().end(summary: summary))
                case .json: out.write(JSONReporter().render(LintReport(findings: kept, fileCount: fileCount, sources: sources.sources)))
                case .sarif: out.write(SARIFReporter().render(LintReport(findings: kept, fileCount: fileCount, sources: sources.sources)))
                }
                out.flush()
                return self
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
                output.add(all, path: record.path, source: source)
            }
            // SARIF needs each file's text to convert byte columns to code points.
            let keepSource = format == .sarif
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
