/// A postmortem as structured data: what pm reads from one Markdown file.
///
/// This is the record every later stage works on (lint, budget, classification, report); the
/// Markdown tree it came from is not kept. Its JSON form (`pm show --format json`) is a stable,
/// documented interface: see docs/format.md.
public struct Postmortem: Sendable, Codable, Hashable {
    /// The path the document was read from, as given.
    public var path: String
    /// From front matter `id`, else the file name without extension.
    public var id: String
    /// From front matter `title`, else the first H1.
    public var title: String?
    /// `draft`, `in-review` or `published` (validated by lint, kept as written).
    public var status: String?
    public var severity: String?
    public var services: [String]
    public var authors: [String]
    /// The zone for times written without one (front matter `timezone`).
    public var timezone: String?
    /// User impact began.
    public var started: Timestamp?
    public var detected: Timestamp?
    /// User impact ended.
    public var mitigated: Timestamp?
    public var resolved: Timestamp?
    public var impact: [SLOImpact]
    /// Cause categories declared in front matter; nil when the key is absent.
    public var causes: [String]?
    /// The Summary section's text, or the first paragraph.
    public var summary: String?
    public var timeline: [TimelineEvent]
    public var factors: [ContributingFactor]
    public var actions: [FollowUpAction]
    public var lessons: Lessons
    public var sections: [Section]
    /// Links in the body, for link checks.
    public var links: [DocumentLink]
    public var frontMatter: FrontMatter
    /// Problems found while reading.
    public var problems: [Problem]

    public init(path: String, id: String) {
        self.path = path
        self.id = id
        services = []
        authors = []
        impact = []
        timeline = []
        factors = []
        actions = []
        lessons = Lessons()
        sections = []
        links = []
        frontMatter = FrontMatter()
        problems = []
    }

    /// Minutes from `started` to `mitigated`: how long users were affected.
    public var impactMinutes: Double? {
        guard let started, let mitigated else { return nil }
        return started.minutes(to: mitigated)
    }

    /// Minutes from `started` to `detected`.
    public var timeToDetectMinutes: Double? {
        guard let started, let detected else { return nil }
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

    public init(slo: String, badFraction: Double? = nil, budgetMinutes: Double? = nil, range: SourceRange? = nil) {
        self.slo = slo
        self.badFraction = badFraction
        self.budgetMinutes = budgetMinutes
        self.range = range
    }

    enum CodingKeys: String, CodingKey {
        case slo
        case badFraction = "bad_fraction"
        case budgetMinutes = "budget_minutes"
        case range
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
