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
        var sorted = Array(0..<Int32(count))
        sorted.sort { (a: Int32, b: Int32) -> Bool in
            let hashA = hashOf[Int(a)], hashB = hashOf[Int(b)]
            return hashA == hashB ? a < b : hashA < hashB
        }
        // The positions kept are moved to the front of `sorted`, in place: lists built by
        // appending, then copied to their size, had held the index about four times over.
        var kept = 0
        var runStart = 0   // where the current hash's kept positions start
        for at in 0..<count {
            let position = sorted[at]
            let hash = hashOf[Int(position)]
            if kept == 0 || hashOf[Int(sorted[kept - 1])] != hash { runStart = kept }
            // Within one hash value, a key already kept (at an earlier position) is not kept again.
            let keyHere = key(Int(position))
            if sorted[runStart..<kept].contains(where: { key(Int($0)) == keyHere }) { continue }
            sorted[kept] = position
            kept += 1
        }
        // Made at exactly their size: kept for the whole report. (`Array(sorted[..<kept])` could
        // share the buffer, room and all.)
        let positions = sorted.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[..<kept])) }
        self.positions = positions
        hashes = positions.map { hashOf[Int($0)] }
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
