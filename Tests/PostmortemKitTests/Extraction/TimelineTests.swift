import Testing
@testable import PostmortemKit

@Suite struct TimelineTests {
    let front = "---\nstarted: 2026-07-14T14:02:00Z\n---\n"

    @Test func listItemsWithZoneStatement() {
        let p = read(front + "## Timeline\n\nAll times UTC.\n\n- 14:02 UTC: Error rate rises.\n- 14:09: Alert pages on-call.\n- [14:20] Rollback starts\n- **14:41** - Impact ends\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00Z", "2026-07-14T14:09:00Z", "2026-07-14T14:20:00Z", "2026-07-14T14:41:00Z"])
        #expect(p.timeline.map(\.text) == ["Error rate rises.", "Alert pages on-call.", "Rollback starts", "Impact ends"])
        #expect(p.timeline.map(\.range.start.line) == [8, 9, 10, 11])
        #expect(p.timeline.allSatisfy { $0.time?.zoneAssumed == false })
    }

    @Test func tableRowsWithDates() {
        let p = read("## Timeline\n\n| Time | Event |\n|---|---|\n| 2023-02-14 10:46 | Alert fired |\n| 2023-02-14 11:02 | Fixed |\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2023-02-14T10:46:00Z", "2023-02-14T11:02:00Z"])
        #expect(p.timeline.map(\.text) == ["Alert fired", "Fixed"])
        #expect(p.timeline[0].range.start == SourceLocation(line: 5, column: 1))
    }

    @Test func paragraphsStartingWithTimes() {
        let p = read("## Timeline\n\n2018-08-22, 03:26pm: first noticed the error.\n\n2018-08-22, 04:12pm: found the\ncertificate expired.\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2018-08-22T15:26:00Z", "2018-08-22T16:12:00Z"])
        #expect(p.timeline[1].text == "found the certificate expired.")
        #expect(p.timeline[1].range.start.line == 5)
    }

    @Test func headingsThatAreTimes() {
        let p = read(front + "## Timeline\n\n### 14:02\nErrors begin.\n\n### 2026-07-15\n\n- 09:00 Follow-up review\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00Z", "2026-07-15T09:00:00Z"])
        #expect(p.timeline[0].text == "Errors begin.")
    }

    /// From the black-box pass of stop 43: an entry right after a date heading or date line
    /// earlier than the entries above was moved to the day after them as if it crossed midnight
    /// (`### 2024-03-06` after entries of the 7th read 03-07), so PM022 never saw it. It is on
    /// the date written.
    @Test func writtenDateGoingBackIsReadAsWritten() {
        for marker in ["### 2024-03-06", "**2024-03-06**", "2024-03-06"] {
            let p = read("## Timeline\n\nAll times UTC.\n\n### 2024-03-07\n\n- 02:00 f\n\n\(marker)\n\n- 03:00 g\n- 23:30 h\n- 01:00 i\n")
            #expect(p.timeline.map { $0.time?.iso8601 } == ["2024-03-07T02:00:00Z", "2024-03-06T03:00:00Z", "2024-03-06T23:30:00Z", "2024-03-07T01:00:00Z"],
                    "\(marker)")
        }
    }

    /// From the black-box pass of stop 43: a timeline written as prose ("At 11:43, utility power
    /// was lost.", "By 13:40, the API was back.", "~11:30 UTC") had no events, without a word.
    @Test func timesAfterProseOpeners() {
        let p = read(front + "## Timeline\n\nAll times UTC.\n\nAt 14:02, utility power was lost.\n\nAt approximately 14:10 the generators started.\n\nBy 14:40, the API was available again.\n\n- ~15:00 UTC: Incident closed.\n- Shortly after 15:30 the review was booked.\n- At the same time, the status page was updated.\n- About 20 minutes later, traffic was normal.\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00Z", "2026-07-14T14:10:00Z", "2026-07-14T14:40:00Z", "2026-07-14T15:00:00Z",
                                                        "2026-07-14T15:30:00Z", nil, nil])
        #expect(p.timeline.prefix(5).map(\.text) == ["utility power was lost.", "the generators started.", "the API was available again.", "Incident closed.",
                                                     "the review was booked."])
        for text in ["At 3 retries the client gives up.", "By 2027 the fleet is retired.", "Atlas restarted at 14:02.", "At-least-once delivery"] {
            #expect(TimeExpression.leading(text) == nil, "\(text)")
        }
        // A short phrase before the time: "Later in the afternoon, at 17:57, …".
        let lead = read(front + "## Timeline\n\nAll times UTC.\n\nAt 14:02, power was lost.\n\nLater in the afternoon, at 17:57, the incident was closed.\n\nIn the 2 hours after that, at 19:00, nothing happened.\n\nOnce the queue drained, about 30 minutes later, traffic was normal.\n")
        #expect(lead.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00Z", "2026-07-14T17:57:00Z"])
        #expect(lead.timeline.last?.text == "the incident was closed.")
        // At most five words before the comma: a longer phrase is a sentence of its own.
        #expect(TimelineExtractor.afterLeadIn("Later in the long afternoon, at 17:57, the incident was closed.")?.secondOfDay == 17 * 3600 + 57 * 60)
        #expect(TimelineExtractor.afterLeadIn("Later on in the long afternoon, at 17:57, the incident was closed.") == nil)
    }

    /// From the black-box pass of stop 43: `**Timeline (PDT):**` on a line of its own, as Google
    /// Docs exports write headings, started no section (`**Timeline:**` did), so PM010 said the
    /// timeline was missing. Its note is read as a heading's is: here, the zone.
    @Test func boldTitleWithANote() {
        let p = read(front + "**Summary:**\n\nThe export failed.\n\n**Timeline (PDT):**\n\n- 07:00 Warehouse upgraded.\n- 08:10 Exports fail.\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-07-14T07:00:00-07:00", "2026-07-14T08:10:00-07:00"])
        #expect(p.summary == "The export failed.")
    }

    /// From the black-box pass of stop 43: times written without a colon or with a suffix
    /// (`9am`, `12 PM`, `09h15`, `0930Z`, `1300 hrs`, `13:00hrs`, `13:50ish`, `@ 13:20`) were not
    /// read, and their entries had no time.
    @Test(arguments: [("9am", "09:00"), ("12 PM", "12:00"), ("1 a.m.", "01:00"), ("09h15", "09:15"), ("0930Z", "09:30"), ("1300 hrs", "13:00"),
                      ("13:00hrs", "13:00"), ("13:50ish", "13:50"), ("23:00-ish", "23:00"), ("@ 13:20", "13:20"), ("10:00 a.m.", "10:00")])
    func timesInOtherForms(written: String, expected: String) throws {
        let p = read(front + "## Timeline\n\nAll times UTC.\n\n- \(written): Errors begin.\n")
        let time = try #require(p.timeline.first?.time)
        #expect(String(time.iso8601.dropFirst(11).prefix(5)) == expected)
        #expect(p.timeline.first?.text == "Errors begin.")
    }

    @Test func numbersThatAreNoTimes() {
        for text in ["3 AMIs were replaced", "2019 was a quiet year", "1300 requests failed", "5 PMs joined the call", "09h15m of downtime",
                     "0930 was the ticket"] {
            #expect(TimeExpression.leading(text).map { $0.isDateOnly } ?? true, "\(text)")
        }
    }

    /// From the black-box pass of stop 43: a lead-up the evening before an incident that started
    /// just after midnight (23:40, then 00:05 at `started`) was put on the start's date, so every
    /// entry after it was a day late and PM024 called `started` wrong. The first entry, more than
    /// eighteen hours after the start on its date, is on the day before.
    @Test func leadUpTheEveningBefore() {
        let p = read("---\nstarted: 2024-06-11T00:05:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 23:40 Billing v8.14 deployed.\n- 00:05 Duplicate charges begin.\n- 00:40 Alert fires.\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2024-06-10T23:40:00Z", "2024-06-11T00:05:00Z", "2024-06-11T00:40:00Z"])
        // Background hours before the start on its day stays there; a date written is read as written.
        let background = read("---\nstarted: 2024-06-11T14:00:00Z\n---\n## Timeline\n\n- 01:00 Deploy merged.\n- 14:00 Errors begin.\n")
        #expect(background.timeline.map { $0.time?.iso8601 } == ["2024-06-11T01:00:00Z", "2024-06-11T14:00:00Z"])
        let written = read("---\nstarted: 2024-06-11T00:05:00Z\n---\n## Timeline\n\n### 2024-06-11\n\n- 23:40 Review.\n")
        #expect(written.timeline.map { $0.time?.iso8601 } == ["2024-06-11T23:40:00Z"])
    }

    /// Left open by stop 38: timed lines in the paragraph under a time heading stayed the
    /// heading's text ("Errors begin. 14:06 Paged. 14:10 Rollback starts."), and their events
    /// were lost. They are entries of their own; the lines before them are the heading's text.
    @Test func timedLinesUnderATimeHeading() {
        let p = read(front + "## Timeline\n\n### 14:02\nErrors begin on the\ncheckout API.\n14:06 Paged.\n14:10 Rollback starts\nfor all regions.\n\nThe rollback is slow.\n\n### 14:30\nImpact ends.\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00Z", "2026-07-14T14:06:00Z", "2026-07-14T14:10:00Z", "2026-07-14T14:30:00Z"])
        #expect(p.timeline.map(\.text) == ["Errors begin on the checkout API.", "Paged.", "Rollback starts for all regions.", "Impact ends."])
        #expect(p.timeline.map(\.range.start.line) == [6, 9, 10, 15])
    }

    /// "All times PT", "US Eastern (ET)" and an IANA name (what `pm new` writes outside UTC) had
    /// been passed over, and the times read in pm.yml's zone; they are read in the stated zone,
    /// with its summer time, and before any entry the base date is the start's date there.
    @Test(arguments: [("All times PT.", "2026-01-12T23:42:00-08:00", "2026-07-14T00:42:00-07:00"),
                      ("All times are US Eastern (ET).", "2026-01-13T02:42:00-05:00", "2026-07-14T03:42:00-04:00"),
                      ("All times Europe/Berlin.", "2026-01-13T08:42:00+01:00", "2026-07-14T09:42:00+02:00"),
                      ("Times are Pacific.", "2026-01-12T23:42:00-08:00", "2026-07-14T00:42:00-07:00")])
    func statedZonesWithSummerTime(statement: String, winter: String, summer: String) throws {
        for (started, expected) in [("2026-01-13T07:42:00Z", winter), ("2026-07-14T07:42:00Z", summer)] {
            let local = String(expected.dropFirst(11).prefix(5))
            let p = read("---\nstarted: \(started)\n---\n## Timeline\n\n\(statement)\n\n- \(local): Errors begin.\n")
            let event = try #require(p.timeline.first?.time)
            #expect(event.iso8601 == expected)
            #expect(event.epochSeconds == instant(started).epochSeconds)
            #expect(!event.zoneAssumed)
        }
        // Not a zone: a region, an abbreviation or a slash in a sentence that is no statement
        // about the timeline's times (found in review: "time" inside "Downtime" had counted).
        for text in ["The Eastern region failed over to the Central one at 14:02.", "Downtime was limited to the Eastern region.",
                     "Timeouts rose in the Central availability zone.", "CT logs lagged.", "CI/CD and I/O were fine all times.",
                     "See https://status.example.com/incidents for the timeline."] {
            #expect(TimeExpression.statedZoneResolver(in: text) == nil, "\(text)")
        }
    }

    /// A US zone written at an entry without its season (`11:42 PM PT`) is read with the summer
    /// time of the entry's date; it had been left in the text and the time read as UTC.
    @Test func usZonesAtEntriesTakeTheSeasonOfTheirDate() throws {
        let winter = read("---\nstarted: 2026-01-13T07:42:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 11:42 PM PT: Errors begin.\n- 07:50 UTC: Paged.\n- 03:01 ET - Failover.\n")
        #expect(winter.timeline.map { $0.time?.iso8601 } == ["2026-01-12T23:42:00-08:00", "2026-01-13T07:50:00Z", "2026-01-13T03:01:00-05:00"])
        #expect(winter.timeline.map(\.text) == ["Errors begin.", "Paged.", "Failover."])
        let summer = read("---\nstarted: 2026-07-14T14:02:00Z\n---\n## Timeline\n\n- 07:02 PT: Errors begin.\n- 9:09 CT: Paged.\n- 08:20 MT: Rolled back.\n")
        #expect(summer.timeline.map { $0.time?.iso8601 } == ["2026-07-14T07:02:00-07:00", "2026-07-14T09:09:00-05:00", "2026-07-14T08:20:00-06:00"])
        #expect(summer.timeline.allSatisfy { $0.time?.zoneAssumed == false })
        // Only the upper-case word: "14:02 pt" and "14:02 ETL job" are no zones.
        let words = read("---\nstarted: 2026-07-14T14:02:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 14:02 ETL job starts.\n")
        #expect(words.timeline.first?.time?.iso8601 == "2026-07-14T14:02:00Z")
        #expect(words.timeline.first?.text == "ETL job starts.")
    }

    /// `T+5m` timelines count from `started`, in its offset; without `started` the entries keep
    /// their text and have no time. Not relative times: "Tuesday", "T-shirt", "TLS", "T+".
    @Test func relativeTimesCountFromTheStart() throws {
        let p = read("---\nstarted: 2026-07-14T14:02:00+02:00\n---\n## Timeline\n\n- T-10m: Config 4812 is pushed.\n- T0: Errors begin.\n- T+7 min: Paged.\n- **T+00:39** - Rolled back.\n- T + 1h28m: Resolved.\n- T+2: Review booked.\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-07-14T13:52:00+02:00", "2026-07-14T14:02:00+02:00", "2026-07-14T14:09:00+02:00",
                                                          "2026-07-14T14:41:00+02:00", "2026-07-14T15:30:00+02:00", "2026-07-14T14:04:00+02:00"])
        #expect(p.timeline.map(\.text) == ["Config 4812 is pushed.", "Errors begin.", "Paged.", "Rolled back.", "Resolved.", "Review booked."])
        #expect(p.timeline.map(\.timeText) == ["T-10m", "T0", "T+7 min", "T+00:39", "T + 1h28m", "T+2"])
        let unanchored = read("## Timeline\n\n- T+5m: Paged.\n")
        #expect(unanchored.timeline.map(\.text) == ["Paged."])
        #expect(unanchored.timeline.first?.time == nil)
        for text in ["Tuesday: the review", "T-shirt sizes", "TLS handshakes fail", "T+ the rest", "T+5x retries",
                     "T+1.5h: the fraction", "T-2 months: last review", "T05: no sign", "T+400d: beyond a year",
                     "T0 is when the config was pushed.",
                     // Impossible minutes and seconds (the second pass of stop 35).
                     "T+1:75: paged", "T+00:60: paged", "T+1:02:99: paged", "T+2:3: paged",
                     // More than four digits after a leading zero, or a clock's minutes of 60 or more.
                     "T+00530: paged", "T+0575: paged"] {
            #expect(TimeExpression.leading(text)?.relativeSeconds == nil, "\(text)")
        }
        // Found by the black-box pass of stop 35: weeks, seconds, `1h30`, `T0+5m` and four digits.
        for (text, seconds, rest) in [("T-2 weeks: lag limit reviewed", -1_209_600, "lag limit reviewed"),
                                      ("T+1:02:03: failover", 3723, "failover"), ("T+1h30: paged", 5400, "paged"),
                                      ("T0+5m: paged", 300, "paged"), ("T+1000m: closed", 60_000, "closed"),
                                      ("T+1h 3 engineers join", 3600, "3 engineers join"), ("T+5 Paged", 300, "Paged"),
                                      // From the review: a hyphen after T0, and a name after a number.
                                      ("T0 - Errors begin", 0, "Errors begin"), ("T+5 S3 bucket emptied", 300, "S3 bucket emptied"),
                                      ("T\u{2013}10m: config pushed", -600, "config pushed"), ("T+200000m: closed", 12_000_000, "closed"),
                                      ("T0\u{2013}5m: config pushed", -300, "config pushed"),
                                      // Left open by stop 35: four digits with a leading zero are a clock's hours and minutes.
                                      ("T+0530: paged", 19_800, "paged"), ("T-0045: config pushed", -2700, "config pushed"),
                                      ("T+05: paged", 300, "paged"), ("T+030: paged", 1800, "paged")] {
            let leading = TimeExpression.leading(text)
            #expect(leading?.relativeSeconds == seconds, "\(text)")
            #expect(leading?.rest == rest, "\(text)")
        }
    }

    /// Zones in a timeline table's titles, found by the passes of stop 36: the time column's title
    /// was lost to the titles' normalisation (`Time (PT)`, `Time (Europe/Berlin)`, `Time (UTC+2)`)
    /// and read only when the column came first; `When (Pacific)` was no time column; a zone in
    /// another title (`Date (UTC)`) counts too and that column is the date; `Timestamp (PT)` states
    /// PT; a zone's two abbreviations name it with its summer time (`PST/PDT`), and `(est)` in
    /// lower case is "estimated", not EST.
    @Test(arguments: [
        ("| Time (PT) | Event |", "| 14:02 | Paged |", "2026-07-14T14:02:00-07:00"),
        ("| Time (Europe/Berlin) | Event |", "| 14:02 | Paged |", "2026-07-14T14:02:00+02:00"),
        ("| Time (UTC+2) | Event |", "| 14:02 | Paged |", "2026-07-14T14:02:00+02:00"),
        ("| When (Pacific) | Event |", "| 14:02 | Paged |", "2026-07-14T14:02:00-07:00"),
        ("| Event | Time (Pacific) |", "| Paged | 14:02 |", "2026-07-14T14:02:00-07:00"),
        ("| Time | Event |", "| 14:02 | Paged |", "2026-07-14T14:02:00Z"),
        ("| Date (UTC) | Time | Event |", "| 2026-07-14 | 14:02 | Paged |", "2026-07-14T14:02:00Z"),
        ("| Date (CET) | Time | Event |", "| 2026-07-14 | 14:02 | Paged |", "2026-07-14T14:02:00+01:00"),
        ("| Timestamp (PT) | Date | Event |", "| 14:02 | 2026-07-14 | Paged |", "2026-07-14T14:02:00-07:00"),
        ("| Time (PST/PDT) | Event |", "| 14:02 | Paged |", "2026-07-14T14:02:00-07:00"),
        ("| Time (CET/CEST) | Event |", "| 14:02 | Paged |", "2026-07-14T14:02:00+02:00"),
        ("| Time (EDT/EST) | Event |", "| 14:02 | Paged |", "2026-07-14T14:02:00-04:00"),
        ("| Time (est) | Event |", "| 14:02 | Paged |", "2026-07-14T14:02:00Z"),
        ("| Time (EST) | Event |", "| 14:02 | Paged |", "2026-07-14T14:02:00-05:00"),
    ])
    func zonesInTableTitles(header: String, row: String, time: String) {
        let columns = header.filter { $0 == "|" }.count - 1
        let delimiter = String(repeating: "|---", count: columns) + "|"
        let p = read("---\nstarted: 2026-07-14T21:02:00Z\n---\n## Timeline\n\n\(header)\n\(delimiter)\n\(row)\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == [time])
        #expect(p.timeline.map(\.text) == ["Paged"])
    }

    /// From the retest of stop 36: a Downtime column is no time column; Datetime is one.
    @Test func downtimeIsNoTimeColumn() {
        let p = read("---\nstarted: 2026-07-14T14:00:00Z\n---\n## Timeline\n\n| Event | Downtime (min) | Datetime (UTC) |\n|---|---|---|\n| Paged | 5 | 2026-07-14 14:02 |\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00Z"])
        #expect(p.timeline.map(\.text) == ["Paged"])
    }

    /// A zone a table's title states is the table's: the entries after it are read as before
    /// it (the black-box retest of stop 36: they were 7 hours off).
    /// A zone in the first table's title, in a timeline that states none, goes on to the next
    /// table (a table per day: the second review of stop 36); zones in lower case are read
    /// after a time and in configuration, and a timestamp's `z` is UTC.
    @Test func aTitleZoneWithoutAStatementGoesOn() throws {
        let p = read("---\nstarted: 2026-07-14T21:02:00Z\n---\n## Timeline\n\n| Time (PT) | Event |\n|---|---|\n| 14:02 | Paged |\n\n| Time | Event |\n|---|---|\n| 15:00 | Resolved |\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00-07:00", "2026-07-14T15:00:00-07:00"])
        let lower = read("---\nstarted: 2026-07-14T14:02:00z\n---\n## Timeline\n\nAll times UTC.\n\n- 14:02 cest: Paged\n- 2:46 pm est: Resolved\n")
        #expect(lower.started?.iso8601 == "2026-07-14T14:02:00Z")
        #expect(lower.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00+02:00", "2026-07-14T14:46:00-05:00"])
        #expect(ZoneResolver("cet") != nil)
        #expect(try ConfigurationReader.parse("timezone: cet\n", path: "pm.yml", openSLO: { _ in nil }).timezone == "cet")
        // A pair of abbreviations is read in capitals, as one is, and only in a statement.
        #expect(TimeExpression.statedZoneResolver(in: "All times pst/pdt") == nil)
        #expect(TimeExpression.statedZoneResolver(in: "CET/CEST confusion") == nil)
    }

    @Test func aTablesZoneIsTheTables() {
        let p = read("---\nstarted: 2026-07-14T14:00:00Z\n---\n## Timeline\nAll times UTC.\n\n- 14:02 Deploy\n\n| Time (PT) | Report |\n|---|---|\n| 07:15 | First ticket |\n\n- 14:20 Rollback\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00Z", "2026-07-14T07:15:00-07:00", "2026-07-14T14:20:00Z"])
    }

    /// Found by the black-box pass of stop 36: a date line with a note was an event "(all times UTC)".
    @Test func aDateLineWithANoteIsTheDates() {
        let p = read("---\nstarted: 2015-10-21T14:00:00Z\n---\n## Timeline\n\n2015-10-21 (all times PT)\n\n14:02 Errors begin.\n\n- 2015-10-22 (day 2)\n  - 09:00 Review.\n")
        #expect(p.timeline.map(\.text) == ["Errors begin.", "Review."])
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2015-10-21T14:02:00-07:00", "2015-10-22T09:00:00-07:00"])
        // Only a zone, a weekday or a day's number is such a note; other text is an entry of
        // that day (the reviews of stop 36: it had been dropped).
        let q = read("---\nstarted: 2015-10-21T14:00:00Z\n---\n## Timeline\n\n2015-10-20 (certificate expired on the edge proxies)\n\n2015-10-21 (Wednesday)\n\n- 14:02 Errors start\n")
        #expect(q.timeline.map(\.text) == ["(certificate expired on the edge proxies)", "Errors start"])
        // Weekdays and day numbers in any mix (the second review).
        let r = read("---\nstarted: 2015-10-21T14:00:00Z\n---\n## Timeline\n\n2015-10-22 (Day 2, Thursday)\n\n- 09:00 Review\n")
        #expect(r.timeline.map(\.text) == ["Review"])
        // A list item of a date and a note, with the day's entries after it rather than nested
        // (left open by stop 36): it was an entry "(Wednesday)" at midnight.
        let s = read("---\nstarted: 2026-07-01T14:02:00Z\n---\n## Timeline\n\n- 2026-07-01 (Wednesday)\n- 14:02 Alert fired.\n- 2026-07-02 (day 2, all times UTC)\n- 09:00 Review.\n")
        #expect(s.timeline.map(\.text) == ["Alert fired.", "Review."])
        #expect(s.timeline.map { $0.time?.iso8601 } == ["2026-07-01T14:02:00Z", "2026-07-02T09:00:00Z"])
    }

    /// The hour the clocks repeat when summer time ends (left open by stop 35's passes): a time
    /// that summer time would put before the entry above it is read in standard time.
    @Test func theRepeatedHourWhenSummerTimeEnds() throws {
        let iana = read("---\nstarted: 2026-11-01T05:30:00Z\n---\n## Timeline\n\nAll times America/New_York.\n\n- 2026-11-01 01:30: Errors begin.\n- 01:40: Paged.\n- 01:10: Failover starts.\n- 01:20: Resolved.\n- 02:10: Review booked.\n")
        #expect(iana.timeline.map { $0.time?.iso8601 } == ["2026-11-01T01:30:00-04:00", "2026-11-01T01:40:00-04:00", "2026-11-01T01:10:00-05:00",
                                                          "2026-11-01T01:20:00-05:00", "2026-11-01T02:10:00-05:00"])
        let seasonal = read("---\nstarted: 2026-11-01T05:40:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 05:40: Errors begin.\n- 1:45 AM ET: Paged.\n- 1:10 AM ET: Failover starts.\n")
        #expect(seasonal.timeline.map { $0.time?.iso8601 } == ["2026-11-01T05:40:00Z", "2026-11-01T01:45:00-04:00", "2026-11-01T01:10:00-05:00"])
        // Outside that hour, or with a fixed zone, an entry out of order stays out of order.
        let july = read("---\nstarted: 2026-07-14T14:02:00Z\n---\n## Timeline\n\nAll times America/New_York.\n\n- 01:40: Paged.\n- 01:10: Failover starts.\n")
        #expect(july.timeline.map { $0.time?.iso8601 } == ["2026-07-14T01:40:00-04:00", "2026-07-14T01:10:00-04:00"])
        let edt = read("---\nstarted: 2026-11-01T05:30:00Z\n---\n## Timeline\n\nAll times UTC-4.\n\n- 01:40: Paged.\n- 01:10: Failover starts.\n")
        #expect(edt.timeline.map { $0.time?.iso8601 } == ["2026-11-01T01:40:00-04:00", "2026-11-01T01:10:00-04:00"])
        // East of UTC too (the review of stop 36: only the zones west of UTC had been read so).
        let berlin = read("---\nstarted: 2026-10-25T00:40:00Z\n---\n## Timeline\n\nAll times Europe/Berlin.\n\n- 2026-10-25 02:40: Errors begin.\n- 02:50: Paged.\n- 02:10: Failover starts.\n- 03:05: Resolved.\n")
        #expect(berlin.timeline.map { $0.time?.iso8601 } == ["2026-10-25T02:40:00+02:00", "2026-10-25T02:50:00+02:00", "2026-10-25T02:10:00+01:00",
                                                            "2026-10-25T03:05:00+01:00"])
        let midnight = Int64(CalendarDate("2026-11-01")!.daysSinceEpoch) * 86_400
        #expect(ZoneResolver("America/New_York")?.repeatedOffsets(forLocalSeconds: midnight + 4200).map { [$0.summer, $0.standard] } == [-14_400, -18_000])
        #expect(ZoneResolver("America/New_York")?.repeatedOffsets(forLocalSeconds: midnight + 1800) == nil)
        // The hour the clocks skip is no repeated hour.
        let march = Int64(CalendarDate("2026-03-08")!.daysSinceEpoch) * 86_400
        #expect(ZoneResolver("America/New_York")?.repeatedOffsets(forLocalSeconds: march + 2 * 3600 + 1800) == nil)
    }

    /// An entry in a zone of its own follows the entry before it even after a written date (the
    /// black-box pass of stop 35: a dated heading or first row had put it a day late), and right
    /// after a written date it is on that date.
    @Test func ownZonesAfterWrittenDates() throws {
        for heading in ["### 2026-01-13\n\n- 07:42: Disk errors.", "- 2026-01-13 07:42 UTC: Disk errors."] {
            let p = read("---\nstarted: 2026-01-13T07:42:00Z\n---\n## Timeline\n\nAll times UTC.\n\n\(heading)\n- 11:46 PM PT: Paged.\n- 07:52: Declared.\n")
            #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-01-13T07:42:00Z", "2026-01-12T23:46:00-08:00", "2026-01-13T07:52:00Z"], "\(heading)")
        }
        let first = read("---\nstarted: 2026-01-13T07:42:00Z\n---\n## Timeline\n\n### 2026-01-12\n\n- 11:40 PM PT: Errors begin.\n")
        #expect(first.timeline.first?.time?.iso8601 == "2026-01-12T23:40:00-08:00")
        // Capitals that start the text are no zone: only a separator after them makes one.
        let words = read("---\nstarted: 2026-07-14T14:02:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 14:02 CT log monitor reports a new certificate.\n- 14:05 PT team notices errors.\n- 14:09 PT: Paged.\n")
        #expect(words.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00Z", "2026-07-14T14:05:00Z", "2026-07-14T14:09:00-07:00"])
        #expect(words.timeline.first?.text == "CT log monitor reports a new certificate.")
        // A zone in parentheses (left open by the pass of stop 35).
        let parenthesised = read("---\nstarted: 2026-07-14T14:02:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 10:02 (ET): Errors begin.\n- 16:05 (CEST) - Paged.\n- 14:09 (see below): Declared.\n")
        #expect(parenthesised.timeline.map { $0.time?.iso8601 } == ["2026-07-14T10:02:00-04:00", "2026-07-14T16:05:00+02:00", "2026-07-14T14:09:00Z"])
        #expect(parenthesised.timeline.map(\.text) == ["Errors begin.", "Paged.", "(see below): Declared."])
        // An entry with a zone moves the timeline's date on past midnight, as one without does.
        let night = read("---\nstarted: 2026-03-01T22:00:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 22:00 UTC: Errors begin.\n- 01:00 UTC: Paged.\n- 19:30: Review.\n")
        #expect(night.timeline.map { $0.time?.iso8601 } == ["2026-03-01T22:00:00Z", "2026-03-02T01:00:00Z", "2026-03-02T19:30:00Z"])
    }

    /// Found in review of the stated zones: a US zone word does not beat a fixed zone the same
    /// text states, headings and a table's time column state zones too, old IANA names count, and
    /// words only look like statements.
    @Test(arguments: [
        ("All times CET (Central European Time).", "14:02", "2026-07-14T14:02:00+01:00"),
        ("All times AEST (Australian Eastern Standard Time).", "00:02", "2026-07-15T00:02:00+10:00"),
        ("All times UTC; the on-call was in US Eastern.", "14:02", "2026-07-14T14:02:00Z"),
        ("All times US/Pacific.", "07:02", "2026-07-14T07:02:00-07:00"),
    ])
    func zoneStatements(statement: String, time: String, expected: String) throws {
        let p = read("---\nstarted: 2026-07-14T14:02:00Z\n---\n## Timeline\n\n\(statement)\n\n- \(time): Errors begin.\n")
        #expect(p.timeline.first?.time?.iso8601 == expected)
    }

    @Test func zonesInHeadingsAndColumns() throws {
        let heading = read("---\nstarted: 2026-07-14T14:02:00Z\n---\n## Timeline (all times Pacific)\n\n- 07:02: Errors begin.\n")
        #expect(heading.timeline.first?.time?.iso8601 == "2026-07-14T07:02:00-07:00")
        let short = read("---\nstarted: 2026-07-14T14:02:00Z\n---\n## Timeline (PT)\n\n- 07:02: Errors begin.\n")
        #expect(short.timeline.first?.time?.iso8601 == "2026-07-14T07:02:00-07:00")
        let column = read("---\nstarted: 2026-07-14T14:02:00Z\n---\n## Timeline\n\n| Time (Pacific) | Event |\n|---|---|\n| 07:02 | Errors begin |\n")
        #expect(column.timeline.first?.time?.iso8601 == "2026-07-14T07:02:00-07:00")
        for text in ["Overall timeseries show the Eastern region recovering.", "Timestamps in ET logs are off.", "Timesheets were late (Central)."] {
            #expect(TimeExpression.statedZoneResolver(in: text) == nil, "\(text)")
        }
        // A date that is no date with its year is none without it either.
        #expect(TimeExpression.dateToken(Array("29 Feb 2027".utf8), 0) == nil)
        #expect(TimeExpression.dateToken(Array("29 Feb".utf8), 0)?.0 == CalendarDate(year: 2000, month: 2, day: 29))
    }

    /// An IANA name with an offset in it is the zone it names: POSIX signs in `Etc/GMT+5` are
    /// inverted (UTC−5), and `GMT+5` inside it is no offset of its own.
    @Test func etcZonesAreReadAsNamed() throws {
        let p = read("---\nstarted: 2026-07-14T07:42:00Z\n---\n## Timeline\n\nAll times Etc/GMT+5.\n\n- 02:42: Errors begin.\n")
        #expect(p.timeline.first?.time?.iso8601 == "2026-07-14T02:42:00-05:00")
    }

    /// Date headings that start with a weekday, or give day and month without a year, had not been
    /// read as dates, so every entry under the second one stayed on the first day.
    @Test(arguments: [("Monday, January 13, 2026", "Tuesday, January 14, 2026"), ("Mon 13 Jan", "Tue 14 Jan"),
                      ("Monday 13 July", "Tuesday 14 July"), ("Mon, Jul 13", "Tue., Jul 14"), ("13 Jul", "14 Jul")])
    func dateHeadingsWithWeekdays(first: String, second: String) {
        let p = read("---\nstarted: 2026-07-14T07:42:00Z\n---\n## Timeline\n\n### \(first)\n\n- 23:10: Config 4812 is merged.\n\n### \(second)\n\n- 07:42: Errors begin.\n- Tue 08:19: Checkout recovers.\n")
        let year = first.contains("January") || first.contains("Jan") ? "2026-01" : "2026-07"
        #expect(p.timeline.map { $0.time?.iso8601 } == ["\(year)-13T23:10:00Z", "\(year)-14T07:42:00Z", "\(year)-14T08:19:00Z"])
        #expect(p.timeline.last?.text == "Checkout recovers.")
        // A day with its ordinal before the month (the retest of stop 41: "### 16th July" was
        // no date, while "### July 16th" was).
        for heading in ["16th July", "Thursday 16th July", "16th of July", "16 July", "16th of July 2026"] {
            #expect(TimeExpression.leading(heading)?.date.map { "\($0.month)-\($0.day)" } == "7-16", "\(heading)")
        }
        #expect(TimeExpression.leading("5th attempt failed") == nil)
        // "of" needs an ordinal, and nothing but a year or punctuation after the month (the review).
        #expect(TimeExpression.leading("4th of July traffic was expected to be 3x normal")?.date == nil)
        #expect(TimeExpression.leading("3 of june's reports failed")?.date == nil)
        // A weekday alone, or a word that only starts like one, is text.
        #expect(TimeExpression.leading("Monday we paged the team") == nil)
        #expect(TimeExpression.dayPrefix(Array("Sunny 13 Jan".utf8), 0) == nil)
        #expect(TimeExpression.dayPrefix(Array("Day2 13 Jan".utf8), 0) == nil)
    }

    @Test(arguments: [
        ("14:02", "2026-07-14T14:02:00Z"), ("14:02 UTC", "2026-07-14T14:02:00Z"), ("2026-07-14 14:02", "2026-07-14T14:02:00Z"),
        ("[13:26]", "2026-07-14T13:26:00Z"), ("7:32 PM", "2026-07-14T19:32:00Z"), ("27-05-2025 13:44", "2025-05-27T13:44:00Z"),
        ("14:02 CEST", "2026-07-14T14:02:00+02:00"), ("Jul 15 09:30", "2026-07-15T09:30:00Z"), ("14:02:30 +01:00", "2026-07-14T14:02:30+01:00"),
        // A range is at its start; its end is not an offset (`-14:08` had been read as UTC−14:08).
        ("14:05-14:08", "2026-07-14T14:05:00Z"), ("12:26-12:??", "2026-07-14T12:26:00Z"), ("14:05\u{2013}14:08", "2026-07-14T14:05:00Z"),
        ("2026-07-14 12:26-12:40", "2026-07-14T12:26:00Z"),
        // A hyphen and a real UTC offset is an offset, as ISO 8601 writes it; with a `T` or
        // seconds, always.
        ("14:02-05:00", "2026-07-14T14:02:00-05:00"), ("14:02+02:00", "2026-07-14T14:02:00+02:00"),
        ("07:30-08:00", "2026-07-14T07:30:00-08:00"), ("01:00-03:30", "2026-07-14T01:00:00-03:30"),
        ("2026-07-14T03:15:00-05:00", "2026-07-14T03:15:00-05:00"), ("2026-07-14T03:15-05:00", "2026-07-14T03:15:00-05:00"),
        ("03:15:00-05:00", "2026-07-14T03:15:00-05:00"), ("10:00-10:30", "2026-07-14T10:00:00Z"), ("16:00-17:00", "2026-07-14T16:00:00Z"),
        // Ranges written with spaces, words, arrows and dashes, with the zone after their end (the
        // retest of stop 41: the end had become the text, and the zone was lost).
        ("16:09 - 16:15 CEST", "2026-07-14T16:09:00+02:00"), ("16:02 to 16:10 CEST", "2026-07-14T16:02:00+02:00"),
        ("16:12\u{2192}16:20 CEST", "2026-07-14T16:12:00+02:00"), ("16:12 -> 16:20 CEST", "2026-07-14T16:12:00+02:00"),
        ("16:26\u{2014}16:28 CEST", "2026-07-14T16:26:00+02:00"), ("4:25 PM \u{2013} 4:30 PM CEST", "2026-07-14T16:25:00+02:00"),
        ("16:35:10-16:35:40 CEST", "2026-07-14T16:35:10+02:00"), ("2026-07-14 16:30 \u{2013} 2026-07-14 16:35 CEST", "2026-07-14T16:30:00+02:00"),
        ("23:50 - 00:10 UTC", "2026-07-14T23:50:00Z"), ("14:02 until 14:09", "2026-07-14T14:02:00Z"),
        // Fractions of a second, as logs write them, are read to the second.
        ("2026-07-14T14:02:30.123Z", "2026-07-14T14:02:30Z"), ("16:02:30.123 CEST", "2026-07-14T16:02:30+02:00"),
        ("2026-07-14 14:10:01,442", "2026-07-14T14:10:01Z"), ("14:02:30.5+01:00", "2026-07-14T14:02:30+01:00"),
        // Nanoseconds, as Go writes them; an offset after a space is an offset (the review).
        ("2026-07-14T14:05:30.123456789Z", "2026-07-14T14:05:30Z"), ("2026-07-14 14:08:00 -05:00", "2026-07-14T14:08:00-05:00"),
        ("14:08 -05:00", "2026-07-14T14:08:00-05:00"),
    ])
    func timeFormats(_ written: String, _ expected: String) {
        let p = read(front + "## Timeline\n\n- \(written): something happens\n")
        #expect(p.timeline.first?.time?.iso8601 == expected)
        #expect(p.timeline.first?.text == "something happens")
    }

    /// What stays text after a time: a number after a spaced dash, "to" before a word, a
    /// comma and a space after seconds.
    @Test func rangesAndFractionsNeedTheirForm() {
        let p = read(front + "## Timeline\n\n- 14:02 - 5 pods restarted\n- 14:03 to investigate the pool\n- 14:04:05, 3 retries\n- 14:05 tomorrow: x\n")
        #expect(p.timeline.map(\.text) == ["5 pods restarted", "to investigate the pool", "3 retries", "tomorrow: x"])
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00Z", "2026-07-14T14:03:00Z", "2026-07-14T14:04:05Z", "2026-07-14T14:05:00Z"])
    }

    /// The retest of stop 41: a zone stated in a callout was passed over (every time read in UTC),
    /// and the details under an entry with no text of its own were events without times.
    @Test func zoneInACalloutAndDetailUnderAnEntry() {
        let p = read(front + "## Timeline\n\n> [!NOTE]\n> All times are CEST.\n\n- 16:02: Error rate climbs.\n\n> 14:05 someone said: we are in UTC now\n\n"
                     + "- 16:20\n  - Rollback started\n  - Rollback completed at 16:25\n- 16:30: Verified\n  - checked the dashboards\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-07-14T16:02:00+02:00", "2026-07-14T16:20:00+02:00", "2026-07-14T16:30:00+02:00"])
        #expect(p.timeline.map(\.text) == ["Error rate climbs.", "Rollback started; Rollback completed at 16:25", "Verified"])
        // After the timeline's own zone, or after its first entry, a quote is someone else's (a
        // vendor's status page), not the timeline's zone (the review of the stop).
        let q = read(front + "## Timeline\n\nAll times UTC.\n\n- 14:02: a\n\n> Investigating - all times are PDT.\n\n- 14:10: b\n")
        #expect(q.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00Z", "2026-07-14T14:10:00Z"])
        let r = read(front + "## Timeline\n\n- 14:02: a\n\n> All times are PDT, says the vendor.\n\n- 14:10: b\n")
        #expect(r.timeline.map { $0.time?.iso8601 } == ["2026-07-14T14:02:00Z", "2026-07-14T14:10:00Z"])
    }

    @Test func stateZoneAndCrossMidnight() {
        let p = read("---\nstarted: 2026-03-31T23:40:00+01:00\n---\n## Timeline\nAll times CET (UTC+01:00).\n\n- 23:40: start\n- 23:55: worse\n- 00:10: fixed\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-03-31T23:40:00+01:00", "2026-03-31T23:55:00+01:00", "2026-04-01T00:10:00+01:00"])
    }

    @Test func untimedEntriesInATimedListAreProblems() {
        let p = read(front + "## Timeline\n- 14:02 start\n- sometime later, a fix\n- 14:30 done\n")
        #expect(p.timeline.count == 3)
        #expect(p.timeline[1].time == nil)
        #expect(p.problems.map(\.code) == [.timelineEntryWithoutTime])
        #expect(p.problems[0].range?.start.line == 6)
    }

    /// Left open by stop 37: `16:62` in a timeline was a note that the entry has no time, where
    /// the same slip in front matter is an error.
    @Test func timesOutOfRangeAreInvalidTimestamps() {
        let p = read(front + "## Timeline\n- 14:02 start\n- 16:62 pool full\n- 2026-07-14 24:05 paged\n- 13:05 PM fixed\n- 14:30 done\n\n"
                     + "| Time | Event |\n|---|---|\n| 14:40 | a |\n| 14:61 | b |\n| later | c |\n")
        #expect(p.timeline.map { $0.time == nil } == [false, true, false, true, false, false, true, true])
        #expect(p.problems.map(\.code) == [.invalidTimestamp, .invalidTimestamp, .invalidTimestamp, .invalidTimestamp, .timelineEntryWithoutTime])
        #expect(p.problems.allSatisfy { $0.severity == ($0.code == .invalidTimestamp ? .warning : .info) })
        #expect(p.problems.prefix(4).map(\.message) == [
            "`16:62` is not a time of day (hours 0–23, or 1–12 with am/pm; minutes and seconds 0–59); the entry has no time",
            "`24:05` is not a time of day (hours 0–23, or 1–12 with am/pm; minutes and seconds 0–59); the entry is read at the start of its day",
            "`13:05 PM` is not a time of day (hours 0–23, or 1–12 with am/pm; minutes and seconds 0–59); the entry has no time",
            "`14:61` is not a time of day (hours 0–23, or 1–12 with am/pm; minutes and seconds 0–59); the entry has no time",
        ])
        // From the review of stop 38: after a date in a row, in a paragraph, after a weekday or
        // `at`, the time was read as midnight without a word; a list that is not mostly timed is
        // not judged (`50:50 between eu-west and eu-central`).
        let dated = read(front + "## Timeline\n\n| Date | Time | Event |\n|---|---|---|\n| 2026-07-14 | 14:02 | a |\n| 2026-07-14 | 24:05 | b |\n\n"
                         + "2026-07-14 14:10 c\n2026-07-14 16:62 d\n16:63 e\n\n- Tue 2026-07-14 24:05 f\n- 2026-07-14 at 24:05 g\n- 14:20 h\n\n"
                         + "Then:\n\n- 50:50 between eu-west and eu-central\n- other\n- more\n")
        #expect(dated.problems.map(\.code) == Array(repeating: .invalidTimestamp, count: 5))
        #expect(dated.problems.map { $0.message.split(separator: ";").last.map { String($0.dropFirst()) } } == [
            "the entry is read at the start of its day", "the entry is read at the start of its day", "the line is read as part of the entry above it",
            "the entry is read at the start of its day", "the entry is read at the start of its day",
        ])
        #expect(TimeExpression.outOfRangeTime("**25:10** paged") == "25:10")
        #expect(TimeExpression.outOfRangeTime("14:02 start") == nil)
        #expect(TimeExpression.outOfRangeTime("10:1 ratio") == nil)
        #expect(TimeExpression.outOfRangeTime("3 retries") == nil)
        #expect(TimeExpression.outOfRangeTime("123:45 blocks") == nil)
    }

    /// From the docs check of stop 38: under an H3 that is a time, a list of timed entries was
    /// read into that heading's text, and its times were lost.
    @Test func timedEntriesUnderATimeHeadingAreEvents() {
        let p = read(front + "## Timeline\n\n### 14:02\n\nAlert fired.\n\n- 14:06: escalated\n- 14:09: mitigated\n\n### 14:30\n\nResolved, see\n\n- the dashboard\n- the runbook\n")
        #expect(p.timeline.map { $0.time?.iso8601 ?? "-" } == ["2026-07-14T14:02:00Z", "2026-07-14T14:06:00Z", "2026-07-14T14:09:00Z", "2026-07-14T14:30:00Z"])
        #expect(p.timeline.map(\.text) == ["Alert fired.", "escalated", "mitigated", "Resolved, see the dashboard\nthe runbook"])
        // A heading whose time is out of range is an entry without a time, reported (the retest
        // of stop 38: it had vanished).
        let slip = read(front + "## Timeline\n\n### 14:02\n\nAlert fired.\n\n### 16:62\n\nPool full.\n\n- 16:40: canary at 50%\n- 16:45: rolled back\n\n### 2026-07-15 25:10\n\n- 09:00: fixed\n")
        #expect(slip.timeline.map { $0.time?.iso8601 ?? "-" } == ["2026-07-14T14:02:00Z", "-", "2026-07-14T16:40:00Z", "2026-07-14T16:45:00Z", "2026-07-15T09:00:00Z"])
        #expect(slip.timeline[1].text == "16:62 Pool full.")
        #expect(slip.problems.map(\.code) == [.invalidTimestamp, .invalidTimestamp])
    }

    @Test func numbersAreNotTimes() {
        #expect(TimeExpression.leading("3 retries failed") == nil)
        #expect(TimeExpression.leading("10:1 ratio") == nil)
        #expect(TimeExpression.leading("25:00 happened") == nil)
    }

    /// dfds PM2024-001 and PM2021-011 in the real-dev corpus have rows known only to the day.
    @Test("an entry known only to its day is out of order only when the whole day is before the entry above it")
    func dateOnlyEntriesInOrder() throws {
        func order(_ rows: String) throws -> [Int] {
            let text = RuleExamples.document(sections: ["Timeline": "All times UTC.\n\n| Time | Event |\n|---|---|\n" + rows])
            return try LintTestSupport.lint(text).filter { $0.ruleID == "PM022" }.compactMap { $0.range?.start.line }
        }
        #expect(try order("| 2026-07-14 14:02 | a |\n| 2026-07-14 14:41 | b |\n| 2026-07-14 14:?? | c |\n| 2026-07-14 15:30 | d |\n").isEmpty)
        #expect(try order("| 2026-07-14 14:02 | a |\n| 2026-07-14 | b |\n| 2026-07-15 | c |\n| 2026-07-15 09:00 | d |\n").isEmpty)
        #expect(try order("| 2026-07-14 14:02 | a |\n| 2026-07-13 | b |\n").count == 1)
        // A timed entry after a later day is still out of order.
        #expect(try order("| 2026-07-14 14:02 | a |\n| 2026-07-15 | b |\n| 2026-07-14 16:00 | c |\n").count == 1)
    }
}

