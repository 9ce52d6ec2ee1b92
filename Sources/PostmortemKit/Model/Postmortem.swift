/// A postmortem as structured data: what pm reads from one Markdown file.
///
/// This is the record every later stage works on (lint, budget, classification, report); the
/// Markdown tree it came from is not kept. Its JSON form (`pm show --format json`) is a stable,
/// documented interface: see docs/format.md.
public struct Postmortem: Sendable, Codable, Hashable {
    /// The path the document was read from, as given.
    public var path: String {
        get { body.fields.path }
        _modify { makeBodyUnique(); yield &body.fields.path }
    }
    /// From front matter `id`, else the file name without extension.
    public var id: String
    /// From front matter `title`, else the first H1.
    public var title: String? {
        get { body.fields.title }
        _modify { makeBodyUnique(); yield &body.fields.title }
    }
    /// `draft`, `in-review` or `published` (validated by lint, kept as written).
    public var status: String? {
        get { body.fields.status }
        _modify { makeBodyUnique(); yield &body.fields.status }
    }
    public var severity: String?
    public var services: [String]
    public var authors: [String] {
        get { body.fields.authors }
        _modify { makeBodyUnique(); yield &body.fields.authors }
    }
    /// The zone for times written without one (front matter `timezone`).
    public var timezone: String? {
        get { body.fields.timezone }
        _modify { makeBodyUnique(); yield &body.fields.timezone }
    }
    /// User impact began.
    public var started: Timestamp?
    public var detected: Timestamp?
    /// User impact ended.
    public var mitigated: Timestamp?
    public var resolved: Timestamp?
    /// The earliest time of the timeline, kept by ``withoutBody()`` when the record states none of
    /// the four times above (a postmortem written before front matter), so that the report can
    /// place it in a period without the timeline (``IncidentTime/began(_:)``). Not part of the
    /// record's JSON: `pm show` writes the timeline itself.
    var timelineStart: Timestamp?
    public var impact: [SLOImpact]
    /// Cause categories declared in front matter; nil when the key is absent.
    public var causes: [String]?
    /// The Summary section's text, or the first paragraph.
    public var summary: String? {
        get { body.fields.summary }
        _modify { makeBodyUnique(); yield &body.fields.summary }
    }
    public var timeline: [TimelineEvent] {
        get { body.fields.timeline }
        _modify { makeBodyUnique(); yield &body.fields.timeline }
    }
    public var factors: [ContributingFactor] {
        get { body.fields.factors }
        _modify { makeBodyUnique(); yield &body.fields.factors }
    }
    public var actions: [FollowUpAction] {
        get { body.fields.actions }
        _modify { makeBodyUnique(); yield &body.fields.actions }
    }
    public var lessons: Lessons {
        get { body.fields.lessons }
        _modify { makeBodyUnique(); yield &body.fields.lessons }
    }
    public var sections: [Section] {
        get { body.fields.sections }
        _modify { makeBodyUnique(); yield &body.fields.sections }
    }
    /// Links in the body, for link checks.
    public var links: [DocumentLink] {
        get { body.fields.links }
        _modify { makeBodyUnique(); yield &body.fields.links }
    }
    public var frontMatter: FrontMatter {
        get { body.fields.frontMatter }
        _modify { makeBodyUnique(); yield &body.fields.frontMatter }
    }
    /// False when the input could not be read as a document at all: a path that cannot be read, a
    /// directory (or a symbolic link loop) named like a Markdown file, a binary file or an empty
    /// one. Such an input is linted (its problem is the finding) but is no incident: it is not
    /// classified, reported, or compared with other documents' ids.
    public var isDocument: Bool {
        !problems.contains { $0.code == .unreadable || $0.code == .binary || $0.code == .empty }
    }

    /// Problems found while reading.
    public var problems: [Problem] {
        get { body.fields.problems }
        _modify { makeBodyUnique(); yield &body.fields.problems }
    }

