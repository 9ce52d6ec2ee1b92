import Foundation
import Testing
import Yams
@testable import PostmortemKit

@Suite struct FrontMatterTests {
    /// Found by the black-box pass of stop 36: a report showed "Time to mitigate: -120 min".
    @Test func durationsBackwardsInTimeAreNoDurations() {
        let p = read("---\nstarted: 2026-02-10T10:00:00Z\ndetected: 2026-02-10T09:00:00Z\nmitigated: 2026-02-10T08:00:00Z\n---\n# x\n")
        #expect(p.impactMinutes == nil)
        #expect(p.timeToDetectMinutes == nil)
        let q = read("---\nstarted: 2026-02-10T10:00:00Z\ndetected: 2026-02-10T10:05:00Z\nmitigated: 2026-02-10T11:00:00Z\n---\n# x\n")
        #expect(q.impactMinutes == 60)
        #expect(q.timeToDetectMinutes == 5)
        // A control character is reported where it is, in one line (same pass: it was at the
        // front matter's first line, with Yams' three-line description).
        let control = read("---\ntitle: ok\nseverity: \"ééé\u{1}\"\n---\n# x\n")
        #expect(control.problems.map { "\($0.range!.start) \($0.message)" } == ["3:18 invalid YAML in front matter: control characters are not allowed (U+0001)"])
        // Yams counts Characters: an accent written as two scalars, or CR LF, is one (the review).
        let decomposed = read("---\ntitle: ok\nseverity: \"e\u{301}e\u{301}\u{1}\"\n---\n# x\n")
        #expect(decomposed.problems.first?.range?.start == SourceLocation(line: 3, column: 18))
        switch YAMLReader.read("a: 1\r\nb: \"x\u{1}\"\r\n", firstLine: 2) {
        case .failure(let failure): #expect(failure.location == SourceLocation(line: 3, column: 6))
        case .success: Issue.record("a control character was read")
        }
        // An impact item that is no mapping is named so, in a sentence that reads (same pass).
        let r = read("---\nimpact: [s]\n---\n# x\n")
        #expect(r.problems.map(\.message) == ["each item of `impact` must be a mapping with `slo` and `bad_fraction` or `budget_minutes`, not a string"])
    }

    /// The retest of stop 41: `started: 2026-07-14` was read as midnight without a word, and a
    /// report counted 504 budget minutes for an incident of 39.
    @Test func aDateWithoutATimeOfDayIsAProblem() {
        let p = read("---\nstarted: 2026-07-14\nmitigated: 2026-07-15 \ndetected: 2026-07-14T14:09:00Z\n---\n# x\n")
        #expect(p.started == nil && p.mitigated == nil && p.detected != nil)
        #expect(p.impactMinutes == nil)
        #expect(p.problems.map { "\($0.code.rawValue) \($0.range!.start)" } == ["P014 2:10", "P014 3:12"])
        #expect(p.problems.first?.message == "`started: 2026-07-14` has no time of day, so it is not read (as midnight it would put durations and error budgets hours off); write it like 2026-07-14T14:02:00Z")
    }

