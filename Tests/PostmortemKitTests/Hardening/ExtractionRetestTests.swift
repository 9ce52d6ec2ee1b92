import Testing
@testable import PostmortemKit

/// From the review and the retest of stop 43's extraction changes: each of these had made a
/// reading of the stop worse than before it, or left it half done.
@Suite struct ExtractionRetestTests {
    let front = "---\nstarted: 2026-03-04T10:00:00Z\n---\n"

    /// A table under a heading below the timeline made the section part of the timeline (every
    /// table had counted as timed entries), and so did prose that starts "At 14:02 …" under a
    /// known title; its factors, actions and lessons were lost.
    @Test func sectionsUnderTheTimelineKeepTheirKindUnlessTheyHoldClockEntries() {
        let p = read(front + """
            ## Timeline

            All times UTC.

            - 10:00 Errors begin.
            - 11:00 Rolled back.

            ### Contributing factors

            | Category | Factor |
            |---|---|
            | config | The pool was emptied by a bad config. |

            ### Action items

            | Action | Owner | Due | Ticket |
            |---|---|---|---|
            | Add an alert | @dana | 2026-12-01 | OPS-1 |

            ### Root cause

            At 10:00 the config push removed the last upstream.

            ### Lessons learned

            - By 10:10 we knew the cause.

            ### Detection

            | Time | Event |
            |---|---|
            | 10:05 | Alert fired |
            """)
        #expect(p.timeline.map(\.text) == ["Errors begin.", "Rolled back.", "Alert fired"])
        #expect(p.factors.map(\.text) == ["The pool was emptied by a bad config.", "At 10:00 the config push removed the last upstream."])
        #expect(p.actions.map(\.ticket) == ["OPS-1"])
        #expect(p.lessons.other.map(\.text) == ["By 10:10 we knew the cause."])
    }

    /// Tasks of an actions section inside a lessons section (or the other way round) were read twice.
    @Test func nestedLessonsAndActionsAreReadOnce() {
        let p = read("## Lessons learned\n\n- Reviews miss pool sizes.\n\n### Action items\n\n#### Short term\n\n- [ ] Add a check (owner: @d, due: 2026-12-01, ticket: OPS-1)\n\n## Follow-up actions\n\n- [ ] Add X (owner: @a, due: 2026-12-01, ticket: OPS-3)\n\n### Lessons\n\n- [ ] Write up the review (owner: @a, due: 2026-12-01, ticket: OPS-4)\n")
        #expect(p.actions.map(\.ticket) == ["OPS-1", "OPS-3", "OPS-4"])
    }

    /// The lead-up rule moved a timeline found late on the start's day to the day before: with
    /// `detected` at its first entry it stays; without, an entry more than eighteen hours after
    /// the start is a lead-up the evening before.
    @Test func anIncidentFoundThatEveningStaysOnItsDay() {
        let timeline = "## Timeline\n\nAll times UTC.\n\n- 21:30 A customer reports a wrong total.\n- 22:30 Migration reverted.\n"
        let found = read("---\nstarted: 2026-03-04T02:00:00Z\ndetected: 2026-03-04T21:30:00Z\n---\n" + timeline)
        #expect(found.timeline.map { $0.time?.iso8601 } == ["2026-03-04T21:30:00Z", "2026-03-04T22:30:00Z"])
        let leadUp = read("---\nstarted: 2026-03-04T02:00:00Z\n---\n" + timeline)
        #expect(leadUp.timeline.map { $0.time?.iso8601 } == ["2026-03-03T21:30:00Z", "2026-03-03T22:30:00Z"])
    }

