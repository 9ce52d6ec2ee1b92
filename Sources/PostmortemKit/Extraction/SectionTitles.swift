/// Recognising what a section is for from its title, with the synonyms real postmortems use.
public enum SectionTitles {
    /// Titles (normalised: lowercase, letters, digits and single spaces) for each kind. A title
    /// matches when it equals one of these or starts with one followed by more words
    /// ("timeline all times utc", "root causes and trigger").
    public static let synonyms: [(SectionKind, [String])] = [
        (.wentWell, ["what went well", "things that went well", "went well", "what worked", "what went right"]),
        (.wentWrong, ["what went wrong", "what didn t go so well", "what didn t go well", "what did not go well",
                      "what did not go so well", "what went poorly", "what went badly", "things that went wrong",
                      "what could have gone better", "what could have been better", "went wrong", "what didn t work",
                      "where we were unlucky"]),
        (.lucky, ["where we got lucky", "where we were lucky", "where did we get lucky", "what we got lucky with",
                  "lucky", "got lucky"]),
        (.actions, ["follow up actions", "follow up action items", "followup actions", "follow ups", "followups",
                    "follow up", "action items", "action item", "actions", "remediation", "remediations",
                    "remediation items", "remediation actions", "corrective and preventative measures",
                    "corrective and preventive measures", "corrective actions", "preventive actions",
                    "preventative actions", "review actions", "next steps", "action plan", "todo", "to do",
                    "prevention", "repair items", "tasks", "corrective and preventive actions",
                    "corrective and preventative actions", "followup", "followup items", "follow up items",
                    "post incident action items", "post incident actions", "incident action items",
                    "mitigations and follow ups", "remediation and follow ups", "preventive measures", "preventative measures",
                    "corrective measures", "postmortem action items", "post mortem action items", "what s next",
                    "whats next", "priority actions", "improvement actions"]),
        (.factors, ["contributing factors", "contributing factor", "root causes", "root cause", "root cause analysis",
                    "causes", "cause", "contributing conditions", "contributing causes", "causal factors",
                    "why did it happen", "what caused it", "what happened and why", "5 whys", "five whys", "analysis",
                    "why it happened", "why did this happen", "why this happened"]),
        (.trigger, ["trigger", "triggers", "triggering event"]),
        (.timeline, ["timeline", "incident timeline", "timeline of events", "detailed timeline", "chronology",
                     "sequence of events", "event timeline", "time line", "events timeline", "events", "timeline and actions",
                     "response timeline"]),
        (.summary, ["summary", "executive summary", "incident summary", "overview", "tl dr", "tldr", "abstract",
                    "description", "what happened", "background"]),
        (.impact, ["impact", "customer impact", "user impact", "business impact", "impact assessment", "scope"]),
        (.detection, ["detection", "how was it detected", "how we detected it", "discovery"]),
        (.response, ["response", "incident response", "escalation"]),
        (.resolution, ["resolution", "recovery", "mitigation", "resolution and recovery", "mitigation and resolution",
                       "how it was fixed"]),
        (.lessons, ["lessons learned", "lessons learnt", "lessons", "learnings", "takeaways", "key takeaways",
                    "retrospective", "key learnings", "what we learned", "what we learnt"]),
        (.supportingInformation, ["supporting information", "appendix", "references", "related links"]),
    ]

    /// The kind of a section with this title, or nil.
    public static func kind(of title: String) -> SectionKind? {
        kind(normalised: normalise(title))
    }

    /// The kind for an already normalised title: the first kind in ``synonyms`` with a name
    /// equal to the title or to a run of its leading words ("timeline all times utc").
    static func kind(normalised: String) -> SectionKind? {
        guard !normalised.isEmpty else { return nil }
        var best: Int? = nil
        var wordsSeen = 0
        let utf8 = normalised.utf8
        var index = utf8.startIndex
        // Every leading run of words (up to the longest name) is looked up once.
        while wordsSeen < longestName {
            let end = utf8[index...].firstIndex(of: UInt8(ascii: " ")) ?? utf8.endIndex
            wordsSeen += 1
            if let rank = nameRanks[String(normalised[..<end])], rank < (best ?? .max) { best = rank }
            guard end < utf8.endIndex else { break }
            index = utf8.index(after: end)
        }
        return best.map { synonyms[$0].0 }
    }

    /// Each name's position in ``synonyms`` (the earliest kind wins where two kinds share one).
    static let nameRanks: [String: Int] = {
        var ranks: [String: Int] = [:]
        for (rank, entry) in synonyms.enumerated() {
            for name in entry.1 where ranks[name] == nil { ranks[name] = rank }
        }
        return ranks
    }()

    /// The most words in one name.
    static let longestName = synonyms.flatMap(\.1).map { $0.split(separator: " ").count }.max() ?? 1

    /// True when `normalised` is exactly one of the names of `kind`.
    static func isExactName(_ normalised: String, of kind: SectionKind) -> Bool {
        exactNames[kind]?.contains(normalised) ?? false
    }

    static let exactNames: [SectionKind: Set<String>] = {
        var names: [SectionKind: Set<String>] = [:]
        for (kind, list) in synonyms { names[kind, default: []].formUnion(list) }
        return names
    }()

    /// Lowercase; runs of anything but letters and digits become one space; leading numbering
    /// ("3.", "IV.") and trailing colons disappear.
    public static func normalise(_ title: String) -> String {
        var words: [String] = []
        var current = ""
        if title.isASCIIBytes { return normaliseASCII(title) }
        for scalar in title.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return joinedWithoutNumbering(words)
    }

    /// ``normalise(_:)`` for an ASCII title (nearly every title), on its bytes: the words are
    /// written lowercased into one buffer, and the numbering words are left out by their place
    /// in it, without a `String` for each word.
    static func normaliseASCII(_ title: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(title.utf8.count)
        var starts: [Int] = []
        var inWord = false
        for b in title.utf8 {
            if (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) {
                if !inWord {
                    if !out.isEmpty { out.append(UInt8(ascii: " ")) }
                    starts.append(out.count)
                    inWord = true
                }
                out.append(b >= 65 && b <= 90 ? b + 32 : b)
            } else {
                inWord = false
            }
        }
        /// The bytes of word `k`.
        func word(_ k: Int) -> ArraySlice<UInt8> {
            out[starts[k]..<(k + 1 < starts.count ? starts[k + 1] - 1 : out.count)]
        }
        // The numbering rule of ``joinedWithoutNumbering(_:)``: in lowercase ASCII a number is
        // a word of digits.
        var first = 0
        while starts.count - first > 1 {
            let w = word(first)
            let isNumber = w.allSatisfy { $0 >= 48 && $0 <= 57 }
            guard isNumber || romanNumerals.contains(where: { $0.elementsEqual(w) }) else { break }
            if w.elementsEqual([UInt8(ascii: "5")]) && word(first + 1).elementsEqual(Array("whys".utf8)) { break }
            first += 1
        }
        return String(decoding: first < starts.count ? out[starts[first]...] : out[out.endIndex...], as: UTF8.self)
    }

    static let romanNumerals: [[UInt8]] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].map { Array($0.utf8) }

    static func joinedWithoutNumbering(_ words: [String]) -> String {
        var words = words
        // Drop section numbering: "3 timeline", "iv timeline".
        while let first = words.first, words.count > 1,
              first.allSatisfy(\.isNumber) || ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].contains(first),
              !(first == "5" && words.dropFirst().first == "whys") {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }
}
