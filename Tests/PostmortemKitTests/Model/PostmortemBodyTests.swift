import Foundation
import Testing
@testable import PostmortemKit

@Suite struct PostmortemBodyTests {
    let range = SourceRange(start: SourceLocation(line: 3, column: 1), end: SourceLocation(line: 3, column: 40))

    func record() -> Postmortem {
        var record = Postmortem(path: "postmortems/2026-07-03-api.md", id: "2026-07-03-api")
        record.title = "API errors after a config push"
        record.status = "published"
        record.authors = ["priya.s", "chen.x"]
        record.timezone = "Europe/Berlin"
        record.severity = "SEV2"
        record.summary = "A config push disabled the connection pool for 42 minutes."
        record.timeline.append(TimelineEvent(time: nil, timeText: "14:02", text: "Alert fired", range: range))
        record.actions.append(FollowUpAction(text: "Validate pool settings in CI", range: range))
        record.lessons.wentWell.append(Lesson(text: "Rollback took four minutes", range: range))
        record.frontMatter.keys.append(FrontMatterKey(name: "id", range: range))
        return record
    }

    @Test("the body fields behave as values: a copy changed, field by field or deep inside, leaves the original as it was")
    func copyOnWrite() {
        let original = record()
        var copy = original
        #expect(copy == original && copy.hashValue == original.hashValue)
        copy.lessons.wentWell[0].text = "Rollback took three minutes"
        copy.actions[0].owner = "platform"
        copy.summary = nil
        #expect(original.lessons.wentWell[0].text == "Rollback took four minutes")
        #expect(original.actions[0].owner == nil && original.summary != nil)
        #expect(copy != original)
        // A record made without a body shares the empty one; filling it does not fill the others.
        var a = Postmortem(path: "a.md", id: "a"), b = Postmortem(path: "b.md", id: "b")
        a.problems.append(Problem(ProblemCode.allCases[0], "unreadable", at: range))
        #expect(b.problems.isEmpty && a.problems.count == 1)
        b.sections.append(Section(title: "Summary", level: 2, kind: nil, range: range, isEmpty: false))
        #expect(Postmortem(path: "c.md", id: "c").sections.isEmpty)
    }

    @Test("a record without its body equals the record with each body field, its path, title, status, authors and zone emptied by hand")
    func withoutBody() {
        var emptied = record()
        emptied.path = ""
        emptied.title = nil
        emptied.status = nil
        emptied.authors = []
        emptied.timezone = nil
        emptied.summary = nil
        emptied.timeline = []
        emptied.factors = []
        emptied.actions = []
        emptied.lessons = Lessons()
        emptied.sections = []
        emptied.links = []
        emptied.frontMatter = FrontMatter()
        emptied.problems = []
        let slim = record().withoutBody()
        #expect(slim == emptied && slim.hashValue == emptied.hashValue)
        #expect(slim.id == "2026-07-03-api" && slim.severity == "SEV2")
        // What the report keeps of every document: the record without its body is 144 bytes (128
        // until stop 48 kept the timeline's earliest time, to place a postmortem without front
        // matter in its period: 0.8 MB at 50,000 documents).
        #expect(MemoryLayout<Postmortem>.stride == 144)
        var undated = record()
        undated.started = nil
        undated.detected = nil
        undated.mitigated = nil
        undated.resolved = nil
        let range = SourceRange(line: 9)
        undated.timeline.append(TimelineEvent(time: Timestamp(year: 2026, month: 7, day: 3, hour: 9), timeText: "2026-07-03 09:00", text: "Deploy", range: range))
        undated.timeline.append(TimelineEvent(time: Timestamp(year: 2026, month: 7, day: 3, hour: 8), timeText: "2026-07-03 08:00", text: "Lead-up", range: range))
        #expect(record().withoutBody().timelineStart == nil)
        #expect(undated.withoutBody().timelineStart == Timestamp(year: 2026, month: 7, day: 3, hour: 8))
    }

    @Test("the JSON form has the keys of the synthesised conformance (absent optionals left out) and decodes back to the record")
    func codable() throws {
        let empty = JSONOutput.encode(Postmortem(path: "a.md", id: "a"))
        let keys = try #require(try JSONSerialization.jsonObject(with: Data(empty.utf8)) as? [String: Any]).keys.sorted()
        #expect(keys == ["actions", "authors", "factors", "front_matter", "id", "impact", "lessons", "links", "path", "problems",
                         "sections", "services", "timeline"])
        // (JSONOutput's snake_case keys do not decode back with convertFromSnakeCase: the nested
        // types spell theirs out, `went_well`. Plain keys both ways.)
        for value in [record(), Postmortem(path: "a.md", id: "a")] {
            let decoded = try JSONDecoder().decode(Postmortem.self, from: JSONEncoder().encode(value))
            #expect(decoded == value)
        }
    }
}
