/// Where a document's text and its file's bytes differ in length: each maximal run of invalid
/// UTF-8 is read as one U+FFFD, three bytes of text, whatever number of file bytes it stands for.
///
/// Rules find their positions in the text, and the report and SARIF read them there (SARIF counts
/// code points, and an editor shows each such run as one U+FFFD too). `pm lint`'s other formats
/// give byte columns of the file ("as in compilers"), which after a repaired run on the same line
/// are not the text's: in `ab\xFF we should have`, "should have" is at text column 9 and file
/// column 7. ``fileColumns(_:)`` converts. Files of valid UTF-8, nearly all, have none of these.
public struct InvalidUTF8Columns: Sendable, Hashable {
    /// One U+FFFD of the text: its byte offset in its line of the text, and the number of file
    /// bytes it replaced (1 to 3).
    struct Replacement: Sendable, Hashable {
        var offset: Int
        var length: Int
    }

    /// The replacements of each line (1-based) that has any, in order.
    private(set) var lines: [Int: [Replacement]] = [:]

    /// The replacements in `bytes` (a file after its byte order mark), found as Swift's UTF-8
    /// decoding repairs them (one U+FFFD per maximal invalid subsequence); nil when there is none.
    /// Lines end as the reader ends them: at `\n`, `\r\n` or a lone `\r`.
    init?(_ bytes: ArraySlice<UInt8>) {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1, offset = 0, afterCR = false
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let first = encoded.first!
                if encoded.count == 1 && (first == 10 || first == 13) {
                    // "\r\n" ends one line, at its "\r".
                    if !(first == 10 && afterCR) { line += 1 }
                    offset = 0
                    afterCR = first == 13
                    continue
                }
                afterCR = false
                offset += encoded.count
            case .error(let length):
                afterCR = false
                lines[line, default: []].append(Replacement(offset: offset, length: length))
                offset += 3
            case .emptyInput:
                break loop
            }
        }
        if lines.isEmpty { return nil }
    }

    /// The file's byte column of text column `column` (1-based) on `line`. A column inside a
    /// U+FFFD is its first file byte when it starts a range, its last when it ends one (`end`).
    public func fileColumn(line: Int, column: Int, end: Bool = false) -> Int {
        guard let replacements = lines[line] else { return column }
        let offset = column - 1
        var shift = 0
        for replacement in replacements {
            if offset >= replacement.offset + 3 {
                shift += 3 - replacement.length
            } else if offset >= replacement.offset {
                return replacement.offset - shift + 1 + (end ? replacement.length - 1 : 0)
            } else {
                break
            }
        }
        return column - shift
    }

    /// `findings` with their columns in the file's bytes.
    public func fileColumns(_ findings: [Finding]) -> [Finding] {
        findings.map { finding in
            guard let range = finding.range, lines[range.start.line] != nil || lines[range.end.line] != nil else { return finding }
            var moved = finding
            moved.range = SourceRange(
                start: SourceLocation(line: range.start.line, column: fileColumn(line: range.start.line, column: range.start.column)),
                end: SourceLocation(line: range.end.line, column: fileColumn(line: range.end.line, column: range.end.column, end: true)))
            return moved
        }
    }
}
