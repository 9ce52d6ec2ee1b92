import Testing
@testable import PostmortemKit

/// ``PathTable`` answers as the `Set<String>` it replaced: by canonical equivalence, keeping the
/// first of equivalent strings inserted.
@Suite struct PathTableTests {
    @Test func matchesAsASetOfStrings() {
        let composed = "a/caf\u{E9}.md", decomposed = "a/cafe\u{301}.md"
        var table = PathTable([composed, "a/b.md", decomposed, "a/b.md", ""])
        #expect(table.count == 3)
        #expect(table.index(of: decomposed) == 0 && table.hasSameBytes(0, composed) && !table.hasSameBytes(0, decomposed))
        #expect(table[0] == composed && table[1] == "a/b.md" && table[2] == "")
        #expect(table.index(of: "") == 2 && table.index(of: "a/B.md") == nil && table.index(of: "a/b.m") == nil)
        // U+212A KELVIN SIGN is canonically "K": a string beyond ASCII can equal an ASCII one.
        #expect(table.insert("K.md") == 3 && table.index(of: "\u{212A}.md") == 3)
    }

    /// The table sized from the count expected, too few, too many or none, finds every string
    /// and no other.
    @Test(arguments: [nil, 0, 3, 1000, 100_000])
    func sizedFromTheCountExpected(expected: Int?) {
        let paths = (0..<1000).map { "postmortems/2026-\($0 % 12 + 1)/incident-\($0).md" }
        let table = PathTable(paths.lazy.map { $0 }, expectedCount: expected)
        #expect(table.count == 1000)
        #expect(paths.indices.allSatisfy { table.index(of: paths[$0]) == $0 && table[$0] == paths[$0] })
        #expect((1000..<2000).allSatisfy { table.index(of: "postmortems/2026-1/incident-\($0).md") == nil })
    }

    /// Random strings from a small alphabet (so that many share prefixes, hashes' low bits and
    /// equivalent spellings) inserted and looked up, far past the table's first size.
    @Test func agreesWithSetOfStringsOnRandomStrings() {
        var random = SplitMix64(seed: 40)
        let alphabet = ["a", "b", "/", ".", "\u{E9}", "e\u{301}", "\u{212B}", "A\u{30A}", "\u{C5}", "-", "md"]
        func word() -> String { (0..<Int(random.next() % 6)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined() }
        var table = PathTable([String]())
        var set = Set<String>()
        var firstKept: [String] = []
        for _ in 0..<5000 {
            let string = word()
            let index = table.insert(string)
            if set.insert(string).inserted { firstKept.append(string) }
            #expect(Array(table[index].utf8) == Array(firstKept[firstKept.firstIndex(of: string)!].utf8))
        }
        #expect(table.count == set.count)
        for _ in 0..<5000 {
            let string = word()
            #expect((table.index(of: string) != nil) == set.contains(string), "\(string.unicodeScalars.map(\.value))")
        }
    }
}
