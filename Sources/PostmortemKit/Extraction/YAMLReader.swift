import Yams

/// Reads YAML text into ``YAMLValue`` with file positions, turning every libyaml error into a
/// located message instead of a thrown error.
public enum YAMLReader {
    /// A YAML error at a position.
    public struct Failure: Error, Sendable, Hashable {
        public var message: String
        public var location: SourceLocation
        /// Set when the failure is a key given twice in one mapping, which YAML forbids.
        public var duplicateKey: String? = nil
    }

    /// The most nodes one document may expand to. Aliases are expanded when converting, so
    /// this bounds "billion laughs" documents.
    static let nodeLimit = 100_000

    /// The most bytes of text one document may expand to: twice its own length and 64 KiB more.
    /// Without aliases a document's values are never longer than its text; one 20 KB anchor
    /// repeated 60,000 times stays under ``nodeLimit`` but is 1.2 GB, which `pm show` printed and
    /// `pm report` wrote out until memory ran out.
    static func byteLimit(for yaml: String) -> Int {
        2 * yaml.utf8.count + 65_536
    }

    /// The constructor Yams' tags carry, made once: pm reads nodes and never constructs values
    /// from them, and `Constructor.default` builds three dictionaries on every call (0.3% of a
    /// lint run). It holds only its three empty maps, which nothing changes.
    nonisolated(unsafe) static let constructor = Constructor([:], [:], [:])

    /// Parses `yaml`, whose first line is line `firstLine` of the file.
    /// Returns nil for an empty document.
    public static func read(_ yaml: String, firstLine: Int = 1) -> Result<YAMLValue?, Failure> {
        let node: Node?
        do {
            // Tags are not used (values are read as text with their style), so the basic
            // resolver skips Yams' regular expressions for every scalar; the explicit encoding
            // skips `Parser.Encoding.default`, which reads the whole environment on every call.
            node = try Yams.compose(yaml: yaml, .basic, constructor, .utf8)
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            return .failure(duplicateFailure(duplicates.first ?? "?", firstMark: context.mark, yaml: yaml, firstLine: firstLine))
        } catch let error as YamlError {
            return .failure(failure(from: error, firstLine: firstLine, columns: Columns(yaml)))
        } catch {
            return .failure(Failure(message: "\(error)", location: SourceLocation(line: firstLine, column: 1)))
        }
        guard let node else { return .success(nil) }
        var budget = Budget(nodes: nodeLimit, bytes: byteLimit(for: yaml))
        let columns = Columns(yaml)
        guard let value = convert(node, firstLine: firstLine, columns: columns, budget: &budget) else {
            let message = budget.nodes < 0 ? "the YAML expands to more than \(nodeLimit) values (aliases?)"
                : "the YAML expands to more than \(byteLimit(for: yaml)) bytes of text (aliases?)"
            return .failure(Failure(message: message, location: SourceLocation(line: firstLine, column: 1)))
        }
        return .success(value)
    }

