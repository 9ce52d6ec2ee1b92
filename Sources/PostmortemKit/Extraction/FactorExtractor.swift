/// Contributing factors from "Contributing factors", "Root cause(s)", "Causes", "Trigger" and
/// their synonyms. Each list item, table row or paragraph is one factor; a leading bold label
/// (`**Config:**`) or a `Category:` prefix names the category when it is one.
enum FactorExtractor {
    /// Labels teams write for the default categories.
    static let labelSynonyms: [String: String] = [
        "configuration": "config", "configuration change": "config", "feature flag": "config", "iac": "config",
        "infrastructure as code": "config", "deployment": "deploy", "release": "deploy", "code change": "deploy",
        "rollout": "deploy", "dependencies": "dependency", "third party": "dependency", "vendor": "dependency",
        "upstream": "dependency", "provider": "dependency", "load": "capacity", "scaling": "capacity",
        "resources": "capacity", "resource exhaustion": "capacity", "networking": "network", "dns": "network",
        "database": "data", "data loss": "data", "storage": "data", "clock": "time", "expiry": "time",
        "certificate": "time", "bug": "software", "code": "software", "defect": "software", "latent bug": "software",
        "human": "process", "procedure": "process", "runbook": "process", "automation": "process",
        "communication": "process", "monitoring": "process", "attack": "security", "vulnerability": "security",
        "hardware failure": "hardware", "power": "hardware",
    ]

    static func factors(in outline: Outline, categoryIDs: Set<String>, labels: [String: String] = [:]) -> [ContributingFactor] {
        var result: [ContributingFactor] = []
        for root in outline.indices(of: [.factors, .trigger]) {
            for index in outline.subtree(root) {
                let entry = outline.entries[index]
                // Lessons or actions nested under a causes heading are not factors.
                if let kind = entry.kind, ![.factors, .trigger].contains(kind) { continue }
                let isTrigger = entry.kind == .trigger || outline.entries[root].kind == .trigger
                for item in BlockItems.items(in: entry.blocks) {
                    var factor = ContributingFactor(text: item.text, isTrigger: isTrigger, range: item.range)
                    // A table row whose Category column names one.
                    if let (category, label, rest) = categoryCell(of: item, categoryIDs: categoryIDs, labels: labels) {
                        factor.category = category
                        factor.label = label
                        factor.text = rest
                    } else if let (label, rest) = label(of: item) {
                        factor.category = category(named: label, ids: categoryIDs, labels: labels)
                        if factor.category != nil || item.lead.map(startsWithStrong) == true {
                            factor.label = label
                            factor.text = rest
                        }
                    }
                    result.append(factor)
                }
            }
        }
        return result
    }

    /// For a table row with a Category (Type, Cause…) column: the category its cell names (an
    /// id or a label, `| config | The proxy accepted an empty pool |`), that cell's text, and the
    /// other cells' text. A cell of another column is never read as a category ("Detected by:
    /// Monitoring").
    static func categoryCell(of item: BlockItems.Item, categoryIDs: Set<String>, labels: [String: String]) -> (String, String, String)? {
        guard let index = item.categoryColumn, case .tableRow(false) = item.node.kind else { return nil }
        let cells = item.node.children.map { $0.plainText.trimmingWhitespace() }
        guard index < cells.count, case let cell = cells[index], !cell.isEmpty, cell.count <= 40 else { return nil }
        guard let category = category(named: cell, ids: categoryIDs, labels: labels) else { return nil }
        let rest = cells.enumerated().filter { $0.offset != index && !$0.element.isEmpty }.map(\.element).joined(separator: " — ")
        guard !rest.isEmpty else { return nil }
        return (category, cell, rest)
    }

    /// The category a label or cell names: its id, its label in pm.yml's taxonomy (`Payments
    /// provider`), or a synonym of a built-in one (`Configuration`), in any case.
    static func category(named name: String, ids: Set<String>, labels: [String: String]) -> String? {
        let key = name.lowercased()
        if ids.contains(key) { return key }
        if let id = labels[key], ids.contains(id) { return id }
        if let mapped = labelSynonyms[key], ids.contains(mapped) { return mapped }
        return nil
    }

    static func startsWithStrong(_ lead: MarkdownNode) -> Bool {
        let paragraph = lead.kind == .paragraph ? lead : lead.children.first ?? lead
        if case .strong = paragraph.children.first?.kind { return true }
        return false
    }

    /// A bold lead (`**Config:** text`, `**Config**: text`) or a plain `Word:` prefix.
    static func label(of item: BlockItems.Item) -> (String, String)? {
        if let lead = item.lead {
            let paragraph: MarkdownNode
            if case .paragraph = lead.kind { paragraph = lead } else if let first = lead.children.first { paragraph = first } else { paragraph = lead }
            if let first = paragraph.children.first, case .strong = first.kind {
                var label = first.plainText.trimmingWhitespace()
                if label.hasSuffix(":") { label.removeLast() }
                guard !label.isEmpty, label.count <= 40 else { return nil }
                var rest = item.text.dropFirst(first.plainText.count)
                    .trimmingWhitespace()
                if rest.hasPrefix(":") || rest.hasPrefix("-") || rest.hasPrefix("—") { rest = rest.dropFirst().trimmingWhitespace() }
                return (label.trimmingWhitespace(), rest.isEmpty ? item.text : rest)
            }
        }
        guard let colon = item.text.firstIndex(of: ":") else { return nil }
        let label = item.text[..<colon].trimmingWhitespace()
        guard !label.isEmpty, label.count <= 24, label.split(separator: " ").count <= 3 else { return nil }
        let rest = item.text[item.text.index(after: colon)...].trimmingWhitespace()
        return (label, rest)
    }
}