    @Test func readsTypedFields() {
        let p = read("""
            ---
            id: 2026-07-14-checkout-502s
            title: Checkout returned 502s
            status: published
            severity: SEV2
            services: [checkout-api]
            authors: [dana.k, li.w]
            started: 2026-07-14T14:02:00Z
            detected: 2026-07-14T16:09:00+02:00
            mitigated: 2026-07-14T14:41:00Z
            impact:
              - slo: checkout-availability
                bad_fraction: 0.35
              - slo: storefront-availability
                budget_minutes: 4.5
            causes: [Config]
            ---
            # Checkout returned 502s
            """)
        #expect(p.problems.isEmpty)
        #expect(p.id == "2026-07-14-checkout-502s")
        #expect(p.services == ["checkout-api"])
        #expect(p.started?.iso8601 == "2026-07-14T14:02:00Z")
        #expect(p.detected?.iso8601 == "2026-07-14T16:09:00+02:00")
        #expect(p.timeToDetectMinutes == 7)
        #expect(p.impactMinutes == 39)
        #expect(p.impact == [SLOImpact(slo: "checkout-availability", badFraction: 0.35, range: SourceRange(line: 12, column: 5)),
                             SLOImpact(slo: "storefront-availability", budgetMinutes: 4.5, range: SourceRange(line: 14, column: 5))])
        #expect(p.causes == ["config"])
        #expect(p.frontMatter.range(of: "severity") == SourceRange(line: 5, column: 1))
    }

    @Test func idDefaultsToFileName() {
        #expect(read("# T\n", path: "a/b/2026-01-02-x.md").id == "2026-01-02-x")
    }

    @Test func invalidYAMLIsAProblemWithItsLine() {
        let p = read("---\ntitle: ok\nservices: [a, b\n---\n# Body\n\n## Summary\nText.\n")
        #expect(p.problems.map(\.code) == [.invalidYAML])
        #expect(p.problems[0].range?.start.line ?? 0 >= 3)
        // The body is still read.
        #expect(p.summary == "Text.")
    }

    @Test func wrongTypesAreProblemsAtTheValue() {
        let p = read("---\ntitle: [a, b]\nservices: checkout\nstarted: 1700000000\nimpact: 3\n---\n")
        #expect(p.problems.map(\.code) == [.wrongType, .wrongType, .wrongType, .wrongType])
        #expect(p.problems.map { $0.range?.start.line } == [2, 3, 4, 5])
        #expect(p.services == ["checkout"])
        #expect(p.problems[1].severity == .warning)
    }

    @Test("impact numbers are read within ±1e9; beyond it, or not finite, a problem at the value and no number",
          arguments: [("budget_minutes: 1e9", 1e9, nil), ("budget_minutes: -2.5", -2.5, nil),
                      ("bad_fraction: 38%", 0.38, nil), ("budget_minutes: 1_000", 1000, nil),
                      ("budget_minutes: 1e19", nil, "must be a number between -1e9 and 1e9, not 1e19"),
                      ("budget_minutes: 1e400", nil, "must be a number between -1e9 and 1e9, not 1e400"),
                      // YAML's spellings of infinity and not-a-number are numbers, out of bounds.
                      ("bad_fraction: -.inf", nil, "must be a number between -1e9 and 1e9, not -.inf"),
                      ("budget_minutes: .Inf", nil, "must be a number between -1e9 and 1e9, not .Inf"),
                      ("budget_minutes: .nan", nil, "must be a number between -1e9 and 1e9, not .nan"),
                      // Swift's own spellings are strings to YAML.
                      ("budget_minutes: -inf", nil, "must be a number, not a string"),
                      ("budget_minutes: nan", nil, "must be a number, not a string"),
                      ("bad_fraction: 1e12%", nil, "must be a number between -1e9 and 1e9, not 1e12%"),
                      ("budget_minutes: 38%", nil, "must be a number, not a string"),
                      ("budget_minutes: lots", nil, "must be a number, not a string")] as [(String, Double?, String?)])
    func impactNumbers(_ line: String, _ expected: Double?, _ message: String?) {
        let p = read("---\nimpact:\n  - slo: a\n    \(line)\n---\n")
        let impact = p.impact.first
        #expect(impact?.badFraction ?? impact?.budgetMinutes == expected)
        // A value that cannot be read leaves its item uncounted, marked with why, and says so.
        #expect(p.impact.count == 1)
        #expect(p.impact.first?.isCountable == (message == nil))
        let key = line.prefix { $0 != ":" }
        #expect(p.problems.map(\.message) == (message.map { ["`\(key)` \($0); this impact is not counted"] } ?? []))
        #expect(p.problems.map { $0.range?.start } == (message == nil ? [] : [SourceLocation(line: 4, column: 5 + key.count + 2)]))
    }

    /// `bad_fraction: "5 %"` (a space before the sign) had been read as no fraction, so the
    /// budget counted a full outage while `pm budget` said the impact was not counted.
    ///
    /// The item is kept, marked, so that the budget lists it among what it could not count: it
    /// had been dropped, and the report's list of impact not counted left it out (the black-box
    /// pass of stop 42).
    @Test func unreadableImpactIsNotCountedAsAFullOutageAndIsListed() throws {
        let p = read("---\nimpact:\n  - slo: a\n    bad_fraction: 5 %\n  - slo: b\n    bad_fraction: 0.2\n---\n")
        #expect(p.impact.map(\.slo) == ["a", "b"])
        #expect(p.impact.map(\.unreadable) == ["`bad_fraction` `5 %` is not a number", nil])
        #expect(p.problems.map(\.message) == ["`bad_fraction` must be a number, not a string; this impact is not counted"])
        var record = p
        record.started = Timestamp(epochSeconds: 1_780_000_000)
        record.mitigated = Timestamp(epochSeconds: 1_780_003_600)
        let slos = [SLODefinition(id: "a", objective: 99.9, window: .month), SLODefinition(id: "b", objective: 99.9, window: .month)]
        #expect(ErrorBudgetCalculator.burns(slos: slos, records: [record], zone: .utc).map { "\($0.slo) \($0.minutes)" } == ["b 12.0"])
        #expect(ErrorBudgetCalculator.notes(slos: slos, records: [record]).map { "\($0.slo): \($0.message)" }
                == ["a: `bad_fraction` `5 %` is not a number; not counted"])
        // Lint says it once, as the reading problem: not also as impact without a value, nor as
        // `impact` missing.
        let findings = try LintTestSupport.lint("---\nimpact:\n  - slo: a\n    bad_fraction: 5 %\n---\n")
        #expect(findings.filter { $0.ruleID == "PM030" || $0.ruleID == "PM001" && $0.message.contains("impact") }.isEmpty,
                "\(findings.map(\.message))")
        // A later item of the same SLO that is read counts, and the first gives way to it.
        let again = read("---\nimpact:\n  - slo: a\n    bad_fraction: five\n  - slo: a\n    bad_fraction: 0.2\n---\n")
        #expect(again.impact.map(\.slo) == ["a"] && again.impact.allSatisfy(\.isCountable))
        #expect(again.problems.count == 1)
        // A third item is the duplicate of the one counted; a second unread one adds no second note
        // (the review of the stop).
        let thrice = read("---\nimpact:\n  - slo: a\n    bad_fraction: five\n  - slo: a\n    bad_fraction: 0.2\n  - slo: a\n    bad_fraction: 0.3\n  - slo: b\n    bad_fraction: x\n  - slo: b\n    bad_fraction: y\n---\n")
        #expect(thrice.impact.map { "\($0.slo) \($0.badFraction.map { "\($0)" } ?? $0.unreadable ?? "")" } == ["a 0.2", "b `bad_fraction` `x` is not a number"])
        #expect(thrice.problems.map { "\($0.range?.start.line ?? 0) \($0.code.rawValue)" } == ["4 P013", "7 P015", "10 P013", "12 P013", "11 P015"])
        // `budget_minutes` beside a `bad_fraction` that cannot be read is counted, as it is beside
        // one that can (the retest of the stop).
        let both = read("---\nimpact:\n  - slo: a\n    bad_fraction: \"0,5\"\n    budget_minutes: 3\n---\n")
        #expect(both.impact.map(\.budgetMinutes) == [3] && both.impact.allSatisfy(\.isCountable))
        #expect(both.problems.map(\.message) == ["`bad_fraction` must be a number, not a string; `budget_minutes` is counted"])
    }

    /// Times of the days the clocks change, written without an offset in a zone with summer time
    /// (the black-box pass of stop 42): a time the clocks skip had been read an hour off without
    /// a word, and both times of `02:30`, then `02:10` in the repeated hour, in summer time, so
    /// the mitigation came 20 minutes before the start.
    @Test func timesOnTheDaysTheClocksChange() throws {
        let skipped = read("---\ntimezone: Europe/Berlin\nstarted: 2026-03-29 02:30\nmitigated: 2026-03-29 03:30\n---\n")
        #expect(skipped.started == nil)
        #expect(skipped.mitigated?.iso8601 == "2026-03-29T03:30:00+02:00")
        #expect(skipped.problems.map(\.message) == ["`started: 2026-03-29 02:30` is a time the clocks skip in Europe/Berlin, so it names no instant and is not read; write the time with its offset"])
        #expect(skipped.problems.first?.code == .invalidTimestamp && skipped.problems.first?.severity == .error)
        #expect(skipped.problems.first?.range?.start == SourceLocation(line: 3, column: 10))
        // The repeated hour: summer time, unless that is before the time above.
        let repeated = read("---\ntimezone: Europe/Berlin\nstarted: 2026-10-25 02:30\ndetected: 2026-10-25 02:40\nmitigated: 2026-10-25 02:10\nresolved: 2026-10-25 02:50\n---\n")
        #expect(repeated.problems.isEmpty)
        #expect([repeated.started, repeated.detected, repeated.mitigated, repeated.resolved].map { $0?.iso8601 }
                == ["2026-10-25T02:30:00+02:00", "2026-10-25T02:40:00+02:00", "2026-10-25T02:10:00+01:00", "2026-10-25T02:50:00+01:00"])
        #expect(repeated.impactMinutes == 40)
        // In the order of the four times, whichever order the keys are written in.
        let shuffled = read("---\nmitigated: 2026-10-25 02:10\nstarted: 2026-10-25 02:30\ntimezone: Europe/Berlin\n---\n")
        #expect(shuffled.mitigated?.iso8601 == "2026-10-25T02:10:00+01:00")
        // pm.yml's zone when the document states none; an offset written is used as written.
        var record = Postmortem(path: "x.md", id: "x")
        FrontMatterReader.read("started: 2026-11-01 01:30\nmitigated: 2026-11-01T01:10:00-05:00", firstLine: 2,
                               defaultZone: try #require(ZoneResolver("America/New_York")), into: &record)
        #expect(record.started?.iso8601 == "2026-11-01T01:30:00-04:00")
        #expect(record.mitigated?.iso8601 == "2026-11-01T01:10:00-05:00")
    }

    /// An SLO named twice in `impact` (a pasted item) had been counted twice by the budget, with no
    /// word from lint. The first item counts; the second is a warning at its line.
    @Test func anSLOListedTwiceCountsOnce() {
        let p = read("---\nimpact:\n  - slo: a\n    bad_fraction: 0.5\n  - slo: b\n    bad_fraction: 0.1\n  - slo: a\n    bad_fraction: 0.5\n---\n")
        #expect(p.impact.map(\.slo) == ["a", "b"])
        #expect(p.problems.map(\.message) == ["`impact` names SLO `a` more than once; only its first item that is read is counted"])
        #expect(p.problems.map(\.severity) == [.warning])
        #expect(p.problems.first?.range?.start.line == 7)
    }

    @Test(arguments: ["2026-02-30T10:00:00Z", "2026-07-14T25:61:00Z"])
    func impossibleDates(_ value: String) {
        let p = read("---\nstarted: \(value)\n---\n")
        #expect(p.problems.map(\.code) == [.invalidTimestamp])
        #expect(p.problems[0].message.contains("not a real date"))
        #expect(p.problems[0].range?.start == SourceLocation(line: 2, column: 10))
    }

    @Test("timestamps are placed in the years 1900 to 9000; outside them a problem at the value, no time",
          arguments: [("0001-01-01T00:00:00Z", false), ("9999-12-31T23:00:00Z", false), ("1899-12-31T23:59:00Z", false),
                      ("1900-01-01T00:00:00Z", true), ("9000-12-31T23:59:00Z", true)])
    func timestampYears(_ value: String, _ placed: Bool) {
        let p = read("---\nstarted: \(value)\n---\n")
        #expect((p.started != nil) == placed)
        #expect(p.problems.map(\.code) == (placed ? [] : [.invalidTimestamp]))
        #expect(p.problems.allSatisfy { $0.message.contains("outside the years 1900 to 9000") })
    }

    @Test func timestampsWithoutZoneAreMarkedAssumed() {
        let p = read("---\nstarted: 2026-07-14 14:02\n---\n")
        #expect(p.problems.isEmpty)
        #expect(p.started?.zoneAssumed == true)
        let withZone = read("---\ntimezone: Europe/Berlin\nstarted: 2026-07-14T14:02:00\n---\n")
        #expect(withZone.started?.iso8601UTC == "2026-07-14T12:02:00Z")
    }

    @Test("without a `timezone` key, a timestamp without a zone is read in pm.yml's zone, as the timeline is")
    func timestampsWithoutZoneUsePmYmlsZone() throws {
        let berlin = try #require(ZoneResolver("Europe/Berlin"))
        let text = "---\nstarted: 2026-07-31T23:30:00\n---\n# T\n\n## Timeline\n\n- 2026-07-31 23:30 — impact starts\n"
        let read = DocumentReader.read(text: text, path: "a.md", options: ReadOptions(defaultZone: berlin)).postmortem
        #expect(read.started?.iso8601 == "2026-07-31T23:30:00+02:00")
        #expect(read.started?.zoneAssumed == true)
        #expect(read.started == read.timeline.first?.time)
        // The document's own `timezone` still comes first.
        let own = DocumentReader.read(text: "---\ntimezone: UTC\nstarted: 2026-07-31T23:30:00\n---\n", path: "a.md",
                                      options: ReadOptions(defaultZone: berlin)).postmortem
        #expect(own.started?.iso8601UTC == "2026-07-31T23:30:00Z")
    }

    @Test func unclosedNotMappingAndEmpty() {
        #expect(read("---\ntitle: x\n# Body\n").problems.map(\.code) == [.unclosedFrontMatter])
        #expect(read("---\n- a\n- b\n---\n").problems.map(\.code) == [.frontMatterNotMapping])
        #expect(read("---\njust a scalar\n---\n").problems.map(\.code) == [.frontMatterNotMapping])
        #expect(read("").problems.map(\.code) == [.empty])
    }

    @Test func bytesLevelProblems() {
        let binary = DocumentReader.read([0x23, 0x20, 0x00, 0x01], path: "x.md").postmortem
        #expect(binary.problems.map(\.code) == [.binary])
        let invalid = DocumentReader.read(Array("# Title\nbad \u{FF}".utf8) + [0xFF, 0x0A], path: "x.md").postmortem
        #expect(invalid.problems.map(\.code) == [.invalidUTF8])
        #expect(invalid.problems[0].range?.start.line == 2)
        let bom = DocumentReader.read([0xEF, 0xBB, 0xBF] + Array("---\ntitle: T\n---\n".utf8), path: "x.md").postmortem
        #expect(bom.title == "T")
        #expect(bom.problems.isEmpty)
        // From the adoption pass of stop 46: a file saved as UTF-16 (Notepad's "Unicode",
        // PowerShell 5's `>`) was called binary; it is told to be saved as UTF-8, as pm.yml is.
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("---\ntitle: T\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(DocumentReader.read(utf16, path: "x.md").postmortem.problems.map(\.message)
                == ["the file is UTF-16LE (it starts with that byte-order mark), not UTF-8: save it as UTF-8"])
        // UTF-32, whose mark starts as UTF-16LE's does, is named as what it is (the second retest).
        #expect(DocumentReader.read([0xFF, 0xFE, 0x00, 0x00, 0x2D, 0x00, 0x00, 0x00], path: "x.md").postmortem.problems.map(\.message)
                == ["the file is UTF-32LE (it starts with that byte-order mark), not UTF-8: save it as UTF-8"])
        // Left open by stop 46: UTF-16 without a byte-order mark was "binary, not Markdown".
        let text = "---\ntitle: Café checkout 5xx\n---\n"
        let little = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(DocumentReader.read(little, path: "x.md").postmortem.problems.map(\.message)
                == ["the file looks like UTF-16LE without a byte-order mark (its NULs are the high bytes of UTF-16 text), not UTF-8: save it as UTF-8"])
        #expect(DocumentReader.read(big, path: "x.md").postmortem.problems.map(\.message)
                == ["the file looks like UTF-16BE without a byte-order mark (its NULs are the high bytes of UTF-16 text), not UTF-8: save it as UTF-8"])
        // Greek and CJK text in UTF-16 have NULs only beside their ASCII (left open by stops 48
        // and 49: they were "binary").
        for (sample, name) in [("---\ntitle: Καθυστέρηση πληρωμών\nseverity: SEV2\n---\n# Καθυστέρηση\n", "Greek"),
                               ("---\ntitle: 支払いの遅延\n---\n# 支払いの遅延 😀\n", "CJK")] {
            let le = Array(sample.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let be = Array(sample.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            #expect(DocumentReader.read(le, path: "x.md").postmortem.problems.map(\.message).first?.hasPrefix("the file looks like UTF-16LE") == true, "\(name)")
            #expect(DocumentReader.read(be, path: "x.md").postmortem.problems.map(\.message).first?.hasPrefix("the file looks like UTF-16BE") == true, "\(name)")
        }
        // Seeded random 16-bit data is binary still.
        var generator = SplitMix64(seed: 50)
        for _ in 0..<200 {
            let bytes = (0..<128).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0, 0]
            #expect(DocumentReader.read(bytes, path: "x.md").postmortem.problems.map(\.message) == ["the file contains a NUL byte: it is binary, not Markdown"])
        }
        // 16-bit samples below 256 are binary, not UTF-16 (the review of the mend).
        #expect(DocumentReader.read((0..<64).flatMap { [UInt8($0 * 3 % 32 + 1), 0] }, path: "x.md").postmortem.problems.map(\.message)
                == ["the file contains a NUL byte: it is binary, not Markdown"])
        // A file with NULs here and there is binary still.
        #expect(DocumentReader.read(Array("# PNG\n".utf8) + [0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x41, 0x42], path: "x.md").postmortem.problems.map(\.message)
                == ["the file contains a NUL byte: it is binary, not Markdown"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pm-utf16-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = directory.appendingPathComponent("pm.yml")
        try? Data([0xFE, 0xFF, 0x00, 0x61]).write(to: configuration)
        do throws(ConfigurationError) {
            _ = try ConfigurationReader.load(path: configuration.path)
            Issue.record("a UTF-16 pm.yml was read")
        } catch {
            #expect(error.description.contains("the file is UTF-16BE (it starts with that byte-order mark), not UTF-8"))
        }
        try? Data(little).write(to: configuration)
        do throws(ConfigurationError) {
            _ = try ConfigurationReader.load(path: configuration.path)
            Issue.record("a UTF-16 pm.yml without a byte-order mark was read")
        } catch {
            #expect(error.description.contains("the file looks like UTF-16LE without a byte-order mark"))
        }
    }

    @Test func lineEndingsKeepLineNumbers() {
        let crlf = read("---\r\ntitle: T\r\n---\r\n# H\r\n\r\n## Timeline\r\n- 14:02 UTC: a\r\n")
        let cr = read("---\rtitle: T\r---\r# H\r\r## Timeline\r- 14:02 UTC: a\r")
        #expect(crlf.title == "T")
        #expect(crlf.timeline.first?.range.start.line == 7)
        #expect(cr.timeline.first?.range.start.line == 7)
    }

    @Test func aliasBombIsBounded() {
        var yaml = "a0: [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml = yaml.replacingOccurrences(of: "a0: [", with: "a0: &a0 [")
        let p = read("---\n\(yaml)---\n")
        #expect(p.problems.count == 1)
    }

    /// One 20 KB anchor repeated 10,000 times is 200 MB of text in 50 KB of YAML: `pm show`
    /// printed it and `pm report` wrote it out. Small anchors reused, as teams write them, are read.
    @Test("aliases may not expand a front matter past twice its length plus 64 KiB")
    func aliasBytesAreBounded() {
        let anchor = String(repeating: "y", count: 20_000)
        let bomb = read("---\ntitle: &x \(anchor)\nservices: [\(Array(repeating: "*x", count: 10_000).joined(separator: ","))]\n---\n# T\n")
        #expect(bomb.problems.map(\.code) == [.invalidYAML])
        #expect(bomb.problems.first?.message.contains("bytes of text (aliases?)") == true)
        #expect(bomb.services.isEmpty)

        let team = read("---\nauthors: &team [dana.k, li.w, sam.o]\nservices: [checkout-api]\nextra:\n\(String(repeating: "  - *team\n", count: 500))---\n# T\n")
        #expect(!team.problems.contains { $0.code == .invalidYAML })
        #expect(team.authors == ["dana.k", "li.w", "sam.o"])
    }

    @Test("a key that is not a scalar is named in YAML flow text, cut after about 60 bytes")
    func complexKeys() throws {
        let node = try #require(try Yams.compose(yaml: "? [a, {b: c}, *x]\n: 1\n".replacingOccurrences(of: "*x", with: "d")))
        guard case .mapping(let mapping) = node, let key = mapping.keys.first else { Issue.record("not a mapping"); return }
        #expect(YAMLReader.flowText(key) == "[a, {b: c}, d]")
        let long = try #require(try Yams.compose(yaml: "? [\(Array(repeating: "ééééé", count: 40).joined(separator: ", "))]\n: 1\n"))
        guard case .mapping(let longMapping) = long, let longKey = longMapping.keys.first else { Issue.record("not a mapping"); return }
        let text = YAMLReader.flowText(longKey)
        #expect(text.hasSuffix("…") && text.utf8.count <= 64 && text.hasPrefix("[ééééé, ééééé"))
        // A character that ends at the limit stays; one the limit cuts through goes.
        let short = try #require(try Yams.compose(yaml: "? [ééééé, x]\n: 1\n"))
        guard case .mapping(let shortMapping) = short, let shortKey = shortMapping.keys.first else { Issue.record("not a mapping"); return }
        #expect(YAMLReader.flowText(shortKey, limit: 11) == "[ééééé…")
        #expect(YAMLReader.flowText(shortKey, limit: 10) == "[éééé…")
    }

    /// libyaml counts characters; findings count UTF-8 bytes (docs/format.md), and SARIF converts
    /// bytes to code points, so a character column came out short twice.
    @Test("front matter positions are byte columns, after non-ASCII text and tabs")
    func byteColumns() throws {
        let nested = read("---\ntitle: x\nservices: [ééé, [x]]\n---\n# T\n")
        #expect(nested.problems.map { $0.range?.start } == [SourceLocation(line: 3, column: 20)])
        #expect(nested.problems.map(\.message) == ["each `services` item must be a string, not a list"])
        let tabs = read("---\ntitle: \"Ünïcödé\"\nstarted:\t\tyesterday\n---\n# T\n")
        #expect(tabs.problems.map { $0.range?.start } == [SourceLocation(line: 3, column: 11)])
        // A YAML error is at its byte column too: the second quoted scalar, character 12, byte 14.
        let broken = read("---\ntitle: \"☕\" \"x\"\n---\n# T\n")
        #expect(broken.problems.first?.range?.start == SourceLocation(line: 2, column: 14))
        // A line of 50,000 items with other characters is read once, not once per item: the
        // last item, a list, is found at its byte column.
        let items = Array(repeating: "é", count: 50_000).joined(separator: ", ")
        let long = read("---\ntitle: x\nservices: [\(items), [x]]\n---\n# T\n")
        #expect(long.problems.map { $0.range?.start } == [SourceLocation(line: 3, column: 12 + items.utf8.count + 2)])
        #expect(YAMLReader.Columns("a: ☕\tb\n").byteColumn(line: 1, character: 5, skippingBlanks: false) == 7)
        #expect(YAMLReader.Columns("a: ☕\tb\n").byteColumn(line: 1, character: 5, skippingBlanks: true) == 8)
        #expect(YAMLReader.Columns("a: ☕\n").byteColumn(line: 1, character: 6, skippingBlanks: false) == 8)
    }
}