    private static func failure(from error: YamlError, firstLine: Int, columns: Columns) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = problem
            if let context, !context.text.isEmpty { message = "\(problem) \(context.text)" }
            // An error may point at a blank (a tab where indentation is), so it is not moved.
            return Failure(message: message, location: location(mark, firstLine, columns, skippingBlanks: false))
        case .reader(let problem, let offset, let value, let yaml):
            // libyaml's reader stops at a character it cannot take (a control character); Yams
            // gives its offset in Characters of the text, so the byte offset is found through
            // the text's indices (a "\r\n" or an accent written as two scalars is one Character).
            let hex = String(value, radix: 16, uppercase: true)
            let shown = value >= 0 ? " (U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ")" : ""
            guard let offset, offset >= 0,
                  let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) else {
                return Failure(message: problem + shown, location: SourceLocation(line: firstLine, column: 1))
            }
            let byte = min(yaml.utf8.distance(from: yaml.startIndex, to: index), columns.bytes.count)
            let line = columns.starts.lastIndex { $0 <= byte } ?? 0
            return Failure(message: problem + shown, location: SourceLocation(line: line + firstLine, column: byte - columns.starts[line] + 1))
        default:
            // Yams' description of the rest runs over lines: its first line says what is wrong.
            let first = "\(error)".split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? "\(error)"
            return Failure(message: first, location: SourceLocation(line: firstLine, column: 1))
        }
    }

    /// Points at the second occurrence of the key: the first line after the first occurrence that
    /// starts with the same indentation and `key:`.
    private static func duplicateFailure(_ key: String, firstMark: Mark, yaml: String, firstLine: Int) -> Failure {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = max(0, firstMark.column - 1)
        var line = firstMark.line
        for index in firstMark.line..<lines.count {
            let text = lines[index]
            if text.utf8.count > indent, text.dropFirst(indent).hasPrefix("\(key):") {
                line = index + 1
                break
            }
        }
        return Failure(message: "`\(key)` is given more than once in the same mapping",
                       location: SourceLocation(line: line + firstLine - 1, column: indent + 1), duplicateKey: key)
    }

    private static func location(_ mark: Mark?, _ firstLine: Int, _ columns: Columns, skippingBlanks: Bool = true) -> SourceLocation {
        guard let mark else { return SourceLocation(line: firstLine, column: 1) }
        let column = columns.byteColumn(line: mark.line, character: max(1, mark.column), skippingBlanks: skippingBlanks)
        return SourceLocation(line: mark.line + firstLine - 1, column: column)
    }

    /// Turns libyaml's columns, which count characters, into the UTF-8 byte columns every
    /// finding uses: `services: [ééé, [x]]` has `[x]` at character 17 and byte 20. A mark on the
    /// blanks before a value (libyaml puts a scalar after tabs at the first tab) moves to the
    /// value, since no key or value starts with a blank.
    final class Columns {
        let bytes: [UInt8]
        /// The byte offset where each line starts.
        let starts: [Int]
        /// Whether each line is all ASCII, where a character column is the byte column.
        let ascii: [Bool]
        /// For lines with other characters, the byte offset (from the line's start) of each
        /// character, made when a mark first falls on the line: a line of 100,000 list items is
        /// read once, not once per item.
        private var offsets: [Int: [Int32]] = [:]

        init(_ yaml: String) {
            bytes = Array(yaml.utf8)
            var starts = [0], ascii: [Bool] = []
            var lineIsASCII = true
            for (offset, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "\n") {
                    starts.append(offset + 1)
                    ascii.append(lineIsASCII)
                    lineIsASCII = true
                } else if byte >= 0x80 {
                    lineIsASCII = false
                }
            }
            ascii.append(lineIsASCII)
            self.starts = starts
            self.ascii = ascii
        }

        /// The 1-based byte column of the 1-based `character` on 1-based `line`, moved past blanks
        /// when `skippingBlanks`.
        func byteColumn(line: Int, character: Int, skippingBlanks: Bool) -> Int {
            guard line >= 1, line <= starts.count else { return character }
            let start = starts[line - 1]
            let end = line < starts.count ? starts[line] - 1 : bytes.count
            var offset: Int
            if ascii[line - 1] {
                offset = start + character - 1
            } else {
                let characters = offsets[line] ?? characterOffsets(from: start, to: end)
                if offsets[line] == nil {
                    // A handful of lines at a time: marks go through a document line by line.
                    if offsets.count >= 64 { offsets.removeAll() }
                    offsets[line] = characters
                }
                // Past the line's end (an error at its end), count on in bytes.
                offset = character - 1 < characters.count ? start + Int(characters[character - 1])
                    : end + (character - 1 - characters.count)
            }
            if offset > end { return offset - start + 1 }
            while skippingBlanks && offset < end && (bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t")) { offset += 1 }
            return offset - start + 1
        }

        /// The offset from `start` of each character that begins in `start..<end`.
        private func characterOffsets(from start: Int, to end: Int) -> [Int32] {
            var result: [Int32] = []
            // Continuation bytes belong to the character before them.
            for offset in start..<end where bytes[offset] & 0xC0 != 0x80 { result.append(Int32(offset - start)) }
            return result
        }
    }

    /// What a document may still expand to while it is converted.
    struct Budget {
        var nodes: Int
        var bytes: Int
    }

    private static func convert(_ node: Node, firstLine: Int, columns: Columns, budget: inout Budget) -> YAMLValue? {
        budget.nodes -= 1
        guard budget.nodes >= 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            budget.bytes -= scalar.string.utf8.count
            guard budget.bytes >= 0 else { return nil }
            return YAMLValue(.scalar(scalar.string, plain: scalar.style == .plain), at: location(scalar.mark, firstLine, columns))
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence {
                guard let value = convert(item, firstLine: firstLine, columns: columns, budget: &budget) else { return nil }
                items.append(value)
            }
            return YAMLValue(.sequence(items), at: location(sequence.mark, firstLine, columns))
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                guard let converted = convert(value, firstLine: firstLine, columns: columns, budget: &budget) else { return nil }
                let keyText: String
                if case .scalar(let scalar) = key { keyText = scalar.string } else { keyText = flowText(key) }
                entries.append(YAMLEntry(key: keyText, keyLocation: location(key.mark, firstLine, columns), value: converted))
            }
            return YAMLValue(.mapping(entries), at: location(mapping.mark, firstLine, columns))
        case .alias(let alias):
            return YAMLValue(.scalar("*\(alias.anchor)", plain: false), at: location(alias.mark, firstLine, columns))
        }
    }

    /// A key that is not a scalar (`? [a, b]`), written as YAML flow text for messages:
    /// `[a, b]`, `{k: v}`, cut with `…` after about `limit` bytes however large the node.
    static func flowText(_ node: Node, limit: Int = 60) -> String {
        var text = ""
        func write(_ node: Node) {
            guard text.utf8.count <= limit else { return }
            switch node {
            case .scalar(let scalar): text += scalar.string
            case .alias(let alias): text += "*" + alias.anchor.rawValue
            case .sequence(let sequence):
                text += "["
                for (index, item) in sequence.enumerated() {
                    guard text.utf8.count <= limit else { break }
                    if index > 0 { text += ", " }
                    write(item)
                }
                text += "]"
            case .mapping(let mapping):
                text += "{"
                for (index, (key, value)) in mapping.enumerated() {
                    guard text.utf8.count <= limit else { break }
                    if index > 0 { text += ", " }
                    write(key)
                    text += ": "
                    write(value)
                }
                text += "}"
            }
        }
        write(node)
        guard text.utf8.count > limit else { return text }
        // Cut at a character boundary: back to the first byte of the character the limit is in,
        // which stays only when it ends right there.
        let utf8 = Array(text.utf8)
        var cut = limit
        while cut > 0 && utf8[cut] & 0xC0 == 0x80 { cut -= 1 }
        return String(decoding: utf8[..<cut], as: UTF8.self) + "…"
    }
}

extension String {
    /// The text without the byte order mark it starts with, if any: a file saved by an editor that
    /// writes one is read as postmortems are (YAML allows one at the start of a stream, and Yams,
    /// told the encoding, reads it as text).
    var droppingByteOrderMark: String {
        utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? String(decoding: utf8.dropFirst(3), as: UTF8.self) : self
    }
}
