/// The prose lines of one paragraph joined into one ``ProseLine``, so that the language rules
/// read a sentence wrapped across lines as it runs ("caused by⏎@dana.k", "should⏎have checked")
/// and judge a phrase with the words on the next line in view ("we should have⏎a runbook").
///
/// Each line keeps its bytes and columns; one space stands for each line end. A line that is
/// not part of a longer paragraph (a heading, a table row, a one-line list item) is a paragraph
/// of its own. ``range(from:through:)`` maps words back to the source, across lines when a
/// phrase runs on.
struct ProseParagraph: Sendable {
    /// The joined prose.
    let line: ProseLine
    /// Where each source line starts in ``line``, in order: its offset there and its number.
    private let starts: [(offset: Int, number: Int)]

    /// The paragraph of `lines`: each line's number and prose, joined with one space.
    /// `adjust` gets the joined bytes before they are split into words.
    init(_ lines: [(number: Int, bytes: [UInt8])], adjust: (inout [UInt8], [(offset: Int, number: Int)]) -> Void = { _, _ in }) {
        var bytes: [UInt8]
        var starts: [(offset: Int, number: Int)] = []
        if lines.count == 1 {
            // Most paragraphs: the line's own storage, copied only when `adjust` blanks something.
            bytes = lines[0].bytes
            starts = [(0, lines[0].number)]
        } else {
            bytes = []
            bytes.reserveCapacity(lines.reduce(lines.count) { $0 + $1.bytes.count })
            starts.reserveCapacity(lines.count)
            for (index, line) in lines.enumerated() {
                if index > 0 { bytes.append(ProseText.space) }
                starts.append((bytes.count, line.number))
                bytes += line.bytes
            }
        }
        adjust(&bytes, starts)
        self.line = ProseLine(bytes)
        self.starts = starts
    }

    /// The source range of words `first` to `last` of ``line`` (columns are 1-based UTF-8 bytes;
    /// the end column is the last byte's).
    func range(from first: Int, through last: Int) -> SourceRange {
        SourceRange(start: location(line.words[first].start), end: location(line.words[last].end - 1))
    }

    /// Where byte `offset` of ``line`` is in the source.
    private func location(_ offset: Int) -> SourceLocation {
        // The last line that starts at or before `offset`; most paragraphs are one line.
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle].offset <= offset { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(line: starts[low].number, column: offset - starts[low].offset + 1)
    }
}

extension ProseText {
    /// The prose of the document as paragraphs (see ``ProseParagraph``): runs of prose lines in
    /// which each line after the first goes on with the paragraph of the line before. A paragraph
    /// is blanked as ``prose(line:includeQuotes:blankChat:)`` blanks a line, but as a whole: a
    /// code span or a quotation wrapped across lines is blanked too. Blank lines and lines that
    /// are not prose end a paragraph and are left out.
    func paragraphs(includeQuotes: Bool = false, blankChat: Bool = true) -> [ProseParagraph] {
        var result: [ProseParagraph] = []
        var current: [(number: Int, bytes: [UInt8])] = []
        func close() {
            guard !current.isEmpty else { return }
            result.append(ProseParagraph(current) { bytes, starts in
                if starts.count > 1 { blankLineBreaks(&bytes, starts) }
                // Chat-log speech in the timeline runs to the end of its list item. (A paragraph
                // is in one section: its first line tells.)
                blankProse(&bytes, lineStarts: starts, blankChat: blankChat, timeline: isTimeline(starts[0].number))
            })
            current.removeAll(keepingCapacity: true)
        }
        for number in 1...max(1, lines.count) {
            guard isProse(number, includeQuotes: includeQuotes), case let bytes = lines[number - 1],
                  bytes.contains(where: { $0 != ProseText.space && $0 != UInt8(ascii: "\t") }) else {
                close()
                continue
            }
            if !continuesParagraph(line: number) { close() }
            current.append((number, bytes))
        }
        close()
        return result
    }

    /// What marks a line end inside a paragraph, blanked: a backslash hard break at the end of a
    /// line, and the `>` markers (with their spaces) that start each line of a block quote.
    private func blankLineBreaks(_ bytes: inout [UInt8], _ starts: [(offset: Int, number: Int)]) {
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].offset - 1 : bytes.count
            if index + 1 < starts.count, end > start.offset, bytes[end - 1] == UInt8(ascii: "\\") { bytes[end - 1] = ProseText.space }
            guard isQuote(start.number) else { continue }
            var i = start.offset
            while i < end, bytes[i] == ProseText.space || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: ">") {
                bytes[i] = ProseText.space
                i += 1
            }
        }
    }
}
