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
                Reads each file (directories recursively, .md and .markdown files, skipping pm.yml's `ignore` globs \
                and a README that indexes the postmortems beside or below it: docs/lint.md) \
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
        @Option(help: ArgumentHelp("The date overdue actions and dates in the future are measured against (default: today in pm.yml's timezone).", valueName: "YYYY-MM-DD"))
        var today: String?
        @Option(help: ArgumentHelp("The path to report for a document read from stdin (`-`, which it needs); that file, if also reached, is not read from disk.", valueName: "path"))
        var stdinFilename: String?
        @Flag(help: ArgumentHelp("Skip a named file that a walk of pm.yml's postmortems and templates directories would not read (outside them, matched by `ignore`, not Markdown, a README index), as ruff and black do; for pre-commit, which names every staged file its hook matches."))
        var forceExclude = false
        @Argument(help: ArgumentHelp("Postmortem files or directories; `-` for stdin.", valueName: "path")) var paths: [String] = []

        /// A finding with control characters from documents (and their paths) escaped, so only
        /// the reporter's own colour codes reach the terminal or the CI log. Each is one line of
        /// the output: a line break in a quoted value is written `\n`.
        static func sanitised(_ finding: Finding) -> Finding { escaping(finding, with: Terminal.sanitiseLine) }

        /// ``sanitised(_:)`` for workflow commands, whose reporter percent-encodes line breaks and
        /// carriage returns (`%0A`, `%0D`, which the runner reads back) and where no value starts a
        /// line: a file named with a line break is named as it is, not as `\n`.
        static func sanitisedForCommands(_ finding: Finding) -> Finding {
            escaping(finding) { TerminalEscaping.escape($0, inertCommands: false, carriageReturns: false) }
        }

        /// `finding` with its message, path and suggestion passed through `escape`.
        private static func escaping(_ finding: Finding, with escape: (String) -> String) -> Finding {
            var f = finding
            f.message = escape(f.message)
            f.path = escape(f.path)
            f.suggestion = f.suggestion.map(escape)
            return f
        }

        /// Where findings go: every format is written as each file is done, so a run keeps
        /// neither the findings nor the files' text. Each finding's text is made on the worker
        /// that linted its file (``Writer/elements(_:source:)``); this only puts them in order.
        final class LintOutput {
            private(set) var counts = LintCounts()
            private var empty = true
            let writer: Writer
            private let out = OutputBuffer()

            /// The format's reporter, and whether findings are escaped for a terminal first.
            struct Writer: Sendable {
                let reporter: any StreamingLintReporter
                /// How findings are escaped before the reporter writes them; nil for JSON and
                /// SARIF, which escape control characters themselves.
                let sanitise: (@Sendable (Finding) -> Finding)?

                /// The written form of each of one file's findings, in their order; `source` is
                /// the file's text, which SARIF needs for its columns.
                func elements(_ findings: [Finding], source: String?) -> [String] {
                    reporter.elements(sanitise.map { findings.map($0) } ?? findings, source: source)
                }
            }

            /// `configurationDirectory`: pm.yml's folder, where the repository's root is looked
            /// for first (a run from the folder above a checkout, with `--config`, had found none).
            init(format: Format, configurationDirectory: String?) {
                let reporter: any StreamingLintReporter = switch format {
                case .text: TextReporter(colour: Terminal.colourOut)
                case .github: GitHubReporter()
                case .json: JSONReporter()
                case .sarif: SARIFReporter()
                }
                // Text and annotations reach a terminal or a CI log; JSON escapes control characters itself.
                var sanitise: (@Sendable (Finding) -> Finding)? = format == .text ? Lint.sanitised : format == .github ? Lint.sanitisedForCommands : nil
                // GitHub reads the paths of annotations and SARIF from the repository's root:
                // they are made relative to it when pm runs in a folder of the repository, and
                // so are the paths of other files a finding names in its message.
                let here = FileManager.default.currentDirectoryPath
                let exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
                if format == .github || format == .sarif,
                   let root = configurationDirectory.flatMap({ FilePaths.repositoryRoot(above: FilePaths.absolute($0, in: here), exists: exists) })
                    ?? FilePaths.repositoryRoot(above: here, exists: exists) {
                    let escape = sanitise
                    sanitise = { finding in
                        // Before the escaping, which sets the message as it will be written.
                        let rebased = FilePaths.inside(root, finding, base: here)
                        return escape?(rebased) ?? rebased
                    }
                }
                writer = Writer(reporter: reporter, sanitise: sanitise)
                out.write(reporter.header)
            }

            /// One file's findings, in reporting order, with their ``Writer/elements(_:source:)``.
            func add(_ findings: [Finding], elements: [String]) {
                counts.add(findings)
                guard !elements.isEmpty else { return }
                // A thousand at a time: one string of a hostile file's 400,000 findings had been
                // a copy of all of them.
                for start in stride(from: 0, to: elements.count, by: 1000) {
                    out.write(writer.reporter.join(Array(elements[start..<min(start + 1000, elements.count)]), first: empty && start == 0))
                }
                empty = false
            }

            /// Writes the closing part: the summary line, or the end of the JSON or SARIF document.
            func finish(fileCount: Int) -> LintCounts {
                counts.files = fileCount
                out.write(writer.reporter.end(counts, empty: empty))
                out.flush()
                return counts
            }
        }

        /// The arguments' own checks, before pm.yml is read: usage errors (exit 2) with the usage line.
        func validate() throws {
            if let today, CalendarDate(today) == nil {
                throw ValidationError("--today \(Terminal.sanitiseLine(today)) is not a date; write it as YYYY-MM-DD")
            }
            if paths.filter({ $0 == "-" }).count > 1 {
                throw ValidationError("`-` (stdin) can be given only once")
            }
            if let stdinFilename, stdinFilename.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                // Findings would name no file (":20:52:"), and SARIF would carry an empty uri.
                throw ValidationError("--stdin-filename must name a path, not be blank")
            }
            if stdinFilename != nil, !paths.contains("-") {
                // An editor set up without `-` got the findings of the whole folder, for another file.
                throw ValidationError("--stdin-filename names the document read from stdin: give `-` among the paths")
            }
        }

        func run() throws {
            let givenDate = today.flatMap(CalendarDate.init)
            let configuration = try global.loadConfiguration()
            let date = givenDate ?? Clock.today(in: ZoneResolver(configuration.timezone) ?? .utc)
            let linter: Linter
            do {
                linter = try Linter(configuration: configuration)
            } catch {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
            let options = ReadOptions(configuration: configuration)
            var filePaths = paths.filter { $0 != "-" }
            if paths.isEmpty { filePaths = global.inputPaths([], configuration: configuration) }
            if forceExclude, !paths.isEmpty, !filePaths.isEmpty {
                let templates = FilePaths.relative(configuration.resolvedTemplatesDirectory, from: FileManager.default.currentDirectoryPath)
                let directories = global.inputPaths([], configuration: configuration) + [templates]
                if let kept = InputDiscovery.keepingWalked(filePaths, directories: directories,
                                                           ignore: configuration.ignore, relativeTo: configuration.rootDirectory) {
                    filePaths = kept
                } else {
                    Terminal.note(Terminal.sanitiseLine("pm: note: --force-exclude: neither \(directories[0]) nor \(templates) is a directory here (is pm.yml elsewhere? give --config), so no named file is skipped"))
                }
            }
            // Documents go through in path order, the order findings are reported in, so each
            // file's findings (corpus-wide ones included) can be printed as soon as it is done
            // and nothing but a path and an id per document is kept.
            var inputs: [InputFile] = []
            if !filePaths.isEmpty {
                inputs = InputDiscovery.expand(filePaths, ignore: configuration.ignore, relativeTo: configuration.rootDirectory)
            }
            var stdinDocument: ReadDocument? = nil
            if paths.contains("-") {
                stdinDocument = DocumentLoader.readStream(STDIN_FILENO, path: stdinFilename ?? "<stdin>", options: options)
                // An editor's buffer stands for the file it names: that file is not read as well
                // (it would be a duplicate of its own id).
                if let named = stdinFilename.flatMap(InputDiscovery.FileIdentity.init) {
                    inputs.removeAll { $0.problem == nil && InputDiscovery.FileIdentity($0.path) == named }
                }
            }
            inputs.sort { InputDiscovery.pathPrecedes($0.path, $1.path) }
            var corpus = CorpusIndex(paths: inputs.map(\.path) + (stdinDocument.map { [$0.postmortem.path] } ?? []))
            let fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
            let output = LintOutput(format: format, configurationDirectory: configuration.rootDirectory)

            /// What a worker hands on for one document: its findings with their written form, its
            /// record for the corpus-wide rules, and its text if a corpus-wide finding needs it.
            struct Linted: Sendable {
                var findings: [Finding]
                var elements: [String]
                var record: Postmortem
                var source: String?
                /// Set for a file of invalid UTF-8 when columns are bytes of the file.
                var invalidUTF8: InvalidUTF8Columns?
            }
            // SARIF needs each file's text to convert byte columns to code points.
            let writer = output.writer
            let keepSource = writer.reporter.needsSource
            let fileColumns = writer.reporter.columnsAreFileBytes
            let lint: @Sendable (ReadDocument) -> Linted = { document in
                var findings = linter.lint(document, today: date)
                if fileColumns { findings = document.fileColumns(findings) }
                return Linted(findings: findings, elements: writer.elements(findings, source: document.source),
                              record: document.postmortem.corpusRecord, source: keepSource ? document.source : nil,
                              invalidUTF8: fileColumns ? document.invalidUTF8 : nil)
            }
            /// Adds the corpus-wide findings, puts everything in reporting order (sorting the
            /// findings as the whole list would be sorted) and writes it.
            func finish(_ linted: Linted) {
                var corpusFindings = linter.lintCorpus(linted.record, in: corpus, fileExists: fileExists)
                if let columns = linted.invalidUTF8 { corpusFindings = columns.fileColumns(corpusFindings) }
                corpus.remember(linted.record)
                // Almost always: nothing to add, and already in order, so no copies.
                let findings = linted.findings
                if corpusFindings.isEmpty, findings.indices.dropFirst().allSatisfy({ !Finding.reportingOrder(findings[$0], findings[$0 - 1]) }) {
                    output.add(findings, elements: linted.elements)
                    return
                }
                var all = Array(zip(linted.findings, linted.elements))
                all += zip(corpusFindings, writer.elements(corpusFindings, source: linted.source))
                all.sort { Finding.reportingOrder($0.0, $1.0) }
                output.add(all.map(\.0), elements: all.map(\.1))
            }
            var pendingStdin = stdinDocument.map(lint)
            /// Hands over stdin's result when its turn in path order comes.
            func deliverStdin(before path: String?) {
                guard let result = pendingStdin, path.map({ InputDiscovery.pathPrecedes(result.record.path, $0) }) ?? true else { return }
                pendingStdin = nil
                finish(result)
            }
            DocumentLoader.forEach(inputs, options: options, lint) { _, result in
                deliverStdin(before: result.record.path)
                finish(result)
            }
            deliverStdin(before: nil)
            let report = output.finish(fileCount: inputs.count + (stdinDocument == nil ? 0 : 1))
            if report.errors > 0 || (strict && report.warnings > 0) { throw ExitCode.failure }
        }
    }
}
