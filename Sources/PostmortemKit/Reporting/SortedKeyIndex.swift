/// Positions found by a string key, with a binary search among the keys' hash values.
///
/// It keeps 12 bytes a key: its hash and its first position. The `[String: Int]` dictionaries it
/// replaced held each key again, the value and the table's free room, about 60 bytes a key: 3 MB
/// for a review of 50,000 documents. The keys are not stored here; the caller says how to read the
/// key at a position, from arrays it holds anyway.
///
/// Keys match as a dictionary's keys do: by `==` and `hashValue`, so canonically equivalent
/// strings are one key. (Swift's `<` on strings is not used: it does not always order the two
/// spellings of such a key next to each other.)
struct SortedKeyIndex: Sendable {
    /// The hash of each distinct key, ascending; equal hashes of different keys follow each other.
    private let hashes: [Int]
    /// The first position of the key whose hash is at the same place in ``hashes``.
    private let positions: [Int32]

    /// Indexes the positions `0..<count`; of positions with equal keys, the first is kept.
    /// (`hash` is for tests, which collide keys on purpose; lookups must use the same.)
    init(count: Int, key: (Int) -> String, hash: (String) -> Int = { $0.hashValue }) {
        precondition(count <= Int(Int32.max), "SortedKeyIndex holds positions as Int32")
        let hashOf = (0..<count).map { hash(key($0)) }
        let sorted = (0..<Int32(count)).sorted { (a: Int32, b: Int32) -> Bool in
            let hashA = hashOf[Int(a)], hashB = hashOf[Int(b)]
            return hashA == hashB ? a < b : hashA < hashB
        }
        var hashes: [Int] = [], positions: [Int32] = []
        var runStart = 0   // where the current hash's entries start in `positions`
        for position in sorted {
            let hash = hashOf[Int(position)]
            if hashes.last != hash { runStart = hashes.count }
            // Within one hash value, a key already kept (at an earlier position) is not kept again.
            let keyHere = key(Int(position))
            if positions[runStart...].contains(where: { key(Int($0)) == keyHere }) { continue }
            hashes.append(hash)
            positions.append(position)
        }
        // Copied to exactly their size (appending left up to twice the room): kept for the whole
        // report. (`Array(array)` would share the buffer, room and all.)
        self.hashes = hashes.withUnsafeBufferPointer { Array($0) }
        self.positions = positions.withUnsafeBufferPointer { Array($0) }
    }

    /// The first position whose key equals `wanted`, nil when there is none. `key` must be the
    /// function the index was made with.
    func first(_ wanted: String, hash: (String) -> Int = { $0.hashValue }, key: (Int) -> String) -> Int? {
        let hash = hash(wanted)
        var low = 0, high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        while low < hashes.count, hashes[low] == hash {
            if key(Int(positions[low])) == wanted { return Int(positions[low]) }
            low += 1
        }
        return nil
    }
}
