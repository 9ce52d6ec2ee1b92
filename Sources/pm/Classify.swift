import ArgumentParser
import Foundation
import PostmortemKit

extension PM {
    /// `pm classify`: cause categories of incidents, grouped, with budget burned and repeats.
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classify",
            abstract: "Classify incidents by cause and group them with the error budget each group burned.",
            discussion: """
                Declared `causes:` and factors labelled with a category (**Config:**) win; otherwise \
                the factors, trigger, summary and body are scored against each category's weighted \
                vocabulary (negation-aware). Groups are listed in Pareto order of budget burned, \
                with the median time to mitigate and the repeat incidents (same service and primary \
                cause within pm.yml's classification.repeat_window_days, default 90). \
                --evaluate measures the classifier on documents that declare causes, with the \
                declarations hidden from it. Shapes and the pm.yml section: docs/classify.md.

                Exit codes: 0 success; 1 when a file could not be read (the rest is still \
                reported); 2 for usage and configuration errors.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("group-by"), help: "Group by cause, service or severity.")
        var groupBy: GroupingDimension = .cause
        @Option(help: "Output format: text, json or csv.") var format: Format = .text
        @Option(name: .customLong("repeat-window"),
                help: ArgumentHelp("Days within which the same service and cause count as a repeat; default: pm.yml's classification.repeat_window_days, else 90.",
                                   valueName: "days"))
        var repeatWindow: Int?
        @Flag(help: "Show the phrases that decided each incident's categories.") var explain = false
        @Flag(help: "Compare inferred categories with declared causes: precision, recall and a confusion table.")
        var evaluate = false
        @Argument(help: ArgumentHelp("Postmortem files or directories; default: the postmortems directory from pm.yml.",
                                     valueName: "path"))
        var paths: [String] = []

        func validate() throws {
            if evaluate, format == .csv { throw ValidationError("--evaluate prints text or json, not csv.") }
            if let repeatWindow, !(1...3650).contains(repeatWindow) {
                throw ValidationError("--repeat-window must be between 1 and 3650 days, not \(repeatWindow).")
            }
        }

        func run() throws {
            let configuration = try global.loadConfiguration()
            // The classification section as pm.yml's reader read (and checked) it.
            var settings = configuration.classification ?? ClassificationSettings()
            if let repeatWindow { settings.repeatWindowDays = repeatWindow }
            let classifier = Classifier(settings: settings)
            let options = ReadOptions(configuration: configuration)
            let inputs = InputDiscovery.expand(global.inputPaths(paths, configuration: configuration),
                                               ignore: configuration.ignore, relativeTo: configuration.rootDirectory)
            // A report classifies each document on the workers, while its text is at hand, and
            // keeps the classification, not the text. `--evaluate` infers from the texts later, so
            // it keeps them.
            let evaluate = evaluate
            let read = DocumentLoader.map(inputs, options: options) { document in
                (record: document.postmortem, source: evaluate ? document.source : nil,
                 classification: evaluate ? nil : classifier.classify(document.postmortem, source: document.source))
            }
            var failed = false
            for (record, _, _) in read {
                for problem in record.problems where problem.severity == .error {
                    failed = true
                    Terminal.error(record.path, problem.range, problem.message)
                }
                // An empty file's problem is a warning: say why it is not among the incidents,
                // as `pm report` does.
                if !record.isDocument, !record.problems.contains(where: { $0.severity == .error }),
                   let problem = record.problems.first(where: { $0.severity >= .warning }) {
                    Terminal.warning(record.path, problem.range, "\(problem.message); not a postmortem, left out")
                }
            }
            // Inputs that are no documents (empty, binary, a directory named `x.md`) are no
            // incidents: each had counted as one of cause "unknown". Their problems are printed above.
            let documents = read.filter { $0.record.isDocument }
            // Each incident's cause and burns are its own even when two documents share an id (PM061).
            let records = IncidentIDs.unique(documents.map(\.record))
            let classifications = zip(documents, records).compactMap { document, record in
                document.classification.map { classification in
                    var classification = classification
                    classification.incident = record.id
                    return classification
                }
            }
            if evaluate {
                let evaluation = ClassifierEvaluation(classifier: classifier, documents: documents.map { ($0.record, $0.source) })
                if evaluation.documents == 0 {
                    Terminal.note("pm: warning: no document declares `causes:`, so there is nothing to evaluate against")
                }
                Terminal.out(format == .json ? JSONOutput.encode(evaluation) : Terminal.sanitise(CauseTextRenderer.render(evaluation)),
                      terminator: format == .json ? "\n" : "")
            } else {
                let zone = ZoneResolver(configuration.timezone) ?? .utc
                let burns = ErrorBudgetCalculator.burns(slos: configuration.slos, records: records, zone: zone)
                let report = CauseReport(records: records, classifications: classifications,
                                         repeatWindowDays: classifier.settings.repeatWindowDays, burns: burns, groupBy: groupBy,
                                         slos: configuration.slos, zone: zone)
                switch format {
                case .text: Terminal.out(Terminal.sanitise(CauseTextRenderer.render(report, explain: explain)), terminator: "")
                case .json: Terminal.out(JSONOutput.encode(report))
                case .csv: Terminal.out(CauseCSVRenderer.render(report), terminator: "")
                }
                if format != .text { Terminal.warnings(report.notes) }
            }
            if failed { throw ExitCode.failure }
        }
    }
}

extension GroupingDimension: ExpressibleByArgument {}