/// Day labels (`### Day 2 (Wednesday)`, `### Thursday`, `**Day 2**`): times after one are on the
/// day it names. A morning of day 2 after a morning of day 1 had been read on day 1, without a word.
@Suite struct TimelineDayLabelTests {
    let front = "---\nstarted: 2026-05-12T08:02:00Z\n---\n## Timeline\n\nAll times UTC.\n\n"
    let day1 = "- 08:02 Lag alert fires.\n- 08:40 Consumers scaled.\n"
    let day2 = "- 09:15 Backlog grows again.\n- 10:30 Rollback.\n"
    let expected = ["2026-05-12T08:02:00Z", "2026-05-12T08:40:00Z", "2026-05-13T09:15:00Z", "2026-05-13T10:30:00Z"]

    @Test(arguments: [("### Day 1 (Tuesday)", "### Day 2 (Wednesday)"), ("### Day 1", "### Day 2: recovery"),
                      ("### Tuesday", "### Wednesday morning"), ("**Day 1 – Tuesday**", "**Day 2 – Wednesday**"),
                      ("Tue", "Wed (day 2)"), ("### Day 0", "### Day 1"), ("### Day 1 — Tuesday, detection", "### Day 2 — Wednesday, rollback")])
    func labelsDateTheEntriesBelow(first: String, second: String) {
        let p = read(front + "\(first)\n\n\(day1)\n\(second)\n\n\(day2)")
        #expect(p.timeline.map { $0.time?.iso8601 } == expected, "\(first) / \(second)")
        #expect(!p.problems.contains { $0.code == .invalidTimestamp })
    }

