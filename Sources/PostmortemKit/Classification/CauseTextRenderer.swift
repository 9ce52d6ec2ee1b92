/// `pm classify`'s text output: the group table, the repeat incidents, then each incident's
/// categories (with the deciding phrases under `--explain`). The caller escapes it for the terminal.
public enum CauseTextRenderer {
    /// Renders the report.
    /// - Parameters:
    ///   - report: What to show.
    ///   - explain: Also list the evidence behind each incident's categories.
    public static func render(_ report: CauseReport, explain: Bool) -> String {
        // An `unknown` primary is no inference (the second review).
        let unknown = report.classifications.filter { !$0.declared && $0.primary == "unknown" }.count
        let inferred = report.classifications.filter { !$0.declared }.count - unknown
        let count = report.classifications.count
        var out = "\(count) incident\(count == 1 ? "" : "s") by \(report.groupBy.rawValue)"
        out += " (\(count - inferred - unknown) with declared causes or labelled factors, \(inferred) inferred from text"
        out += (unknown > 0 ? ", \(unknown) unknown" : "") + ")\n\n"
        let keyWidth = max(report.groupBy.rawValue.count, report.groups.map { TerminalEscaping.oneLine($0.key).count }.max() ?? 0)
        out += pad(report.groupBy.rawValue, keyWidth) + "  incidents  burned min   share  cumulative  median TTM  burned per SLO\n"
        // Shares of nothing are no shares: with no budget burned every row had read 0.0% of it,
        // and the order, which is then by incidents, looked like a Pareto order of burn (the
        // classifier audit of stop 49).
        let burnedAny = report.groups.contains { $0.burnedMinutes > 0 }
        for group in report.groups {
            var row = pad(TerminalEscaping.oneLine(group.key), keyWidth)
            row += left(String(group.count), 11)
            row += left(SpreadsheetCell.minutes(group.burnedMinutes), 12)
            row += left(burnedAny ? Self.percent(group.burnShare) : "-", 8)
            row += left(burnedAny ? Self.percent(group.cumulativeShare) : "-", 12)
            row += left(group.medianMinutesToMitigate.map { SpreadsheetCell.fixed($0, decimals: 0) + " min" } ?? "-", 11)
            let bySLO = group.burnedMinutesBySLO.sorted { $0.key < $1.key }
                .map { "\(TerminalEscaping.oneLine($0.key)) \(SpreadsheetCell.minutes($0.value))" }
            row += "  " + (bySLO.isEmpty ? "-" : bySLO.joined(separator: ", "))
            out += row + "\n"
        }
        if !burnedAny, !report.groups.isEmpty {
            out += "\nNo error budget burned: no `impact:` of these incidents was counted against an SLO of pm.yml; groups are in order of incidents.\n"
        }
        if !report.notes.isEmpty {
            out += "\nBurned minutes leave out or assume:\n"
            for note in report.notes { out += TerminalEscaping.oneLine("  \(note.incident) (\(note.slo)): \(note.message)") + "\n" }
        }
        out += "\nRepeat incidents (same service and primary cause within \(report.repeatWindowDays) days): "
        if report.repeats.isEmpty {
            let reason = report.classifications.isEmpty ? nil : CauseGrouping.noRepeatReason(candidates: report.repeatCandidates)
            out += reason.map { "none found: \($0)\n" } ?? "none\n"
        } else {
            out += "\(report.repeats.count)\n"
            for item in report.repeats {
                out += TerminalEscaping.oneLine("  \(item.incident) repeats \(item.previous) (\(item.service), \(item.cause), ")
                out += "\(SpreadsheetCell.fixed(item.daysApart, decimals: 0)) days later)\n"
            }
        }
        out += "\nIncidents:\n"
        let idWidth = report.classifications.map { TerminalEscaping.oneLine($0.incident).count }.max() ?? 0
        for classification in report.classifications {
            let categories = classification.categories.map { score in
                classification.declared ? score.category : "\(score.category) \(SpreadsheetCell.fixed(score.confidence, decimals: 2))"
            }
            out += "  " + pad(TerminalEscaping.oneLine(classification.incident), idWidth) + "  " + categories.joined(separator: ", ")
            // A tie is decided by the strongest piece of evidence, then the taxonomy's order, which
            // the numbers alone did not say (the classifier audit of stop 49: "security 0.21,
            // config 0.21, process 0.21").
            let tied = !classification.declared && classification.categories.count > 1
                && classification.categories[0].confidence == classification.categories[1].confidence
            out += classification.declared ? "  (declared)\n"
                : classification.primary == "unknown" ? "  (unknown)\n"
                : tied ? "  (inferred; a tie, decided by the strongest single piece of evidence, then the taxonomy's order)\n" : "  (inferred)\n"
            guard explain else { continue }
            for score in classification.categories {
                var evidence = score.evidence.prefix(8).map { item in
                    item.source == "declared" || item.source == "factor label"
                        ? "\(item.source) \"\(item.phrase)\""
                        : "\"\(item.phrase)\" in \(item.source) \(signed(item.weight))"
                }
                // The rest are in `--format json` (the classifier audit of stop 49: twelve pieces of
                // evidence showed as eight, with no sign of more).
                if score.evidence.count > 8 { evidence.append("and \(score.evidence.count - 8) more (--format json lists them)") }
                out += "      \(score.category): " + TerminalEscaping.oneLine(evidence.isEmpty ? "no evidence" : evidence.joined(separator: "; ")) + "\n"
            }
        }
        return out
    }

    /// `pm classify --evaluate`'s text output.
    public static func render(_ evaluation: ClassifierEvaluation) -> String {
        var out = "Evaluated \(evaluation.documents) documents that declare causes (declared causes and factor labels hidden from the classifier)\n"
        out += "primary = first declared cause: \(percent(evaluation.primaryMatchesFirstDeclared))\n"
        out += "primary among declared causes:  \(percent(evaluation.primaryAmongDeclared))\n\n"
        let width = max(8, evaluation.categories.map(\.category.count).max() ?? 0)
        out += pad("category", width) + "  precision  recall   tp   fp   fn\n"
        for row in evaluation.categories {
            out += pad(row.category, width) + left(row.precision.map(percent) ?? "-", 11) + left(row.recall.map(percent) ?? "-", 8)
            out += left(String(row.truePositives), 5) + left(String(row.falsePositives), 5) + left(String(row.falseNegatives), 5) + "\n"
        }
        let declaredKeys = evaluation.confusion.keys.sorted()
        let inferredKeys = Set(evaluation.confusion.values.flatMap(\.keys)).sorted()
        out += "\nConfusion of primaries (rows: first declared cause; columns: inferred primary)\n"
        let cell = max(5, inferredKeys.map(\.count).max() ?? 0)
        out += pad("", width) + inferredKeys.map { left($0, cell + 1) }.joined() + "\n"
        for key in declaredKeys {
            out += pad(key, width) + inferredKeys.map { left(evaluation.confusion[key]?[$0].map(String.init) ?? ".", cell + 1) }.joined() + "\n"
        }
        return out
    }

    /// A share in percent with one decimal, never "0.0%" for a share that is not nothing nor
    /// "100.0%" for one that is not all (`<0.1%`, `>99.9%`, as the report writes them).
    static func percent(_ share: Double) -> String {
        DecimalText.boundedPercent(share * 100, shown: SpreadsheetCell.fixed(share * 100, decimals: 1), fractionDigits: 1) + "%"
    }

    static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + SpreadsheetCell.fixed(value, decimals: 1)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