    /// Zone abbreviations that are words too, and durations, were read as zones and times.
    @Test func wordsAndDurationsAreNoZonesOrTimes() {
        let p = read(front + "## Timeline\n\nAll times UTC.\n\n- 10:00 Errors begin.\n- 10:05 SAST scan flags the dependency.\n- 10:10 cat of the config shows an empty pool.\n- 10:20 GST invoices fail.\n- After 1h30 of retries the queue drained.\n- 1500 hrs of CPU were wasted.\n- 4pm-ish the vendor called back.\n- 10:40 BRT: Paged.\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-03-04T10:00:00Z", "2026-03-04T10:05:00Z", "2026-03-04T10:10:00Z", "2026-03-04T10:20:00Z",
                                                        nil, nil, "2026-03-04T16:00:00Z", "2026-03-04T10:40:00-03:00"])
        #expect(p.timeline[1].text == "SAST scan flags the dependency.")
        #expect(p.timeline[6].text == "the vendor called back.")
    }

    /// PM021 quoted entries and statements about something else as a zone pm does not know;
    /// PM010 said times that had no date to go on could not be read.
    @Test func zoneStatementsAndUndatedTimes() throws {
        for (line, quoted) in [("All times are approximate.", false), ("- 10:05 p99 response times are above 2 s.", false),
                               ("Times are taken from the Slack export.", false), ("All times are Venus Standard Time.", true)] {
            let document = RuleExamples.document(sections: ["Timeline": "\(line)\n\n- 14:02 Errors begin."])
            let found = try LintTestSupport.lint(document).filter { $0.ruleID == "PM021" }
            #expect(found.contains { $0.message.contains("a zone pm does not know") } == quoted, "\(line)")
        }
        let undated = try LintTestSupport.lint("---\ntitle: No start\nseverity: SEV3\n---\n## Summary\n\nA.\n\n## Impact\n\nB.\n\n## Timeline\n\nAll times UTC.\n\n- 10:00 Errors begin.\n", path: "postmortems/draft.md")
        #expect(!undated.contains { $0.message.contains("no entry with a time") })
    }

    /// A Ticket cell of nothing but `TODO` is a ticket left to fill in (PM011), in tables with or
    /// without outer pipes; `Bug 5 TODO` and a Status `TODO` are states.
    @Test func todoTicketCells() throws {
        let document = RuleExamples.document(sections: ["Follow-up actions": "| Action | Owner | Due | Ticket |\n|---|---|---|---|\n| Add an alert for the pool | @dana | 2026-12-28 | TODO |\n| Add a check for the pool | @dana | 2026-12-28 | Bug 5 TODO |\n\nAction | Owner | Due | Ticket | Status\n--- | --- | --- | --- | ---\nAdd a canary for the pool | @dana | 2026-12-28 | OPS-7 | TODO\n"])
        let found = try LintTestSupport.lint(document).filter { $0.ruleID == "PM011" }
        let line = document.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("| Add an alert") }.map { $0 + 1 }
        #expect(found.map { $0.range?.start.line } == [line])
    }

    /// Headings that start with a weekday's name but are about something else.
    @Test func weekdayNamedHeadingsAreNoLabels() {
        let p = read(front + "## Timeline\n\nAll times UTC.\n\n### Detection\n\n- 09:00 Sync errors begin.\n\n### Monday.com webhook backlog\n\n- 09:30 Webhooks queue up.\n\n### Friday's deploy\n\n- 10:00 The deploy is reverted.\n")
        #expect(p.timeline.map { $0.time?.iso8601 } == ["2026-03-04T09:00:00Z", "2026-03-04T09:30:00Z", "2026-03-04T10:00:00Z"])
    }

    /// Labels: a space after the label (`FU-4 Make …`), and a `see #12` after a label dropped.
    @Test func labelsFollowedByASpaceAndTrackedIssues() {
        let p = read("## Action items\n\n- [ ] FU-1 Read the path from the manifest (@o, due 2026-08-15, PAY-901)\n- [ ] FU-2 Make the alert 24/7 (@k, due 2026-08-01)\n- [ ] FU-3: Fix it, see #12 (owner: @dana)\n")
        #expect(p.actions.map(\.ticket) == ["PAY-901", nil, "#12"])
    }

    /// PM012: a past perfect without its subject, a question, an action's safeguard and denials.
    @Test func blameLanguageRetest() throws {
        func flagged(_ text: String) throws -> [String] { try LintTestSupport.messages(text, rule: "PM012") }
        for text in ["- Errors began. Had been deployed to staging the day before.", "- Had anyone noticed the alert? No.",
                     "- We will add a check that would have prevented this.", "- This was not a human error: the tool accepted it.",
                     "- This was not caused by human error.", "- Nobody was inattentive; the alert went to a dead channel."] {
            #expect(try flagged(text).isEmpty, "\(text)")
        }
        #expect(try flagged("- It was not the tool but human error.") == ["\"human error\" puts the cause on people"])
    }

    /// A caption is emphasised text right after a figure; emphasised text elsewhere, or a longer
    /// paragraph after a figure, is an item.
    @Test func captionsOnlyAfterFigures() {
        let p = read("## Contributing factors\n\n*The pool was emptied by the deploy.*\n\n![Queue](q.png)\n\n"
                     + "The retry storm kept the queue full for 40 minutes.\n\n![CPU](cpu.png)\n*Figure 5: CPU.*\n\n"
                     + "_Note: the broker ran an old version, which made rebalances slow._\n\n![Lag](lag.png)\n\n_Retries had no jitter._\n\n"
                     + "![Pulls](pulls.png)\n\n_Image pulls from the registry were throttled._\n\n![Hosts](hosts.png)\n\n_Source: Grafana_\n\n"
                     + "![Maps](maps.png)\n\n*Figures 5 and 6: heap before and after.*\n\n![Chart](chart.png)\n\n"
                     + "_Chart 3.1.4 of ingress-nginx changed the default._\n\n![CPU](cpu2.png)\n\n_Figure 7 – CPU after the fix_\n\n"
                     + "![Errors](errors.png)\n\n_Figure 10 Error rate by minute._\n\n![Dash](dash.png)\n\n_Screenshot 7 of the dashboard at 14:05._\n\n"
                     + "![Pulls](pulls2.png)\n\n_Image pulls failed: the registry throttled us._\n\n![Push](push.png)\n\n"
                     + "_Source of the outage: a bad config push._\n\n![Hosts](hosts2.png)\n\n_Table 2: hosts._\n\n"
                     + "![Regions](regions.png)\n\n_Table 2. Latency by region._\n\n![Base](base.png)\n\n_Image 3 – the base layer_\n\n"
                     + "![Long](long.png)\n\n_Figure 4: the queue grew for forty minutes while the consumers restarted one by one and the "
                     + "broker rebalanced after each._\n")
        #expect(p.factors.map(\.text) == ["The pool was emptied by the deploy.", "The retry storm kept the queue full for 40 minutes.",
                                          "Note: the broker ran an old version, which made rebalances slow.", "Retries had no jitter.",
                                          "Image pulls from the registry were throttled.", "Chart 3.1.4 of ingress-nginx changed the default.",
                                          "Image pulls failed: the registry throttled us.", "Source of the outage: a bad config push.",
                                          "Figure 4: the queue grew for forty minutes while the consumers restarted one by one and the "
                                            + "broker rebalanced after each."])
    }

    /// Half-done readings the retest found, finished: Target dates in other forms, linked and
    /// captioned figures, an introduction over a table, state groups with a note, `@jdoe (Jane
    /// Doe)`, `Superseded by …`, `Released in v2.3`.
    @Test func halfDoneReadingsFinished() {
        let p = read("""
            ## Contributing factors

            [![CPU graph](cpu.png)](https://grafana.example.com/d/1)

            ![Latency](lat.png)
            *Figure 2: p99 latency during the incident*

            ![Queue depth](queue.png)

            _Figure 3: queue depth in the same hour._

            The contributing factors were:

            | Category | Factor |
            |---|---|
            | config | The pool was emptied. |

            ## Action items

            | Action | Owner | Ticket | Target | Status |
            |---|---|---|---|---|
            | Add an alert | @jdoe (Jane Doe) | OPS-2 | 31/03/2027 | Released in v2.3 |
            | Rotate keys | @sec | OPS-3 | 21 Mar 2027 | Superseded by OPS-9 |

            ### Done (during the incident)

            - Roll back the config (@dana, OPS-1)

            ### Already done

            - Page the vendor (@dana, OPS-4)
            """)
        #expect(p.factors.map(\.text) == ["The pool was emptied."])
        #expect(p.actions.map(\.owner) == ["jdoe", "sec", "dana", "dana"])
        #expect(p.actions.map { $0.due?.description } == ["2027-03-31", "2027-03-21", nil, nil])
        #expect(p.actions.map(\.state) == [.done, .notDoing, .done, .done])
        #expect(p.actions[1].reason == "Superseded by OPS-9")
    }

    /// PM012's counterfactuals the retest found missed.
    @Test func moreCounterfactuals() throws {
        for (text, phrase) in [("- A canary stage would have caught this.", "would have caught"),
                               ("- The outage would not have occurred with a validator.", "would not have occurred"),
                               ("- Had the on-call checked the dashboard, they saw the spike.", "Had the on-call checked"),
                               ("- Had a canary existed, the push stopped.", "Had a canary existed")] {
            let found = try LintTestSupport.lint(RuleExamples.document(sections: ["What went wrong": text])).filter { $0.ruleID == "PM012" }
            #expect(found.map(\.message) == ["\"\(phrase)\" is counterfactual: it describes what did not happen"], "\(text)")
        }
        let none = try LintTestSupport.lint(RuleExamples.document(sections: ["What went wrong": "- Had 12 hosts in the pool. Had to restart the proxy."]))
        #expect(!none.contains { $0.ruleID == "PM012" })
    }

    /// From the second retest: tasks and lessons under the timeline with times in them, a late
    /// timeline with `started` alone, zone words joined by a hyphen or a comma, weekday headings
    /// with more after them, lessons under the actions, and `1900 hrs UTC`.
    @Test func secondRetest() {
        let underTimeline = read(front + "## Timeline\n\nAll times UTC.\n\n- 10:02 Errors begin.\n- 10:41 Rollback complete.\n\n### Action items\n\n- [ ] 14:00 deploys go through the canary (@dana, due 2026-12-01, OPS-1)\n- [ ] Add an alert on empty pools (@li, due 2026-12-01, OPS-2)\n\n### What went well\n\n- The alert fired quickly.\n- 10:09 page reached the on-call.\n")
        #expect(underTimeline.actions.map(\.ticket) == ["OPS-1", "OPS-2"])
        #expect(underTimeline.lessons.wentWell.count == 2)
        #expect(underTimeline.timeline.count == 2)
        let late = read("---\nstarted: 2026-03-04T08:00:00Z\n---\n## Timeline\n\nAll times UTC.\n\n- 21:30 Customer reports a wrong total.\n")
        #expect(late.timeline.first?.time?.iso8601 == "2026-03-04T21:30:00Z")
        let words = read(front + "## Timeline\n\nAll times UTC.\n\n- 10:12 GST-registered invoices fail.\n- 10:13 SAST, DAST and lint jobs fail.\n- 1900 hrs UTC closed.\n")
        #expect(words.timeline.map { $0.time?.iso8601 } == ["2026-03-04T10:12:00Z", "2026-03-04T10:13:00Z", "2026-03-04T19:00:00Z"])
        for (heading, day) in [("Thursday morning (day 2)", "05"), ("Thursday afternoon and evening", "05"), ("Thursday the 5th", "05"),
                               ("Thursday recovery", "05"), ("Thursday Morning", "05"), ("Saturday Night Live clip cache", "04")] {
            let p = read(front + "## Timeline\n\nAll times UTC.\n\n- 10:00 Errors begin.\n\n### \(heading)\n\n- 11:00 Next.\n")
            #expect(p.timeline.last?.time?.iso8601 == "2026-03-\(day)T11:00:00Z", "\(heading)")
        }
        let nested = read("## Action items\n\n- [ ] Add X (owner: @a, due: 2026-12-01, ticket: OPS-3)\n\n### Lessons\n\n- Reviews miss pool sizes.\n- [ ] Add a lint (owner: @a, due: 2026-12-01, ticket: OPS-4)\n\n### Key learnings\n\n1. Dashboards helped.\n\n## What went well\n\n- The alert fired fast.\n- [ ] Keep the alert (owner: @a, due: 2026-12-01, ticket: OPS-5)\n")
        #expect(nested.actions.map(\.ticket) == ["OPS-3", "OPS-4", "OPS-5"])
        #expect(nested.lessons.other.map(\.text) == ["Reviews miss pool sizes.", "Dashboards helped."])
        #expect(nested.lessons.wentWell.map(\.text) == ["The alert fired fast."])
    }

    /// One vocabulary of states for Status cells, group titles and ticket cells (the review of
    /// stop 43: the three lists had differed).
    @Test func oneVocabularyOfStates() {
        let p = read("## Action items\n\n| Action | Status |\n|---|---|\n| Add a canary | Finished |\n| Add a queue | Not planned |\n\n### Dropped\n\n- Move to a second CDN (@net, OPS-5)\n\n### Merged\n\n- Add the cap (@net, OPS-6)\n\n## Remediation\n\n| Action Item | Bug |\n|---|---|\n| Fix the leak | Bug 5 RESOLVED |\n")
        #expect(p.actions.map(\.state) == [.done, .notDoing, .notDoing, .done, .done])
        for word in ActionExtractor.doneWords { #expect(ActionExtractor.groupState(word.capitalized) == .done, "\(word)") }
        for word in ActionExtractor.notDoingWords { #expect(ActionExtractor.groupState(word.capitalized) == .notDoing, "\(word)") }
    }

    /// TOML front matter is named only when the first line is `+++` alone.
    @Test func tomlOnlyWhenTheLineIsPlusesAlone() throws {
        let found = try LintTestSupport.lint("+++ a diff line\n\n## Summary\n\nText.\n").filter { $0.ruleID == "PM001" }
        #expect(found.first?.message.hasPrefix("the document has no front matter") == true)
    }
}
