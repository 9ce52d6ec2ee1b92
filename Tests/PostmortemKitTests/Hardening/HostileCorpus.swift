import Foundation
@testable import PostmortemKit

/// `Fixtures/hostile`: a pm.yml and two postmortems with attack payloads in every field that
/// reaches an output (ids, titles, services, authors, owners, tickets, SLO ids and descriptions,
/// the organisation, unknown front-matter keys, headings, timeline, factors, actions and raw
/// HTML), read once and shared by the hardening tests.
enum HostileCorpus {
    static let directory = packageRoot.appendingPathComponent("Tests/PostmortemKitTests/Fixtures/hostile")
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!
    static let period = ReportingPeriod.quarter("2026-Q3", zone: .utc)!

    /// Bytes and sequences that must never reach a terminal raw.
    static let terminalControls: [String] = ["\u{1B}", "\u{07}", "\r", "\u{9B}"]
    /// The first characters spreadsheets read as a formula.
    static let formulaLeads: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    static func configuration() throws -> Configuration {
        try ConfigurationReader.load(path: directory.appendingPathComponent("pm.yml").path)
    }

    /// Every document, read with HTML rendering on (as `pm report` reads them), paths relative to
    /// the fixture directory.
    static func documents() throws -> [ReadDocument] {
        let configuration = try configuration()
        let inputs = InputDiscovery.expand([directory.appendingPathComponent("postmortems").path])
        return DocumentLoader.map(inputs, options: ReadOptions(configuration: configuration, renderHTML: true)) { $0 }
            .sorted { $0.postmortem.path < $1.postmortem.path }
    }

    static func records() throws -> [Postmortem] { try documents().map(\.postmortem) }

    /// The first document: the one with a payload in every field.
    static func first() throws -> Postmortem {
        guard let record = try records().first(where: { $0.id == "-1+1" }) else { throw Missing() }
        return record
    }

    struct Missing: Error {}

    /// RFC 4180 parsing, enough to see each cell as a spreadsheet would.
    static func csvCells(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(cell); cell = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(cell); cell = ""; rows.append(row); row = []
            } else {
                cell.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    /// Every string value anywhere in a parsed JSON value.
    static func strings(in json: Any) -> [String] {
        switch json {
        case let s as String: return [s]
        case let a as [Any]: return a.flatMap(strings)
        case let d as [String: Any]: return d.keys.map { $0 } + d.values.flatMap(strings)
        default: return []
        }
    }
}