    /// What was read of the body and of where things are, behind one reference: the fields above
    /// from ``summary`` on, and the path, title, status, authors and zone, which only a page shows
    /// (and lint checks). The report keeps a record of every document of the corpus without them
    /// (``ReportedDocument``), and then they cost one reference to a shared empty body, not
    /// 216 bytes a record. Copied on write, so a record is a value like any other.
    private var body: Body

    public init(path: String, id: String) {
        self.id = id
        services = []
        impact = []
        body = Body.empty
        self.path = path
    }

    /// The record without its body: every field from ``summary`` on empty, and no path, title,
    /// status, authors or zone.
    /// When the incident began by its timeline alone: the earliest entry in the seven days up to
    /// the last dated one, of those in the years 1900 to 9000 (as P014 takes `started`). Lead-up
    /// entries months or years before ("[12-05 16:21] bug introduced" over an outage of 26 March,
    /// which the retest of stop 48 found placed in the December before) do not move it.
    static func incidentStart(of timeline: [TimelineEvent]) -> Timestamp? {
        let times = timeline.compactMap(\.time).filter { (1900...9000).contains($0.localDate.year) }
        guard let last = times.max() else { return nil }
        let from = last.adding(seconds: -7 * 86_400)
        return times.filter { $0 >= from }.min()
    }

    func withoutBody() -> Postmortem {
        var record = self
        if started == nil, detected == nil, mitigated == nil, resolved == nil { record.timelineStart = Self.incidentStart(of: timeline) }
        record.body = Body.empty
        return record
    }

    private mutating func makeBodyUnique() {
        if !isKnownUniquelyReferenced(&body) { body = Body(body.fields) }
    }

    /// The body fields as a value; equality, hashing and the JSON keys of the body are synthesised
    /// from it. The path, title, status, authors and zone are kept here too, but written with
    /// the record's own keys (see ``Postmortem/CodingKeys``), in their place among them.
    private struct BodyFields: Hashable, Codable {
        var path = ""
        var title: String?
        var status: String?
        var authors: [String] = []
        var timezone: String?
        var summary: String?
        var timeline: [TimelineEvent] = []
        var factors: [ContributingFactor] = []
        var actions: [FollowUpAction] = []
        var lessons = Lessons()
        var sections: [Section] = []
        var links: [DocumentLink] = []
        var frontMatter = FrontMatter()
        var problems: [Problem] = []

        enum CodingKeys: String, CodingKey {
            case summary, timeline, factors, actions, lessons, sections, links, frontMatter, problems
        }
    }

    /// The storage of the body fields. Only a record whose reference is unique changes it.
    private final class Body: Hashable, @unchecked Sendable {
        var fields: BodyFields

        init(_ fields: BodyFields) { self.fields = fields }

        /// The body of a record that has none yet, shared by all of them.
        static let empty = Body(BodyFields())

        static func == (a: Body, b: Body) -> Bool { a === b || a.fields == b.fields }
        func hash(into hasher: inout Hasher) { hasher.combine(fields) }
    }

