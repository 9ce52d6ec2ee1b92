/// Text as the vocabulary matcher sees it: lowercase words of letters and digits.
///
/// Runs of any other characters separate words, so "us-east-1" reads as `us east 1` and "let's"
/// as `let s`, the form vocabulary terms are written in. Sentence ends are remembered so a
/// negation in one sentence does not cancel evidence in the next.
struct NormalisedText {
    /// The words, lowercased.
    var words: [Substring]
    /// For each word, the index of the sentence it belongs to.
    var sentence: [Int]

    init(_ text: String) {
        let lowered = text.lowercased()
        var words: [Substring] = []
        var sentence: [Int] = []
        var current = 0
        var wordStart: String.Index?
        /// One Character of the walk, starting at `index`: a letter or digit extends the word,
        /// anything else ends it and may end the sentence.
        func step(_ index: String.Index, isWordCharacter: Bool, endsSentence: @autoclosure () -> Bool) {
            if isWordCharacter {
                if wordStart == nil { wordStart = index }
                return
            }
            if let start = wordStart {
                words.append(lowered[start..<index])
                sentence.append(current)
                wordStart = nil
            }
            if endsSentence() { current += 1 }
        }
        if lowered.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            // ASCII without "\r" (which joins a following "\n" into one Character): every byte is
            // a Character, a letter is a-z (lowered) and a number 0-9, so the same walk on bytes.
            let utf8 = lowered.utf8
            for index in utf8.indices {
                let byte = utf8[index]
                let isWordByte = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                step(index, isWordCharacter: isWordByte, endsSentence: Self.sentenceEnds.contains(byte))
            }
        } else {
            for index in lowered.indices {
                let character = lowered[index]
                step(index, isWordCharacter: character.isLetter || character.isNumber, endsSentence: ".!?;\n".contains(character))
            }
        }
        if let start = wordStart {
            words.append(lowered[start...])
            sentence.append(current)
        }
        self.words = words
        self.sentence = sentence
    }

    /// The bytes of the characters that end a sentence: `.!?;` and a line break.
    static let sentenceEnds: [UInt8] = Array(".!?;\n".utf8)

    /// Words that negate what follows them within ``negationReach`` words.
    static let negations: Set<Substring> = [
        "not", "no", "never", "without", "cannot", "nor", "neither", "none", "non",
        // The first half of contractions, which normalise to two words ("wasn t").
        "wasn", "isn", "weren", "aren", "didn", "doesn", "don", "hasn", "haven", "hadn", "couldn", "wouldn",
        "shouldn", "won", "can",
    ]

    /// How many words before a match a negation still applies to.
    static let negationReach = 3

    /// True when the words before `position` (within the same sentence) negate it: "not a
    /// config change", "wasn't the network", "ruled out the database".
    func isNegated(at position: Int) -> Bool {
        var seen = 0
        var index = position - 1
        while index >= 0, seen < NormalisedText.negationReach, sentence[index] == sentence[position] {
            let word = words[index]
            // The "t" of a contraction is not a word of its own for counting.
            if word == "t" { index -= 1; continue }
            if word == "can", index + 1 < words.count, words[index + 1] != "t" {
                // "can" only negates as "can't".
            } else if NormalisedText.negations.contains(word) {
                return true
            }
            if word == "out", index > 0, words[index - 1] == "ruled" { return true }
            seen += 1
            index -= 1
        }
        return false
    }
}
