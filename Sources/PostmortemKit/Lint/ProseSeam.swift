/// The end of one prose line joined to the start of the next line of the same paragraph, so that
/// the language rules, which read a line at a time, also see a phrase wrapped across the line end
/// ("caused by⏎@dana.k", "should⏎have checked").
///
/// It holds the last few words of the first line, one space, and the first few words of the
/// second, as one ``ProseLine``. A rule runs its line check on it and keeps only what
/// ``crosses(from:through:)`` the joint: a phrase wholly on one line is found by that line's own
/// check. ``range(from:through:)`` gives the source range, which starts on the first line and ends
/// on the second.
struct ProseSeam {
    /// The joined words.
    let line: ProseLine
    /// The line number (1-based) of the first line; the second is the next.
    let number: Int
    /// Bytes of ``line`` before `joint` are the first line's from `firstStart`; bytes after the
    /// space at `joint` are the second line's from `secondStart`.
    private let joint: Int
    private let firstStart: Int
    private let secondStart: Int
    /// The index in ``line`` of the first word from the second line.
    private let firstWordOfSecond: Int

    /// Words kept from each side: enough for the longest built-in phrase and the words before
    /// and after it that the rules look at (a subject, a determiner).
    static let contextWords = 6

    /// The seam of `first` (line `number`) and `second` (the next line), with `words` words of
    /// each; nil when either line has no words.
    init?(_ first: ProseLine, _ second: ProseLine, after number: Int, words: Int = ProseSeam.contextWords) {
        guard let lastOfFirst = first.words.last, !second.words.isEmpty, words > 0 else { return nil }
        firstStart = first.words[max(0, first.words.count - words)].start
        // Through what follows the first line's last word ("by.", "Dana's,"), without the blanks
        // that end the line.
        var firstEnd = first.bytes.count
        while firstEnd > lastOfFirst.end, first.bytes[firstEnd - 1] == ProseText.space || first.bytes[firstEnd - 1] == UInt8(ascii: "\t") {
            firstEnd -= 1
        }
        secondStart = second.bytes.prefix(second.words[0].start).firstIndex { $0 != ProseText.space && $0 != UInt8(ascii: "\t") }
            ?? second.words[0].start
        let secondEnd = second.words[min(words, second.words.count) - 1].end
        var bytes = Array(first.bytes[firstStart..<firstEnd])
        let joint = bytes.count
        bytes.append(ProseText.space)
        bytes += second.bytes[secondStart..<secondEnd]
        let line = ProseLine(bytes)
        self.line = line
        self.joint = joint
        self.number = number
        firstWordOfSecond = line.words.firstIndex { $0.start > joint } ?? line.words.count
    }

    /// True when the words from `first` to `last` of ``line`` have some on each side of the joint.
    func crosses(from first: Int, through last: Int) -> Bool {
        first < firstWordOfSecond && last >= firstWordOfSecond
    }

    /// The source range of words `first` to `last` of ``line`` (columns are 1-based UTF-8 bytes;
    /// the end column is the last byte's).
    func range(from first: Int, through last: Int) -> SourceRange {
        SourceRange(start: location(line.words[first].start), end: location(line.words[last].end - 1))
    }

    /// Where byte `offset` of ``line`` is in the source.
    private func location(_ offset: Int) -> SourceLocation {
        offset < joint
            ? SourceLocation(line: number, column: firstStart + offset + 1)
            : SourceLocation(line: number + 1, column: secondStart + offset - joint)
    }
}

/// A run of words a language rule found in a ``ProseLine``.
protocol ProseMatch {
    /// The indices of its first and last words.
    var first: Int { get }
    var last: Int { get }
}

extension ProseSeam {
    /// Runs a language rule over the prose lines of a document and over the seams between the
    /// lines of each paragraph.
    ///
    /// `find` gives what the rule finds in a line. A match that takes in the last word of a line
    /// that runs on into the next, or the first word of a line that goes on from the one before,
    /// is judged on the seam instead, where the rule sees the words on the other side: "should
    /// have⏎a runbook" states a need, while "should have⏎checked" is a counterfactual. `report`
    /// gets each match, the line or seam it was found in, and its source range, line by line.
    ///
    /// - Parameters:
    ///   - text: the document's prose.
    ///   - lines: the prose line `number` as the rule reads it (nil when it is not prose).
    ///   - longest: the most words a match can have; the seam holds enough words for it.
    ///   - mayCross: false when no match can run from the end of the first line into the
    ///     second; the seam is then not built unless a match held back needs it. A quick test
    ///     on the words next to the joint: most line ends are passed over.
    static func scan<Match: ProseMatch>(_ text: ProseText, lines: (Int) -> ProseLine?, longest: Int,
                                        mayCross: (_ first: ProseLine, _ second: ProseLine) -> Bool,
                                        find: (ProseLine) -> [Match],
                                        report: (Match, ProseLine, SourceRange) -> Void) {
        // The line before, while it is prose with words, and its matches held back because they
        // take in its last word: the seam with this line judges those if it is built.
        var previous: (number: Int, line: ProseLine, held: [Match])?
        for number in 1...max(1, text.lines.count) + 1 {
            let line = number <= text.lines.count ? lines(number) : nil
            var seamBuilt = false
            if let before = previous {
                if let line, !line.words.isEmpty, text.continuesParagraph(line: number), before.held.count > 0 || mayCross(before.line, line),
                   let seam = ProseSeam(before.line, line, after: number - 1, words: max(contextWords, longest + 1)) {
                    seamBuilt = true
                    for match in find(seam.line) where seam.touches(from: match.first, through: match.last) {
                        report(match, seam.line, seam.range(from: match.first, through: match.last))
                    }
                } else {
                    for match in before.held { report(match, before.line, range(match, in: before.line, number: before.number)) }
                }
            }
            guard let line, !line.words.isEmpty else {
                previous = nil
                continue
            }
            let lastWord = line.words.count - 1
            var matches = find(line)
            if matches.count > 1 { matches.sort { ($0.first, $0.last) < ($1.first, $1.last) } }
            var held: [Match] = []
            for match in matches {
                // Judged on the seam with the line before.
                if seamBuilt, match.first == 0 { continue }
                // Judged on the seam with the next line, if it goes on from this one.
                if match.last == lastWord {
                    held.append(match)
                    continue
                }
                report(match, line, range(match, in: line, number: number))
            }
            previous = (number, line, held)
        }
    }

    /// True when the match takes in the last word of the first line or the first of the second.
    private func touches(from first: Int, through last: Int) -> Bool {
        first < firstWordOfSecond && last >= firstWordOfSecond - 1 || first == firstWordOfSecond
    }

    private static func range(_ match: some ProseMatch, in line: ProseLine, number: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: number, column: line.words[match.first].start + 1),
                    end: SourceLocation(line: number, column: line.words[match.last].end))
    }
}
