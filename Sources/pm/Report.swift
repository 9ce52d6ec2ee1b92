import ArgumentParser
import Dispatch
import Foundation
import PostmortemKit

extension PM {
    /// `pm report`: the quarterly review as a static HTML site.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write the quarterly incident review as a static HTML site.",
            discussion: """
                Writes index.html (headline figures beside the previous period, one error-budget \
                staircase per SLO, budget burned by cause, the incident table, repeat incidents, \
                follow-up tracking and lint health), one page per postmortem under incidents/, \
                staircase.csv (as `pm budget --format csv`) and data.json. Pages are self-contained: \
                inline CSS and SVG, no JavaScript, no network; the images postmortems show from the \
                repository are copied to assets/ (a warning names each one that is not). Output is \
                byte-identical for the same input, so it can be reviewed in git.

                Templates come from templates/report/ next to pm.yml when it exists (re-brand the \
                report there), else from the copies built into pm. The site is written to a \
                temporary sibling of --out and renamed into place; an existing --out is replaced only \
                if it holds a previous report (a .pm-report marker). Prints the path of index.html. \
                See docs/report.md.

                With no period, reports the latest complete quarter before --today. Impact the \
                budget could not count is listed under the budgets table and on stderr; inputs that \
                are no postmortems (an empty or binary file) get no page, with a warning on stderr.

                Exit codes: 0 success; 1 when the report could not be written; 2 for usage or \
                configuration errors.
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var periodOptions: PeriodOptions
        @Option(help: ArgumentHelp("The output directory; default: build/report beside pm.yml (or in the current directory without one).",
                                   valueName: "dir"))
        var out: String?
        @Option(help: ArgumentHelp("The report's title; default: \"Incident review <period>\".", valueName: "text"))
        var title: String?
        @Argument(help: ArgumentHelp("Postmortem files or directories; default: the postmortems directory from pm.yml.",
                                     valueName: "path"))
        var paths: [String] = []

        func validate() throws {
            if out?.isEmpty == true { throw ValidationError("--out must not be empty.") }
            try Terminal.requireUTF8(out, option: "--out")
        }

        func run() throws {
            let configuration = try global.loadConfiguration()
            // pm.yml's directory, absolute: the report names each file relative to it from
            // anywhere (run inside `postmortems/`, paths had been `./b.md`, and a link
            // `../postmortems/a.md` climbing out of it was a false PM060), copies images from it,
            // and writes beside it by default (run from `postmortems/`, the report had been
            // written into `postmortems/build/report`).
            let current = FileManager.default.currentDirectoryPath
            let root = FilePaths.absolute(configuration.rootDirectory ?? current, in: current)
            let out = self.out ?? FilePaths.relative(root + "/build/report", from: current)
            let zone = ZoneResolver(configuration.timezone) ?? .utc
            let day = periodOptions.day(in: zone)
            let period = periodOptions.period(in: zone, today: day)
            try periodOptions.requireFewEnoughWindows(slos: configuration.slos, period: period)
            // The classification section as pm.yml's reader read (and checked) it.
            let settings = configuration.classification ?? ClassificationSettings()
            let classifier = Classifier(settings: settings)
            let linter: Linter
            let templates: ReportTemplates
            do {
                linter = try Linter(configuration: configuration)
            } catch {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
            do {
                templates = try ReportTemplates.forProject(configuration)
            } catch {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
            if let missing = configuration.missingTemplatesWarning { Terminal.warning(configuration.path ?? "pm.yml", nil, missing) }
            for warning in templates.warnings { Terminal.note(Terminal.sanitiseLine("pm: warning: \(warning)")) }

            let roots = global.inputPaths(paths, configuration: configuration)
            // Absolute, as pm.yml's directory is.
            let absoluteRoots = roots.map { FilePaths.absolute($0, in: current) }
            let inputs = InputDiscovery.expand(absoluteRoots, ignore: configuration.ignore, relativeTo: configuration.rootDirectory)
            // A path given (or pm.yml's `postmortems:`) that does not exist is most likely a typo:
            // a report without it would replace the previous one with an empty or partial review.
            // A note is no reason to stop: a directory given twice is read once (`pm report p p`
            // had written no report), and a directory named `x.md` is read as a directory.
            let missing = zip(roots, absoluteRoots).compactMap { given, absolute in
                inputs.lazy.compactMap { $0.path == absolute ? $0.problem : nil }.first { $0.severity >= .warning }.map { (given, $0) }
            }
            if !missing.isEmpty {
                for (given, problem) in missing {
                    Terminal.error("\(given): \(problem.message); no report written")
                }
                throw ExitCode.failure
            }
            let options = ReportOptions(period: period, today: day, title: title, zone: zone,
                                        repeatWindowDays: settings.repeatWindowDays)

            // The site is staged in a sibling of --out from the start: a wrong --out fails before
            // any document is read, page bodies wait there instead of in memory, and pages are
            // written as they are rendered. Ctrl-C removes the staging directory, so an
            // interrupted run leaves neither a partial report nor litter beside it; so does every
            // other signal that ends a process and may come while it writes: a hang-up (the
            // terminal closed), a quit, a broken pipe (`pm report 2>&1 | head`), the file size
            // limit (`ulimit -f`), timers and the user signals, which had left it behind.
            let staging = ReportWriter.Staging()
            //
            // A signal the caller ignores stays ignored (`nohup pm report`, or a script's background
            // job, whose SIGINT and SIGQUIT the shell ignores): pm had taken each one over.
            var previous: [(signal: Int32, handler: sighandler_t?)] = []
            var interrupts: [DispatchSourceSignal] = []
            for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXFSZ, SIGXCPU, SIGALRM, SIGVTALRM, SIGUSR1, SIGUSR2] {
                let handler = signal(signalNumber, SIG_IGN)
                if unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
                previous.append((signalNumber, handler))
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    let written = staging.cancel()
                    Terminal.note(written ? "pm: interrupted; the report had been written" : "pm: interrupted; no report written")
                    // pm dies of the signal, as the caller expects: a shell loop stops at Ctrl-C
                    // only when its command was ended by SIGINT, not when it exited 130. Raised
                    // on this thread with the signal unblocked (libdispatch's threads block it,
                    // and a signal sent to the process raced the exit below; the review).
                    signal(signalNumber, SIG_DFL)
                    var only = sigset_t()
                    sigemptyset(&only)
                    sigaddset(&only, signalNumber)
                    pthread_sigmask(SIG_UNBLOCK, &only, nil)
                    raise(signalNumber)
                    Foundation.exit(128 + signalNumber)
                }
                source.resume()
                interrupts.append(source)
            }
            // Once the report is in place (or the run failed) each signal does what it did before:
            // a broken pipe while the path is printed (`pm report | true`) ends pm as it ends
            // other commands. Called again by the defer on the way out, which changes nothing.
            func restoreSignals() {
                interrupts.forEach { $0.cancel() }
                for (signalNumber, handler) in previous { signal(signalNumber, handler) }
            }
            defer { restoreSignals() }
            let review: QuarterlyReview
            let skippedImages: [(asset: ReportAsset, reason: String)]
            let leftBehind: String?
            do {
                // Images pages show are copied from pm.yml's directory (the repository) only.
                let stage = try ReportWriter.Stage(directory: out, staging: staging, assetRoot: root)
                defer { stage.discard() }
                let progress = ProgressLine(total: inputs.count)
                let corpus: ReportGenerator.SpilledCorpus
                do {
                    defer { progress.finish() }
                    // Consumed: the inputs' paths are freed once read (the corpus keeps no paths),
                    // before the review, when memory peaks.
                    corpus = try ReportGenerator.read(consume inputs, configuration: configuration, classifier: classifier, linter: linter,
                                                      today: day,
                                                      pathsRelativeTo: root,
                                                      into: stage, progress: progress.isShown ? progress.update : nil)
                }
                // A directory named `x.md` (a note: its files are read) is not worth a warning.
                for finding in corpus.leftOut where finding.severity >= .warning {
                    Terminal.warning(finding.path, finding.range, "\(finding.message); not a postmortem, left out of the report")
                }
                // As `pm budget` prints them: a reading error may leave impact uncounted.
                for finding in corpus.readingErrors {
                    Terminal.warning(finding.path, finding.range, ProblemCode(rawValue: finding.ruleID)?.impactWarning(finding.message) ?? finding.message)
                }
                review = try ReportGenerator.write(corpus, configuration: configuration, classifier: classifier,
                                                   options: options, templates: templates, to: stage)
                skippedImages = stage.skippedAssets
                try stage.commit()
                leftBehind = stage.leftBehind
                restoreSignals()
            } catch {
                Terminal.error(error.description)
                throw ExitCode.failure
            }
            // Sorted: pages are written on several threads.
            for (asset, reason) in skippedImages.sorted(by: { ($0.asset.document, $0.asset.source) < ($1.asset.document, $1.asset.source) }) {
                Terminal.warning(asset.document, nil, "image `\(asset.source)` is not in the report (\(reason)); its page says so in its place")
            }
            Terminal.warnings(review.budget.notes)
            if let leftBehind {
                Terminal.note(Terminal.sanitiseLine("pm: warning: the previous report could not be removed; it is in \(leftBehind): remove it by hand"))
            }
            let index = (out as NSString).appendingPathComponent("index.html")
            Terminal.out(Terminal.sanitisePath(index))
        }
    }
}

extension PM.Report {
    /// A `read 120/5000` line on stderr, rewritten in place, only for large inputs on a terminal.
    final class ProgressLine: @unchecked Sendable {
        /// Inputs below this are read too fast for a progress line to help.
        static let threshold = 200
        let total: Int
        let isShown: Bool
        private let lock = NSLock()
        private var lastShown = 0

        init(total: Int) {
            self.total = total
            isShown = total >= Self.threshold && isatty(STDERR_FILENO) == 1
        }

        func update(_ done: Int) {
            lock.lock()
            defer { lock.unlock() }
            guard done - lastShown >= 25 || done == total else { return }
            lastShown = done
            StandardStreams.error("\rpm: read \(done)/\(total) postmortems")
        }

        func finish() {
            if isShown { StandardStreams.error("\r\u{1B}[K") }
        }
    }
}
