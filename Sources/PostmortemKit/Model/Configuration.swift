import Foundation

/// The project configuration, `pm.yml`.
///
/// Every stage takes its settings from here; the sections that belong to one stage (`lint`,
/// `classification`, `report`) are kept as ``YAMLValue`` and interpreted by that stage, so a
/// stage's options are documented and validated beside the stage.
public struct Configuration: Sendable {
    /// The company or team name shown in reports.
    public var organization: String?
    /// The zone for calendar-aligned SLO windows and for times written without a zone:
    /// `UTC`, an offset (`+01:00`), an abbreviation (`CET`) or an IANA name (`Europe/Berlin`).
    public var timezone: String = "UTC"
    /// The severity scale, most severe first.
    public var severities: [String] = ["SEV1", "SEV2", "SEV3", "SEV4"]
    /// Where `pm new` writes and what commands read by default, relative to ``rootDirectory``.
    public var postmortemsDirectory: String = "postmortems"
    /// Where `pm new` looks for templates, relative to ``rootDirectory``.
    public var templatesDirectory: String = "templates"
    /// Glob patterns of paths that directory scans skip (`templates/**`, `drafts/*.md`).
    public var ignore: [String] = []
    public var slos: [SLODefinition] = []
    /// pm.yml's `classification:` section as read (``ConfigurationReader`` reads it with the rest,
    /// so a mistake in it is a configuration error for every command); nil without one.
    public var classification: ClassificationSettings?

    /// The cause category ids of the taxonomy (`classification.categories`, extending or
    /// replacing the built-in ones), in order: what `causes` and a factor's bold label may name in
    /// every stage. They had been the built-in ids outside `pm classify`, so `pm lint` called a
    /// custom category in `causes` wrong (PM002).
    public var causeCategoryIDs: [String] { (classification?.categories ?? DefaultTaxonomy.categories).map(\.id) }

    /// The taxonomy's categories by label, in lower case (`payments provider` → `payments-provider`):
    /// a factor's bold label may name its category by either.
    public var causeCategoryLabels: [String: String] {
        Dictionary((classification?.categories ?? []).map { ($0.label.lowercased(), $0.id) }, uniquingKeysWith: { first, _ in first })
    }
    /// `report.source_url`: the web address of pm.yml's directory in the repository's browser
    /// (`https://github.com/acme/postmortems/blob/main/`), ending in `/`. Report pages point links
    /// to the repository's other files (a runbook in `docs/`) there; nil leaves them as written.
    public var reportSourceURL: String?
    /// The directory that holds pm.yml; nil for the built-in default configuration.
    public var rootDirectory: String?
    /// The path pm.yml was read from.
    public var path: String?
    /// The whole document, for stages that read their own sections.
    public var raw: YAMLValue?

    public init() {}

    /// The built-in configuration used when there is no pm.yml.
    public static let `default` = Configuration()

    /// The SLO with this id.
    public func slo(_ id: String) -> SLODefinition? { slos.first { $0.id == id } }

    /// The place of `severity` in the scale, in any case (`sev2` is SEV2), or nil when the scale
    /// has no such level.
    public func severityIndex(_ severity: String) -> Int? {
        severities.firstIndex { $0.caseInsensitiveCompare(severity) == .orderedSame }
    }

    /// `severity` as the scale writes it (`critical` for `CRITICAL`), or in capitals when the scale
    /// has no such level, for messages.
    public func severityName(_ severity: String) -> String {
        severityIndex(severity).map { severities[$0] } ?? severity.uppercased()
    }

    /// A stage's section (`lint`, `classification`, `report`), if present.
    public func section(_ name: String) -> YAMLValue? { raw?[name] }

    /// The keys pm.yml may have at the top level.
    public static let topLevelKeys = ["organization", "timezone", "severities", "postmortems", "templates", "ignore",
                                      "slos", "lint", "classification", "report"]
}

