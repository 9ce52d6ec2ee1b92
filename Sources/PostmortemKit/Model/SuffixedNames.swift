/// Names made unique with `-2`, `-3`, … (incident ids, page file names). Each base remembers the
/// next counter worth trying, since every name below it is taken: a thousand repeats of one name
/// cost a thousand lookups, not half a million.
struct SuffixedNames {
    private(set) var taken: Set<String>
    private var next: [String: Int] = [:]

    init(taken: Set<String> = []) { self.taken = taken }

    /// `base` when no one has it, else the first free `base-N`; either way, taken from now on.
    mutating func claim(_ base: String) -> String {
        taken.insert(base).inserted ? base : suffixed(base)
    }

    /// The first free `base-N` (N from 2), taken from now on.
    mutating func suffixed(_ base: String) -> String {
        var counter = next[base] ?? 2
        var name = "\(base)-\(counter)"
        while taken.contains(name) {
            counter += 1
            name = "\(base)-\(counter)"
        }
        next[base] = counter + 1
        taken.insert(name)
        return name
    }
}

extension SuffixedNames {
    /// Whether two of `strings` are equal. Their hashes are sorted and compared first, 8 bytes a
    /// string: the corpora that need no renaming (almost all) are told so without the `Set` of
    /// every string the renaming itself uses, about 40 bytes a string with its free room, 2 MB
    /// at 50,000 ids while the report's memory is near its peak. Only equal hashes (equal strings,
    /// or rarely different strings with one hash) go on to a `Set`.
    static func containsDuplicates(_ strings: some Collection<String>) -> Bool {
        var hashes = strings.map(\.hashValue)
        hashes.sort()
        guard zip(hashes, hashes.dropFirst()).contains(where: ==) else { return false }
        var seen = Set<String>(minimumCapacity: strings.count)
        return strings.contains { !seen.insert($0).inserted }
    }
}
