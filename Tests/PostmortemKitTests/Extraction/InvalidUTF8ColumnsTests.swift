import Testing
@testable import PostmortemKit

/// Columns of a file with invalid UTF-8: findings are located in the decoded text, where each
/// maximal invalid run is one U+FFFD (3 bytes), and `pm lint` prints the file's byte columns.
@Suite struct InvalidUTF8ColumnsTests {
    /// On seeded random files of valid scalars, invalid bytes and every kind of line end, every
    /// byte of a valid scalar is found back at its file column from its column in the text as
    /// the reader decodes it, and each replacement sits where the text has a U+FFFD.
    @Test func textColumnsMapBackToFileBytes() throws {
        var random = SplitMix64(seed: 0x5EED_C01)
        let pieces: [[UInt8]] = [[0x61], [0x20], [0x0A], [0x0D], [0x0D, 0x0A], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xF0, 0x9F, 0x94, 0xA5],
                                 [0xFF], [0x80], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x94], [0xC0, 0x80], [0xED, 0xA0, 0x80],
                                 [0xEF, 0xBF, 0xBD]]
        var checkedBytes = 0
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 1...40, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
            let text = Array(DocumentReader.normaliseLineEndings(String(decoding: bytes, as: UTF8.self)).utf8)
            let columns = InvalidUTF8Columns(bytes[...])
            #expect((columns == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            let textLines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
            // Each replacement is a U+FFFD of the text.
            for (line, replacements) in columns?.lines ?? [:] {
                for replacement in replacements {
                    #expect(Array(textLines[line - 1].dropFirst(replacement.offset).prefix(3)) == [0xEF, 0xBF, 0xBD], "\(bytes)")
                }
            }
            // Walk the file's valid scalars beside the text's, line by line.
            var iterator = bytes.makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            var line = 1, fileColumn = 1, textColumn = 1, afterCR = false
            var position = 0  // of the scalar in `bytes`
            loop: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded):
                    defer { position += encoded.count }
                    if encoded.count == 1 && (encoded.first == 10 || encoded.first == 13) {
                        if !(encoded.first == 10 && afterCR) { line += 1 }
                        fileColumn = 1; textColumn = 1; afterCR = encoded.first == 13
                        continue
                    }
                    afterCR = false
                    for k in 0..<encoded.count {
                        let mapped = columns?.fileColumn(line: line, column: textColumn + k) ?? textColumn + k
                        #expect(mapped == fileColumn + k, "\(bytes) line \(line)")
                        // The text has the file's byte there.
                        let textLine = textLines[line - 1]
                        #expect(textLine[textLine.startIndex + textColumn + k - 1] == bytes[position + k], "\(bytes)")
                        checkedBytes += 1
                    }
                    fileColumn += encoded.count; textColumn += encoded.count
                case .error(let length):
                    defer { position += length }
                    afterCR = false
                    // A range starting inside the U+FFFD starts at its first file byte; one ending
                    // inside it ends at its last.
                    for k in 0..<3 {
                        #expect(columns?.fileColumn(line: line, column: textColumn + k) == fileColumn)
                        #expect(columns?.fileColumn(line: line, column: textColumn + k, end: true) == fileColumn + length - 1)
                    }
                    fileColumn += length; textColumn += 3
                case .emptyInput:
                    break loop
                }
            }
        }
        #expect(checkedBytes > 10_000)
    }

    /// `ab\xFF\xFE we should have`: PM012 was at column 13, the text's, where the file's is 9.
    /// Lint gives file columns through the document; the decoded text keeps its own.
    @Test func findingsGetTheFileColumns() throws {
        var bytes = Array(RuleExamples.document(sections: ["Summary": "ab@@ we should have paged the database team."]).utf8)
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "@")))
        bytes.replaceSubrange(at..<(at + 2), with: [0xFF, 0xFE])
        let document = DocumentReader.read(bytes, path: "x.md")
        let linter = try Linter(configuration: RuleExamples.configuration)
        let inText = try #require(linter.lint(document, today: RuleDescription.exampleToday).first { $0.ruleID == "PM012" })
        let inFile = try #require(document.fileColumns([inText]).first)
        #expect(inText.range?.start.column == 13)
        #expect(inFile.range?.start.column == 9)
        #expect(inFile.range?.end.column == 19)
        let line = try #require(inFile.range?.start.line)
        let fileLine = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)[line - 1]
        #expect(Array(fileLine.dropFirst(8).prefix(11)) == Array("should have".utf8))
        // P002 is at the first bad byte, in either.
        let invalid = try #require(linter.lint(document, today: RuleDescription.exampleToday).first { $0.ruleID == "P002" })
        #expect(document.fileColumns([invalid]) == [invalid])
        #expect(invalid.range?.start.column == 3)
        // A valid file has no map, and its findings are returned as they are.
        let valid = DocumentReader.read(Array(RuleExamples.document().utf8), path: "y.md")
        #expect(valid.invalidUTF8 == nil)
    }
}
