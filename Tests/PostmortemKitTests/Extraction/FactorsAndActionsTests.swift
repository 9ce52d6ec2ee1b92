import Testing
@testable import PostmortemKit

@Suite struct FactorsAndActionsTests {
    @Test func factorsWithLabelsAndSynonyms() {
        let p = read("## Root causes\n\n- **Config:** The proxy accepted an empty pool.\n- **Kubernetes** nodes were drained.\n- No alert on pool size.\n\n## Trigger\nA config push.\n")
        #expect(p.factors.map(\.category) == ["config", nil, nil, nil])
        #expect(p.factors.map(\.label) == ["Config", "Kubernetes", nil, nil])
        #expect(p.factors[0].text == "The proxy accepted an empty pool.")
        #expect(p.factors.map(\.isTrigger) == [false, false, false, true])
        #expect(p.factors[1].range.start == SourceLocation(line: 4, column: 1))
    }

    @Test func taskListActionsWithMetadata() {
        let p = read("""
            ## Follow-up actions
            - [ ] Reject proxy configs with empty pools in CI (owner: @dana.k, due: 2026-07-28, type: prevent, priority: P1, ticket: OPS-412)
            - [x] Add an alert on 5xx ratio (owner: @li.w, type: detect, ticket: OPS-409)
            - [ ] Rebuild the fleet (owner: @sam.o, ticket: none, won't do: replaced by OPS-520, which retires it)
            - ~~Rotate the keys by hand~~ (owner: @x)
            - Move the cron job to the scheduler - owner: @ines.f, due: 2026-08-01
            - Document the failover steps (done) @tom.b [#42](https://github.com/org/repo/issues/42)
            """)
        let a = p.actions
        #expect(a.map(\.state) == [.open, .done, .notDoing, .done, .open, .done])
        #expect(a[0].text == "Reject proxy configs with empty pools in CI")
        #expect(a[0].owner == "dana.k")
        #expect(a[0].due == CalendarDate(year: 2026, month: 7, day: 28))
        #expect(a[0].type == "prevent")
        #expect(a[0].priority == "P1")
        #expect(a[0].ticket == "OPS-412")
        #expect(a[2].ticket == "none")
        #expect(a[2].reason == "replaced by OPS-520, which retires it")
        #expect(a[4].owner == "ines.f")
        #expect(a[4].text == "Move the cron job to the scheduler")
        #expect(a[5].owner == "tom.b")
        #expect(a[5].ticket == "https://github.com/org/repo/issues/42")
        #expect(a.map(\.range.start.line) == [2, 3, 4, 5, 6, 7])
    }

    @Test func tableActionsAndGroups() {
        let p = read("""
            ## Action items
            ### Prevent
            | Action | Type | Owner | Bug | Due | Status |
            |---|---|---|---|---|---|
            | Add schema validation | prevent | @a | OPS-1 | 2026-08-01 | open |
            | Raise pool size | mitigate | @b | OPS-2 | — | won't do: the primary cannot take it |
            ### Detect
            1. Alert on queue depth (owner: @c, due: 2026-09-01, ticket: OPS-3)
            """)
        #expect(p.actions.map(\.group) == ["Prevent", "Prevent", "Detect"])
        #expect(p.actions.map(\.state) == [.open, .notDoing, .open])
        #expect(p.actions[1].reason == "the primary cannot take it")
        #expect(p.actions[0].ticket == "OPS-1")
        #expect(p.actions[0].range.start.line == 5)
        #expect(p.actions[2].owner == "c")
    }

