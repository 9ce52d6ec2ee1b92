/// A set of strings (the paths of a run's inputs) kept as one buffer of bytes and a hash table of
/// places in it, for ``CorpusIndex``, which holds the path of every input for the whole run.
///
/// A `Set<String>` kept each path as a string of its own: a heap object of 96 bytes for a path of
/// 60 (its header, the bytes and a terminator, rounded up to the allocator's size) and 21 bytes
/// of hash table, so 117 bytes an input. Here a path is its bytes, 8 bytes for where it ends and
/// 16 to 32 of table (21 at 50,000 paths): about 90 bytes for the same path, in three
/// allocations for all of them.
///
/// Strings are matched as Swift matches them, by canonical equivalence (`café` with one code
/// point for `é` is the `café` with `e` and a combining accent): the table is keyed by the
/// string's own hash, which agrees with `==`, and a candidate whose bytes differ from the string
/// looked up is compared as a `String` unless both are ASCII (ASCII strings are equivalent only
/// when their bytes are the same). Of equivalent strings inserted, the first is kept, as a `Set`
/// keeps it.
struct PathTable: Sendable {
    /// The bytes of every string, one after another.
    private var bytes: [UInt8] = []
    /// Where string `i` ends in ``bytes``; it starts where string `i - 1` ends.
    private var ends: [Int] = []
    /// Open addressing, linear probing: 0 for an empty slot, else the upper 32 bits of the
    /// string's hash and its index plus one in the lower 32. At most half the slots are used.
    private var slots: [UInt64] = []

    /// A table of `strings`, about `expectedCount` of them (which sizes the hash table). They are
    /// read one at a time, so a lazy sequence of strings made on the fly (the paths of a run's
    /// inputs, each made relative to the project) never holds all of them at once.
    init<Strings: Sequence>(_ strings: Strings, expectedCount: Int? = nil) where Strings.Element == String {
        // An estimate, bounded: too few only costs the table a rehash as it grows.
        let expected = min(max(0, expectedCount ?? strings.underestimatedCount), 1 << 32)
        ends.reserveCapacity(expected)
        // The least power of two that holds twice the strings expected.
        if expected > 0 { slots = [UInt64](repeating: 0, count: max(16, 1 << (Int.bitWidth - (2 * expected - 1).leadingZeroBitCount))) }
        for string in strings { insert(string) }
        // Grown by appending, the buffer has up to twice the room it uses; kept for the whole
        // run, it is copied to its size.
        if bytes.capacity > bytes.count + bytes.count / 8 {
            bytes = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
                initialized = buffer.initialize(fromContentsOf: bytes)
            }
        }
    }

    /// How many strings are kept.
    var count: Int { ends.count }

    /// The index of the string kept that is equivalent to `string`, or nil.
    func index(of string: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        let hash = UInt64(UInt(bitPattern: string.hashValue))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry >> 32 == hash >> 32, case let index = Int(entry & 0xFFFF_FFFF) - 1, matches(index, string) { return index }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// String `index` as stored.
    subscript(index: Int) -> String {
        String(decoding: storedBytes(index), as: UTF8.self)
    }

    /// True when string `index` has the same bytes as `string`.
    func hasSameBytes(_ index: Int, _ string: String) -> Bool {
        storedBytes(index).elementsEqual(string.utf8)
    }

    /// Adds `string` unless an equivalent one is kept; returns the index of the one kept.
    @discardableResult
    mutating func insert(_ string: String) -> Int {
        if let existing = index(of: string) { return existing }
        if (count + 1) * 2 > slots.count { grow() }
        bytes.append(contentsOf: string.utf8)
        ends.append(bytes.count)
        place(count - 1, hash: UInt64(UInt(bitPattern: string.hashValue)))
        return count - 1
    }

    private func storedBytes(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    private func matches(_ index: Int, _ string: String) -> Bool {
        let stored = storedBytes(index)
        if stored.elementsEqual(string.utf8) { return true }
        // Different bytes: equivalent only if one has a byte beyond ASCII, and then as Strings.
        if stored.allSatisfy({ $0 < 0x80 }) && string.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return self[index] == string
    }

    private mutating func place(_ index: Int, hash: UInt64) {
        // The index goes in 32 bits: 4 billion paths would not fit in memory anyway.
        precondition(index < Int(UInt32.max), "more strings than a path table holds")
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(index + 1)
    }

    /// Twice the slots, each string placed again (its hash made again from a `String` of its
    /// bytes). Only a table whose size was underestimated grows.
    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: max(16, slots.count * 2))
        for index in 0..<count { place(index, hash: UInt64(UInt(bitPattern: self[index].hashValue))) }
    }
}
