import Foundation

/// The one JSON encoder pm uses: sorted keys and snake_case, so output is byte-identical
/// across runs and reviewable in git.
public enum JSONOutput {
    /// Encodes `value` as pretty-printed JSON.
    ///
    /// A non-finite number (which JSON cannot hold) is written as the string `"nan"`, `"inf"` or
    /// `"-inf"`, as the CSV renderers write it, instead of failing the whole document: one bad
    /// figure must not turn `pm show` or `pm budget` output into `null`.
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(value) else { return "null" }
        return escapingInvisibleControls(String(decoding: data, as: UTF8.self))
    }

    /// `json` with the characters ``TerminalEscaping`` escapes that JSON lets through raw (C1
    /// controls, bidirectional marks and overrides, line separators) written as `\uXXXX`, so JSON
    /// printed to a terminal cannot reorder or restyle what it shows. Outside strings JSON has no
    /// such character, so every one is in a string, where `\uXXXX` reads back as the same text.
    static func escapingInvisibleControls(_ json: String) -> String {
        // Their UTF-8: C2 80–9F (C1), D8 9C (U+061C), E2 80 8E/8F and A8–AE, E2 81 A6–A9. Em dashes,
        // curly quotes and check marks start with E2 too, so the sequences themselves are looked for.
        var json = json
        let found = json.withUTF8 { b -> Bool in
            var i = 0
            while i + 1 < b.count {
                switch b[i] {
                case 0xC2 where b[i + 1] >= 0x80 && b[i + 1] <= 0x9F: return true
                case 0xD8 where b[i + 1] == 0x9C: return true
                case 0xE2 where i + 2 < b.count:
                    let (second, third) = (b[i + 1], b[i + 2])
                    if second == 0x80, third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third) { return true }
                    if second == 0x81, (0xA6...0xA9).contains(third) { return true }
                default: break
                }
                i += 1
            }
            return false
        }
        guard found else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x80, TerminalEscaping.needsEscaping(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

/// The document `pm show --format json` prints.
public struct ShowOutput: Encodable {
    /// The version of this JSON shape; bumped only on incompatible changes.
    public static let currentFormatVersion = 1

    public var formatVersion = ShowOutput.currentFormatVersion
    public var postmortems: [Postmortem]
    public init(postmortems: [Postmortem]) { self.postmortems = postmortems }

    /// ``ShowOutput`` one record at a time: `header`, then for each record in order its
    /// `separator(first:)` and `element(_:)`, then `footer(empty:)` make the same bytes as
    /// `JSONOutput.encode` of the whole document, without holding every record (and their JSON)
    /// at once. Elements can be made on any thread; only their order matters. (Should a record
    /// fail to encode, which non-finite numbers written as strings leave no way to, its element
    /// is `null` where the whole-document encoding would be `null` altogether.)
    public enum Stream {
        static let array = JSONArrayStream(emptyDocument: JSONOutput.encode(ShowOutput(postmortems: [])), key: "postmortems", depth: 1)

        public static var header: String { array.header }

        /// What comes before an element: a comma for every element but the first.
        public static func separator(first: Bool) -> String { JSONArrayStream.separator(first: first) }

        /// `record` as an element of the `postmortems` array.
        public static func element(_ record: Postmortem) -> String { array.element(JSONOutput.encode(record)) }

        /// The text after the last element; with no element, the encoder's empty array.
        public static func footer(empty: Bool) -> String { array.footer(empty: empty) }
    }
}

/// A pretty-printed JSON document whose one long array is written element by element, so the
/// elements need not all be held, nor the encoder's tree of them.
///
/// Made from the encoding of the whole document with that array empty (`"key" : [` then a blank
/// line and the closing bracket, as Foundation writes an empty array): `header`, then for each
/// element `separator(first:)` and `element(_:)`, then `footer(empty:)` give the bytes of the
/// whole document encoded at once. An element is its value encoded on its own, with every
/// non-empty line indented to its depth; JSON strings hold no raw newline, so a line break is
/// always the encoder's.
public struct JSONArrayStream: Sendable {
    /// The document up to and including the array's opening bracket.
    public let header: String
    /// The document after the array's closing bracket.
    let tail: String
    /// The indentation of the array's closing bracket; elements are one level deeper.
    let indent: String

    /// - Parameters:
    ///   - emptyDocument: the whole document, encoded by ``JSONOutput`` style pretty printing, with
    ///     the array empty.
    ///   - key: the array's key, which must occur once at `depth`.
    ///   - depth: how many objects or arrays enclose the key (1 for a key of the top object).
    public init(emptyDocument: String, key: String, depth: Int) {
        indent = String(repeating: "  ", count: depth)
        let opening = Array("\n\(indent)\"\(key)\" : [".utf8)
        let closing = Array("\n\n\(indent)]".utf8)
        let bytes = Array(emptyDocument.utf8)
        // ByteSearch, not the standard library's generic `firstRange(of:)`, which took 7.6 million
        // instructions an array in data.json of 300 documents.
        let empty = opening + closing
        guard let at = ByteSearch.firstIndex(of: empty, in: bytes, from: 0) else {
            preconditionFailure("no empty array \(key) at depth \(depth) in the document")
        }
        header = String(decoding: bytes[..<(at + opening.count)], as: UTF8.self)
        tail = String(decoding: bytes[(at + empty.count)...], as: UTF8.self)
    }

    /// What comes before an element: a comma for every element but the first.
    public static func separator(first: Bool) -> String { first ? "\n" : ",\n" }

    /// Elements in order, each after its separator; `first` is true when none came before them.
    public static func join(_ elements: [String], first: Bool) -> String {
        var out = ""
        for (number, element) in elements.enumerated() { out += separator(first: first && number == 0) + element }
        return out
    }

    /// `json` (one value encoded on its own) as an element of the array.
    ///
    /// Made on bytes: splitting the `String` into lines and appending each after its prefix cost
    /// about 100 instructions a byte (10% of `pm lint --format sarif`).
    public func element(_ json: String) -> String {
        let prefix = Array((indent + "  ").utf8)
        var json = json
        return json.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 4)
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                if end > start {
                    out += prefix
                    out += bytes[start..<end]
                }
                if end < bytes.count { out.append(UInt8(ascii: "\n")) }
                start = end + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The text after the last element; with no element, the encoder's empty array.
    public func footer(empty: Bool) -> String { closing(empty: empty) + tail }

    /// The array's closing bracket after its last element; with no element, the encoder's empty array.
    func closing(empty: Bool) -> String { (empty ? "\n\n" : "\n") + indent + "]" }

    /// An array of a document as ``fill(_:arrays:into:)`` writes it: its key, at `depth` (1 for
    /// a key of the top object, 2 for a key of an object the top object holds…), its length, and
    /// its elements, each made (and encoded on its own) when it is written. The key must occur
    /// once at that depth.
    public struct Filling {
        public var key: String
        public var depth: Int
        public var count: Int
        public var element: (Int) -> String

        public init<Element: Encodable>(key: String, depth: Int = 1, elements: [Element]) {
            self.init(key: key, depth: depth, count: elements.count) { elements[$0] }
        }

        /// An array of `count` elements, each made by `element` when it is written.
        public init<Element: Encodable>(key: String, depth: Int = 1, count: Int, element: @escaping (Int) -> Element) {
            self.key = key
            self.depth = depth
            self.count = count
            self.element = { JSONOutput.encode(element($0)) }
        }

        /// The empty array as the encoder writes it, from the line break before its key.
        var emptyText: String {
            let indent = String(repeating: "  ", count: depth)
            return "\n\(indent)\"\(key)\" : [\n\n\(indent)]"
        }
    }

    /// Writes a document with several long arrays filled element by element: `emptyDocument` is
    /// the whole document encoded with those arrays empty. The pieces passed to `emit` make the
    /// bytes of the whole document encoded at once.
    public static func fill<Failure: Error>(_ emptyDocument: String, arrays: [Filling],
                                            into emit: (String) throws(Failure) -> Void) throws(Failure) {
        // In the order the arrays appear, each found in what follows the one before. A document
        // without them (`null`, when encoding failed) is written as it is, as encoding the whole
        // value would write it.
        // On bytes: Foundation's `range(of:)` bridged the document for every array (10 million
        // instructions each for data.json of 300 documents). What is looked for is ASCII (a line
        // break, a key and brackets), so its bytes are where Foundation finds it.
        let document = Array(emptyDocument.utf8)
        let placed = arrays.map { array in (array, ByteSearch.firstIndex(of: Array(array.emptyText.utf8), in: document, from: 0)) }
        guard placed.allSatisfy({ $0.1 != nil }) else { return try emit(emptyDocument) }
        let order = placed.sorted { $0.1! < $1.1! }.map(\.0)
        var rest = emptyDocument
        for array in order {
            let stream = JSONArrayStream(emptyDocument: rest, key: array.key, depth: array.depth)
            try emit(stream.header)
            var chunk = ""
            for index in 0..<array.count {
                chunk += separator(first: index == 0) + stream.element(array.element(index))
                if chunk.utf8.count >= 1 << 16 {
                    try emit(chunk)
                    chunk = ""
                }
            }
            try emit(chunk + stream.closing(empty: array.count == 0))
            rest = stream.tail
        }
        try emit(rest)
    }
}