    // Written out because the body's fields are not stored properties of the record: the header's
    // keys here, the body's from ``BodyFields`` in the same JSON object, with the same optional
    // handling as a synthesised conformance.
    enum CodingKeys: String, CodingKey {
        case path, id, title, status, severity, services, authors, timezone, started, detected, mitigated, resolved, impact, causes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var fields = try BodyFields(from: decoder)
        fields.path = try c.decode(String.self, forKey: .path)
        fields.title = try c.decodeIfPresent(String.self, forKey: .title)
        fields.status = try c.decodeIfPresent(String.self, forKey: .status)
        fields.authors = try c.decode([String].self, forKey: .authors)
        fields.timezone = try c.decodeIfPresent(String.self, forKey: .timezone)
        self.init(path: fields.path, id: try c.decode(String.self, forKey: .id))
        severity = try c.decodeIfPresent(String.self, forKey: .severity)
        services = try c.decode([String].self, forKey: .services)
        started = try c.decodeIfPresent(Timestamp.self, forKey: .started)
        detected = try c.decodeIfPresent(Timestamp.self, forKey: .detected)
        mitigated = try c.decodeIfPresent(Timestamp.self, forKey: .mitigated)
        resolved = try c.decodeIfPresent(Timestamp.self, forKey: .resolved)
        impact = try c.decode([SLOImpact].self, forKey: .impact)
        causes = try c.decodeIfPresent([String].self, forKey: .causes)
        body = Body(fields)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(severity, forKey: .severity)
        try c.encode(services, forKey: .services)
        try c.encode(authors, forKey: .authors)
        try c.encodeIfPresent(timezone, forKey: .timezone)
        try c.encodeIfPresent(started, forKey: .started)
        try c.encodeIfPresent(detected, forKey: .detected)
        try c.encodeIfPresent(mitigated, forKey: .mitigated)
        try c.encodeIfPresent(resolved, forKey: .resolved)
        try c.encode(impact, forKey: .impact)
        try c.encodeIfPresent(causes, forKey: .causes)
        try body.fields.encode(to: encoder)
    }

    /// Minutes from `started` to `mitigated`: how long users were affected. Nil when `mitigated`
    /// is before `started` (PM020 reports the order), so no figure shows a negative duration.
    public var impactMinutes: Double? {
        guard let started, let mitigated, mitigated.epochSeconds >= started.epochSeconds else { return nil }
        return started.minutes(to: mitigated)
    }

    /// Minutes from `started` to `detected`; nil when `detected` is before `started`.
    public var timeToDetectMinutes: Double? {
        guard let started, let detected, detected.epochSeconds >= started.epochSeconds else { return nil }
        return started.minutes(to: detected)
    }

    /// The first section of the given kind.
    public func section(_ kind: SectionKind) -> Section? { sections.first { $0.kind == kind } }
}

/// Where the front matter is and what keys it had, for diagnostics.
public struct FrontMatter: Sendable, Codable, Hashable {
    /// Lines of the front matter block including its `---` fences; nil when there is none.
    public var range: SourceRange?
    /// Each top-level key with the position of the key.
    public var keys: [FrontMatterKey]

    public init(range: SourceRange? = nil, keys: [FrontMatterKey] = []) {
        self.range = range
        self.keys = keys
    }

    /// The position of `key`, if present.
    public func range(of key: String) -> SourceRange? { keys.first { $0.name == key }?.range }
}

/// A key written in front matter.
public struct FrontMatterKey: Sendable, Codable, Hashable {
    public var name: String
    public var range: SourceRange
    public init(name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}

/// How much one SLO was hurt.
public struct SLOImpact: Sendable, Codable, Hashable {
    /// The SLO id (from pm.yml).
    public var slo: String
    /// Share of events that were bad between `started` and `mitigated`, 0…1.
    public var badFraction: Double?
    /// Error budget consumed, in minutes, when the team computed it directly.
    public var budgetMinutes: Double?
    public var range: SourceRange?
    /// Why the impact is not counted though it was written: a `bad_fraction` or `budget_minutes`
    /// that could not be read (a reading problem says where). The budget lists it among what it
    /// could not count, so it is never dropped without a word.
    public var unreadable: String?

    public init(slo: String, badFraction: Double? = nil, budgetMinutes: Double? = nil, range: SourceRange? = nil,
                unreadable: String? = nil) {
        self.slo = slo
        self.badFraction = badFraction
        self.budgetMinutes = budgetMinutes
        self.range = range
        self.unreadable = unreadable
    }

    /// Whether the budget counts it: its values were read.
    public var isCountable: Bool { unreadable == nil }

    enum CodingKeys: String, CodingKey {
        case slo
        case badFraction = "bad_fraction"
        case budgetMinutes = "budget_minutes"
        case range
        case unreadable
    }
}

/// One entry of the timeline.
public struct TimelineEvent: Sendable, Codable, Hashable {
    /// When, resolved to an instant; nil when the entry has no readable time.
    public var time: Timestamp?
    /// The time as written (`14:02 UTC`).
    public var timeText: String
    /// What happened.
    public var text: String
    public var range: SourceRange

