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
