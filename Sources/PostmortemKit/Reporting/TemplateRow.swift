import Mustache

/// One row of a list on a postmortem's page (a metadata line, a follow-up action, a lint
/// finding), written as a dictionary literal: `["label": …, "value": …] as TemplateRow`.
///
/// swift-mustache finds a name in a row by asking it (``MustacheParent``), as it asks a
/// dictionary. A dictionary hashed every name when it was built and hashes the name again on
/// every lookup; a row compares the name with its few names in turn, with `==` as the dictionary
/// does. `pm report` on 1,000 documents took 3.8% fewer instructions.
///
/// A row renders as the dictionary of the same names and values: a name it does not have is
/// looked for further out, as a section does, and a row printed whole (`{{.}}` in its list, or
/// the list printed whole) prints as that dictionary would, with its names in the order written
/// instead of in hash order, which changes from run to run.
struct TemplateRow: MustacheParent, ExpressibleByDictionaryLiteral, CustomStringConvertible, CustomDebugStringConvertible {
    /// Each name with its value, in the order written.
    let entries: [(String, Any)]

    init(dictionaryLiteral entries: (String, Any)...) {
        assert(Set(entries.map(\.0)).count == entries.count, "a name given twice in a row")
        self.entries = entries
    }

    func child(named name: String) -> Any? { entries.first { $0.0 == name }?.1 }

    /// As `Dictionary` describes itself: `["name": value, …]`, or `[:]` for no names.
    var description: String {
        guard !entries.isEmpty else { return "[:]" }
        return "[" + entries.map { String(reflecting: $0.0) + ": " + String(reflecting: $0.1) }.joined(separator: ", ") + "]"
    }

    var debugDescription: String { description }
}
