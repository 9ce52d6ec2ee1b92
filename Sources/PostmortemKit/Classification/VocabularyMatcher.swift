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

    /// Phrases by their first word.
    private var phrases: [Substring: [Entry]] = [:]
    /// Stems by their prefix.
    private var stems: [Substring: [Entry]] = [:]
    private var longestStem = 0
    /// The first three UTF-8 bytes of every stem, when every stem is ASCII and at least three
    /// bytes long; nil otherwise. A stem that matches a word equals its first Characters, and an
    /// ASCII Character is equal only to itself in lowercased text, so the word then starts with
    /// the stem's bytes: a word whose first three bytes are not here has no stem to look up.
    private var stemHeads: Set<UInt32>? = []

    init(categories: [CauseCategory]) {
        for (index, category) in categories.enumerated() {
            for term in category.terms {
                let pattern = term.pattern
                if pattern.hasSuffix("*") {
                    let prefix = NormalisedText(String(pattern.dropLast())).words
                    guard prefix.count == 1, let stem = prefix.first else { continue }
                    stems[stem, default: []].append(Entry(category: index, pattern: pattern, words: [stem], weight: term.weight))
                    longestStem = max(longestStem, stem.count)
                    if let head = Self.head(stem), stem.utf8.allSatisfy({ $0 < 0x80 }) {
                        stemHeads?.insert(head)
                    } else {
                        stemHeads = nil
                    }
                } else {
                    let words = NormalisedText(pattern).words
                    guard let first = words.first else { continue }
                    phrases[first, default: []].append(Entry(category: index, pattern: pattern, words: words, weight: term.weight))
                }
            }
        }
    }

    /// The distinct terms that occur at least once without a negation before them.
    func matches(in text: NormalisedText) -> Set<Match> {
        var found = Set<Match>()
        let words = text.words
        for position in words.indices {
            let word = words[position]
            var candidates: [Entry] = []
            if let entries = phrases[word] {
                for entry in entries where entry.words.count <= words.count - position {
                    if entry.words.indices.allSatisfy({ words[position + $0] == entry.words[$0] }) {
                        candidates.append(entry)
                    }
                }
            }
            if !stems.isEmpty, stemHeads.map({ heads in Self.head(word).map(heads.contains) ?? false }) ?? true {
                var end = word.startIndex
                var length = 0
                while end < word.endIndex, length < longestStem {
                    end = word.index(after: end)
                    length += 1
                    if let entries = stems[word[word.startIndex..<end]] { candidates.append(contentsOf: entries) }
                }
            }
            guard !candidates.isEmpty, !text.isNegated(at: position) else { continue }
            for entry in candidates {
                found.insert(Match(category: entry.category, pattern: entry.pattern, weight: entry.weight))
            }
        }
        return found
    }

    /// The first three UTF-8 bytes of `word`, packed; nil when it is shorter.
    @inline(__always)
    static func head(_ word: Substring) -> UInt32? {
        var bytes = word.utf8.makeIterator()
        guard let first = bytes.next(), let second = bytes.next(), let third = bytes.next() else { return nil }
        return UInt32(first) | UInt32(second) << 8 | UInt32(third) << 16
    }
}
