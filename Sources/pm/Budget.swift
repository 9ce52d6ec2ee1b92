import ArgumentParser
import Foundation
import PostmortemKit

extension PM {
    /// `pm budget`: error budgets of the configured SLOs, with the staircase of each window.
    struct Budget: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "budget",
            abstract: "Show the error budget of each SLO window and the staircase of incidents that spent it.",
            discussion: """
                Budget for a window = window length × (1 − objective). Each incident burns \
                (mitigated − started) × bad_fraction of every SLO in its `impact`, or the \
                `budget_minutes` it declares; an incident that spans a window boundary is split \
                between the windows. Windows are calendar months or quarters in pm.yml's timezone, \
                or consecutive N-day windows for rolling SLOs. With no period, reports the latest \
                complete quarter before --today. CSV and JSON shapes: docs/budget.md.

                Exit codes: 0 success; 1 when a file could not be read (the rest is still reported); \
                2 for usage and configuration errors (including --slo naming an undefined SLO).
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("slo"), help: ArgumentHelp("Only this SLO (repeatable).", valueName: "id"))
        var sloIDs: [String] = []
        @OptionGroup var periodOptions: PeriodOptions
        @Option(help: "Output format: text, csv or json.") var format: Format = .text
        @Argument(help: ArgumentHelp("Postmortem files or directories; default: the postmortems directory from pm.yml.",
                                     valueName: "path"))
        var paths: [String] = []

        func run() throws {
            let configuration = try global.loadConfiguration()
            let zone = ZoneResolver(configuration.timezone) ?? .utc
            var slos = configuration.slos
            if !sloIDs.isEmpty {
                let unknown = sloIDs.filter { configuration.slo($0) == nil }
                if !unknown.isEmpty {
                    let known = configuration.slos.map(\.id).joined(separator: ", ")
                    Terminal.error("no SLO \(unknown.joined(separator: ", ")) in pm.yml (defined: \(known.isEmpty ? "none" : known))")
                    throw ExitCode(2)
                }
                slos = slos.filter { sloIDs.contains($0.id) }
            }
            let day = periodOptions.day(in: zone)
            let period = periodOptions.period(in: zone, today: day)
            try periodOptions.requireFewEnoughWindows(slos: slos, period: period)
            let inputs = InputDiscovery.expand(global.inputPaths(paths, configuration: configuration),
                                               ignore: configuration.ignore, relativeTo: configuration.rootDirectory)
            let records = DocumentLoader.map(inputs, options: ReadOptions(configuration: configuration)) { $0.postmortem }
            var failed = false
            for record in records {
                for problem in record.problems where problem.severity == .error {
                    failed = true
                    // Front matter that cannot be read takes any impact it held with it.
                    Terminal.error(record.path, problem.range, problem.code.impactWarning(problem.message))
                }
            }
            // Each incident's burns are its own even when two documents share an id (PM061).
            let report = BudgetReport(slos: slos, records: IncidentIDs.unique(records), period: period, zone: zone,
                                      timezone: configuration.timezone, today: day,
                                      definedSLOs: sloIDs.isEmpty ? nil : configuration.slos)
            switch format {
            case .text: Terminal.out(Terminal.sanitise(BudgetTextRenderer.render(report, zone: zone)), terminator: "")
            case .csv: Terminal.out(BudgetCSVRenderer.render(report, zone: zone), terminator: "")
            case .json: Terminal.out(JSONOutput.encode(report))
            }
            if format != .text { Terminal.warnings(report.notes) }
            if failed { throw ExitCode.failure }
        }
    }
}