    /// As list items over the day's entries, nested or not.
    @Test func listItemsOverTheirEntries() {
        let nested = "- **Day 1 (Tuesday)**\n  - 08:02 Lag alert fires.\n  - 08:40 Consumers scaled.\n- **Day 2 (Wednesday)**\n  - 09:15 Backlog grows again.\n  - 10:30 Rollback.\n"
        let p = read(front + nested)
        #expect(p.timeline.map { $0.time?.iso8601 } == expected)
        #expect(p.timeline.map(\.text) == ["Lag alert fires.", "Consumers scaled.", "Backlog grows again.", "Rollback."])
        let flat = read(front + "- Day 1\n" + day1 + "- Day 2\n" + day2)
        #expect(flat.timeline.map { $0.time?.iso8601 } == expected)
        #expect(!flat.problems.contains { $0.code == .timelineEntryWithoutTime })
    }

    /// A day written before the entry's own time dates that entry and the ones after it: `- Day 2,
    /// 08:00:`, `- Wed 08:30`, and a table's Day column. Each had been read on the start's date
    /// (the weekday dropped), or with no time at all.
    @Test(arguments: [
        "- Day 1, 08:02: Lag alert fires.\n- 08:40 Consumers scaled.\n- Day 2, 09:15: Backlog grows again.\n- Day 2 – 10:30 Rollback.\n",
        "- Tue 08:02 Lag alert fires.\n- Tue 08:40 Consumers scaled.\n- Wed 09:15 Backlog grows again.\n- Wednesday 10:30: Rollback.\n",
        "| Day | Time | Event |\n|---|---|---|\n| Day 1 | 08:02 | Lag alert fires. |\n| Day 1 | 08:40 | Consumers scaled. |\n"
            + "| Day 2 | 09:15 | Backlog grows again. |\n| Day 2 | 10:30 | Rollback. |\n",
        "| Day | Time | Event |\n|---|---|---|\n| Day 1 | | |\n| | 08:02 | Lag alert fires. |\n| | 08:40 | Consumers scaled. |\n"
            + "| Day 2 | | |\n| | 09:15 | Backlog grows again. |\n| | 10:30 | Rollback. |\n",
        "| When | Event |\n|---|---|\n| Tue 08:02 | Lag alert fires. |\n| Tue 08:40 | Consumers scaled. |\n"
            + "| Wed 09:15 | Backlog grows again. |\n| Wed 10:30 | Rollback. |\n",
    ])
    func dayBeforeTheTime(timeline: String) {
        let p = read(front + timeline)
        #expect(p.timeline.map { $0.time?.iso8601 } == expected, "\(timeline)")
        #expect(p.timeline.map(\.text) == ["Lag alert fires.", "Consumers scaled.", "Backlog grows again.", "Rollback."])
        #expect(!p.problems.contains { $0.code == .timelineEntryWithoutTime || $0.code == .invalidTimestamp })
    }