/// A service level objective.
public struct SLODefinition: Sendable, Hashable, Codable {
    public var id: String
    public var services: [String]
    /// The objective in percent, for example 99.9.
    public var objective: Double
    public var window: SLOWindow
    public var description: String?
    /// Where it was defined (pm.yml or an OpenSLO file) and what of that file was not used.
    public var source: String?
    public var notes: [String]

    /// The highest objective pm counts a budget for, in percent: seven nines. Budgets are kept
    /// to the micro-minute, and beyond this a day's budget (0.000144 minutes here) would round
    /// towards nothing, showing an untouched window as spent.
    public static let highestObjective = 99.99999

    /// Whether pm can count the budget of an objective: above 0 and at most ``highestObjective``.
    public static func isSupported(objective: Double) -> Bool {
        // With room for the last bit of a product: OpenSLO's target 0.9999999 is 99.99999000000001 percent.
        objective > 0 && objective <= highestObjective + 1e-9
    }

    public init(id: String, services: [String] = [], objective: Double, window: SLOWindow,
                description: String? = nil, source: String? = nil, notes: [String] = []) {
        self.id = id
        self.services = services
        self.objective = objective
        self.window = window
        self.description = description
        self.source = source
        self.notes = notes
    }
}

/// The period an SLO's error budget is counted over.
public enum SLOWindow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Calendar months in the configured zone.
    case month
    /// Calendar quarters in the configured zone.
    case quarter
    /// A rolling window of this many days.
    case rolling(days: Int)

    /// The longest rolling window read, in days: ten years, far beyond any real SLO, and short
    /// enough that window arithmetic in seconds cannot overflow (a window of 10^14 days had
    /// stopped pm).
    public static let longestRollingDays = 3660

    /// Reads `month`, `quarter`, `28d`, `30d`, `1M`, `1Q`, `4w`; nil for anything else and for a
    /// rolling window longer than ``longestRollingDays``.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch t.lowercased() {
        case "month", "monthly", "calendar-month": self = .month; return
        case "quarter", "quarterly", "calendar-quarter": self = .quarter; return
        default: break
        }
        if t == "1M" { self = .month; return }
        if t == "1Q" { self = .quarter; return }
        guard let unit = t.last, let n = Int(t.dropLast()), (1...Self.longestRollingDays).contains(n) else { return nil }
        switch unit {
        case "d": self = .rolling(days: n)
        case "w" where n * 7 <= Self.longestRollingDays: self = .rolling(days: n * 7)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .month: "month"
        case .quarter: "quarter"
        case .rolling(let days): "\(days)d"
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let window = SLOWindow(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a window: \(text)")
        }
        self = window
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A pm.yml that cannot be used; exit code 2.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var location: SourceLocation?
    public var message: String

    public init(path: String, location: SourceLocation? = nil, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    /// `pm.yml:12:5: message`.
    public var description: String {
        if let location { return "\(path):\(location): \(message)" }
        return "\(path): \(message)"
    }
}

extension Configuration {
    /// The templates directory, resolved against pm.yml's folder (the current directory without
    /// a pm.yml).
    public var resolvedTemplatesDirectory: String {
        templatesDirectory.hasPrefix("/") ? templatesDirectory
            : ((rootDirectory ?? ".") as NSString).appendingPathComponent(templatesDirectory)
    }

    /// A warning when pm.yml names a `templates` directory that does not exist: `pm new` and
    /// `pm report` then use the templates built into pm, which a team that re-branded them would
    /// otherwise see only in the output. Nil when pm.yml does not set `templates` or it exists.
    public var missingTemplatesWarning: String? {
        guard let value = raw?["templates"], !value.isNull else { return nil }
        var isDirectory: ObjCBool = false
        guard !FileManager.default.fileExists(atPath: resolvedTemplatesDirectory, isDirectory: &isDirectory) || !isDirectory.boolValue else { return nil }
        return "`templates: \(templatesDirectory)` names no directory (\(resolvedTemplatesDirectory)); the built-in templates are used"
    }
}

