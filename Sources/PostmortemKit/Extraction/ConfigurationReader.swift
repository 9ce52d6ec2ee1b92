import Foundation

/// Reads pm.yml text into a ``Configuration``. Unknown keys and bad values are errors that
/// name the key and line: a configuration mistake must not silently change what pm checks.
public enum ConfigurationReader {
    /// The name pm looks for.
    public static let fileName = "pm.yml"

    /// Parses pm.yml text. `openSLO` reads a referenced OpenSLO file (a path relative to pm.yml);
    /// the CLI passes a file reader, tests pass a dictionary.
    public static func parse(_ text: String, path: String, rootDirectory: String? = nil,
                             openSLO: (String) -> String? = { _ in nil }) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration()
        configuration.path = path
        configuration.rootDirectory = rootDirectory
        let root: YAMLValue
        switch YAMLReader.read(text.droppingByteOrderMark) {
        case .failure(let failure):
            throw ConfigurationError(path: path, location: failure.location, message: "invalid YAML: \(failure.message)")
        case .success(nil):
            return configuration
        case .success(let value?):
            root = value
        }
        guard let entries = root.entries else {
            throw ConfigurationError(path: path, location: root.location, message: "pm.yml must be a mapping of keys to values")
        }
        configuration.raw = root
        for entry in entries {
            let value = entry.value
            func string() throws(ConfigurationError) -> String {
                guard let s = value.string else {
                    throw ConfigurationError(path: path, location: value.location,
                                             message: "`\(entry.key)` must be a string, not \(value.typeDescription)")
                }
                return s
            }
            func strings() throws(ConfigurationError) -> [String] {
                guard let items = value.items else {
                    throw ConfigurationError(path: path, location: value.location,
                                             message: "`\(entry.key)` must be a list, not \(value.typeDescription)")
                }
                var result: [String] = []
                for item in items {
                    guard let s = item.string else {
                        throw ConfigurationError(path: path, location: item.location,
                                                 message: "`\(entry.key)` items must be strings")
                    }
                    result.append(s)
                }
                return result
            }
            switch entry.key {
            case "organization": configuration.organization = try string()
            case "timezone":
                let zone = try string()
                guard ZoneResolver(zone) != nil else {
                    throw ConfigurationError(path: path, location: value.location,
                                             message: "`timezone: \(zone)` is not a zone pm knows (use UTC, an offset like +01:00, or an IANA name like Europe/Berlin)")
                }
                configuration.timezone = zone
            case "severities":
                configuration.severities = try strings()
                if configuration.severities.isEmpty {
                    throw ConfigurationError(path: path, location: value.location, message: "`severities` must not be empty")
                }
                // A severity is matched by its text, in any case, and ranks by its place in the list.
                var seen = Set<String>()
                for (index, item) in (value.items ?? []).enumerated() {
                    let name = configuration.severities[index]
                    if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        throw ConfigurationError(path: path, location: item.location, message: "`severities` items must not be blank")
                    }
                    if !seen.insert(name.lowercased()).inserted {
                        throw ConfigurationError(path: path, location: item.location, message: "`severities` lists `\(name)` twice")
                    }
                }
            case "postmortems": configuration.postmortemsDirectory = try string()
            case "templates": configuration.templatesDirectory = try string()
            case "ignore": configuration.ignore = try strings()
            case "slos":
                configuration.slos = try readSLOs(value, path: path, openSLO: openSLO)
            case "lint", "classification", "report":
                if value.entries == nil && !value.isNull {
                    throw ConfigurationError(path: path, location: value.location,
                                             message: "`\(entry.key)` must be a mapping, not \(value.typeDescription)")
                }
                if entry.key == "report" { configuration.reportSourceURL = try readReport(value, path: path) }
            default:
                let hint = closestMatch(entry.key, in: Configuration.topLevelKeys).map { "; did you mean `\($0)`?" } ?? ""
                throw ConfigurationError(path: path, location: entry.keyLocation,
                                         message: "unknown key `\(entry.key)`\(hint)")
            }
        }
        // Every command reads the taxonomy (`causes`, factor labels), so a mistake in it stops every
        // command, as other mistakes in pm.yml do: lint had passed a `classification:` section
        // that `pm classify` and `pm report` refused.
        if configuration.section("classification") != nil {
            configuration.classification = try ClassificationSettings(configuration: configuration)
        }
        return configuration
    }

    static let sloKeys = ["id", "services", "objective", "window", "description", "openslo"]

    static let reportKeys = ["source_url"]

    /// The `report:` section: `source_url`, an `http(s)` address, given a closing `/`.
    static func readReport(_ value: YAMLValue, path: String) throws(ConfigurationError) -> String? {
        var sourceURL: String?
        for entry in value.entries ?? [] {
            guard entry.key == "source_url" else {
                let hint = closestMatch(entry.key, in: reportKeys).map { "; did you mean `report.\($0)`?" } ?? ""
                throw ConfigurationError(path: path, location: entry.keyLocation, message: "unknown key `report.\(entry.key)`\(hint)")
            }
            guard let url = entry.value.string else {
                throw ConfigurationError(path: path, location: entry.value.location,
                                         message: "`report.source_url` must be a string, not \(entry.value.typeDescription)")
            }
            let lower = url.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), url.count > 8,
                  !url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
                throw ConfigurationError(path: path, location: entry.value.location,
                                         message: "`report.source_url` must be an http(s) address without spaces, such as https://github.com/acme/postmortems/blob/main/")
            }
            sourceURL = url.hasSuffix("/") ? url : url + "/"
        }
        return sourceURL
    }

    static func readSLOs(_ value: YAMLValue, path: String, openSLO: (String) -> String?) throws(ConfigurationError) -> [SLODefinition] {
        guard let items = value.items else {
            throw ConfigurationError(path: path, location: value.location, message: "`slos` must be a list")
        }
        var result: [SLODefinition] = []
        /// An id defined again, at the item that defines it again (or the OpenSLO reference that
        /// brings it in); the check after reading gave no position.
        func checkUnique(from start: Int, at location: SourceLocation?) throws(ConfigurationError) {
            for index in start..<result.count where result[..<index].contains(where: { $0.id == result[index].id }) {
                throw ConfigurationError(path: path, location: location, message: "SLO id `\(result[index].id)` is defined twice")
            }
        }
        for item in items {
            let before = result.count
            guard let entries = item.entries else {
                throw ConfigurationError(path: path, location: item.location, message: "each SLO must be a mapping with id, objective and window")
            }
            if let reference = item["openslo"]?.string {
                // The file defines the SLO; keys beside the reference would be ignored silently.
                if let other = entries.first(where: { $0.key != "openslo" }) {
                    throw ConfigurationError(path: path, location: other.keyLocation,
                                             message: "`\(other.key)` beside `openslo`: an SLO from an OpenSLO file takes everything from the file; give the SLO either as `openslo: FILE` alone or by its keys")
                }
                guard let text = openSLO(reference) else {
                    throw ConfigurationError(path: path, location: item.location, message: "cannot read OpenSLO file `\(reference)`")
                }
                result += try OpenSLOReader.read(text, path: reference)
                try checkUnique(from: before, at: item.location)
                continue
            }
            for entry in entries where !sloKeys.contains(entry.key) {
                let hint = closestMatch(entry.key, in: sloKeys).map { "; did you mean `\($0)`?" } ?? ""
                throw ConfigurationError(path: path, location: entry.keyLocation, message: "unknown SLO key `\(entry.key)`\(hint)")
            }
            guard let id = item["id"]?.string, !id.isEmpty else {
                throw ConfigurationError(path: path, location: item.location, message: "an SLO needs an `id`")
            }
            guard let objectiveValue = item["objective"], let objective = objectiveValue.number else {
                throw ConfigurationError(path: path, location: item["objective"]?.location ?? item.location,
                                         message: "SLO `\(id)` needs a numeric `objective` in percent, like 99.9")
            }
            // A fraction as OpenSLO writes it (`0.999`) would be a budget of most of the window.
            if objective > 0, objective < 1 {
                let written = DecimalText.format(objective, maximumFractionDigits: 12)
                let product = (objective * 100 * 1e9).rounded() / 1e9
                // The percentage to write, when pm takes it (not above seven nines).
                let advice = product >= 1 && SLODefinition.isSupported(objective: product)
                    ? "write \(DecimalText.format(product, maximumFractionDigits: 9)) for \(DecimalText.format(product, maximumFractionDigits: 9)) %" : "write it in percent"
                throw ConfigurationError(path: path, location: objectiveValue.location,
                                         message: "SLO `\(id)`: objective is in percent, so \(written) would be \(written) %, a budget of nearly the whole window; \(advice)")
            }
            guard SLODefinition.isSupported(objective: objective) else {
                throw ConfigurationError(path: path, location: objectiveValue.location,
                                         message: "SLO `\(id)`: objective \(objective) must be a percentage above 0 and at most \(SLODefinition.highestObjective) (seven nines)")
            }
            guard let windowText = item["window"]?.string, let window = SLOWindow(windowText) else {
                // "needs a `window`" over `window: 1 month` read as if none were given (the
                // adoption audit of stop 50): a value that is there is quoted as not understood.
                let kinds = "month, quarter, or a rolling window like 28d or 30d (at most \(SLOWindow.longestRollingDays)d)"
                let message: String
                if let value = item["window"], !value.isNull {
                    let written = value.string.map { "`window: \($0)`" } ?? "`window` (\(value.typeDescription))"
                    message = "SLO `\(id)`: \(written) is not a window pm knows; write \(kinds)"
                } else {
                    message = "SLO `\(id)` needs a `window`: \(kinds)"
                }
                throw ConfigurationError(path: path, location: item["window"]?.location ?? item.location, message: message)
            }
            let services = item["services"]?.items?.compactMap(\.string) ?? item["services"]?.string.map { [$0] } ?? []
            // Relative to pm.yml's folder, like the OpenSLO references beside it: data.json and
            // `pm budget --format json` then do not change with where the repository is checked out.
            result.append(SLODefinition(id: id, services: services, objective: objective, window: window,
                                        description: item["description"]?.string, source: (path as NSString).lastPathComponent))
            try checkUnique(from: before, at: item["id"]?.location ?? item.location)
        }
        return result
    }

    /// Finds pm.yml in `directory` or the nearest parent directory. A symbolic link named pm.yml
    /// counts even when it leads nowhere, so that reading it fails with its path: a parent's
    /// pm.yml, taken silently in its place, had read the wrong project's settings.
    public static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            var info = stat()
            if lstat(candidate, &info) == 0 { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Loads pm.yml from `path`, reading OpenSLO references relative to it.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            // The system's reason, found again with open(2): Foundation gives none.
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            var reason = descriptor >= 0 ? "" : String(cString: strerror(errno))
            if descriptor >= 0 {
                var info = stat()
                if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { reason = String(cString: strerror(EISDIR)) }
                close(descriptor)
            }
            let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " (a symbolic link to \($0))" } ?? ""
            throw ConfigurationError(path: path, message: "cannot read the configuration file\(link)" + (reason.isEmpty ? "" : ": \(reason)"))
        }
        if let message = wideEncodingMessage(data) { throw ConfigurationError(path: path, message: message) }
        let root = (path as NSString).deletingLastPathComponent
        let base = root.isEmpty ? "." : root
        return try parse(String(decoding: data, as: UTF8.self), path: path, rootDirectory: base) { reference in
            let full = reference.hasPrefix("/") ? reference : base + "/" + reference
            return FileManager.default.contents(atPath: full).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}

/// The nearest of `candidates` to `word` by edit distance, when it is close enough to be a
/// likely typo ("did you mean").
public func closestMatch(_ word: String, in candidates: [String]) -> String? {
    let lower = word.lowercased()
    let length = lower.count
    var best: (String, Int)? = nil
    for candidate in candidates {
        let limit = max(1, min(3, candidate.count / 3))
        // The distance is at least the difference in length: a sentence after a factor's label
        // ("Things lined up badly that afternoon") is no typo of any category, and is not compared.
        guard abs(length - candidate.count) <= limit else { continue }
        let distance = editDistance(lower, candidate.lowercased())
        if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
    }
    return best?.0
}

/// Levenshtein distance over characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    // In ASCII without "\r" every byte is a Character, so the distance over bytes is the same;
    // making arrays of Characters cost more than the distance itself.
    func isPlainASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 && $0 != 13 } }
    if isPlainASCII(a) && isPlainASCII(b) { return levenshtein(Array(a.utf8), Array(b.utf8)) }
    return levenshtein(Array(a), Array(b))
}

/// Levenshtein distance between two sequences of elements (Characters, or bytes for ASCII text).
func levenshtein<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