    public init(time: Timestamp?, timeText: String, text: String, range: SourceRange) {
        self.time = time
        self.timeText = timeText
        self.text = text
        self.range = range
    }
}

/// A condition that contributed to the incident.
public struct ContributingFactor: Sendable, Codable, Hashable {
    /// A cause category id when the factor's label names one (`**Config:**`).
    public var category: String?
    /// The leading bold label as written, if any.
    public var label: String?
    public var text: String
    /// True when the factor came from a "Trigger" section.
    public var isTrigger: Bool
    public var range: SourceRange

    public init(category: String? = nil, label: String? = nil, text: String, isTrigger: Bool = false, range: SourceRange) {
        self.category = category
        self.label = label
        self.text = text
        self.isTrigger = isTrigger
        self.range = range
    }
}

/// A follow-up action.
public struct FollowUpAction: Sendable, Codable, Hashable {
    public enum State: String, Sendable, Codable, Hashable {
        case open
        case done
        case notDoing = "not-doing"
    }

    /// The action itself, without its metadata.
    public var text: String
    public var state: State
    /// The owner's handle without `@`.
    public var owner: String?
    public var due: CalendarDate?
    /// prevent | detect | mitigate | process | repair (kept as written).
    public var type: String?
    public var priority: String?
    /// A ticket id, an issue URL, or `none` when the team says there is none.
    public var ticket: String?
    /// Why it will not be done, for `not-doing`.
    public var reason: String?
    /// The H3 heading it was listed under, if any.
    public var group: String?
    public var range: SourceRange

    public init(text: String, state: State = .open, range: SourceRange) {
        self.text = text
        self.state = state
        self.range = range
    }
}

/// What the team learned.
public struct Lessons: Sendable, Codable, Hashable {
    public var wentWell: [Lesson] = []
    public var wentWrong: [Lesson] = []
    public var lucky: [Lesson] = []
    /// Lessons under a general "Lessons learned" heading.
    public var other: [Lesson] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case wentWell = "went_well"
        case wentWrong = "went_wrong"
        case lucky
        case other
    }
}

/// One lesson.
public struct Lesson: Sendable, Codable, Hashable {
    public var text: String
    public var range: SourceRange
    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A heading and its content.
public struct Section: Sendable, Codable, Hashable {
    public var title: String
    public var level: Int
    /// What the section is for, recognised from its title; nil for sections pm does not know.
    public var kind: SectionKind?
    /// From the heading to the last line before the next heading of the same or a higher level.
    public var range: SourceRange
    /// True when there is nothing but whitespace, comments and template prompts under it
    /// (subsections count as content).
    public var isEmpty: Bool

    public init(title: String, level: Int, kind: SectionKind?, range: SourceRange, isEmpty: Bool) {
        self.title = title
        self.level = level
        self.kind = kind
        self.range = range
        self.isEmpty = isEmpty
    }
}

/// The sections pm recognises, by their usual titles and synonyms.
public enum SectionKind: String, Sendable, Codable, CaseIterable, Hashable {
    case summary, impact, timeline, detection, response, resolution, factors, trigger, actions
    case lessons, wentWell = "went-well", wentWrong = "went-wrong", lucky
    case supportingInformation = "supporting-information"

    /// The kinds whose items are lessons: Lessons learned, What went well, What went wrong,
    /// Where we got lucky.
    static let lessonKinds: Set<SectionKind> = [.lessons, .wentWell, .wentWrong, .lucky]
}

/// A link in the body.
public struct DocumentLink: Sendable, Codable, Hashable {
    public var destination: String
    public var range: SourceRange?
    public init(destination: String, range: SourceRange?) {
        self.destination = destination
        self.range = range
    }
}
