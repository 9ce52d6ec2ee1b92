/// Incident ids made unique, for the commands that count incidents (`pm budget`, `pm classify`,
/// `pm report`).
///
/// An id names an incident everywhere a number is attached to it: its burns, its cause, its
/// page. Two documents with one id (PM061 reports it; two folders each holding `index.md` with
/// the same `id:`, or a copied front matter) would otherwise share one set of numbers, each
/// showing the burns of both. So the first document keeps its id and each later one is counted
/// as `<id>-2`, `<id>-3`, …, skipping any name another document already has, in input order:
/// the same corpus gives the same names every run.
public enum IncidentIDs {
    /// The ids in order, each repeat replaced by the first free `<id>-N` (N from 2). Ids without
    /// repeats are told by sorting their hashes; renaming repeats is then linear in the number of
    /// ids, however many repeat.
    public static func unique(_ ids: [String]) -> [String] {
        guard SuffixedNames.containsDuplicates(ids) else { return ids }
        var names = SuffixedNames(taken: Set(ids))
        var seen = Set<String>()
        seen.reserveCapacity(names.taken.count)
        return ids.map { seen.insert($0).inserted ? $0 : names.suffixed($0) }
    }

    /// The records with their ids made unique, as ``unique(_:)`` names them.
    public static func unique(_ records: [Postmortem]) -> [Postmortem] {
        let ids = unique(records.map(\.id))
        var records = records
        for index in records.indices where records[index].id != ids[index] { records[index].id = ids[index] }
        return records
    }
}

