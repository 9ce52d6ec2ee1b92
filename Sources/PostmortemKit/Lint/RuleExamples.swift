/// Building blocks for the rules' examples, so each example shows only what it is about.
public enum RuleExamples {
    /// The configuration examples are checked with: two SLOs and the default scale.
    public static var configuration: Configuration {
        var configuration = Configuration()
        configuration.slos = [
            SLODefinition(id: "checkout-availability", services: ["checkout-api"], objective: 99.95, window: .month),
            SLODefinition(id: "search-latency", services: ["search"], objective: 99.0, window: .rolling(days: 30)),
        ]
        return configuration
    }

    /// The path examples are linted as.
    public static let path = "postmortems/2026-07-14-checkout-502s.md"

    /// A complete, clean front matter block; `replacing` swaps whole lines that start with a key
    /// (`"severity:"` → `"severity: SEV9"`), `removing` drops keys.
    public static func frontMatter(_ replacing: [String] = [], removing: [String] = []) -> String {
        var lines = [
            "title: Checkout returned 502s after a proxy config push",
            "status: published",
            "severity: SEV2",
            "services: [checkout-api]",
            "authors: [dana.k, li.w]",
            "started: 2026-07-14T14:02:00Z",
            "detected: 2026-07-14T14:09:00Z",
            "mitigated: 2026-07-14T14:41:00Z",
            "resolved: 2026-07-14T15:30:00Z",
            "impact:",
            "  - slo: checkout-availability",
            "    bad_fraction: 0.35",
            "causes: [config]",
        ]
        for replacement in replacing {
            let key = replacement.prefix { $0 != ":" }
            if let i = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) { lines[i] = replacement } else { lines.append(replacement) }
        }
        for key in removing {
            if let i = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
                lines.remove(at: i)
                while i < lines.count, lines[i].hasPrefix(" ") { lines.remove(at: i) }
            }
        }
        return "---\n" + lines.joined(separator: "\n") + "\n---\n"
    }

    /// The sections of a complete SEV2 postmortem; pass replacements by section title.
    public static func body(_ sections: [String: String] = [:]) -> String {
        let defaults: [(String, String)] = [
            ("Summary", "A proxy config with an empty upstream pool was pushed; checkout returned 502s for 39 minutes."),
            ("Impact", "35% of checkout requests failed for 39 minutes, about 41,000 requests."),
            ("Timeline", """
                All times UTC.

                - 14:00 UTC: Proxy config 4812 is pushed to all edge nodes.
                - 14:02 UTC: Checkout 5xx ratio rises to 35%.
                - 14:09 UTC: The checkout availability alert pages the on-call engineer.
                - 14:41 UTC: Config 4811 is restored; the 5xx ratio returns to normal.
                - 15:30 UTC: The bad config is fixed and re-applied. Incident resolved.
                """),
            ("Contributing factors", """
                - **Config:** The proxy accepted a config whose upstream pool was empty.
                - **Deploy:** Config pushes reach every edge node at once, with no canary.
                """),
            ("What went well", "- The alert fired seven minutes after impact began."),
            ("What went wrong", "- The config history did not show which pool was emptied."),
            ("Follow-up actions", """
                - [ ] Reject proxy configs with empty upstream pools in CI (owner: @dana.k, due: 2026-12-28, type: prevent, ticket: OPS-412)
                - [x] Add an alert on the 5xx ratio per upstream (owner: @li.w, type: detect, ticket: OPS-409)
                """),
        ]
        var out = "# Checkout returned 502s after a proxy config push\n"
        for (title, text) in defaults {
            out += "\n## \(title)\n\n" + (sections[title] ?? text) + "\n"
        }
        return out
    }

    /// A clean document with the given changes.
    public static func document(frontMatter replacing: [String] = [], removing: [String] = [],
                                sections: [String: String] = [:]) -> String {
        frontMatter(replacing, removing: removing) + body(sections)
    }
}