    /// An entry's weekday after entries is the first such day after their day, but the day before
    /// is the day before: a Monday after Tuesday's entries is written out of order (PM022 says
    /// so), not a week on, which had moved every entry after it by a week without a finding,
    /// unless a day of `started`, `detected`, `mitigated` or `resolved` is that Monday a week on. A
    /// first one is the day of `started` or `detected` that is that weekday, else the nearest to
    /// the start from five days before it (a lead-up the Friday before) to one after.
    @Test func entryWeekdaysAfterEntriesAndBeforeTheStart() {
        let after = read(front + "- 08:02 Lag alert fires.\n- Mon 10:00 Cert job was skipped (found later).\n- Fri 09:00 Consumers patched.\n"
                         + "- Sat 11:00 Backlog drained.\n- Tue 10:00 Postmortem review.\n")
        #expect(after.timeline.map { $0.time?.iso8601 } == ["2026-05-12T08:02:00Z", "2026-05-11T10:00:00Z", "2026-05-15T09:00:00Z",
                                                           "2026-05-16T11:00:00Z", "2026-05-19T10:00:00Z"])
        // With `resolved` on the Monday after, that Monday is the one.
        let resolved = read("---\nstarted: 2026-05-12T08:02:00Z\nresolved: 2026-05-18T09:00:00Z\n---\n## Timeline\n\n- 08:02 Lag alert fires.\n"
                            + "- Mon 09:00 Resolved.\n")
        #expect(resolved.timeline.last?.time?.iso8601 == "2026-05-18T09:00:00Z")
        let leadUp = read(front + "- Fri 16:00 Schema change merged.\n- Tue 08:02 Errors begin.\n")
        #expect(leadUp.timeline.map { $0.time?.iso8601 } == ["2026-05-08T16:00:00Z", "2026-05-12T08:02:00Z"])
        #expect(!leadUp.problems.contains { $0.code == .invalidTimestamp })
        // The window's edges: Thursday is five days before a Tuesday start, Wednesday one after.
        #expect(read(front + "- Thu 10:00 Deploy.\n").timeline.first?.time?.iso8601 == "2026-05-07T10:00:00Z")
        #expect(read(front + "- Wed 10:00 Alert.\n").timeline.first?.time?.iso8601 == "2026-05-13T10:00:00Z")
        // So for a heading: `### Friday` before a Wednesday start is the Friday before.
        let heading = read("---\nstarted: 2026-05-13T08:02:00Z\n---\n## Timeline\n\n### Friday\n\n- 16:00 Schema merged.\n")
        #expect(heading.timeline.first?.time?.iso8601 == "2026-05-08T16:00:00Z")
        // A first entry on the day the incident was found, two days after it started.
        let found = read("---\nstarted: 2026-05-12T08:02:00Z\ndetected: 2026-05-14T09:50:00Z\n---\n## Timeline\n\n- Thu 10:00 Alert.\n- 11:00 Paged.\n")
        #expect(found.timeline.map { $0.time?.iso8601 } == ["2026-05-14T10:00:00Z", "2026-05-14T11:00:00Z"])
        // From a lead-up the Friday before, the start's weekday is the start's day.
        let wednesday = read("---\nstarted: 2026-05-13T08:02:00Z\n---\n## Timeline\n\n- Fri 16:00 Schema merged.\n- Wed 08:02 Errors.\n")
        #expect(wednesday.timeline.map { $0.time?.iso8601 } == ["2026-05-08T16:00:00Z", "2026-05-13T08:02:00Z"])
    }

    /// A day label in a row of a table without a Day column (`| **Day 2** | |`, in either column),
    /// and more ways to write a day before a time.
    @Test func dayRowsAndPrefixes() {
        for row in ["| **Day 2** | | |", "| Day 2 | | |", "| | **Day 2** | |", "| **Wednesday** | | |", "| | | Wednesday |"] {
            let p = read(front + "| Time (UTC) | Event | Notes |\n|---|---|---|\n| 08:10 | On-call acks. | |\n\(row)\n| 11:00 | Lag back to normal. | |\n")
            #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-05-12T08:10:00Z", "2026-05-13T11:00:00Z"], "\(row)")
            #expect(p.problems.isEmpty, "\(row)")
        }
        for entry in ["Day 2 (Wed) 09:15", "Day 2 (Wednesday), 09:15", "Wednesday (day 2) 09:15", "Day 2 – Wednesday 09:15", "Wed, day 2 09:15",
                      "Day 2 @ 09:15", "Day 2 at 09:15",
                      "Day 2, ~09:15", "Wed @ 09:15", "Wed: 09:15", "**Day 2, 09:15**"] {
            let p = read(front + day1 + "- \(entry) Backlog grows again.\n")
            #expect(p.timeline.last?.time?.iso8601 == "2026-05-13T09:15:00Z", "\(entry)")
            #expect(p.timeline.last?.text == "Backlog grows again.", "\(entry)")
            #expect(p.problems.isEmpty, "\(entry)")
        }
        // A weekday in parentheses that is not day N's: day N is read, with a warning.
        let wrong = read(front + day1 + "- Day 2 (Thu) 09:15 Backlog grows again.\n")
        #expect(wrong.timeline.last?.time?.iso8601 == "2026-05-13T09:15:00Z")
        #expect(wrong.problems.first?.message.hasPrefix("`Day 2 (Thursday)` names a weekday that is not day 2's") == true)
    }

    /// Without `started` or a date in the file name, the first date the timeline writes is day 1.
    @Test func firstWrittenDateIsDayOneWithoutAStart() {
        let p = read("## Timeline\n\n### 2026-05-12\n\n- 08:02 Errors.\n- Day 2, 08:00: Still errors.\n- Day 3, 09:00 Fixed.\n", path: "lag.md")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-05-12T08:02:00Z", "2026-05-13T08:00:00Z", "2026-05-14T09:00:00Z"])
        // The first date written, not the one in effect at the first label.
        let two = read("## Timeline\n\n### 2026-05-12\n\n- 08:02 Errors.\n\n### 2026-05-13\n\n- 09:00 Paged.\n- Day 3, 10:00 Fixed.\n", path: "lag.md")
        #expect(two.timeline.last?.time?.iso8601 == "2026-05-14T10:00:00Z")
    }

    /// Words that start like a day before a time are no day: the entry keeps the day above it.
    @Test func notADayBeforeTheTime() {
        #expect(TimeExpression.leading("Dayton 09:15 backlog") == nil)
        #expect(TimeExpression.leading("Day 2 of the backlog") == nil)
        let p = read(front + day1 + "- Day 2 saw a second peak.\n- 09:15 Backlog grows again.\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-05-12T08:02:00Z", "2026-05-12T08:40:00Z", nil, "2026-05-12T09:15:00Z"])
        // A weekday before a date is the date's: the date is read, and the weekday kept as written.
        #expect(TimeExpression.leading("Wed 2026-05-13 09:15 Backlog")?.date == CalendarDate(year: 2026, month: 5, day: 13))
        #expect(TimeExpression.leading("Wed 2026-05-13 09:15 Backlog")?.weekday == 2)
    }

    /// An entry's weekday counts from a date written above it, not from the start. A date written
    /// with a weekday that is not its own gets a warning where it is written (a heading, a date
    /// line, a table row, an entry), once; entries under it count from the weekday written there.
    @Test func entryWeekdayAfterAWrittenDate() throws {
        let start = "---\nstarted: 2026-07-14T07:42:00Z\n---\n## Timeline\n\n"
        let p = read(start + "### 13 Jan 2026\n\n- 23:10 Config merged.\n- Wed 00:20 Errors begin.\n- Wed 08:19 Checkout recovers.\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-01-13T23:10:00Z", "2026-01-14T00:20:00Z", "2026-01-14T08:19:00Z"])
        #expect(!p.problems.contains { $0.code == .invalidTimestamp })
        let slip = read(start + "### Tue 14 Jan 2026\n\n- 07:42 Errors begin.\n- Tue 08:19 Checkout recovers.\n- Wed 09:00 Review.\n"
                        + "- Wed 10:00 Closed.\n")
        #expect(slip.timeline.map { $0.time?.iso8601 } == ["2026-01-14T07:42:00Z", "2026-01-14T08:19:00Z", "2026-01-15T09:00:00Z",
                                                          "2026-01-15T10:00:00Z"])
        let problem = try #require(slip.problems.first { $0.code == .invalidTimestamp })
        #expect(problem.severity == .warning)
        #expect(problem.range?.start.line == 6)
        #expect(problem.message == "Tuesday is written with 2026-01-14, which is a Wednesday; the date is read")
        #expect(slip.problems.count == 1)
        for written in ["Tue 2026-01-14", "- Tue 2026-01-14 07:42 Errors begin.", "| Tue 2026-01-14 | |"] {
            let other = read(start + (written.hasPrefix("|") ? "| When | Event |\n|---|---|\n\(written)\n| 07:42 | Errors begin. |\n"
                                                             : "\(written)\n"))
            #expect(other.problems.map(\.message) == ["Tuesday is written with 2026-01-14, which is a Wednesday; the date is read"], "\(written)")
        }
        // Out of order under a date heading: the Monday before, and the entries after it go on.
        let late = read(start + "### Tuesday, January 13, 2026\n\n- 09:00 Errors begin.\n- Mon 23:50 Cert job was skipped (found later).\n"
                        + "- Wed 09:00 Fixed.\n")
        #expect(late.timeline.map { $0.time?.iso8601 } == ["2026-01-13T09:00:00Z", "2026-01-12T23:50:00Z", "2026-01-14T09:00:00Z"])
        // Slashes are read day first; a weekday that is the other order's says they are month first.
        let us = read(start + "- Tue 05/12/2026 6:00 PM Errors begin.\n- Tue 12/05 19:00 Paged.\n")
        #expect(us.timeline.map { $0.time?.iso8601 } == ["2026-05-12T18:00:00Z", "2026-05-12T19:00:00Z"])
        #expect(us.problems.isEmpty)
    }

    /// From the fourth retest: a weekday after an entry past midnight counts from that entry's
    /// day (it had counted from the weekday written before midnight, a day late, growing by a day
    /// at each crossing); a first weekday is the day of `started` or `detected` only (a lead-up on
    /// the weekday `resolved` fell on had moved the incident a week); an entry's weekday five days
    /// on is five days on (a Thursday incident, then `- Tue 09:00` after the weekend).
    @Test func weekdaysAfterMidnightAndAtTheEdges() {
        let night = read("---\nstarted: 2026-05-08T22:10:00Z\n---\n## Timeline\n\n- Fri 22:10 Errors.\n- 00:40 Escalated.\n- Sat 03:15 Mitigated.\n"
                         + "- 23:50 Quiet.\n- 00:10 Still quiet.\n- Sun 09:00 Closed.\n")
        #expect(night.timeline.map { $0.time?.iso8601 } == ["2026-05-08T22:10:00Z", "2026-05-09T00:40:00Z", "2026-05-09T03:15:00Z",
                                                           "2026-05-09T23:50:00Z", "2026-05-10T00:10:00Z", "2026-05-10T09:00:00Z"])
        let headings = read(front + "### Monday\n\n- 23:00 Deploy.\n- 00:20 Errors.\n\n### Tuesday\n\n- 09:00 Fixed.\n")
        #expect(headings.timeline.last?.time?.iso8601 == "2026-05-12T09:00:00Z")
        let resolvedMonday = read("---\nstarted: 2026-05-08T22:10:00Z\nresolved: 2026-05-11T09:30:00Z\n---\n## Timeline\n\n"
                                  + "- Mon 16:00 v2.3 deployed.\n- Fri 22:10 Errors.\n- Mon 09:30 Resolved.\n")
        #expect(resolvedMonday.timeline.map { $0.time?.iso8601 } == ["2026-05-04T16:00:00Z", "2026-05-08T22:10:00Z", "2026-05-11T09:30:00Z"])
        let weekend = read("---\nstarted: 2026-05-14T10:00:00Z\n---\n## Timeline\n\n- Thu 10:00 Errors.\n- Tue 09:00 Fix deployed.\n")
        #expect(weekend.timeline.last?.time?.iso8601 == "2026-05-19T09:00:00Z")
        // Under a date written with the wrong weekday on the day the incident started.
        let frame = read("---\nstarted: 2026-01-14T07:00:00Z\n---\n## Timeline\n\n### Tue 14 Jan 2026\n\n- 07:42 Errors.\n- Wed 09:00 Fixed.\n")
        #expect(frame.timeline.last?.time?.iso8601 == "2026-01-15T09:00:00Z")
        // A year-less date near the turn of a year is in the year in which it is that weekday.
        // (30 December is nearer 1 July 2026 in 2026, a Wednesday, by a day.)
        let turn = read("---\nstarted: 2026-07-01T10:00:00Z\n---\n## Timeline\n\n### Tue 30 Dec\n\n- 10:00 Capacity review.\n")
        #expect(turn.timeline.map { $0.time?.iso8601 } == ["2025-12-30T10:00:00Z"])
        #expect(turn.problems.isEmpty)
        // A year-less date with nothing to give it a year is not compared with its weekday.
        #expect(read("## Timeline\n\n### Fri 8 May\n\n- 09:00 Errors.\n", path: "lag.md").problems.isEmpty)
        // Slash dates that fit the weekday both ways: the reading nearer the date above.
        let slashes = read(front + "### Fri 05/08/2026\n\n- 22:10 Errors.\n\n### Sat 05/09/2026\n\n- 03:15 Fixed.\n")
        #expect(slashes.timeline.map { $0.time?.iso8601 } == ["2026-05-08T22:10:00Z", "2026-05-09T03:15:00Z"])
        #expect(slashes.problems.isEmpty)
    }

    /// From the review of the fourth retest's mends: the incident's days in the zone the timeline
    /// states; the first date written after the order of its slashes is settled; no swap of a date
    /// written year first; the date's company restored after a table without a timed row.
    @Test func reviewOfTheWeekdayMends() throws {
        let pt = read("---\nstarted: 2026-05-12T20:00:00-07:00\ndetected: 2026-05-14T20:00:00-07:00\n---\n## Timeline (all times PT)\n\n"
                      + "### Thursday\n\n- 20:00 Alert fires.\n")
        #expect(pt.timeline.first?.time?.iso8601 == "2026-05-14T20:00:00-07:00")
        let noStart = read("## Timeline\n\n- Tue 05/12/2026 18:00 Errors.\n- Day 2, 08:00 Fixed.\n", path: "lag.md")
        #expect(noStart.timeline.map { $0.time?.iso8601 } == ["2026-05-12T18:00:00Z", "2026-05-13T08:00:00Z"])
        let yearFirst = read(front + "- Tue 2026/12/05 10:00 Errors.\n")
        #expect(yearFirst.timeline.first?.time?.iso8601 == "2026-12-05T10:00:00Z")
        #expect(yearFirst.problems.map(\.message) == ["Tuesday is written with 2026-12-05, which is a Saturday; the date is read"])
        let table = read(front + "| When | Event |\n|---|---|\n| Thu 2026-01-16 | |\n\n- 08:02 Lag alert fires.\n- Tue 09:00 Rolled back.\n")
        #expect(table.timeline.map { $0.time?.iso8601 } == ["2026-05-12T08:02:00Z", "2026-05-12T09:00:00Z"])
        // The day labels' numbering too: a `Day 0` in such a table does not make day 2 the 14th.
        let days = read(front + "| When | Event |\n|---|---|\n| Day 0 | |\n\n- Day 2, 08:00 Backlog grows again.\n")
        #expect(days.timeline.map { $0.time?.iso8601 } == ["2026-05-13T08:00:00Z"])
    }

    /// After a lead-up dated by its own weekday, entries without one that the start's day puts at
    /// the start or up to an hour after it, or at `detected`, `mitigated` or `resolved`, are on that
    /// day; the lead-up's own later entries stay.
    @Test func entriesAfterAWeekdayLeadUp() {
        let evening = "---\nstarted: 2026-05-12T18:00:00Z\n---\n## Timeline\n\nAll times UTC.\n\n"
        let p = read(evening + "- Mon 16:00 Deploy.\n- 17:00 Canary passes.\n- 18:00 Errors begin.\n- 18:30 Rolled back.\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-05-11T16:00:00Z", "2026-05-11T17:00:00Z", "2026-05-12T18:00:00Z",
                                                       "2026-05-12T18:30:00Z"])
        let morning = read(front + "- Fri 16:00 Schema change merged.\n- 17:30 Deployed to the canary.\n- 08:02 Lag alert fires.\n")
        #expect(morning.timeline.map { $0.time?.iso8601 } == ["2026-05-08T16:00:00Z", "2026-05-08T17:30:00Z", "2026-05-12T08:02:00Z"])
        // Up to an hour after the start: the lead-up's own entries at the start's time of day and
        // later stay on their day (`- 10:00 Canary passes.` two hours after a start at 08:00).
        let canary = read("---\nstarted: 2026-05-12T08:00:00Z\n---\n## Timeline\n\n- Mon 09:00 Deploy.\n- 10:00 Canary passes.\n"
                          + "- Tue 08:00 Errors begin.\n")
        #expect(canary.timeline.map { $0.time?.iso8601 } == ["2026-05-11T09:00:00Z", "2026-05-11T10:00:00Z", "2026-05-12T08:00:00Z"])
        // Or at `detected`, `mitigated` or `resolved`: an alert an hour and a half after the start.
        let alert = read("---\nstarted: 2026-05-12T18:00:00Z\ndetected: 2026-05-12T19:30:00Z\n---\n## Timeline\n\n- Mon 16:00 Deploy.\n"
                         + "- 19:30 Alert fires.\n- 19:45 Rolled back.\n")
        #expect(alert.timeline.map { $0.time?.iso8601 } == ["2026-05-11T16:00:00Z", "2026-05-12T19:30:00Z", "2026-05-12T19:45:00Z"])
        // An entry in a zone of its own.
        let zoned = read(evening + "- Mon 16:00 Deploy.\n- 11:00 AM PT: Errors begin.\n- 18:30 Rolled back.\n")
        #expect(zoned.timeline.map { $0.time?.iso8601 } == ["2026-05-11T16:00:00Z", "2026-05-12T11:00:00-07:00", "2026-05-12T18:30:00Z"])
    }

    /// A weekday that is not day N's: day N is read, and the heading is reported where it is.
    @Test func weekdayThatIsNotTheDays() throws {
        let p = read(front + "### Day 1\n\n\(day1)\n### Day 2 (Thursday)\n\n\(day2)")
        #expect(p.timeline.map { $0.time?.iso8601 } == expected)
        let problem = try #require(p.problems.first { $0.code == .invalidTimestamp })
        #expect(problem.severity == .warning)
        #expect(problem.range?.start.line == 13)
        #expect(problem.message.contains("day 2 of an incident that started on 2026-05-12 is Wednesday 2026-05-13"))
    }

    /// The first weekday label is the one nearest the start: background the day before, then the
    /// incident's days in order; a later weekday is the first such day on or after the one above.
    @Test func weekdaysNearTheStartThenForward() {
        let p = read(front + "### Monday\n\n- 16:00 Deploy merged.\n\n### Tuesday\n\n\(day1)\n### Wednesday\n\n\(day2)\n### Monday\n\n- 11:00 Review.\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-05-11T16:00:00Z"] + expected + ["2026-05-18T11:00:00Z"])
    }

    /// Prose and other headings are no labels.
    @Test func notLabels() {
        for line in ["Day 2 of the backlog saw a second peak.", "Daily summary", "Days 1-3", "Sunday Times coverage of the outage",
                     "Monday's rollout went out at 09:00", "Day one", "Wed and Thu were quiet days after the incident"] {
            #expect(DayLabel(line: line) == nil, "\(line)")
        }
        #expect(DayLabel(heading: "Sun") == DayLabel(day: nil, weekday: 6))
        #expect(DayLabel(heading: "Sunday Times coverage") == nil)
        for heading in ["Monday.com webhook backlog", "Friday's deploy", "Sunday Ticket streams", "Saturday Night Live clip cache"] {
            #expect(DayLabel(heading: heading) == nil, "\(heading)")
        }
        #expect(DayLabel(heading: "Thursday – recovery") == DayLabel(day: nil, weekday: 3))
        #expect(DayLabel(heading: "Thursday (day 2)") == DayLabel(day: 2, weekday: 3))
        #expect(DayLabel(heading: "Sun Times coverage") == nil)
        #expect(DayLabel(heading: "Day 3: clean-up (Thursday)") == DayLabel(day: 3, weekday: 3))
        #expect(DayLabel(heading: "Dayshift handover") == nil)
        // A paragraph of prose in the timeline stays prose, and the times keep their day.
        let p = read(front + day1 + "\nDay 2 of the backlog saw a second peak.\n\n- 09:15 Backlog grows again.\n")
        #expect(p.timeline.last?.time?.iso8601 == "2026-05-12T09:15:00Z")
    }

    /// Without a start, day 1 is the date in the file name; without either, a day label has
    /// nothing to count from.
    @Test func withoutAStart() {
        let text = "## Timeline\n\n### Day 2\n\n- 09:15 Backlog grows again.\n"
        #expect(read(text).timeline.first?.time?.iso8601 == "2026-07-15T09:15:00Z")
        #expect(read(text, path: "postmortems/queue-backlog.md").timeline.first?.time == nil)
    }

    @Test func weekdayOfDates() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.weekday == 3)
        #expect(CalendarDate(year: 2026, month: 5, day: 12)?.weekday == 1)
        #expect(CalendarDate(year: 1969, month: 12, day: 29)?.weekday == 0)
        #expect(CalendarDate(year: 2026, month: 12, day: 6)?.weekday == 6)
    }

    /// Slash dates of one digit (`5/8/2026`, US style) and with a year of two (`5/8/26`) had no
    /// time, and neither did `5/8 22:10` or `Fri 5/8 22:10`.
    @Test func slashDatesOfOneDigitAndTwoDigitYears() {
        let p = read("---\nstarted: 2026-05-08T22:10:00Z\n---\n## Timeline\n\nAll times UTC.\n\n"
                     + "- 5/8/2026 22:10 a\n- 5/8/2026 10:10 PM b\n- 5/8/26 22:10 c\n- 5/8 22:10 d\n- Fri 5/8 22:10 e\n- Fri, 5/8/2026 10:10 PM f\n"
                     + "- 5/9/2026 09:00 g\n")
        #expect(p.timeline.map(\.text) == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(p.timeline.map { $0.time.map { $0.epochSeconds - p.started!.epochSeconds } } == [0, 0, 0, 0, 0, 0, 39_000])
        #expect(p.problems.isEmpty)
        // With dots, a year of two digits is a version, not a date.
        let version = read("## Timeline\n\n- 14:00 Errors begin.\n- 1.2.26 released to the canary.\n")
        #expect(version.timeline.map { $0.time == nil } == [false, true])
    }

    /// A slash date in doubt without a weekday (`05/08/2026`) was read day first, 5 August, in a
    /// timeline that starts on 8 May: every entry after it came before it. Of the two orders the
    /// one nearer the date above is read (at first, the start's); without one, day first.
    @Test func aSlashDateInDoubtIsReadInTheOrderNearerTheDateAbove() {
        let entries = "## Timeline\n\nAll times UTC.\n\n- 05/08/2026 14:00 Errors begin.\n- 05/09/2026 09:00 Fixed.\n"
        let us = read("---\nstarted: 2026-05-08T14:00:00Z\n---\n" + entries)
        #expect(us.timeline.map { $0.time?.description } == ["2026-05-08T14:00:00Z", "2026-05-09T09:00:00Z"])
        let europe = read("---\nstarted: 2026-08-05T14:00:00Z\n---\n" + entries)
        #expect(europe.timeline.map { $0.time?.description } == ["2026-08-05T14:00:00Z", "2026-09-05T09:00:00Z"])
        let neither = read(entries, path: "incident.md")
        #expect(neither.timeline.map { $0.time?.description } == ["2026-08-05T14:00:00Z", "2026-09-05T09:00:00Z"])
        #expect([us, europe, neither].allSatisfy { $0.problems.isEmpty })
    }

    /// A weekday after a date, in parentheses (`### 2015-10-20 (Wednesday)`) or ending the line
    /// after a comma or a dash (`### 2016-04-08 - Monday`), was not compared with the date.
    @Test func aWeekdayAfterADateIsChecked() {
        let p = readTimeline(started: "2015-10-20T14:00:00Z", """
            ### 2015-10-20 (Tuesday)

            - 14:00 Errors begin.

            ### 2015-10-21 (Thursday)

            - 09:00 Fix deployed.

            - 2015-10-22 (Thu) 10:00 Closed.
            - 10/23/2015 (Fri) 11:00 Review.

            ### 2015-10-24 - Saturday

            - 10:00 Report sent.

            ### 2015-10-25, Monday

            - 2015-10-26 - Monday deploy
            """)
        #expect(p.timeline.map { $0.time?.description } == ["2015-10-20T14:00:00Z", "2015-10-21T09:00:00Z", "2015-10-22T10:00:00Z",
                                                            "2015-10-23T11:00:00Z", "2015-10-24T10:00:00Z", "2015-10-26T00:00:00Z"])
        #expect(p.timeline.last?.text == "Monday deploy")
        #expect(p.problems.map { "\($0.range!.start.line) \($0.message)" } == [
            "12 Thursday is written with 2015-10-21, which is a Wednesday; the date is read",
            "23 Monday is written with 2015-10-25, which is a Sunday; the date is read",
        ])
    }

    /// Without `started` or a date in the file name, a date written under `### Day 2` had been
    /// taken for day 1's, so `### Day 3` was a day late. It is day 2's, and the entries under
    /// `### Day 1` above it, read before it was known, are dated from it (the second retest).
    @Test func aDateWrittenUnderADayLabelIsThatDays() {
        let p = read("## Timeline\n\nAll times UTC.\n\n### Day 1\n\n- 14:00 Errors begin.\n\n### Day 2\n\n- 2026-07-15 09:00 Fix deployed.\n\n"
                     + "### Day 3\n\n- 09:00 Closed.\n\n### Day 5\n\n- 09:00 Review.\n", path: "incident.md")
        #expect(p.timeline.map { $0.time?.description } == ["2026-07-14T14:00:00Z", "2026-07-15T09:00:00Z", "2026-07-16T09:00:00Z", "2026-07-18T09:00:00Z"])
        let zero = read("## Timeline\n\nAll times UTC.\n\n### Day 0\n\n- 14:00 Deploy.\n\n### Day 1\n\n- 2026-07-15 09:00 Errors begin.\n\n"
                        + "### Day 2\n\n- 09:00 Closed.\n", path: "incident.md")
        #expect(zero.timeline.map { $0.time?.description } == ["2026-07-14T14:00:00Z", "2026-07-15T09:00:00Z", "2026-07-16T09:00:00Z"])
    }

    /// From the retest of this stop's dates (helper session, /tmp/rt45): the order the timeline's
    /// own slash dates show wins over nearness. A lead-up weeks before had pulled European dates
    /// into the other order (`19/04/2026`, then `03/06/2026` read as 6 March), and so had a US
    /// lead-up; a date in doubt that one order makes the start's day shows the order too.
    @Test func theTimelinesOwnSlashDatesShowTheirOrder() {
        func times(_ front: String, _ entries: String) -> [String?] {
            read((front.isEmpty ? "" : "---\n\(front)\n---\n") + "## Timeline\n\nAll times UTC.\n\n" + entries, path: "incident.md")
                .timeline.map { $0.time?.description }
        }
        #expect(times("started: 2026-06-03T08:00:00Z", "- 19/04/2026 10:00 Allow-list changed.\n- 03/06/2026 08:00 Queue up.\n- 04/06/2026 12:00 Closed.\n")
                == ["2026-04-19T10:00:00Z", "2026-06-03T08:00:00Z", "2026-06-04T12:00:00Z"])
        #expect(times("started: 2026-11-10T15:00:00Z", "- 10/14/2026 09:00 Schema merged.\n- 11/10/2026 15:00 Reindex starts.\n")
                == ["2026-10-14T09:00:00Z", "2026-11-10T15:00:00Z"])
        // Nothing above: `5/13/2026` shows month first.
        #expect(times("", "- 5/8/2026 15:10 Rotated.\n- 5/8/2026 17:40 Recovered.\n- 5/13/2026 11:00 Review.\n")
                == ["2026-05-08T15:10:00Z", "2026-05-08T17:40:00Z", "2026-05-13T11:00:00Z"])
        // `3/6/26` is the start's day only month first, so `2/4/26` is 4 February, not 2 April.
        #expect(times("started: 2026-03-06T11:07:00Z", "### 2/4/26\n\n- 10:00 Lead-up.\n\n### 3/6/26\n\n- 11:07 Errors begin.\n")
                == ["2026-02-04T10:00:00Z", "2026-03-06T11:07:00Z"])
    }

    /// From the same retest: a date in a prose line of the timeline ("The 6/1/2026 capacity
    /// review had flagged this.") had moved the entries after it to that day; a date line
    /// (`Date: 5/8/2026`) is one, read in the order nearer the start. Groups of three numbers
    /// (`3/6/12 replicas`, `8/16/32 GiB`) are no dates; a month and day with nothing to give them
    /// a year date nothing (they had been read in the year 2000); a one-digit date with hyphens
    /// in the file name is none.
    @Test func datesInProseAndNumbersThatAreNone() {
        let start = "---\nstarted: 2026-05-08T22:10:00Z\n---\n## Timeline\n\nAll times UTC.\n\n"
        let stated = read(start + "Date: 5/8/2026\n\n- 22:10 Errors begin.\n\nThe 6/1/2026 capacity review had flagged this.\n\n- 23:00 Rolled back.\n")
        #expect(stated.timeline.map { $0.time?.description } == ["2026-05-08T22:10:00Z", "2026-05-08T23:00:00Z"])
        let numbers = read(start + "- 22:10 Pods OOM-killed.\n\nMemory limits were 8/16/32 GiB across tiers.\n\n- 22:20 Limits raised.\n- 3/6/12 replicas reached at 22:30.\n- 22:40 Recovered.\n")
        #expect(numbers.timeline.map { $0.time?.description } == ["2026-05-08T22:10:00Z", "2026-05-08T22:20:00Z", nil, "2026-05-08T22:40:00Z"])
        let yearless = read("## Timeline\n\nAll times UTC.\n\n- Tue 4/7 11:00 Deploy.\n- 4/7 12:00 Errors.\n", path: "incident.md")
        #expect(yearless.timeline.map { $0.time == nil } == [true, true])
        #expect(yearless.timeline.map(\.text) == ["Deploy.", "Errors."])
        #expect(TimelineExtractor.dateInName("postmortems/checkout-outage-5-8-2026.md") == nil)
        #expect(TimelineExtractor.dateInName("postmortems/2026-05-08-checkout.md") == CalendarDate(year: 2026, month: 5, day: 8))
    }

    /// From the same retest: a weekday after an en or em dash was not checked, and a time after
    /// a weekday in parentheses and a colon was lost (`- 2026-05-08 (Fri): 14:40 Deploy.`).
    @Test func weekdaysAfterDashesAndBeforeAColon() {
        let p = read("---\nstarted: 2026-05-14T10:00:00Z\n---\n## Timeline\n\nAll times UTC.\n\n### 2026-05-14 – Wednesday\n\n- 10:00 x\n\n"
                     + "### 2026-05-15 — Friday\n\n- 10:00 y\n\n- 2026-05-16 (Sat): 14:40 Deploy.\n")
        #expect(p.timeline.map { $0.time?.description } == ["2026-05-14T10:00:00Z", "2026-05-15T10:00:00Z", "2026-05-16T14:40:00Z"])
        #expect(p.timeline.last?.text == "Deploy.")
        #expect(p.problems.map(\.message) == ["Wednesday is written with 2026-05-14, which is a Thursday; the date is read"])
    }

    /// `### Day 0` over a lead-up and `### Day 1` over an incident that started on day 1's date
    /// had been read with day 0 as the start's day: every entry a day late, none at `started`.
    /// Day 0 is the day before when that puts entries at more of the front matter's times; with
    /// the incident on day 0, day 0 is the start's day.
    @Test func dayZeroIsTheDayBeforeWhenTheIncidentIsOnDayOne() {
        let entries = "## Timeline\n\nAll times UTC.\n\n### Day 0\n\n- 14:00 Config change deployed.\n\n### Day 1\n\n- 09:03 Errors begin.\n- 11:00 Rolled back.\n\n### Day 2\n\n- 10:00 Closed.\n"
        let p = read("---\nstarted: 2026-07-15T09:00:00Z\nmitigated: 2026-07-15T11:00:00Z\n---\n" + entries)
        #expect(p.timeline.map { $0.time?.description } == ["2026-07-14T14:00:00Z", "2026-07-15T09:03:00Z", "2026-07-15T11:00:00Z", "2026-07-16T10:00:00Z"])
        let onDayZero = read("---\nstarted: 2026-07-15T14:00:00Z\n---\n" + entries)
        #expect(onDayZero.timeline.map { $0.time?.description } == ["2026-07-15T14:00:00Z", "2026-07-16T09:03:00Z", "2026-07-16T11:00:00Z", "2026-07-17T10:00:00Z"])
        #expect(p.problems.isEmpty && onDayZero.problems.isEmpty)
    }

    /// From the second retest of this stop (/tmp/rt45b): a date line with a weekday (`Date:
    /// Thursday, December 10, 2026`) had dated nothing, and "on" with a date in the middle of
    /// prose had moved the entries after it.
    @Test func dateLinesWithAWeekdayAndDatesInProse() {
        let start = "---\nstarted: 2026-12-08T14:00:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 14:00 Errors.\n\n"
        for line in ["Date: Thursday, December 10, 2026", "**Date:** Thu 10/12/2026", "On Thu, 10 Dec 2026:", "Incident date: 2026-12-10 (Thursday)"] {
            let p = read(start + line + "\n\n- 10:00 Review.\n")
            #expect(p.timeline.last?.time?.description == "2026-12-10T10:00:00Z", "\(line)")
            #expect(p.problems.isEmpty, "\(line)")
        }
        let wrong = read(start + "Date: Friday, December 10, 2026\n\n- 10:00 Review.\n")
        #expect(wrong.problems.map(\.message) == ["Friday is written with 2026-12-10, which is a Thursday; the date is read"])
        let prose = read(start + "We had discussed this risk on 7/2/2026 in the capacity review.\n\n- 15:00 Rolled back.\n")
        #expect(prose.timeline.last?.time?.description == "2026-12-08T15:00:00Z")
    }

    /// From the second retest: a weekday that fits neither order of a slash date in doubt had
    /// chosen the order against `started`; a date quoted in an entry's text had decided the
    /// order; the file name's date had counted for nothing; and without anything to measure
    /// from, two dates in doubt had been read in two orders.
    @Test func slashDatesInDoubtAfterTheSecondRetest() {
        let neither = read("---\nstarted: 2026-10-05T08:10:00Z\n---\n## Timeline\n\nAll times UTC.\n\n### Tue 10/5/2026\n\n- 08:10 Errors rise.\n")
        #expect(neither.timeline.first?.time?.description == "2026-10-05T08:10:00Z")
        #expect(neither.problems.map(\.message) == ["Tuesday is written with 2026-10-05, which is a Monday; the date is read"])
        let quoted = read("## Timeline\n\nAll times UTC.\n\n- 08/05/2026 14:00 Config from the 10/14/2025 change reverted.\n- 09/05/2026 10:00 Resumed.\n",
                          path: "postmortems/2026-05-08-config.md")
        #expect(quoted.timeline.map { $0.time?.description } == ["2026-05-08T14:00:00Z", "2026-05-09T10:00:00Z"])
        let nothing = read("## Timeline\n\nAll times UTC.\n\n### 10/11/2026\n\n- 16:00 Change merged.\n\n### 11/10/2026\n\n- 14:00 Errors begin.\n",
                           path: "incident.md")
        #expect(nothing.timeline.map { $0.time?.description } == ["2026-11-10T16:00:00Z", "2026-10-11T14:00:00Z"])
    }

    /// From the second retest: two-digit years before a weekday, year-less slash dates alone on
    /// a heading or a bold line, a date in brackets or before a colon with the time after it.
    @Test func moreSlashDateForms() {
        let p = readTimeline(started: "2026-04-14T18:00:00Z", """
            - 4/12/26 (Sun) 16:00 Change merged.
            - 4/14/26 (Tue) 18:00 Errors begin.
            - [4/14/26] 18:10 Paged.
            - 4/14/2026: 18:20 Rolled back.

            **4/15/26 – Wednesday**

            - 10:00 Review.

            ### Thu 4/16

            - 11:00 Report.

            **4/17**

            - 12:00 Closed.
            - 4/18 (Fri) 16:00 Wrong weekday.
            """)
        #expect(p.timeline.map { $0.time?.description } == ["2026-04-12T16:00:00Z", "2026-04-14T18:00:00Z", "2026-04-14T18:10:00Z", "2026-04-14T18:20:00Z",
                                                            "2026-04-15T10:00:00Z", "2026-04-16T11:00:00Z", "2026-04-17T12:00:00Z", "2026-04-18T16:00:00Z"])
        #expect(p.timeline.map(\.text).prefix(4) == ["Change merged.", "Errors begin.", "Paged.", "Rolled back."])
        #expect(p.problems.map(\.message) == ["Friday is written with 2026-04-18, which is a Saturday; the date is read"])
    }

    /// From the third retest of this stop (/tmp/rt45c): a day label with its own date (`### Day
    /// 3 — 2026-05-14`) had counted the labels above it from the label before it, a day off; a
    /// date under another heading (`### Postmortem review`) had been taken for the last label's.
    @Test func dayLabelsWithTheirOwnDates() {
        let labelled = read("## Timeline\n\nAll times UTC.\n\n### Day 1\n\n- 14:00 Disk alarms.\n\n### Day 2\n\n- 09:00 Rebuild started.\n\n"
                            + "### Day 3 — 2026-05-14\n\n- 10:00 Rebuild complete.\n", path: "incident.md")
        #expect(labelled.timeline.map { $0.time?.description } == ["2026-05-12T14:00:00Z", "2026-05-13T09:00:00Z", "2026-05-14T10:00:00Z"])
        let bold = read("## Timeline\n\nAll times UTC.\n\n**Day 1**\n\n- 14:00 Disk alarms.\n\n**Day 2 — 5/13/2026**\n\n- 09:00 Rebuild started.\n",
                        path: "incident.md")
        #expect(bold.timeline.map { $0.time?.description } == ["2026-05-12T14:00:00Z", "2026-05-13T09:00:00Z"])
        let other = read("## Timeline\n\nAll times UTC.\n\n### Day 1\n\n- 14:00 Disk alarms.\n\n### Day 2\n\n- 17:00 Rebuilt.\n\n"
                         + "### Postmortem review\n\n- 2026-05-20 10:00 Review held.\n", path: "incident.md")
        #expect(other.timeline.map { $0.time?.description } == [nil, nil, "2026-05-20T10:00:00Z"])
    }

    /// From the third retest: date lines that end with a full stop or go on after the date
    /// (`Date: 2026-10-17.`, `Date: 2026-10-17 | Severity: SEV2`), and short labels with a date
    /// (`Date of incident: …`, `When: …`, `Update 2026-10-19:`, `Continued on 2026-10-17`) had
    /// dated nothing after the first fix; a date in the middle of prose still dates nothing.
    @Test func labelsWithADate() {
        let start = "---\nstarted: 2026-10-14T16:00:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 16:00 Errors begin.\n\n"
        for line in ["Date: 2026-10-17.", "Date: 2026-10-17 | Severity: SEV2", "Date - 2026-10-17", "Date:2026-10-17", "Date of incident: 2026-10-17",
                     "When: Saturday, October 17, 2026", "Update 2026-10-17:", "Continued on 2026-10-17", "Later, on 10/17/2026:", "On October 17, 2026.",
                     "Date: 2026-10-17 to 2026-10-18", "**Date:** 2026-10-17;"] {
            let p = read(start + line + "\n\n- 08:00 Errors recur.\n")
            #expect(p.timeline.last?.time?.description == "2026-10-17T08:00:00Z", "\(line)")
        }
        for line in ["A patch dated 10/1/2026 was never deployed.", "The 10/1/2026 capacity review had flagged this."] {
            let p = read(start + line + "\n\n- 18:00 Rolled back.\n")
            #expect(p.timeline.last?.time?.description == "2026-10-14T18:00:00Z", "\(line)")
        }
    }

    /// From the third retest: dates in doubt had each taken the order nearer the incident, one
    /// timeline in two orders (`06/05/2026` as 5 June, `11/06/2026` as 11 June, before a 10 June
    /// start). Taken together, day first puts them nearer. A weekday that fits only a date two
    /// months from the incident, when the other reading is within two weeks of it, is a weekday
    /// written wrong (`### Sat 7/2/2026` after a start on 1 July had been 7 February).
    @Test func oneOrderForTheTimelinesDatesInDoubt() {
        let eu = read("---\nstarted: 2026-06-10T09:00:00+02:00\ntimezone: Europe/Berlin\n---\n## Timeline\n\n"
                      + "- 06/05/2026 16:00 TTL change merged behind a flag.\n- 11/06/2026 10:00 Review.\n")
        #expect(eu.timeline.map { $0.time?.description } == ["2026-05-06T16:00:00+02:00", "2026-06-11T10:00:00+02:00"])
        let weekday = read("---\nstarted: 2026-07-01T14:00:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 14:00 Errors.\n\n### Sat 7/2/2026\n\n- 16:00 Fix.\n")
        #expect(weekday.timeline.map { $0.time?.description } == ["2026-07-01T14:00:00Z", "2026-07-02T16:00:00Z"])
        #expect(weekday.problems.map(\.message) == ["Saturday is written with 2026-07-02, which is a Thursday; the date is read"])
    }

    /// From the fourth retest of this stop (/tmp/rt45d): lines of prose that end with a date
    /// ("Note: a similar incident occurred on 2026-09-12.", "Timeline compiled from Slack on
    /// 2026-10-20.") had dated the entries after them; labelled dates without a year (`Date:
    /// Friday, May 15`) had not; a day label with its date in brackets had been read for its
    /// date as prose, a day off (it is read as a day label with its date now).
    @Test func dateLinesAfterTheFourthRetest() {
        let start = "---\nstarted: 2026-10-14T14:00:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 14:00 Errors begin.\n\n"
        for line in ["Note: a similar incident occurred on 2026-09-12.", "The config change had been merged on 2026-10-01.",
                     "After the 2026-10-01 release, the following was observed:", "Related incident: INC-2231 (2026-09-12)",
                     "Resolved: 2026-10-15 09:00 UTC", "Timeline compiled from Slack on 2026-10-20."] {
            let p = read(start + line + "\n\n- 15:00 Rolled back.\n")
            #expect(p.timeline.last?.time?.description == "2026-10-14T15:00:00Z", "\(line)")
        }
        for line in ["Date: Friday, October 16", "Date: 16/10", "On October 16:", "**Date**: Friday 10/16", "On Friday, October 16, 2026"] {
            let p = read(start + line + "\n\n- 09:10 Duplicates flagged.\n")
            #expect(p.timeline.last?.time?.description == "2026-10-16T09:10:00Z", "\(line)")
        }
        let brackets = read("## Timeline\n\nAll times UTC.\n\n**Day 1 (Tuesday)**\n\n- 14:00 A.\n\n**Day 2 (Wednesday)**\n\n- 09:00 B.\n\n"
                            + "**Day 3 (Thursday, May 14, 2026)**\n\n- 10:00 C.\n", path: "incident.md")
        // Read for its own date since the fifth retest (`dayLabelsWithDatesInBrackets…`).
        #expect(brackets.problems.isEmpty)
        #expect(brackets.timeline.map { $0.time?.description } == ["2026-05-12T14:00:00Z", "2026-05-13T09:00:00Z", "2026-05-14T10:00:00Z"])
    }

    /// From the fourth retest: slash dates in day labels and date lines (`### Day 1 —
    /// 5/11/2026`, `Continued on 5/13/2026.`) show the timeline's order too; a weekday after the
    /// date in a day label is checked.
    @Test func dayLabelsAndDateLinesShowTheOrder() {
        let labels = read("## Timeline\n\nAll times UTC.\n\n### Day 1 — 5/11/2026\n\n- 10:00 A.\n\n### Day 2 — 5/12/2026\n\n- 10:00 B.\n\n"
                          + "### Day 3 — 5/13/2026\n\n- 10:00 C.\n", path: "incident.md")
        #expect(labels.timeline.map { $0.time?.description } == ["2026-05-11T10:00:00Z", "2026-05-12T10:00:00Z", "2026-05-13T10:00:00Z"])
        let continued = read("## Timeline\n\nAll times UTC.\n\n- 5/6/2026 10:00 A.\n\nContinued on 5/13/2026.\n\n- 10:00 C.\n", path: "incident.md")
        #expect(continued.timeline.map { $0.time?.description } == ["2026-05-06T10:00:00Z", "2026-05-13T10:00:00Z"])
        let weekday = read("---\nstarted: 2026-05-12T14:00:00Z\n---\n## Timeline\n\nAll times UTC.\n\n### Day 1\n\n- 14:00 A.\n\n### Day 2 — 2026-05-13 (Mon)\n\n- 09:00 C.\n")
        #expect(weekday.problems.map(\.message) == ["Monday is written with 2026-05-13, which is a Wednesday; the date is read"])
    }

    /// From the fifth retest of this stop (/tmp/rt45e): a day label with its date in brackets
    /// (`**Day 3 (Friday, August 21, 2026)**`, `### Day 1 (2026-05-12)`) had been read for its
    /// date as prose, then not at all; a label with a date and a time (`Started: 2026-10-14 14:00
    /// UTC`) had dated nothing; a date in a zone statement's second sentence ("All times UTC.
    /// Reconstructed from Slack on 2026-08-21.") had dated every entry.
    @Test func dayLabelsWithDatesInBracketsAndLabelsWithTimes() {
        let bold = read("---\nstarted: 2026-08-19T21:30:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 21:30 A.\n\n**Day 3 (Friday, August 21, 2026)**\n\n- 09:00 C.\n")
        #expect(bold.timeline.map { $0.time?.description } == ["2026-08-19T21:30:00Z", "2026-08-21T09:00:00Z"])
        let heading = read("## Timeline\n\nAll times UTC.\n\n### Day 1 (2026-05-12)\n\n- 14:00 A.\n\n### Day 2\n\n- 09:00 B.\n", path: "incident.md")
        #expect(heading.timeline.map { $0.time?.description } == ["2026-05-12T14:00:00Z", "2026-05-13T09:00:00Z"])
        let started = read("## Timeline\n\nAll times UTC.\n\nStarted: 2026-10-14 14:00 UTC\n\n- 14:00 A.\n", path: "incident.md")
        #expect(started.timeline.map { $0.time?.description } == ["2026-10-14T14:00:00Z"])
        let compiled = read("---\nstarted: 2026-08-19T21:30:00Z\n---\n## Timeline\n\nAll times UTC. Reconstructed from Slack on 2026-08-21.\n\n- 21:30 A.\n")
        #expect(compiled.timeline.map { $0.time?.description } == ["2026-08-19T21:30:00Z"])
    }

    /// From the review of the stop's diff: prose with slash numbers ("Rolling restart, batch
    /// 2/5:", "Memory limits 8/16/32.") had dated the entries after it; a weekday label or a
    /// second timeline section had left the day number above in force; a day label with its
    /// date in brackets in a list item had lost the times under it; a day label's date that is
    /// not its day's was read without a word. "3/4 of requests" is no date.
    @Test func reviewOfTheDatesDiff() {
        let prose = readTimeline(started: "2026-10-17T09:00:00Z", "- 09:00 Errors begin.\n\nRolling restart, batch 2/5:\n\n- 10:00 Batch restarted.\n\n"
                                 + "Memory limits 8/16/32.\n\n- 11:00 Limits raised.\n\nAction items status: 3/4:\n\n- 12:00 Closed.\n- 3/4 of requests failed at 12:10.\n")
        #expect(prose.timeline.map { $0.time?.description } == ["2026-10-17T09:00:00Z", "2026-10-17T10:00:00Z", "2026-10-17T11:00:00Z", "2026-10-17T12:00:00Z", nil])
        let weekday = readTimeline("### Day 2\n\n- 10:00 a\n\n### Thursday\n\n- 2026-05-14 09:00 b\n", path: "incident.md")
        #expect(weekday.timeline.map { $0.time?.description } == [nil, "2026-05-14T09:00:00Z"])
        let sections = read("## Timeline\n\nAll times UTC.\n\n### Day 2\n\n- 10:00 a\n\n## Detailed timeline\n\n- 2026-05-14 09:00 b\n", path: "incident.md")
        #expect(sections.timeline.map { $0.time?.description } == [nil, "2026-05-14T09:00:00Z"])
        let list = readTimeline("- Day 1 (2026-05-12)\n  - 14:00 a\n- Day 2 (2026-05-13)\n  - 09:00 b\n", path: "incident.md")
        #expect(list.timeline.map { $0.time?.description } == ["2026-05-12T14:00:00Z", "2026-05-13T09:00:00Z"])
        let wrong = readTimeline(started: "2026-05-10T14:00:00Z", "### Day 1\n\n- 14:00 a\n\n### Day 3 — 2026-05-14\n\n- 10:00 b\n")
        #expect(wrong.timeline.last?.time?.description == "2026-05-14T10:00:00Z")
        #expect(wrong.problems.map(\.message) == ["day 3 of an incident that started on 2026-05-10 is 2026-05-12, not 2026-05-14 as written; the date written is read"])
    }

    /// Left open by stop 45: `- Sunday, October 18, 2026 — recovery` over the day's entries was
    /// an entry at midnight ("recovery"). A few words after a date over timed entries of the
    /// item's own name the day; over nothing, or with a sentence, the item is an entry as before.
    @Test func datedItemsWithWordsOverTheirEntries() {
        let labelled = readTimeline("""
            - Saturday, October 17, 2026 — detection
              - 22:10 Checkout 5xx ratio rises to 12%.
            - Sunday, October 18, 2026 — recovery
              - 01:40 Failover to the replica.
            """, path: "incident.md")
        #expect(labelled.timeline.map { $0.time?.description } == ["2026-10-17T22:10:00Z", "2026-10-18T01:40:00Z"])
        #expect(labelled.timeline.map(\.text) == ["Checkout 5xx ratio rises to 12%.", "Failover to the replica."])
        let entries = readTimeline("""
            - 2026-10-17 — errors begin after the index rollout. Search slows.
              - 22:10 first page
            - 2026-10-18 — recovery
              - notes from the bridge
            """, path: "incident.md")
        #expect(entries.timeline.map(\.text).first == "errors begin after the index rollout. Search slows.")
        #expect(entries.timeline.map(\.text).contains("recovery"))
        // The review: words that are no phase stay an event (the trigger is often the one line
        // without a time), and a day's name states no zone ("PST cluster" had moved every time).
        let zoned = readTimeline("""
            All times UTC.

            - 2026-10-18 — database failover
              - 01:40 error rate climbs
            - 2026-10-19 — recovery
              - 02:00 all clear
            """, path: "incident.md")
        #expect(zoned.timeline.map(\.text) == ["database failover", "error rate climbs", "all clear"])
        #expect(zoned.timeline.map { $0.time?.description } == ["2026-10-18T00:00:00Z", "2026-10-18T01:40:00Z", "2026-10-19T02:00:00Z"])
        let pst = readTimeline("All times UTC.\n\n- 2026-10-18 — PST cluster drained\n  - 01:40 a\n- 2026-10-19 — recovery\n  - 02:00 b\n", path: "incident.md")
        #expect(pst.timeline.map { $0.time?.description }.last == "2026-10-19T02:00:00Z")
    }

    /// Left open by stop 45: a day label with words after its bracketed date (`**Day 3
    /// (2026-05-14) – recovery**`, `### Day 2 (2026-05-13): rollback`) dated nothing. A time
    /// after the bracket is no label's.
    @Test func dayLabelsWithWordsAfterTheirDates() {
        let bold = readTimeline("**Day 1 (2026-05-12) – detection**\n\n- 14:00 a\n\n**Day 3 (2026-05-14)** — recovery\n\n- 09:00 b\n", path: "incident.md")
        #expect(bold.timeline.map { $0.time?.description } == ["2026-05-12T14:00:00Z", "2026-05-14T09:00:00Z"])
        let heading = readTimeline("### Day 1 (2026-05-12) - detection\n\n- 14:00 a\n\n### Day 2 (2026-05-13): rollback\n\n- 09:00 b\n", path: "incident.md")
        #expect(heading.timeline.map { $0.time?.description } == ["2026-05-12T14:00:00Z", "2026-05-13T09:00:00Z"])
        let list = readTimeline("- Day 1 (2026-05-12) – detection\n  - 14:00 a\n- Day 2 (2026-05-13) – rollback\n  - 09:00 b\n", path: "incident.md")
        #expect(list.timeline.map { $0.time?.description } == ["2026-05-12T14:00:00Z", "2026-05-13T09:00:00Z"])
        // Words without a dash or colon are an entry's, not a label's.
        #expect(TimelineExtractor.dayLabelWithDate("Day 3 (2026-05-14) recovery")?.rest == "recovery")
        #expect(TimelineExtractor.dayLabelWithDate("Day 3 (2026-05-14) –")?.rest == "")
        // From the retest of the mend: items with nothing under them are entries on their days,
        // as `- 2026-05-12 – errors begin` is (the first mend had taken them for labels and lost
        // them); a time after the bracket is the entry's time.
        let entries = readTimeline("- Day 1 (2026-05-12) – errors begin after the index rollout\n- Day 2 (2026-05-13): rollback attempted, fails on two shards\n"
                                   + "- Day 3 (2026-05-14) 14:00 restart of the cluster\n", path: "incident.md")
        #expect(entries.timeline.map { $0.time?.description } == ["2026-05-12T00:00:00Z", "2026-05-13T00:00:00Z", "2026-05-14T14:00:00Z"])
        #expect(entries.timeline.map(\.text) == ["errors begin after the index rollout", "rollback attempted, fails on two shards", "restart of the cluster"])
        // So are such lines among others in a paragraph; a bold line of its own is a label.
        let lines = readTimeline("Day 1 (2026-05-12) – errors begin\nDay 2 (2026-05-13) – rollback\n", path: "incident.md")
        #expect(lines.timeline.map(\.text) == ["errors begin", "rollback"])
        // From the second retest: a time after the dash or colon is the entry's too (it had been
        // read at midnight), and an arrow or `--` is a separator (it had stayed in the text).
        let separated = readTimeline("- Day 2 (2026-05-13) – 09:00 rollback started\n- Day 2 (2026-05-13): 11:00 rollback finished\n"
                                     + "- Day 3 (2026-05-14) -> handed over to the EU team\n- Day 3 (2026-05-14) -- rollback approved\n", path: "incident.md")
        #expect(separated.timeline.map { $0.time?.description } == ["2026-05-13T09:00:00Z", "2026-05-13T11:00:00Z", "2026-05-14T00:00:00Z", "2026-05-14T00:00:00Z"])
        #expect(separated.timeline.map(\.text) == ["rollback started", "rollback finished", "handed over to the EU team", "rollback approved"])
        let timedLabel = readTimeline("### Day 2 (2026-05-13) – 09:00 rollback started\n\n- 09:30 a\n", path: "incident.md")
        #expect(timedLabel.timeline.map { $0.time?.description } == ["2026-05-13T09:00:00Z", "2026-05-13T09:30:00Z"])
        let timedHeading = readTimeline("### Day 3 (2026-05-14) 14:00 restart\n\n- 14:30 a\n", path: "incident.md")
        #expect(timedHeading.timeline.map { $0.time?.description } == ["2026-05-14T14:00:00Z", "2026-05-14T14:30:00Z"])
    }
}