    /// An action whose metadata was followed by a full stop, or written on lines of its own under
    /// it, kept its due date in its text: PM051 saw `due:` and was content, and PM052 never said
    /// the action was overdue.
    @Test func metadataAfterAFullStopOrOnLinesOfItsOwn() {
        let p = read("""
            ## Follow-up actions
            - [ ] Schedule a failover drill (owner: @dana.k, due: 2026-11-01, ticket: OPS-105).
            - [ ] Alert on replica lag above 4 MB (owner: @li.w, ticket: OPS-106)
              Due: 2026-11-02
            - [ ] Write the runbook
              Owner: @sam.o, due: 2026-11-03
              Ticket: OPS-109
            - [ ] Explain the lag: it grew after the resize
              and stayed high (owner: @li.w, due: 2026-11-04, ticket: OPS-110)
            """)
        #expect(p.actions.map(\.text) == ["Schedule a failover drill", "Alert on replica lag above 4 MB", "Write the runbook",
                                          "Explain the lag: it grew after the resize and stayed high"])
        #expect(p.actions.map(\.due) == [1, 2, 3, 4].map { CalendarDate(year: 2026, month: 11, day: $0) })
        #expect(p.actions.map(\.owner) == ["dana.k", "li.w", "sam.o", "li.w"])
        #expect(p.actions.map(\.ticket) == ["OPS-105", "OPS-106", "OPS-109", "OPS-110"])
        #expect(p.problems.isEmpty)
        // A suppression comment after the metadata, found in review: the metadata had not been read.
        let commented = read("## Follow-up actions\n- [ ] Add an alert on lag (due: 2026-01-28, owner: @li.w) <!-- pm-lint disable-line PM051 -- tracked in the board -->\n")
        #expect(commented.actions.map(\.text) == ["Add an alert on lag"])
        #expect(commented.actions.first?.due == CalendarDate(year: 2026, month: 1, day: 28))
    }

    /// A date written after "due" or "by" without a colon is the due date, as a handle is the
    /// owner (the lint-rule pass of stop 34: PM051 reported no due date for "(due 2026-12-01, …)").
    @Test func dueDatesWithoutAColon() {
        let p = read("""
            ## Follow-up actions
            - [ ] Schedule a failover drill (@dana.k, due 2026-12-01, OPS-105)
            - [ ] Retire the v1 proxy by 2027-01-15 (@li.w, OPS-106)
            - [ ] Alert on lag, due on 2026-12-03, OPS-107, owner @sam.o
            - [ ] Cut the timeout by 2026-12-04ms (@li.w, OPS-108)
            - [ ] Rotate the keys by 2026-12-05 (owner: @li.w, due: 2026-02-30, ticket: OPS-109)
            - [ ] Document the standby (@li.w, OPS-110) before the 2026-12-06 review
            """)
        #expect(p.actions.map { $0.due?.description } == ["2026-12-01", "2027-01-15", "2026-12-03", nil, nil, nil])
        #expect(p.actions.map(\.owner) == ["dana.k", "li.w", "sam.o", "li.w", "li.w", "li.w"])
        #expect(p.actions[0].ticket == "OPS-105")
        // A parenthesis of such metadata is taken out of the text, as `(owner: …)` is.
        #expect(p.actions[0].text == "Schedule a failover drill")
        #expect(p.actions[1].text == "Retire the v1 proxy by 2027-01-15")
    }

    /// Left open by stop 37: of two due dates the last was read without a word.
    @Test func twoDueDatesAreAProblem() {
        let p = read("""
            ## Follow-up actions
            - [ ] Add a canary stage (owner: @li.w, due: 2026-12-01, due: 2026-12-15, ticket: OPS-1)
            - [ ] Alert on lag (owner: @li.w, due: 2026-12-01, ticket: OPS-2, deadline: 2026-12-01)

            | Action | Owner | Due | Deadline | Ticket |
            |---|---|---|---|---|
            | Drill the failover | @li.w | 2026-12-01 | 2026-12-09 | OPS-3 |
            """)
        #expect(p.actions.map { $0.due?.description } == ["2026-12-15", "2026-12-01", "2026-12-09"])
        #expect(p.problems.map(\.message) == ["two due dates, 2026-12-01 and 2026-12-15; the last is read",
                                              "two due dates, 2026-12-01 and 2026-12-09; the last is read"])
        #expect(p.problems.map { $0.range?.start.line } == [2, 7])
    }

    /// Left open by stop 41: a `Target` column was not read, so its dates were not due dates
    /// (PM051 asked for one, PM052 never saw one go by). Its cells that are dates are read, in a
    /// table without a due column; a release, a quarter or a number in it is not a date.
    @Test func targetColumnDatesAreDueDates() {
        let p = read("""
            ## Follow-up actions

            | Action | Owner | Target | Ticket |
            |---|---|---|---|
            | Add prefetch to the load test | @orders | 2026-06-30 | ORD-411 |
            | Alert on throughput per pod | @sre | Q3 2026 | ORD-412 |
            | Cap the prefetch | @orders | 2026-02-30 | ORD-413 |
            | Raise the SLO | @sre | 99.95% | ORD-414 |
            """)
        #expect(p.actions.map { $0.due?.description } == ["2026-06-30", nil, nil, nil])
        #expect(p.problems.map(\.message) == ["due date `2026-02-30` is not a real YYYY-MM-DD date"])
        #expect(p.problems.first?.range?.start.line == 7)
        // Beside a due column, a target is something else (a release, a date it aims for).
        let both = read("## Follow-up actions\n\n| Action | Due | Target |\n|---|---|---|\n| Add a canary | 2026-12-01 | 2026-11-15 |\n| Add an alert | | 2026-11-20 |\n")
        #expect(both.actions.map { $0.due?.description } == ["2026-12-01", nil])
        #expect(both.problems.isEmpty)
    }

    /// From the black-box pass of stop 43: actions grouped by state (`### Completed`, `### Won't
    /// do`, a `**Done**` line over a list) were all open, and counted as open work with PM051 and
    /// PM052 findings. A group's state is its actions' when they state none of their own; a
    /// won't-do item's text after a dash is its reason.
    @Test func groupsThatNameAState() {
        let p = read("""
            ## Action items

            ### Completed

            - Roll back the proxy config (@dana, OPS-1)
            - [ ] Add an alert on empty pools (@li, OPS-2)

            ### In progress

            - Reject empty pools in CI (@dana, OPS-3, due 2025-04-01)

            ### Won't do

            - Replace the proxy vendor — cost outweighs the benefit (@li, OPS-4)

            ## Follow-ups

            **Done**
            - Rotate the leaked key (@sec, SEC-1)

            Rejected actions:

            | Action | Owner |
            |---|---|
            | Move to a second CDN | @net |
            """)
        #expect(p.actions.map(\.state) == [.done, .open, .open, .notDoing, .done, .notDoing])
        #expect(p.actions.map(\.group) == ["Completed", "Completed", "In progress", "Won't do", "Done", "Rejected actions"])
        #expect(p.actions[3].text == "Replace the proxy vendor" && p.actions[3].reason == "cost outweighs the benefit")
        for title in ["Short term", "Long term", "Prevent", "Done when the pool is full", "Actions", "During the incident"] {
            #expect(ActionExtractor.groupState(title) == nil, "\(title)")
        }
        // When, and the word for actions, are no part of the state.
        for title in ["Completed during the incident", "Done during the response", "Action items completed", "Actions already done",
                      "Follow-ups completed (during the incident)", "Mitigations completed during the incident", "Work done during the incident",
                      "Completed in the incident", "Done already", "Action items (completed)", "Short term (done)", "Completed/Done",
                      "Completed after the incident", "Completed in review", "Completed work", "Completed steps", "Completed mitigations",
                      "Completed task"] {
            #expect(ActionExtractor.groupState(title) == .done, "\(title)")
        }
        for title in ["Items we won't do", "Action items won't do", "Won't do (for now)", "Cancelled during review", "Rejected during the review",
                      "Declined during the postmortem review",
                      "Dropped during planning"] {
            #expect(ActionExtractor.groupState(title) == .notDoing, "\(title)")
        }
        // Not states: work still to check, someone else's work, and what may be done after the incident.
        for title in ["Completed work we still need to verify", "Done by the vendor", "Not yet done", "Won't do during the incident",
                      "Won't fix before launch", "Wontfix before launch", "In the incident", "Work"] {
            #expect(ActionExtractor.groupState(title) == nil, "\(title)")
        }
    }

    /// A group's state is for actions that state none of their own: `status: in progress` under
    /// `### Completed` had been read as done.
    @Test func groupStateYieldsToAStatedOne() {
        let p = read("""
            ## Action items

            ### Completed during the incident

            - Bump the heap (owner: @li.w, status: in progress, due: 2027-01-10, ticket: OPS-2)
            - Roll back the config (@dana, OPS-1)
            - Page the vendor
              Status: open

            ### Won't do

            - Replace the broker (status: done, OPS-5)

            ### Done

            | Action | Ticket |
            |---|---|
            | Fix the pool | OPS-4 TODO |
            | Fix the proxy | OPS-6 |
            """)
        #expect(p.actions.map(\.state) == [.open, .done, .open, .done, .open, .done])
    }

    /// A ticket cell's state in words, in parentheses (`OPS-6 (in progress)`), was no part of the
    /// ticket's state: under `### Done` the action was done. It is the action's state, as
    /// `OPS-4 TODO` is; a note that names no state (`(P1)`) stays with the ticket.
    @Test func aTicketCellsStateInParentheses() {
        let p = read("""
            ## Action items

            ### Done

            | Action | Ticket |
            |---|---|
            | Fix the proxy | OPS-6 (in progress) |
            | Fix the cache | OPS-7 (Won’t fix) |
            | Fix the LB | #482 (open) |
            | Fix the queue | OPS-8 (P1) |
            | Fix the DNS | OPS-9 |
            """)
        #expect(p.actions.map(\.state) == [.open, .notDoing, .open, .done, .done])
        #expect(p.actions.map(\.ticket) == ["OPS-6", "OPS-7", "#482", "OPS-8 (P1)", "OPS-9"])
        #expect(ActionExtractor.ticketAndStatus("see the thread (done)") == nil)
    }

    /// From the black-box pass of stop 43: due dates written in other common forms were not read
    /// ("due date `28/03/2023` is not a real YYYY-MM-DD date", which it is), and PM051 asked for
    /// one. Full dates are read; slashes that could be either way round, and dates without a
    /// year, are a problem that says so.
    @Test(arguments: [("28/03/2023", "2023-03-28"), ("3/22/2024", "2024-03-22"), ("21 Mar 2023", "2023-03-21"), ("2025/04/01", "2025-04-01"),
                      ("November 30 2022", "2022-11-30"), ("4/4/2024", "2024-04-04"), ("2026-07-14", "2026-07-14")])
    func dueDatesInOtherForms(written: String, expected: String) {
        let p = read("## Action items\n\n- [ ] Add a canary (owner: @x, due: \(written), ticket: OPS-1)\n")
        #expect(p.actions.first?.due?.description == expected)
        #expect(p.problems.isEmpty)
    }

    /// A date written with a comma before its year, `Mar 31, 2027`, had been split there: the
    /// year was dropped (`due: Mar 31, 2027`, then P021 for "Mar 31"), or the whole parenthesis
    /// stayed in the text (`(@li.w, due Mar 31, 2027, OPS-13)`, then PM051). Other full forms are
    /// read without the colon too.
    @Test(arguments: ["(owner: @li.w, due: Mar 31, 2027, OPS-12)", "(@li.w, due Mar 31, 2027, OPS-12)",
                      "— owner: @li.w, due: March 31, 2027, ticket: OPS-12", "(@li.w, due 31 Mar 2027, OPS-12)",
                      "(@li.w, due 31/03/2027, OPS-12)", "(owner: @li.w, due: 31 March, 2027, OPS-12)", "(@li.w, due 31 Mar, 2027, OPS-12)"])
    func dueDateWithACommaBeforeItsYear(metadata: String) {
        let p = read("## Action items\n\n- [ ] Add a lag alert on the consumer group \(metadata)\n")
        #expect(p.actions.first?.due?.description == "2027-03-31", "\(metadata)")
        #expect(p.actions.first?.text == "Add a lag alert on the consumer group")
        #expect(p.actions.first?.owner == "li.w" && p.actions.first?.ticket == "OPS-12")
        #expect(p.problems.isEmpty)
    }

    /// A weekday before a due date (`due: Wed, Mar 31, 2027`) had split the value at its commas:
    /// P021 for "Wed, 2027" and no due date. The date is read; a weekday that is not its own is
    /// a warning; a weekday that fits one order of a slash date in doubt chooses it.
    @Test func dueDatesAfterAWeekday() {
        let p = read("""
            ## Action items

            - [ ] Add a (owner: @x, due: Wed, Mar 31, 2027, ticket: OPS-1)
            - [ ] Add b (owner: @x, due: Tue, Mar 31, 2027, ticket: OPS-2)
            - [ ] Add c (owner: @x, due: Tue 5/12/2026, ticket: OPS-3)
            - [ ] Add d (owner: @x, due: Wednesday 2027-03-31, ticket: OPS-4)
            - [ ] Add e (owner: @x, due: Friday, ticket: OPS-5)

            | Action | Owner | Due | Ticket |
            |---|---|---|---|
            | Add f | @x | Wed, Mar 31, 2027 | OPS-6 |
            """)
        #expect(p.actions.map { $0.due?.description ?? "-" } == ["2027-03-31", "2027-03-31", "2026-05-12", "2027-03-31", "-", "2027-03-31"])
        #expect(p.actions.map(\.ticket) == ["OPS-1", "OPS-2", "OPS-3", "OPS-4", "OPS-5", "OPS-6"])
        #expect(p.problems.map { "\($0.range!.start.line) \($0.severity) \($0.message)" } == [
            "4 warning due date `Tue, Mar 31, 2027`: Tuesday is written with 2027-03-31, which is a Wednesday; the date is read",
            "7 warning due date `Friday` is not a date pm reads; write it YYYY-MM-DD",
        ])
        #expect(ActionExtractor.dueDate("Sun 5/12/2026") == .ambiguous)   // neither order is a Sunday
        // From the retest: after a bare `due`, and with the weekday in parentheses after the date.
        let q = read("## Action items\n\n- [ ] Add a (@li.w, due Wed, Mar 31, 2027, OPS-11)\n- [ ] Add b (owner: @li.w, due: 3/31/2027 (Tue), ticket: OPS-12)\n")
        #expect(q.actions.map { $0.due?.description } == ["2027-03-31", "2027-03-31"])
        #expect(q.actions.map(\.ticket) == ["OPS-11", "OPS-12"])
        #expect(q.problems.map(\.message) == ["due date `3/31/2027 (Tue)`: Tuesday is written with 2027-03-31, which is a Wednesday; the date is read"])
        #expect(ActionExtractor.dueDate("Mon, 2027") == .unread)
    }

    /// Slash dates with a year of two digits (`3/22/24`) are read as those with four; with both
    /// numbers 12 or less they are as ambiguous.
    @Test func dueDatesWithTwoDigitYears() {
        #expect(ActionExtractor.dueDate("3/22/24") == .date(CalendarDate(year: 2024, month: 3, day: 22)!))
        #expect(ActionExtractor.dueDate("22/3/24") == .date(CalendarDate(year: 2024, month: 3, day: 22)!))
        #expect(ActionExtractor.dueDate("5/12/26") == .ambiguous)
        #expect(ActionExtractor.dueDate("5/12/00") == .unread)
        #expect(ActionExtractor.dueDate("1.2.26") == .unread)
    }

    /// Only the comma before the year is dropped: `Mar, 31 2027` is no date pm reads.
    @Test func onlyTheCommaBeforeTheYear() {
        #expect(ActionExtractor.dueDate("31 March, 2027") == .date(CalendarDate(year: 2027, month: 3, day: 31)!))
        #expect(ActionExtractor.dueDate("Mar, 31 2027") == .unread)
    }

    @Test func dueDatesNotRead() {
        let p = read("## Action items\n\n| Action | Due |\n|---|---|\n| Add a | 03/04/2024 |\n| Add b | April 1 |\n| Add c | 2026-02-30 |\n| Add d | 31/02/2024 |\n")
        #expect(p.actions.allSatisfy { $0.due == nil })
        #expect(p.problems.map(\.message) == ["due date `03/04/2024` could be day/month or month/day; write it YYYY-MM-DD",
                                              "due date `April 1` is not a date pm reads; write it YYYY-MM-DD",
                                              "due date `2026-02-30` is not a real YYYY-MM-DD date",
                                              "due date `31/02/2024` is not a date pm reads; write it YYYY-MM-DD"])
    }

    /// From the black-box pass of stop 43: GitHub's and GitLab's references were lost: a ticket
    /// `acme/runner#4413` kept its parenthesis in the text, a team `@acme/sre-team` became the
    /// owner `acme`, and "tracked in #4414" gave no ticket.
    @Test func repositoryReferences() {
        let p = read("""
            ## Action items

            - [ ] Add a reaper (@a, due 2025-02-01, acme/runner#4413)
            - [ ] Cap the runners @acme/sre-team OPS-2 due 2025-02-01
            - [ ] Raise the quota alert threshold — assigned to @m.lopez, tracked in #4414, due 2025-02-03.
            - [ ] Move the cache (owner: @b, due: 2025-02-01, ticket: infra/cache!12)
            - [ ] Fix the #2 cause of pages (owner: @b, due: 2025-02-01)
            """)
        #expect(p.actions.map(\.ticket) == ["acme/runner#4413", "OPS-2", "#4414", "infra/cache!12", nil])
        #expect(p.actions.map(\.owner) == ["a", "acme/sre-team", "m.lopez", "b", "b"])
        #expect(p.actions.first?.text == "Add a reaper")
    }

    /// From the black-box pass of stop 43: "Lessons learned and action items" made its tasks
    /// lessons, and PM050 and PM010 asked for actions the document listed. Tasks in a lessons
    /// section are actions; more titles teams use are read.
    @Test func tasksInALessonsSection() throws {
        let p = read("""
            ## Lessons learned and action items

            - Canary stages catch config errors early.
            - [ ] Add a canary stage (owner: @dana, due: 2025-04-01, ticket: OPS-1)
            - [x] Alert on empty pools (owner: @li, ticket: OPS-2)
            """)
        #expect(p.actions.map(\.text) == ["Add a canary stage", "Alert on empty pools"])
        #expect(p.lessons.other.map(\.text) == ["Canary stages catch config errors early."])
        let found = try LintTestSupport.lint(RuleExamples.frontMatter() + RuleExamples.body().replacingBytes(of: "## Follow-up actions", with: "## Lessons learned and action items"))
        #expect(!found.contains { $0.ruleID == "PM050" || $0.ruleID == "PM010" && $0.message.contains("Follow-up actions") })
        for (title, kind) in [("Preventive measures", SectionKind.actions), ("What's next", .actions), ("Postmortem action items", .actions),
                              ("Key learnings", .lessons), ("Why it happened", .factors), ("Recommendations failed to renew orders", nil)] {
            #expect(SectionTitles.kind(of: title) == kind, "\(title)")
        }
    }

    /// From the black-box pass of stop 43, smaller: an owner cell `Jane Doe (@jdoe)` was kept
    /// whole, a ticket replaced in its cell (`~~OPS-9~~ OPS-10`) was both, `**Action:**` stayed in
    /// the text (and PM053 said it did not start with a verb), and `Shipped` or `Duplicate of
    /// EML-88` left the action open.
    @Test func smallerCellsAndLabels() {
        let p = read("""
            ## Action items

            | Action | Owner | Ticket | Status |
            |---|---|---|---|
            | Add a canary | Jane Doe (@jdoe) | ~~OPS-9~~ OPS-10 | Shipped |
            | Add an alert | Jane Doe (platform) | OPS-11 | Duplicate of EML-88 |

            - **Action:** Detach the volume before the upgrade (owner: @a, due: 2026-12-01, ticket: OPS-1)
            - Actionable alerts for the queue (owner: @a, due: 2026-12-01, ticket: OPS-2)
            """)
        #expect(p.actions.map(\.owner) == ["jdoe", "Jane Doe (platform)", "a", "a"])
        #expect(p.actions.map(\.ticket) == ["OPS-10", "OPS-11", "OPS-1", "OPS-2"])
        #expect(p.actions.map(\.state) == [.done, .notDoing, .open, .open])
        #expect(p.actions[1].reason == "Duplicate of EML-88")
        #expect(p.actions.map(\.text).suffix(2) == ["Detach the volume before the upgrade", "Actionable alerts for the queue"])
    }

    /// From the black-box pass of stop 43: a figure (`![CPU graph](cpu.png)`) and a short line
    /// introducing a list ("As a result, three things happened:") were factors of their own,
    /// which also satisfied PM040's "more than one". A longer paragraph before a list says more
    /// than an introduction does, and stays one.
    @Test func figuresAndIntroductionsAreNoFactors() {
        let p = read("""
            ## Contributing factors

            ![CPU graph](cpu.png)

            As a result, three things happened:

            - the pool emptied,
            - traffic was black-holed.

            While we consider the lack of least privilege the biggest factor in this incident, there were factors that made it worse:

            - IP address starvation.

            The proxy reloads its config without validation. The code path is below:

            ```go
            return nil
            ```
            """)
        #expect(p.factors.map(\.text) == ["the pool emptied,", "traffic was black-holed.",
                                          "While we consider the lack of least privilege the biggest factor in this incident, there were factors that made it worse:",
                                          "IP address starvation.", "The proxy reloads its config without validation. The code path is below:"])
    }

    /// From the black-box pass of stop 43: `— won't do: reason` after the action was read only
    /// without a parenthesis of metadata after it; with `(DEVEX-12)` the action stayed open.
    @Test func wontDoAfterADashBeforeAParenthesis() {
        let p = read("""
            ## Action items

            - Migrate runners to ephemeral VMs — won't do: replaced by the Q2 migration (DEVEX-12)
            - Cap the pool - owner: @li.w (due: 2027-01-15, ticket: OPS-3)
            - Replace the proxy vendor - see the comparison (OPS-4)
            """)
        #expect(p.actions.map(\.state) == [.notDoing, .open, .open])
        #expect(p.actions.map(\.reason) == ["replaced by the Q2 migration", nil, nil])
        #expect(p.actions.map(\.ticket) == ["DEVEX-12", "OPS-3", "OPS-4"])
        #expect(p.actions.map(\.owner) == [nil, "li.w", nil])
        #expect(p.actions.map(\.text) == ["Migrate runners to ephemeral VMs", "Cap the pool", "Replace the proxy vendor - see the comparison"])
    }

    /// Left open by stop 45: a not-doing state inside the colonless parenthesis (`(won't do --
    /// covered by OPS-9)`, `(@team-web, won't do: covered by the Q2 migration)`) left the action
    /// open, so PM051 asked for a due date. The rest of the parenthesis is the reason; words after
    /// the state ("won't fix the root cause") stay words.
    @Test func wontDoInsideAParenthesis() {
        let p = read("""
            ## Action items

            - [ ] Add a canary stage (won't do -- covered by OPS-9)
            - [ ] Add a canary stage (won't do — covered by OPS-9, which ships in Q1)
            - [ ] Add a canary stage (@team-web, won't do: covered by the Q2 migration)
            - [ ] Add a canary stage (@team-web, OPS-12, wontfix)
            - [ ] Add a retry (won't fix the root cause, but halves the errors)
            """)
        #expect(p.actions.map(\.state) == [.notDoing, .notDoing, .notDoing, .notDoing, .open])
        #expect(p.actions.map(\.reason) == ["covered by OPS-9", "covered by OPS-9, which ships in Q1", "covered by the Q2 migration", nil, nil])
        #expect(p.actions.map(\.owner) == [nil, nil, "team-web", "team-web", nil])
        #expect(p.actions.map(\.ticket) == [nil, nil, nil, "OPS-12", nil])
        #expect(p.actions.map(\.text) == ["Add a canary stage", "Add a canary stage", "Add a canary stage", "Add a canary stage",
                                          "Add a retry (won't fix the root cause, but halves the errors)"])
        // From the retest of the mend: the other not-doing words (rejected, declined, cancelled,
        // dropped) and a square bracket are read too; an arrow points elsewhere, and the
        // parenthesis stays the metadata it was.
        let q = read("""
            ## Action items

            - Add a shard alert (cancelled -- superseded by OPS-14)
            - Add a canary (@a, OPS-1, rejected)
            - Add a dashboard (declined: covered by OPS-9)
            - Investigate (@a, OPS-38, won't do [see OPS-2])
            - Add a circuit breaker (not planned -> moved to Q2 roadmap, @a, OPS-31)
            - Drop the old logs (dropped packets are logged in OPS-4)
            """)
        #expect(q.actions.map(\.state) == [.notDoing, .notDoing, .notDoing, .notDoing, .open, .open])
        #expect(q.actions.map(\.reason) == ["superseded by OPS-14", nil, "covered by OPS-9", "see OPS-2", nil, nil])
        #expect(q.actions.map(\.owner) == [nil, "a", nil, "a", "a", nil])
        #expect(q.actions.map(\.ticket) == [nil, "OPS-1", nil, "OPS-38", "OPS-31", "OPS-4"])
    }

    /// Left open by stop 41: an action's own label (`AI-1:`, `[FU-1]`) was read as its ticket,
    /// so PM051 did not ask for one. Ids that number the document's actions from 1 are labels;
    /// a ticket later in the text is read instead; a real key at the start, or an id a `ticket:`
    /// gives, stays the ticket.
    @Test func actionLabelsAreNotTickets() {
        let p = read("""
            ## Follow-up actions

            - [ ] AI-1: Add prefetch to the load test (owner: @orders, due: 2027-01-15)
            - [ ] AI-2: Alert on throughput per pod, tracked in ORD-412 (owner: @sre, due: 2027-01-15)
            - [ ] OPS-4211: Cap the prefetch (owner: @sre, due: 2027-01-15)
            - [ ] [FU-1] Write the runbook (owner: @sre, due: 2027-01-15)
            - [ ] AI-3 - Page on lag per partition (owner: @sre, due: 2027-01-15, ticket: AI-3)
            """)
        // `ticket: AI-3` says it is a ticket.
        #expect(p.actions.map(\.ticket) == [nil, "ORD-412", "OPS-4211", nil, "AI-3"])
        #expect(p.actions.first?.text == "AI-1: Add prefetch to the load test")
        // In a table's action column too.
        let table = read("## Follow-up actions\n\n| Action | Owner |\n|---|---|\n| AI-1. Add a canary | @li.w |\n| AI-2. Add an alert | @li.w |\n")
        #expect(table.actions.map(\.ticket) == [nil, nil])
        // Not labels: one id of a project's (not number 1 of a label prefix), ids that do not
        // count up from 1, an id in the middle of the text.
        for text in ["- [ ] OPS-1: Add a canary\n", "- [ ] AI-7: Add a canary\n- [ ] AI-9: Add an alert\n",
                     "- [ ] Add a canary AI-1: later\n- [ ] Add an alert AI-2: later\n", "- [ ] AI-2: Add a canary\n- [ ] AI-1: Add an alert\n"] {
            #expect(read("## Follow-up actions\n\n" + text).actions.allSatisfy { $0.ticket != nil }, "\(text)")
        }
    }

    /// Left open by stop 37: a column headed `Tikcet` was passed over without a word.
    @Test func misspelledColumnsAreAProblemAtTheirHeader() {
        let p = read("""
            ## Follow-up actions

            | Action | Owner | Tikcet | Notes | Deu |
            |---|---|---|---|---|
            | Add a canary stage | @li.w | OPS-3 | agreed in review | 2026-12-01 |
            """)
        #expect(p.actions.first?.ticket == nil && p.actions.first?.owner == "li.w")
        #expect(p.problems.map(\.message) == [
            "column `Tikcet` is not one pm reads, so its cells were not read; did you mean `Ticket`?",
            "column `Deu` is not one pm reads, so its cells were not read; did you mean `Due`?",
        ])
        #expect(p.problems.map { $0.range?.start.column } == [19, 36])
        // Plurals of columns pm reads are read; a misspelling of a key that is no column is not
        // suggested (the review of stop 38: `Reasons`, `Types`, `Deadlines`).
        let plural = read("## Follow-up actions\n\n| Action | Owners | Types | Deadlines | Reasons |\n|---|---|---|---|---|\n| Add a canary | @li.w | reliability | 2026-12-01 | review |\n")
        #expect(plural.problems.isEmpty)
        #expect(plural.actions.first?.type == "reliability" && plural.actions.first?.due?.description == "2026-12-01")
    }

    /// Left open by stop 38: a header one letter off (`Owmer`, `Ownr`) got no did-you-mean, since
    /// such words are too often names of their own. It gets one when its cells are what the
    /// column it misspells holds.
    @Test func headersOneLetterOffWithTheirColumnsValues() {
        let p = read("""
            ## Follow-up actions

            | Action | Owmer | Ticke | Dew | Targt |
            |---|---|---|---|---|
            | Add a canary | @li.w | OPS-3 | later | 2026-12-01 |
            | Add an alert | @sre | OPS-4 | soon | |
            """)
        #expect(p.problems.map(\.message) == [
            "column `Owmer` is not one pm reads, so its cells were not read; did you mean `Owner`?",
            "column `Ticke` is not one pm reads, so its cells were not read; did you mean `Ticket`?",
        ])
        // Cells that are not all the column's kind: no suggestion (`Owmer` over a name).
        let names = read("## Follow-up actions\n\n| Action | Owmer |\n|---|---|\n| Add a canary | @li.w |\n| Add an alert | Dana |\n")
        #expect(names.problems.isEmpty)
    }

    /// From the retest of stop 38: a misspelled first key beside keys pm reads left the whole
    /// parenthesis in the text (`(onwer: …, ticket: …)`); a keyed part among colonless ones was
    /// not metadata; a comment in a cell was read into the value. From the review after it: a
    /// misspelled key alone stays text (`(stats: p99, p50)` is prose, and `(onwer: @dana.k)` keeps
    /// its handle as the owner), a date in the text is not compared with the metadata's (it may
    /// date something else), and a bare date beside a keyed due date is a day, not a deadline.
    @Test func metadataTheRetestOfStop38Found() {
        let p = read("""
            ## Follow-up actions
            - [ ] Add a pool alert (onwer: @dana.k, ticket: OPS-2, due: 2027-01-01)
            - [ ] Add a lag alert (onwer: @dana.k)
            - [ ] Tune the alert (stats: p99, p50)
            - [ ] Retire the v1 proxy (@li.w, due: 2027-01-20, OPS-106)
            - [ ] Add a CPU alert (owner: @li.w, types: detect, deadlines: 2027-01-05, ticket: OPS-5)
            - [ ] Rotate certificates that expire by 2027-03-01 (owner: @li.w, due: 2027-02-01, ticket: OPS-7)
            - [ ] Backfill orders (2026-11-03, due: 2027-01-20, @li.w, OPS-9)

            | Action | Owner | Due | Ticket |
            |---|---|---|---|
            | Retire the cache by 2027-01-04 | @dana.k | 2027-01-10 <!-- pm-lint disable-line PM052 -- moved --> | OPS-8 |
            """)
        #expect(p.actions.map(\.text) == ["Add a pool alert", "Add a lag alert (onwer: @dana.k)", "Tune the alert (stats: p99, p50)",
                                          "Retire the v1 proxy", "Add a CPU alert", "Rotate certificates that expire by 2027-03-01",
                                          "Backfill orders", "Retire the cache by 2027-01-04"])
        #expect(p.actions.map(\.owner) == ["dana.k", "dana.k", nil, "li.w", "li.w", "li.w", "li.w", "dana.k"])
        #expect(p.actions.map { $0.due?.description } == ["2027-01-01", nil, nil, "2027-01-20", "2027-01-05", "2027-02-01", "2027-01-20", "2027-01-10"])
        #expect(p.actions[4].type == "detect")
        #expect(p.problems.map(\.message) == ["`onwer:` is not an action key; its value was read as the `owner:` it misspells"])
    }

    /// Found by the retest of stop 36: an unread part swallowed every `key: value` after it, and
    /// a status with a reason or a mark before it was open.
    @Test func unreadPartsAndStatusesWithReasons() {
        let p = read("""
            ## Follow-up actions
            - [ ] Fix A (owner: @x, needs review, ticket: OPS-1)
            - [ ] Fix B (owner: @x, due: 2026-08-01, P1, ticket: OPS-2)
            - [ ] Fix C (owner: @x, due 2026-02-30, ticket: OPS-3)
            - [ ] Fix D (owner: @x, ticket: OPS-7, won't do - no budget, vendor retires it)

            | Action | Status |
            |---|---|
            | Fix E | ❌ Won't do (replaced by OPS-9) |
            | Fix F | Won't do – moved to the Q3 plan |
            | Fix G | 🟢 Done |
            | Fix H | Done (2026-09-01) |
            | Fix I | ✅ Not done |
            | Fix J | Done for the API, not the UI |
            | Fix K | ~~Open~~ Done |
            | Fix L | ~~Done~~ |
            """)
        #expect(p.actions.map(\.owner) == ["x", "x", "x", "x", nil, nil, nil, nil, nil, nil, nil, nil])
        #expect(p.actions.map(\.ticket) == ["OPS-1", "OPS-2", "OPS-3", "OPS-7", nil, nil, nil, nil, nil, nil, nil, nil])
        #expect(p.actions[1].due?.description == "2026-08-01")
        #expect(p.problems.map(\.message) == ["due date `2026-02-30` is not a real YYYY-MM-DD date"])
        // A status struck through is the one replaced: "~~Open~~ Done" is done; "~~Done~~" alone reads as written.
        #expect(p.actions.map(\.state) == [.open, .open, .open, .notDoing, .notDoing, .notDoing, .done, .done, .open, .open, .done, .done])
        #expect(p.actions.map(\.reason) == [nil, nil, nil, "no budget, vendor retires it", "replaced by OPS-9", "moved to the Q3 plan", nil, nil, nil, nil, nil, nil])
        // A number before the word keeps it open, and a bracket inside a reason stays (the second review).
        let q = read("""
            ## Follow-up actions
            | Action | Status | Ticket | PR |
            |---|---|---|---|
            | Fix K | 50% done | OPS-3, OPS-4 | acme/api#7 |
            | Fix L | Won't do – see (OPS-9) | OPS-5 (in review) | none yet |
            """)
        #expect(q.actions.map(\.state) == [.open, .notDoing])
        #expect(q.actions.map(\.reason) == [nil, "see (OPS-9)"])
        // A state in parentheses after a ticket is no part of it; the Status column gives the state.
        #expect(q.actions.map(\.ticket) == ["OPS-3, OPS-4, acme/api#7", "OPS-5"])
    }

    /// Found by the black-box pass of stop 36: a nested list of metadata under an action was not read.
    @Test func aNestedListOfMetadataIsTheActions() {
        let p = read("""
            ## Follow-up actions
            - [ ] Alert on lag
              - owner: @dana.k
              - Due: 2026-12-01
              - ticket: OPS-4
            - [ ] Rotate keys
              - [ ] Sub task one
              - owner: @li.w
            """)
        #expect(p.actions.map(\.text) == ["Alert on lag", "Rotate keys"])
        #expect(p.actions.map(\.owner) == ["dana.k", nil])
        #expect(p.actions.first?.due?.description == "2026-12-01")
        #expect(p.actions.first?.ticket == "OPS-4")
    }

    /// Found by the black-box pass of stop 36: a factor table's Category column gave no category.
    @Test func aCategoryCellNamesTheFactorsCategory() {
        let p = read("""
            ## Contributing factors

            | Category | Factor |
            |---|---|
            | config | The proxy accepted an empty upstream pool. |
            | Dependency | Paylane timed out. |
            | none | Nothing was wrong. |

            | Factor | Type |
            |---|---|
            | The retry storm doubled load. | capacity |

            | Factor | Detected by |
            |---|---|
            | The cache dropped keys. | Monitoring |
            """)
        #expect(p.factors.map(\.category) == ["config", "dependency", nil, "capacity", nil])
        #expect(p.factors.map(\.text) == ["The proxy accepted an empty upstream pool.", "Paylane timed out.", "none — Nothing was wrong.",
                                          "The retry storm doubled load.", "The cache dropped keys. — Monitoring"])
    }

    /// Found by the black-box pass of stop 36: parts without a colon in a parenthesis with keys
    /// ran into the owner, and `won't do, reason` was open.
    @Test func keyedAndUnkeyedPartsInOneParenthesis() {
        let p = read("""
            ## Follow-up actions
            - [ ] Fix D (owner: @x, due 2026-08-01)
            - [ ] Fix F (owner: @x, OPS-77, due 2026-08-02)
            - [ ] Fix G (owner: @x, @y, due: 2026-08-03)
            - [ ] Fix I (owner: @x, 2026-08-04)
            - [ ] Fix K (owner: @x, reason: no budget, no owner)
            - Fix E (owner: @a, status: won't do, no budget this quarter)
            - Fix J (owner: @a, status: won't do; replaced by OPS-9)
            """)
        #expect(p.actions.map(\.owner) == ["x", "x", "x", "x", "x", "a", "a"])
        #expect(p.actions.map { $0.due?.description } == ["2026-08-01", "2026-08-02", "2026-08-03", "2026-08-04", nil, nil, nil])
        #expect(p.actions.map(\.ticket) == [nil, "OPS-77", nil, nil, nil, nil, nil])
        #expect(p.actions.map(\.state) == [.open, .open, .open, .open, .open, .notDoing, .notDoing])
        #expect(p.actions.map(\.reason) == [nil, nil, nil, nil, nil, "no budget this quarter", "replaced by OPS-9"])
        #expect(p.actions.allSatisfy { $0.text.hasPrefix("Fix ") && $0.text.count == 5 })
    }

    /// Found by the black-box pass of stop 36: common column names and check marks were not read.
    @Test func moreColumnNamesAndCheckMarks() {
        let p = read("""
            ## Follow-up actions
            | Action | Owner(s) | Tracking bug | Status |
            |---|---|---|---|
            | Fix it | @dana.k | OPS-1 | ✅ Done |
            | Page on lag | @li.w | OPS-2 | ✔ |

            | Task | Assigned to | Jira ticket | Due by |
            |---|---|---|---|
            | Alert on 5xx | @sam.o | OPS-3 | 2026-12-01 |
            """)
        #expect(p.actions.map(\.owner) == ["dana.k", "li.w", "sam.o"])
        #expect(p.actions.map(\.ticket) == ["OPS-1", "OPS-2", "OPS-3"])
        #expect(p.actions.map(\.state) == [.done, .done, .open])
        #expect(p.actions.last?.due?.description == "2026-12-01")
        // An Issue column describing the problem beside a ticket column, and two owners in one
        // cell (the retest of stop 36).
        let q = read("""
            ## Follow-up actions
            | Issue | Action | Owner(s) | Jira ticket | PR |
            |---|---|---|---|---|
            | Disk filled | Add a disk alert | @x, @y | OPS-3 | https://github.com/acme/api/pull/7 |
            """)
        #expect(q.actions.map(\.owner) == ["x"])
        #expect(q.actions.map(\.ticket) == ["OPS-3, https://github.com/acme/api/pull/7"])
    }

    /// Left open by stop 35's passes: the second of two tickets replaced the first.
    @Test func twoTicketsInOnePlaceAreBothKept() {
        let p = read("""
            ## Follow-up actions
            - [ ] Schedule a failover drill (@dana.k, due 2026-12-01, OPS-105, OPS-106)
            - [ ] Alert on lag (owner: @li.w, ticket: OPS-107, ticket: OPS-108, ticket: OPS-107)
            - [ ] Retire the v1 proxy (owner: @li.w, ticket: none, ticket: OPS-109)
            - [ ] Page on lag (owner: @li.w, ticket: OPS-110)
              ticket: OPS-111
            """)
        #expect(p.actions.map(\.ticket) == ["OPS-105, OPS-106", "OPS-107, OPS-108", "OPS-109", "OPS-111"])
        #expect(p.actions[0].text == "Schedule a failover drill")
        #expect(p.actions[0].owner == "dana.k")
    }

    /// Found by the black-box pass of stop 35: dates that are names or a deed's date are no due
    /// dates; "due date", "ETA:" and table rows are read; an impossible date is a problem.
    @Test func writtenDueDatesRefined() {
        let p = read("""
            ## Follow-up actions
            - [ ] Pin the base image to the target 2026-12-01 build @dana.k OPS-419
            - [ ] Replay orders dropped by 2026-01-13's deploy @dana.k OPS-422
            - [ ] Revert images built by 2026-01-12-hotfix pipeline @dana.k OPS-423
            - [ ] Archive logs written by 2026-01-13 (the incident day) @dana.k OPS-430
            - [ ] Add a lag alert, due date 2026-12-10 @dana.k OPS-420
            - [ ] Page on lag, ETA: 2026-12-20, @dana.k, OPS-429
            - [ ] Rotate certificates due 2026-02-30 @dana.k OPS-431

            | Action | Owner | Ticket |
            |---|---|---|
            | Retire the v1 proxy by 2026-11-15 | @li.w | OPS-413 |

            ## Lessons
            """)
        #expect(p.actions.map { $0.due?.description } == [nil, nil, nil, nil, "2026-12-10", "2026-12-20", nil, "2026-11-15"])
        // From the review: deadline wording that had been taken for a deed or a name.
        let deadlines = read("""
            ## Follow-up actions
            - [ ] Rotate the keys, to be done by 2026-12-01 @li.w OPS-1
            - [ ] Rotate the keys, needed by 2026-12-02 @li.w OPS-2
            - [ ] Ship the feed by 2026-12-03 @li.w OPS-3
            - [ ] Rotate the keys by 2026-12-04 at the latest @li.w OPS-4
            - [ ] Rotate the keys, due 2026-12-05\u{2014}OPS-5 @li.w
            - [ ] Backfill orders lost in the outage (2026-01-13)
            """)
        #expect(deadlines.actions.map { $0.due?.description } == ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", nil])
        #expect(deadlines.actions.last?.text == "Backfill orders lost in the outage (2026-01-13)")
        // A "by" date on or before the incident's start is a deed's; "target date" is a deadline;
        // a table row's colonless parenthesis is read and taken out (the second pass of stop 35).
        let deeds = read("""
            ---
            started: 2026-01-13T07:42:00Z
            ---
            ## Follow-up actions
            - [ ] Replace hosts installed by 2026-01-12 @li.w OPS-1
            - [ ] Revoke certificates issued by 2026-01-13 @li.w OPS-2
            - [ ] Add a lag alert, target date 2026-12-04 @li.w OPS-3
            - [ ] Retire the v1 proxy by 2026-12-05 @li.w OPS-4

            | Action | Status |
            |---|---|
            | Add alert (@li.w, due 2026-12-22, OPS-504) | open |

            ## Lessons
            """)
        #expect(deeds.actions.map { $0.due?.description } == [nil, nil, "2026-12-04", "2026-12-05", "2026-12-22"])
        #expect(deeds.actions.last?.text == "Add alert")
        #expect(deeds.actions.last?.owner == "li.w")
        #expect(deeds.actions.last?.ticket == "OPS-504")
        // Placeholder cells leave the parenthesis's owner and ticket in force (the final review).
        let placeholders = read("""
            ## Follow-up actions
            | Action | Owner | Ticket |
            |---|---|---|
            | Add alert (@li.w, OPS-504). | TBD | - |
            """)
        #expect(placeholders.actions.first?.text == "Add alert")
        #expect(placeholders.actions.first?.owner == "li.w")
        #expect(placeholders.actions.first?.ticket == "OPS-504")
        #expect(p.problems.map(\.message) == ["due date `2026-02-30` is not a real YYYY-MM-DD date"])
    }

    /// Colonless metadata is read only when every part of the parenthesis is an owner, a due date
    /// or a ticket; other words keep the parenthesis in the text and read nothing from it.
    @Test(arguments: [
        ("(owner @dana.k, due on 2026-12-01, issue #482)", "Drain the pool", "dana.k", "2026-12-01", "#482"),
        ("(2026-12-01, https://tracker.example/browse/OPS-9, @li.w)", "Drain the pool", "li.w", "2026-12-01", "https://tracker.example/browse/OPS-9"),
        ("(@li.w, ticket none)", "Drain the pool", "li.w", nil, "none"),
        ("(by design)", "Drain the pool (by design)", nil, nil, nil),
        ("(see OPS-412)", "Drain the pool (see OPS-412)", nil, nil, "OPS-412"),
        ("(who knows, OPS-412)", "Drain the pool (who knows, OPS-412)", nil, nil, "OPS-412"),
        ("(P1, due 2026-12-01)", "Drain the pool (P1, due 2026-12-01)", nil, "2026-12-01", nil),
    ] as [(String, String, String?, String?, String?)])
    func looseMetadata(written: String, text: String, owner: String?, due: String?, ticket: String?) {
        let p = read("## Follow-up actions\n- [ ] Drain the pool \(written)\n")
        let action = p.actions.first
        #expect(action?.text == text)
        #expect(action?.owner == owner)
        #expect(action?.due?.description == due)
        #expect(action?.ticket == ticket)
        #expect(p.problems.isEmpty)
    }

    @Test func badDueDateIsAProblem() {
        let p = read("## Follow-ups\n- [ ] Fix it (owner: @a, due: 2026-02-30)\n")
        #expect(p.actions[0].due == nil)
        #expect(p.problems.map(\.code) == [.invalidActionMetadata])
    }

    @Test func lessonsAsH2AndAsH3UnderLessonsLearned() {
        let h2 = read("## What went well\n- Alerts fired.\n## What didn't go so well\n- Slow rollback.\n## Where we got lucky\n- Low traffic.\n")
        #expect(h2.lessons.wentWell.map(\.text) == ["Alerts fired."])
        #expect(h2.lessons.wentWrong.map(\.text) == ["Slow rollback."])
        #expect(h2.lessons.lucky.map(\.text) == ["Low traffic."])
        let h3 = read("## Lessons learned\n### What went well\nAlerts fired.\n### What went poorly\n- Slow rollback.\n")
        #expect(h3.lessons.wentWell.count == 1)
        #expect(h3.lessons.wentWrong.count == 1)
    }

    @Test func pseudoHeadingParagraphs() {
        let p = read("## Detection\nPeople told us.\n\nAction Items\n- Set up alerting for expiring certificates\n")
        #expect(p.actions.map(\.text) == ["Set up alerting for expiring certificates"])
    }

    @Test func sectionsHaveKindsAndRanges() {
        let p = read("# Title\n## Summary\nText\n## Timeline\n\n## Contributing Factors\n- a\n")
        #expect(p.title == "Title")
        #expect(p.sections.map(\.kind) == [nil, .summary, .timeline, .factors])
        #expect(p.sections.map(\.isEmpty) == [false, false, true, false])
        #expect(p.sections[1].range == SourceRange(start: SourceLocation(line: 2, column: 1), end: SourceLocation(line: 3, column: 4)))
    }
    @Test("inline metadata reads the same in ASCII text and in text with other characters")
    func inlineMetadataSeparatorsAreWholeCharacters() throws {
        let ascii = try #require(ActionExtractor.pairs("owner: @dana, due: 2026-07-28; type: prevent"))
        #expect(ascii.map(\.0) == ["owner", "due", "type"])
        #expect(ascii.map(\.1) == ["@dana", "2026-07-28", "prevent"])
        let accented = try #require(ActionExtractor.pairs("owner: @zoë, due: 2026-07-28; type: prévent"))
        #expect(accented.map(\.1) == ["@zoë", "2026-07-28", "prévent"])
        // A separator with a combining mark is another character, not a separator.
        #expect(ActionExtractor.pairs("owner:\u{301} @dana") == nil)
        let comma = try #require(ActionExtractor.pairs("owner: @zoë,\u{301} on call"))
        #expect(comma.map(\.1) == ["@zoë,\u{301} on call"])
        // A key after a space starts a pair of its own, as in ASCII text (stop 41).
        let runOn = try #require(ActionExtractor.pairs("owner: @zoë due: 2026-07-28"))
        #expect(runOn.map(\.0) == ["owner", "due"] && runOn.map(\.1) == ["@zoë", "2026-07-28"])
        // U+037E GREEK QUESTION MARK is canonically ";" (Greek keyboards type it), so it separates.
        let greek = try #require(ActionExtractor.pairs("owner: @zoë\u{037E} due: 2026-07-28"))
        #expect(greek.map(\.0) == ["owner", "due"])
        // The parenthesis that opens the trailing group, nested or not.
        for (text, prefix) in [("Add alert (owner: @dana (sre))", "Add alert "), ("Añadir alerta (owner: @zoë (sre))", "Añadir alerta "),
                               ("Add alert (\u{301}owner: x)", nil), ("a) b", nil)] {
            let open = ActionExtractor.matchingOpen(text)
            #expect(open.map { String(text[..<$0]) } == prefix, "\(text)")
        }
    }

    /// Found by the black-box pass of stop 37: a misspelled key was dropped without a word, and
    /// PM051 then said the action had no ticket.
    @Test func misspelledKeysAreReported() {
        let p = read("""
            ## Follow-up actions
            - [ ] Add a canary stage (owner: @dana.k, tikcet: OPS-412, due: 2026-12-01)
            - [ ] Alert on pool size (owner: @dana.k, pm: yes, notes: see the thread, staus: open)
            """)
        // A value that is what the misspelled key holds is read as that key's (stop 40: the
        // text's ticket rule had found it, and a typo cost the action its ticket).
        #expect(p.actions.map(\.ticket) == ["OPS-412", nil])
        #expect(p.actions.first?.due?.description == "2026-12-01")
        #expect(p.problems.filter { $0.code == .invalidActionMetadata }.map(\.message) == [
            "`tikcet:` is not an action key; its value was read as the `ticket:` it misspells",
            "`staus:` is not an action key, so its value was not read; did you mean `status:`?",
        ])
        // Words of their own are no misspellings (the retest: `region:` had been `reason:`); a
        // nested list keeps its keys beside a misspelled or another key, which had dropped it whole.
        let q = read("""
            ## Follow-up actions
            - [ ] Fail over the EU pool (owner: @ann, region: eu-west-1, dupe: OPS-5, person: Li, season: Q4, headline: x, ticker: ABC, ticket: OPS-6)
            - [ ] Add a lag alert
              - owner: @ann
              - team: sre
              - due: 2026-09-01
              - onwer: @li
            - [ ] Add a disk alert
              - team: sre
              - notes: see the thread
            """)
        #expect(q.actions.map(\.owner) == ["ann", "ann", nil])
        #expect(q.actions[1].due?.description == "2026-09-01")
        #expect(q.problems.filter { $0.code == .invalidActionMetadata }.map(\.message)
                == ["`onwer:` is not an action key; its value was read as the `owner:` it misspells"])
    }

    /// Left open by stop 38: a line of metadata under an action with its key misspelled
    /// (`  Deu: 2027-01-15`) stayed in the action's text without a word, and took the lines of
    /// metadata above it along. When its value is what the key it misspells holds, it is read as
    /// that key with a warning; other misspelled keys stay text ("Stats: p99 went up").
    @Test func misspelledKeyLinesUnderAnActionAreReported() {
        let p = read("""
            ## Follow-up actions
            - [ ] Add a lower bound check for pool size in CI
              owner: @li.w
              Deu: 2027-01-15
            - [ ] Alert on pool saturation
              Deu: 2027-02-30
            - [ ] Page on replica lag
              onwer: @dana.k
            - [ ] Retire the v1 proxy
              Staus: blocked on the vendor
            - [ ] Add a disk alert
              - deu: 2027-01-20
            - [ ] Add a queue alert
              - staus: blocked
            - [ ] Add a p99 alert
              Stats: p99 went from 200 ms to 2 s
              Owner: @dana.k
            """)
        #expect(p.actions.map(\.text) == ["Add a lower bound check for pool size in CI", "Alert on pool saturation",
                                          "Page on replica lag", "Retire the v1 proxy Staus: blocked on the vendor",
                                          "Add a disk alert", "Add a queue alert", "Add a p99 alert Stats: p99 went from 200 ms to 2 s"])
        #expect(p.actions.map(\.owner) == ["li.w", nil, "dana.k", nil, nil, nil, "dana.k"])
        #expect(p.actions.map { $0.due?.description } == ["2027-01-15", nil, nil, nil, "2027-01-20", nil, nil])
        let read = "`deu:` is not an action key; its value was read as the `due:` it misspells"
        #expect(p.problems.filter { $0.code == .invalidActionMetadata }.map(\.message) == [
            read, read, "due date `2027-02-30` is not a real YYYY-MM-DD date",
            "`onwer:` is not an action key; its value was read as the `owner:` it misspells", read,
        ])
        // Each at the line it is about (stop 41; they had pointed at the action's item).
        #expect(p.problems.filter { $0.code == .invalidActionMetadata }.map { $0.range?.start.line } == [4, 6, 6, 8, 12])
    }

    /// Left open by stops 38 to 40: a problem with a metadata line under an action pointed at
    /// the action's first line, so an editor marked the wrong line and a `disable-line` had to
    /// go on the item's last line. It points at the line now, from its text to its end.
    @Test func metadataProblemsPointAtTheirLine() {
        let p = read("""
            ## Follow-up actions
            - [ ] Reject configs with empty upstream pools
              ticket: OPS-1
              Deu: 2027-01-15
            - [ ] Canary config pushes in one region
              due: 2027-01-15
              due: 2027-01-22
            - [ ] Page on replica lag

              Onwer: @dana.k
              due: 2027-02-30
            - [ ] Add a disk alert
              - owner: @li.w
              - staus: blocked
            1. Add a queue alert
               tikcet: OPS-9 <!-- from the review -->
            """)
        let problems = p.problems.filter { $0.code == .invalidActionMetadata }
        #expect(problems.map(\.message) == [
            "`deu:` is not an action key; its value was read as the `due:` it misspells",
            "two due dates, 2027-01-15 and 2027-01-22; the last is read",
            "`onwer:` is not an action key; its value was read as the `owner:` it misspells",
            "due date `2027-02-30` is not a real YYYY-MM-DD date",
            "`staus:` is not an action key, so its value was not read; did you mean `status:`?",
            "`tikcet:` is not an action key; its value was read as the `ticket:` it misspells",
        ])
        #expect(problems.map { $0.range.map { "\($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column)" } } == [
            "4:3-4:17", "7:3-7:17", "10:3-10:16", "11:3-11:17", "14:3-14:18", "16:4-16:16",
        ])
        // Metadata read from the item's first line is reported at the item, as before.
        let r = read("""
            ## Follow-up actions
            - [ ] Alert on pool saturation
              owner: @li.w
              <!-- agreed in review --> due: 2027-02-30
            """)
        #expect(r.problems.filter { $0.code == .invalidActionMetadata }.map { $0.range.map { "\($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column)" } } == ["4:29-4:43"])
        let q = read("""
            ## Follow-up actions
            - [ ] Add a canary stage (owner: @li.w, due: someday)
            """)
        #expect(q.problems.filter { $0.code == .invalidActionMetadata }.map { $0.range?.start.line } == [2])
    }

    /// Found in stop 41: pairs written one after another without a comma gave the first key the
    /// rest of the line (an owner "li.w  Due: 2027-01-20  Ticket: OPS-4"), and the due date and
    /// ticket were lost without a word; so were they after a comment over two lines between
    /// them, and after a comment that starts the line (an HTML block to cmark-gfm).
    @Test func pairsWrittenWithoutCommasAndAroundComments() {
        let p = read("""
            ## Follow-up actions
            - [ ] Add a lower bound check for pool size in CI
              owner: @li.w due: 2027-01-15
            - [ ] Alert on pool saturation (owner: @li.w due: 2027-01-20 ticket: OPS-3)
            - [ ] Page on replica lag
              Owner: @li.w  Due: 2027-01-20  Ticket: OPS-4
            - [ ] Retire the v1 proxy
              owner: @li.w <!-- moved from
              @dana.k --> due: 2027-01-22
            - [ ] Add a disk alert
              owner: @li.w
              <!-- agreed in review --> due: 2027-01-23
            - [ ] Add a queue alert
              status: blocked on the vendor, due: 2027-01-24 priority: P2
            - [ ] Add a p99 alert (owner: @dana.k see: the thread)
            - [ ] Add a lag alert
              Ticket: OPS-12 (opened by: @li.w)
            - [ ] Add a CPU alert
              Owner: @dana.k (approved by: @li.w)
              Due: 2027-01-25 (was Due: 2026-12-01)
            """)
        #expect(p.actions.map(\.text) == ["Add a lower bound check for pool size in CI", "Alert on pool saturation", "Page on replica lag",
                                          "Retire the v1 proxy", "Add a disk alert", "Add a queue alert", "Add a p99 alert", "Add a lag alert",
                                          "Add a CPU alert"])
        // A handle with a note in parentheses after it is the handle (stop 43: `@jdoe (Jane Doe)`).
        #expect(p.actions.map(\.owner) == ["li.w", "li.w", "li.w", "li.w", "li.w", nil, "dana.k see: the thread", nil, "dana.k"])
        #expect(p.actions.map { $0.due?.description } == ["2027-01-15", "2027-01-20", "2027-01-20", "2027-01-22", "2027-01-23", "2027-01-24", nil,
                                                          nil, nil])
        #expect(p.actions.map(\.ticket) == [nil, "OPS-3", "OPS-4", nil, nil, nil, nil, "OPS-12 (opened by: @li.w)", nil])
        #expect(p.actions.map(\.priority) == [nil, nil, nil, nil, nil, "P2", nil, nil, nil])
        // Inside a parenthesis a key is words (the review of the stop: `(opened by: @li.w)` had
        // become a due date `@li.w)`); "Due: 2027-01-25 (was …)" is one value, as before.
        #expect(p.problems.filter { $0.code == .invalidActionMetadata }.map(\.message)
                == ["due date `2027-01-25 (was Due: 2026-12-01)` is not a real YYYY-MM-DD date"])
        // A comment that is all the block holds, or HTML that is not a comment, is no metadata.
        let q = read("""
            ## Follow-up actions
            - [ ] Rotate the signing keys
              <!-- owner: @dana.k -->
            - [ ] Rotate the TLS keys
              <details> due: 2027-01-15
            """)
        #expect(q.actions.map(\.owner) == [nil, nil] && q.actions.map(\.due) == [nil, nil])
    }

    /// The retest of stop 41: due dates under `target date:` and `due by:`, parts separated by
    /// middle dots, values on lines of their own in a table cell (`<br>`), and states written as
    /// GitHub's shortcodes were lost or misread.
    @Test func keysSeparatorsCellLinesAndShortcodes() {
        let p = read("""
            ## Follow-up actions
            - [ ] Add a canary stage (owner: @sam.o, target date: 2027-01-15, ticket: OPS-3)
            - [ ] Add a pool alert (owner: @sam.o, due by: 2027-01-16, ticket: OPS-4)
            - [ ] Add a runbook
              _Owner: @li.w · Due: 2027-01-17 · OPS-13_
            - :white_check_mark: Rotate the keys (owner: @li.w, ticket: OPS-5)
            - [ ] Add a disk alert [DONE] (owner: @li.w, ticket: OPS-6)

            | Action | Owner | Ticket | Due | Status |
            |---|---|---|---|---|
            | Add canary stage<br>to the config push | @dana.k<br>@li.w | OPS-1<br/>OPS-2 | 2027-01-15 | :white_check_mark: |
            | Add a queue alert | @li.w | OPS-7 | 2027-01-20 | :x: Won't do - superseded by OPS-9 |
            | Add a lag alert | @li.w | OPS-8 | 2027-01-21 | Complete ✅ |
            | Add a p99 alert | @li.w | OPS-10 | 2027-01-22 | :heavy_check_mark: Done |

            - [ ] Show a :white_check_mark: on the status page when all probes pass (owner: @li.w, ticket: OPS-11)
            - [ ] Add a [DONE] column to the incident board (owner: @li.w, ticket: OPS-12)
            """)
        #expect(p.actions.map(\.text) == ["Add a canary stage", "Add a pool alert", "Add a runbook", "Rotate the keys", "Add a disk alert",
                                          "Add canary stage to the config push", "Add a queue alert", "Add a lag alert", "Add a p99 alert",
                                          "Show a :white_check_mark: on the status page when all probes pass", "Add a [DONE] column to the incident board"])
        #expect(p.actions.map { $0.due?.description } == ["2027-01-15", "2027-01-16", "2027-01-17", nil, nil,
                                                          "2027-01-15", "2027-01-20", "2027-01-21", "2027-01-22", nil, nil])
        #expect(p.actions.map(\.owner) == ["sam.o", "sam.o", "li.w", "li.w", "li.w", "dana.k", "li.w", "li.w", "li.w", "li.w", "li.w"])
        #expect(p.actions[2].ticket == "OPS-13" && p.actions[5].ticket == "OPS-1, OPS-2")
        // A mark inside the text is a word: only at its start or end is it the state (the review).
        #expect(p.actions.map(\.state) == [.open, .open, .open, .done, .done, .done, .notDoing, .done, .done, .open, .open])
        #expect(p.actions[6].reason == "superseded by OPS-9")
        #expect(p.problems.filter { $0.code == .invalidActionMetadata }.isEmpty)
        // Section titles teams use for actions and for the timeline.
        for title in ["Corrective and preventive actions", "Followup", "Followup items", "Post-incident action items",
                      "Incident action items", "Mitigations and follow-ups"] {
            #expect(read("## \(title)\n- [ ] Add a canary stage (owner: @sam.o, due: 2027-01-15, ticket: OPS-3)\n").actions.count == 1, "\(title)")
        }
        #expect(read("---\nstarted: 2026-07-14T14:02:00Z\n---\n## Response timeline\n- 14:02 UTC: a\n").timeline.count == 1)
    }

    /// Left open by stop 41: a state written as a bold label before the text, or after a dash at
    /// its end, left the action open (and a false PM052 overdue later).
    @Test func doneWrittenAsALabelOrAtTheEnd() {
        let p = read("""
            ## Follow-up actions
            - **DONE**: Rotate the keys (owner: @li.w, ticket: OPS-5)
            - Done: add a disk alert (owner: @li.w, ticket: OPS-6)
            - Add a pool alert - DONE (owner: @li.w, ticket: OPS-7)
            - Add a lag alert — Done
            - [ ] Decide when the migration is done (owner: @li.w, ticket: OPS-8)
            - [ ] Mark the runbook step as done - owner: @li.w, ticket: OPS-9
            - [ ] DONE:
            """)
        #expect(p.actions.map(\.text) == ["Rotate the keys", "add a disk alert", "Add a pool alert", "Add a lag alert",
                                          "Decide when the migration is done", "Mark the runbook step as done", "DONE:"])
        #expect(p.actions.map(\.state) == [.done, .done, .done, .done, .open, .open, .open])
        #expect(p.actions.map(\.ticket) == ["OPS-5", "OPS-6", "OPS-7", nil, "OPS-8", "OPS-9", nil])
    }

    /// The retest of stop 41: a label without a box above a nested list of tasks ("Long term")
    /// was read as an action with no metadata (a false PM051), and the tasks under it were lost.
    @Test func shortLabelsOverTasksAreGroups() {
        let p = read("""
            ## Action items
            1. **Short term:**
               - [ ] Add canary stage (owner: @dana.k, due: 2027-01-15, ticket: OPS-1)
            2. Long term
               - [ ] Move to managed gateway (owner: @li.w, due: 2027-06-01, ticket: OPS-2)
               - [x] Evaluate gateways (owner: @li.w, ticket: OPS-3)
            - Prevent:
              - [ ] Add a lint for pool bounds (owner: @li.w, due: 2027-02-01, ticket: OPS-4)
            - [ ] Improve the rollback tooling (owner: @li.w, due: 2027-03-01, ticket: OPS-5)
              - [ ] Write the runbook
            - Rework the deploy pipeline so that config pushes are canaried (owner: @li.w, ticket: OPS-6)
              - [ ] Add the canary stage
            - Detect (OPS-7)
              - [ ] Page on pool saturation
            - Rotate the TLS keys
              owner: @dana.k, due: 2027-01-15, ticket: OPS-8
              - [ ] Write the runbook
            """)
        #expect(p.actions.map(\.text) == ["Add canary stage", "Move to managed gateway", "Evaluate gateways", "Add a lint for pool bounds",
                                          "Improve the rollback tooling", "Rework the deploy pipeline so that config pushes are canaried", "Detect",
                                          "Rotate the TLS keys"])
        #expect(p.actions.map(\.group) == ["Short term", "Long term", "Long term", "Prevent", nil, nil, nil, nil])
        #expect(p.actions.map(\.state) == [.open, .open, .done, .open, .open, .open, .open, .open])
        // Metadata under the label makes it an action (the review of the stop).
        #expect(p.actions.last?.ticket == "OPS-8" && p.actions.last?.owner == "dana.k")
    }

    /// A short label over plain bullets that are actions (`- Long term` over `  - Replace the
    /// pool (owner: …)`), or that names a state or a horizon (`- Short term (done)`), was read
    /// as one action, and the actions under it were lost. A short label over steps without
    /// metadata (`- Add alerting` over `  - burn-rate alert`) is still an action.
    @Test func shortLabelsOverActionsAreGroups() {
        let p = read("""
            ## Action items

            - Short term (done)
              - Add a canary (owner: @a, due: 2026-08-01, ticket: OPS-1)
            - Long term
              - Replace the pool (owner: @c, due: 2026-10-01, ticket: OPS-3)
            - Improve paging
              - Page on queue depth (OPS-4)
            - Items we won't do
              - Rewrite the proxy (owner: @c, ticket: OPS-5) — out of scope
            - Add alerting
              - burn-rate alert
              - queue depth alert
            - Detect (OPS-7)
              - Page on pool saturation
            - Harden (due 2027-01-15)
              - [ ] Page on pool saturation
            """)
        #expect(p.actions.map(\.text) == ["Add a canary", "Replace the pool", "Page on queue depth", "Rewrite the proxy", "Add alerting", "Detect",
                                          "Harden"])
        #expect(p.actions.map(\.group) == ["Short term (done)", "Long term", "Improve paging", "Items we won't do", nil, nil, nil])
        #expect(p.actions.map(\.state) == [.done, .open, .open, .notDoing, .open, .open, .open])
        #expect(p.actions[3].reason == "out of scope")
        #expect(p.actions.last?.due?.description == "2027-01-15")
    }

    /// From the second retest of this stop: notes under a short action (`- keys listed in
    /// SEC-12`, `- @cdn.ops`) had made it a group and the notes actions; labels of a kind or a
    /// quarter (`2. Process`, `Q1 2027`) and an owner's label (`Owner: team-data`, whose actions
    /// are the team's) lost their items; `Mar 31, 2027 (Wed)` and a reason after ` -- ` were not
    /// read; Atlassian's `Priority actions` section gave no actions.
    @Test func groupLabelsAfterTheSecondRetest() {
        let notes = read("## Action items\n\n- Rotate leaked API keys\n  - keys listed in SEC-12\n- Purge caches\n  - @cdn.ops\n  - CDN-4\n")
        #expect(notes.actions.map(\.text) == ["Rotate leaked API keys", "Purge caches"])
        let p = read("""
            ## Priority actions

            - Owner: team-data
              - [ ] Pause consumer backfills during reassignments (DATA-5)
            - Q1 2027
              - Move flag storage to a replicated store
            1. Detection
               1. Alert on 401 ratio (@web.sre, WEB-2)
            2. Process
               1. Add IdP changes to the change calendar
            - [ ] Add a (owner: @a, due: Mar 31, 2027 (Wed), ticket: OPS-1)

            ### Won't do

            - Drop the legacy endpoint (owner: @b, ticket: ORD-54) -- customers still use it
            """)
        #expect(p.actions.map(\.text) == ["Pause consumer backfills during reassignments", "Move flag storage to a replicated store", "Alert on 401 ratio",
                                          "Add IdP changes to the change calendar", "Add a", "Drop the legacy endpoint"])
        #expect(p.actions.map(\.group) == ["Owner: team-data", "Q1 2027", "Detection", "Process", nil, "Won't do"])
        #expect(p.actions.map(\.owner) == ["team-data", nil, "web.sre", nil, "a", "b"])
        #expect(p.actions[4].due?.description == "2027-03-31")
        #expect(p.actions[5].state == .notDoing && p.actions[5].reason == "customers still use it" && p.actions[5].ticket == "ORD-54")
    }

    /// From the third retest: an owner's label as a bold line, a heading or an item with two
    /// owners grouped the actions but gave them no owner (the first owner counts, as in a cell).
    @Test func ownerLabelsGiveTheirActionsAnOwner() {
        let p = read("""
            ## Action items

            - Owners: team-sre, team-data
              - [ ] Write SLA runbook (SRE-3)

            **Owner: team-identity**

            - [ ] Rotate IdP signing keys yearly (WEB-9)

            ### Owner: @team-web

            | Action | Ticket |
            |---|---|
            | Add login canary | WEB-10 |
            | Add logout canary (owner: @li.w) | WEB-11 |
            """)
        #expect(p.actions.map(\.text) == ["Write SLA runbook", "Rotate IdP signing keys yearly", "Add login canary", "Add logout canary"])
        #expect(p.actions.map(\.owner) == ["team-sre", "team-identity", "team-web", "li.w"])
        // The fourth retest: `TBD` is no owner (PM051 asks for one); a name with a handle is the handle.
        let q = read("## Action items\n\n### Owner: TBD\n\n- [ ] Add dashboard (PAY-411)\n\n### Owner: Jane Doe (@jdoe)\n\n- [ ] Add runbook (PAY-412)\n")
        #expect(q.actions.map(\.owner) == [nil, "jdoe"])
        // Left open by stop 45: a plain line `Owner: team-payments` over a list, as a bold one;
        // prose after `Owner:` is no label.
        let plain = read("## Action items\n\nOwner: team-payments\n\n- [ ] Add a retry budget (PAY-12)\n\nOwner: @li.w\n\n- [ ] Cap the pool (OPS-3)\n\n"
                         + "Owner: see the thread below for who takes each of these.\n\n- [ ] Document the failover (OPS-4)\n")
        #expect(plain.actions.map(\.owner) == ["team-payments", "li.w", nil])
        #expect(plain.actions.map(\.group) == ["Owner: team-payments", "Owner: @li.w", nil])
        // Left open by stop 45: an owner's heading over a state's heading gave the state's actions
        // no owner. The group is the nearer heading; an action's own owner wins.
        let nested = read("## Action items\n\n### Owner: team-web\n\n#### Done\n\n- Add login canary (WEB-1)\n\n#### Open\n\n"
                          + "- [ ] Add logout canary (WEB-2)\n- [ ] Add SSO canary (@li.w, WEB-3)\n\n### Later\n\n- [ ] Backfill (DATA-1)\n")
        #expect(nested.actions.map(\.owner) == ["team-web", "team-web", "li.w", nil])
        #expect(nested.actions.map(\.group) == ["Done", "Open", "Open", "Later"])
        #expect(nested.actions.map(\.state) == [.done, .open, .open, .open])
    }

    /// From the review of the stop's diff: Jira's resolutions in a Status cell, only as whole
    /// words (`Closed: duplicates removed` and `Resolved - dropped the legacy pager` are done);
    /// `Improvement actions`; the `Next quarter`, `Backlog` and `Team:` labels.
    @Test func reviewOfTheActionsDiff() {
        let p = read("""
            ## Improvement actions

            | Action | Owner | Ticket | Status |
            |---|---|---|---|
            | Dedupe alert rules | @a | OPS-1 | Closed: duplicates removed |
            | Remove stale pages | @b | OPS-2 | Resolved - dropped the legacy pager |
            | Add limits | @c | OPS-3 | Closed - Won't Fix |
            | Add probes | @d | OPS-4 | Resolved: Duplicate of OPS-1 |

            - Next quarter
              - Replace the broker
            - Backlog
              - Rewrite the scheduler
            - Team: payments
              - [ ] Add a refund canary (PAY-1)
            """)
        #expect(p.actions.map(\.state) == [.done, .done, .notDoing, .notDoing, .open, .open, .open])
        #expect(p.actions[3].reason == "Duplicate of OPS-1")
        #expect(p.actions.map(\.group) == [nil, nil, nil, nil, "Next quarter", "Backlog", "Team: payments"])
        #expect(p.actions.last?.owner == "payments")
    }

    /// From the second retest: ticket cells with a state in other words (`n/a (done)`,
    /// `PAY-106 (Duplicate)`, `PAY-112 (Done ✅)`, `(Won't Do - replaced by PAY-200)`, a state
    /// alone, `(Backlog)`) kept the whole cell as the ticket and the action open.
    @Test func moreTicketCellStates() {
        let p = read("""
            ## Action items

            | Action | Owner | Ticket |
            |---|---|---|
            | Remove legacy retry code | @a | (Backlog) |
            | Share learnings | @a | n/a (done) |
            | Freeze production | @a | n/a (won't fix) |
            | Review client timeouts | @a | PAY-106 (Duplicate) |
            | Add jitter | @a | PAY-112 (Done ✅) |
            | Circuit breaker | @a | PAY-114 (Won't Do - replaced by PAY-200) |
            | Fix the queue | @a | OPS-8 (P1) |
            | Fix the cache | @a | OPS-9 (Closed - duplicate) |
            | Fix the proxy | @a | OPS-10 (Done, see PR 12) |
            | Fix the alerts | @a | OPS-11 (Closed-loop alerting - phase 2) |
            | Fix the pager | @a | OPS-12 (Duplicate of OPS-8) |
            | Fix the DNS | @a | OPS-13 (Closed - Won't Fix) |
            """)
        // `Closed - duplicate` and `Closed - Won't Fix`, Jira's resolutions, are not doing.
        #expect(p.actions.map(\.state) == [.open, .done, .notDoing, .notDoing, .done, .notDoing, .open, .notDoing, .open, .open, .notDoing, .notDoing])
        #expect(p.actions.map(\.ticket) == [nil, "none", "none", "PAY-106", "PAY-112", "PAY-114", "OPS-8 (P1)", "OPS-9", "OPS-10 (Done, see PR 12)",
                                            "OPS-11 (Closed-loop alerting - phase 2)", "OPS-12", "OPS-13"])
        #expect(p.actions.map(\.reason) == [nil, nil, nil, "Duplicate", nil, "replaced by PAY-200", nil, "duplicate", nil, nil, "Duplicate of OPS-8", nil])
        // The fifth retest: an empty Status cell leaves the state to the ticket cell.
        let q = read("## Action items\n\n| Action | Owner | Ticket | Status |\n|---|---|---|---|\n| Add alert C | @a | OPS-3 (Duplicate of OPS-2) | |\n| Add alert D | @a | OPS-4 (Done) | Open |\n")
        #expect(q.actions.map(\.state) == [.notDoing, .open])
        #expect(q.actions.first?.reason == "Duplicate of OPS-2")
    }

    /// Left open by stop 45: `- [ ] Process` over tasks had been one action without an owner, and
    /// its tasks left out. A box on a kind or horizon of action over tasks names a group; a task
    /// over steps, or over notes, stays an action.
    @Test func boxedGroupLabelsOverTasks() {
        let p = read("""
            ## Follow-up actions
            - [ ] Process
              - [ ] Add a disk-usage step to the runbook (owner: @search-team, due: 2026-09-01, ticket: SRCH-12)
              - [x] Page at 80% disk (owner: @search-team, ticket: SRCH-13)
            - [x] Short term:
              - [ ] Alert on index growth (owner: @sre, ticket: OPS-4)
            - [ ] Migrate the pool (owner: @a, ticket: OPS-1)
              - [ ] Drain the old pool
            - [ ] Testing
              - Covered by the load-test suite
            - [ ] Monitoring
              - [ ] Add a disk alert (owner: @sre, ticket: OPS-5)
              - Dashboards are fine as they are
            - [x] Done
              - [ ] Page at 80% disk (owner: @sre, ticket: OPS-2)
            """)
        // A group over tasks and notes stays an action with notes, as before (the review).
        #expect(p.actions.map(\.text) == ["Add a disk-usage step to the runbook", "Page at 80% disk", "Alert on index growth",
                                          "Migrate the pool", "Testing", "Monitoring", "Page at 80% disk"])
        #expect(p.actions.map(\.state) == [.open, .done, .open, .open, .open, .open, .open])
        #expect(p.actions.map(\.group) == ["Process", "Process", "Short term", nil, nil, nil, "Done"])
    }

    /// The retest of stop 41: an issue number in a parenthesis without keys (`(@dana.k, #125)`)
    /// was no ticket. (An id at the start of the text stays the ticket: `AI-1432` is as often a
    /// Jira project's as an action's own number, the review of the stop found.)
    @Test func issueNumbersInMetadataAreTickets() {
        let p = read("""
            ## Follow-up actions
            - [ ] Add canary stage (@dana.k, #125)
            - [ ] AI-1432: Raise the model-serving timeout (owner: @dana.k, due: 2027-01-15)
            - [ ] Automate deploys ([#11957](https://github.com/kubernetes/test-infra/issues/11957))
            """)
        #expect(p.actions.map(\.ticket) == ["#125", "AI-1432", "https://github.com/kubernetes/test-infra/issues/11957"])
        #expect(p.actions.map(\.text) == ["Add canary stage", "AI-1432: Raise the model-serving timeout", "Automate deploys"])
        #expect(p.actions[0].owner == "dana.k")
    }

    /// Left open by stop 38: a comment on lines of its own under an action (an HTML block, which
    /// ends the paragraph before it) left the metadata lines after it unread. A later paragraph
    /// of the item that is nothing but metadata lines is read, as lines under the first are.
    @Test func metadataParagraphsAfterACommentOrABlankLine() {
        let p = read("""
            ## Follow-up actions
            - [ ] Add a lower bound check for pool size in CI
              <!-- the owner moved
              to the platform team -->
              owner: @li.w
              due: 2027-01-15
            - [ ] Alert on pool saturation
              owner: @li.w
              <!-- pm-lint-disable-next-line PM051
              until the ticket exists -->
              Deu: 2027-01-20

            - [ ] Page on replica lag

              ticket: OPS-7

              Owner: see the thread for who takes it.
            """)
        #expect(p.actions.map(\.text) == ["Add a lower bound check for pool size in CI", "Alert on pool saturation", "Page on replica lag"])
        #expect(p.actions.map(\.owner) == ["li.w", "li.w", nil])
        #expect(p.actions.map { $0.due?.description } == ["2027-01-15", "2027-01-20", nil])
        #expect(p.actions.map(\.ticket) == [nil, nil, "OPS-7"])
        #expect(p.problems.filter { $0.code == .invalidActionMetadata }.map(\.message)
                == ["`deu:` is not an action key; its value was read as the `due:` it misspells"])
        // One value that reads as its key's makes the paragraph metadata, and a wrong one is
        // reported as it is under the first line; a paragraph of none stays prose.
        let q = read("""
            ## Follow-up actions
            - [ ] Rotate the signing keys

              Owner: @dana
              Due: 2027-01-15.

              Type: this is about rotation in general
            """)
        #expect(q.actions.map(\.owner) == ["dana"] && q.actions.map(\.type) == [nil])
        #expect(q.problems.filter { $0.code == .invalidActionMetadata }.map(\.message) == ["due date `2027-01-15.` is not a real YYYY-MM-DD date"])
    }

}
