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

    init(categories: [CauseCategory]) {
        for (index, category) in categories.enumerated() {
            for term in category.terms {
                let pattern = term.pattern
                if pattern.hasSuffix("*") {
                    let prefix = NormalisedText(String(pattern.dropLast())).words
                    guard prefix.count == 1, let stem = prefix.first else { continue }
                    stems[stem, default: []].append(Entry(category: index, pattern: pattern, words: [stem], weight: term.weight))
                    longestStem = max(longestStem, stem.count)
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
            if !stems.isEmpty {
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
}
