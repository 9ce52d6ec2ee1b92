/// The `classification:` section of pm.yml, validated.
///
/// ```yaml
/// classification:
///   taxonomy: extend            # extend (default) or replace the built-in categories
///   categories:
///     - id: payments-provider   # a new id adds a category; a built-in id adds terms to it
///       label: Payments provider
///       description: The card acquirer failed or changed.
///       terms: {paylane: 3, "acquir*": 2}
///   secondary_threshold: 0.5    # secondary categories need this share of the primary's score
///   minimum_score: 1            # below this, the incident is `unknown`
///   repeat_window_days: 90      # same service and cause within this many days is a repeat
/// ```
public struct ClassificationSettings: Sendable, Hashable {
    /// The categories in display order, `unknown` last.
    public var categories: [CauseCategory] = DefaultTaxonomy.categories
    /// A secondary category must score at least this share of the primary's score.
    public var secondaryThreshold = 0.5
    /// The score a category needs to be the primary; below it the incident is `unknown`.
    public var minimumScore = 1.0
    /// Two incidents of the same service and primary cause this many days apart or less are repeats.
    public var repeatWindowDays = 90

    /// The built-in settings.
    public init() {}

    /// The keys the section may have.
    public static let keys = ["taxonomy", "categories", "secondary_threshold", "minimum_score", "repeat_window_days"]

    /// Reads the `classification:` section; the defaults when there is none.
    /// - Throws: ``ConfigurationError`` naming the key and line of anything it cannot use.
    public init(configuration: Configuration) throws(ConfigurationError) {
        self.init()
        let path = configuration.path ?? "pm.yml"
        guard let section = configuration.section("classification"), !section.isNull else { return }
        guard let entries = section.entries else {
            throw ConfigurationError(path: path, location: section.location, message: "`classification` must be a mapping")
        }
        var replace = false
        var custom: [CauseCategory] = []
        for entry in entries {
            let value = entry.value
            func number(_ range: ClosedRange<Double>) throws(ConfigurationError) -> Double {
                guard let n = value.number, range.contains(n) else {
                    throw ConfigurationError(path: path, location: value.location,
                                             message: "`classification.\(entry.key)` must be a number from \(range.lowerBound) to \(range.upperBound)")
                }
                return n
            }
            switch entry.key {
            case "taxonomy":
                switch value.string {
                case "extend": replace = false
                case "replace": replace = true
                default:
                    throw ConfigurationError(path: path, location: value.location,
                                             message: "`classification.taxonomy` must be `extend` or `replace`")
                }
            case "categories":
                guard let items = value.items else {
                    throw ConfigurationError(path: path, location: value.location,
                                             message: "`classification.categories` must be a list of categories")
                }
                for item in items { custom.append(try Self.category(item, path: path)) }
            case "secondary_threshold": secondaryThreshold = try number(0...1)
            case "minimum_score": minimumScore = try number(0...1000)
            case "repeat_window_days": repeatWindowDays = Int(try number(1...3650))
            default:
                throw ConfigurationError(path: path, location: entry.keyLocation,
                                         message: "unknown key `classification.\(entry.key)`; expected one of \(Self.keys.joined(separator: ", "))")
            }
        }
        categories = Self.merge(custom, into: replace ? [] : DefaultTaxonomy.categories)
    }

    /// Adds new categories before `unknown` and appends terms to categories that already exist;
    /// `unknown` is always present, because it is what an incident without evidence is.
    static func merge(_ custom: [CauseCategory], into base: [CauseCategory]) -> [CauseCategory] {
        var result = base.filter { $0.id != "unknown" }
        for category in custom where category.id != "unknown" {
            if let index = result.firstIndex(where: { $0.id == category.id }) {
                result[index].terms += category.terms
                if !category.label.isEmpty { result[index].label = category.label }
                if !category.description.isEmpty { result[index].description = category.description }
            } else {
                var added = category
                if added.label.isEmpty { added.label = added.id }
                result.append(added)
            }
        }
        let unknown = base.first { $0.id == "unknown" } ?? DefaultTaxonomy.categories.first { $0.id == "unknown" }!
        return result + [unknown]
    }

    static func category(_ value: YAMLValue, path: String) throws(ConfigurationError) -> CauseCategory {
        guard value.entries != nil else {
            throw ConfigurationError(path: path, location: value.location,
                                     message: "a classification category must be a mapping with `id`, `label`, `description`, `terms`")
        }
        guard let id = value["id"]?.string, !id.isEmpty,
              id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ConfigurationError(path: path, location: value.location,
                                     message: "a classification category needs an `id` of lowercase letters, digits and hyphens")
        }
        for entry in value.entries ?? [] where !["id", "label", "description", "terms"].contains(entry.key) {
            throw ConfigurationError(path: path, location: entry.keyLocation,
                                     message: "unknown key `\(entry.key)` in category `\(id)`; expected id, label, description, terms")
        }
        var terms: [VocabularyTerm] = []
        if let termsValue = value["terms"], !termsValue.isNull {
            guard let termEntries = termsValue.entries else {
                throw ConfigurationError(path: path, location: termsValue.location,
                                         message: "`terms` of category `\(id)` must map phrases to weights (\"feature flag\": 3)")
            }
            for term in termEntries {
                guard let weight = term.value.number, (-10...10).contains(weight) else {
                    throw ConfigurationError(path: path, location: term.value.location,
                                             message: "the weight of term `\(term.key)` must be a number from -10 to 10")
                }
                let pattern = NormalisedText(term.key).words.joined(separator: " ") + (term.key.hasSuffix("*") ? "*" : "")
                guard pattern != "*", !pattern.isEmpty else {
                    throw ConfigurationError(path: path, location: term.keyLocation, message: "term `\(term.key)` has no words")
                }
                if pattern.hasSuffix("*"), pattern.contains(" ") {
                    throw ConfigurationError(path: path, location: term.keyLocation,
                                             message: "term `\(term.key)`: only a single word may end in `*`")
                }
                terms.append(VocabularyTerm(pattern, weight))
            }
        }
        return CauseCategory(id: id, label: value["label"]?.string ?? "", description: value["description"]?.string ?? "",
                             terms: terms)
    }
}
