/// Finds a taxonomy's vocabulary terms in normalised text.
///
/// Phrases match whole word sequences; a stem (`misconfigur*`) matches any word that starts with
/// it. A match with a negation within three words before it in the same sentence is ignored,
/// which is why some phrases begin with a negation themselves ("no runbook").
struct VocabularyMatcher: Sendable {
    /// One term of one category.
    struct Entry: Sendable {
        var category: Int
        var pattern: String
        var words: [Substring]
        var weight: Double
    }

    /// A term found in a text.
    struct Match: Hashable {
        var category: Int
        var pattern: String
        var weight: Double
    }

    /// The ASCII stems and the ASCII first words of phrases, in a trie of their bytes: a word is
    /// walked once, byte by byte, where looking it up had hashed the word and every prefix of it
    /// up to the longest stem (about 2,000 instructions a word; 60% of classifying a factor).
    private var trie = TermTrie()
    /// Phrases whose first word is not ASCII, by that word, and stems that are not ASCII, by
    /// themselves: looked up as Characters, as canonically equivalent spellings must match.
    private var otherPhrases: [Substring: [Entry]] = [:]
    private var otherStems: [Substring: [Entry]] = [:]
    private var longestOtherStem = 0

    init(categories: [CauseCategory]) {
        for (index, category) in categories.enumerated() {
            for term in category.terms {
                let pattern = term.pattern
                if pattern.hasSuffix("*") {
                    let prefix = NormalisedText(String(pattern.dropLast())).words
                    guard prefix.count == 1, let stem = prefix.first else { continue }
                    let entry = Entry(category: index, pattern: pattern, words: [stem], weight: term.weight)
                    if stem.utf8.allSatisfy({ $0 < 0x80 }) {
                        trie.insert(stem.utf8, stem: entry)
                    } else {
                        otherStems[stem, default: []].append(entry)
                        longestOtherStem = max(longestOtherStem, stem.count)
                    }
                } else {
                    let words = NormalisedText(pattern).words
                    guard let first = words.first else { continue }
                    let entry = Entry(category: index, pattern: pattern, words: words, weight: term.weight)
                    if first.utf8.allSatisfy({ $0 < 0x80 }) {
                        trie.insert(first.utf8, word: entry)
                    } else {
                        otherPhrases[first, default: []].append(entry)
                    }
                }
            }
        }
        trie.finish()
    }

    /// The distinct terms that occur at least once without a negation before them.
    func matches(in text: NormalisedText) -> Set<Match> {
        var found = Set<Match>()
        let words = text.words
        var candidates: [Entry] = []
        /// True when the phrase of `entry` runs on from the word at `position`.
        func follows(_ entry: Entry, at position: Int) -> Bool {
            entry.words.count <= words.count - position && entry.words.indices.allSatisfy { words[position + $0] == entry.words[$0] }
        }
        for position in words.indices {
            let word = words[position]
            candidates.removeAll(keepingCapacity: true)
            // An ASCII first word equals only a word of the same bytes (lowercased text holds no
            // other spelling of it: a Kelvin sign is already `k`); an ASCII stem is the start of
            // a word whose bytes start with it and whose next byte starts a Character.
            trie.walk(word) { entries, isStem in
                for entry in entries {
                    if isStem || follows(entry, at: position) { candidates.append(entry) }
                }
            }
            if !otherPhrases.isEmpty, let entries = otherPhrases[word] {
                candidates += entries.filter { follows($0, at: position) }
            }
            if !otherStems.isEmpty {
                var end = word.startIndex
                var length = 0
                while end < word.endIndex, length < longestOtherStem {
                    end = word.index(after: end)
                    length += 1
                    if let entries = otherStems[word[word.startIndex..<end]] { candidates.append(contentsOf: entries) }
                }
            }
            guard !candidates.isEmpty, !text.isNegated(at: position) else { continue }
            for entry in candidates {
                found.insert(Match(category: entry.category, pattern: entry.pattern, weight: entry.weight))
            }
        }
        return found
    }
}

/// A trie of the bytes of ASCII terms: stems, matched where a word starts with them, and first
/// words of phrases, matched where a word ends. Nodes and edges are flat arrays, each node's
/// edges in one run, so a walk neither hashes nor retains.
struct TermTrie: Sendable {
    /// Edges of node `n`: `edgeStart[n]..<edgeStart[n + 1]` in `edgeBytes` and `edgeTargets`.
    private var edgeStart: [Int32] = []
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    /// Entries of node `n`: stems, then whole words.
    private var stemStart: [Int32] = []
    private var wordStart: [Int32] = []
    private var stems: [VocabularyMatcher.Entry] = []
    private var words: [VocabularyMatcher.Entry] = []
    /// While building: each node's children by byte, and its entries.
    private var building: [(children: [UInt8: Int32], stems: [VocabularyMatcher.Entry], words: [VocabularyMatcher.Entry])] = [([:], [], [])]

    mutating func insert(_ bytes: Substring.UTF8View, stem: VocabularyMatcher.Entry? = nil, word: VocabularyMatcher.Entry? = nil) {
        var node = 0
        for byte in bytes {
            if let next = building[node].children[byte] {
                node = Int(next)
            } else {
                building.append(([:], [], []))
                building[node].children[byte] = Int32(building.count - 1)
                node = building.count - 1
            }
        }
        if let stem { building[node].stems.append(stem) }
        if let word { building[node].words.append(word) }
    }

    /// Lays the trie out flat; call once, after the last insert.
    mutating func finish() {
        for node in building {
            edgeStart.append(Int32(edgeBytes.count))
            for (byte, target) in node.children.sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(target)
            }
            stemStart.append(Int32(stems.count))
            stems += node.stems
            wordStart.append(Int32(words.count))
            words += node.words
        }
        edgeStart.append(Int32(edgeBytes.count))
        stemStart.append(Int32(stems.count))
        wordStart.append(Int32(words.count))
        building = []
    }

    /// Calls `found` with the stems `word` starts with (shortest first) and the first words it is.
    func walk(_ word: Substring, _ found: (ArraySlice<VocabularyMatcher.Entry>, _ isStem: Bool) -> Void) {
        guard edgeStart.count > 1 else { return }
        let utf8 = word.utf8
        var node = 0
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            var edge = Int(edgeStart[node])
            let last = Int(edgeStart[node + 1])
            while edge < last, edgeBytes[edge] != byte { edge += 1 }
            guard edge < last else { return }
            node = Int(edgeTargets[edge])
            utf8.formIndex(after: &index)
            let nodeStems = Int(stemStart[node])..<Int(stemStart[node + 1])
            // The stem's bytes end on a Character boundary when what follows is ASCII (or
            // nothing); before a byte that is not, the Characters decide (`cafe` does not start
            // `cafe\u{301}s`).
            if !nodeStems.isEmpty, index == utf8.endIndex || utf8[index] < 0x80
                || word.starts(with: stems[nodeStems.lowerBound].words[0]) {
                found(stems[nodeStems], true)
            }
        }
        let nodeWords = Int(wordStart[node])..<Int(wordStart[node + 1])
        if !nodeWords.isEmpty { found(words[nodeWords], false) }
    }
}