/// From the black-box pass of stop 43: headings under a timeline named like other sections took
/// its entries. `### Follow-up` over `- 18:00 Incident closed.` made an open action of it (a PM051
/// error) and left the timeline empty; `### 09:30 — Root cause identified` made the entries below
/// it factors, and `### 11:30 Summary posted` became the document's summary.
@Suite struct TimelineSubsectionTests {
    @Test func phasesNamedLikeSectionsStayInTheTimeline() {
        let p = read("""
            ---
            started: 2026-07-14T15:12:00Z
            ---
            ## Summary

            Webhook deliveries were delayed.

            ## Timeline

            All times UTC.

            ### Detection
            - 15:12 Bulk import begins.
            - 15:20 Alert pages on-call.

            ### Mitigation
            - 16:05 Tenant moved to a dedicated queue.

            ### Follow-up
            - 18:00 Incident closed.

            ### 18:30 — Root cause identified
            - 18:34 Queue limits reviewed.

            ### 19:00 Summary posted to the status page

            ## Contributing factors

            - **Capacity:** One shared queue for every tenant.

            ## Follow-up actions

            - [ ] Add per-tenant queue limits (owner: @li.w, due: 2026-08-01, ticket: OPS-1)
            """)
        #expect(p.timeline.map(\.text) == ["Bulk import begins.", "Alert pages on-call.", "Tenant moved to a dedicated queue.", "Incident closed.",
                                           "Root cause identified", "Queue limits reviewed.", "Summary posted to the status page"])
        #expect(p.actions.map(\.text) == ["Add per-tenant queue limits"])
        #expect(p.factors.map(\.text) == ["One shared queue for every tenant."])
        #expect(p.summary == "Webhook deliveries were delayed.")
    }

    /// A table under a section's heading is timed entries where the timeline reads its times: a
    /// Date column that holds the time (`| Paged | 2026-07-14 15:20 |`) as much as a Time
    /// column. Only the first cell, or a Time or When column, had counted, and the section
    /// became a section of its kind, its rows read as factors.
    @Test func aTableIsTimedWhereItsTimesAreRead() {
        let p = read("---\nstarted: 2026-07-14T15:12:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 15:12 Bulk import begins.\n\n"
                     + "### Root cause\n\n| Event | Date |\n|---|---|\n| Alert pages on-call | 2026-07-14 15:20 |\n| Queue drained | 2026-07-14 16:05 |\n")
        #expect(p.timeline.map(\.text) == ["Bulk import begins.", "Alert pages on-call", "Queue drained"])
        // 15:12, 15:20 and 16:05 on the start's day.
        #expect(p.timeline.map { $0.time.map { $0.epochSeconds - p.started!.epochSeconds } } == [0, 480, 3180])
        #expect(p.factors.isEmpty)
    }

    /// A section nested under the timeline that holds no timed entries keeps its kind.
    @Test func untimedSectionsKeepTheirKind() {
        let p = read("## Timeline\n\n- 14:02 Errors begin.\n\n### Action items\n\n- [ ] Add a canary (owner: @li.w, due: 2026-08-01, ticket: OPS-1)\n")
        #expect(p.actions.map(\.text) == ["Add a canary"])
        #expect(p.timeline.count == 1)
    }
}
