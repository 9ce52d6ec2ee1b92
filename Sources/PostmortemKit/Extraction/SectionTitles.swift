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
                    "prevention", "repair items", "tasks"]),
        (.factors, ["contributing factors", "contributing factor", "root causes", "root cause", "root cause analysis",
                    "causes", "cause", "contributing conditions", "contributing causes", "causal factors",
                    "why did it happen", "what caused it", "what happened and why", "5 whys", "five whys", "analysis"]),
        (.trigger, ["trigger", "triggers", "triggering event"]),
        (.timeline, ["timeline", "incident timeline", "timeline of events", "detailed timeline", "chronology",
                     "sequence of events", "event timeline", "time line", "events timeline", "events", "timeline and actions"]),
        (.summary, ["summary", "executive summary", "incident summary", "overview", "tl dr", "tldr", "abstract",
                    "description", "what happened", "background"]),
        (.impact, ["impact", "customer impact", "user impact", "business impact", "impact assessment", "scope"]),
        (.detection, ["detection", "how was it detected", "how we detected it", "discovery"]),
        (.response, ["response", "incident response", "escalation"]),
        (.resolution, ["resolution", "recovery", "mitigation", "resolution and recovery", "mitigation and resolution",
                       "how it was fixed"]),
        (.lessons, ["lessons learned", "lessons learnt", "lessons", "learnings", "takeaways", "key takeaways",
                    "retrospective"]),
        (.supportingInformation, ["supporting information", "appendix", "references", "related links"]),
    ]

    /// The kind of a section with this title, or nil.
    public static func kind(of title: String) -> SectionKind? {
        let normalised = normalise(title)
        guard !normalised.isEmpty else { return nil }
        for (kind, names) in synonymsWithSpace {
            for (name, prefix) in names where normalised == name || normalised.hasPrefix(prefix) {
                return kind
            }
        }
        return nil
    }

    /// ``synonyms`` with each name's "name " prefix built once instead of on every lookup.
    static let synonymsWithSpace: [(SectionKind, [(String, String)])] = synonyms.map { kind, names in
        (kind, names.map { ($0, $0 + " ") })
    }

    /// Lowercase; runs of anything but letters and digits become one space; leading numbering
    /// ("3.", "IV.") and trailing colons disappear.
    public static func normalise(_ title: String) -> String {
        var words: [String] = []
        var current = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        // Drop section numbering: "3 timeline", "iv timeline".
        while let first = words.first, words.count > 1,
              first.allSatisfy(\.isNumber) || ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].contains(first),
              !(first == "5" && words.dropFirst().first == "whys") {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }
}
