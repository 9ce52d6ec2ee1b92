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
        return String(decoding: data, as: UTF8.self)
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
        public static let header = "{\n  \"format_version\" : \(currentFormatVersion),\n  \"postmortems\" : ["

        /// What comes before an element: a comma for every element but the first.
        public static func separator(first: Bool) -> String { first ? "\n" : ",\n" }

        /// `record` as an element of the `postmortems` array: its JSON with every non-empty line
        /// indented two levels (JSON strings hold no raw newline, so the lines are the encoder's).
        public static func element(_ record: Postmortem) -> String {
            let json = JSONOutput.encode(record)
            var out = ""
            out.reserveCapacity(json.utf8.count + json.utf8.count / 8)
            var isFirstLine = true
            for line in json.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                if !isFirstLine { out += "\n" }
                isFirstLine = false
                if !line.isEmpty { out += "    " + Substring(line) }
            }
            return out
        }

        /// The text after the last element; with no element, the encoder's empty array.
        public static func footer(empty: Bool) -> String { empty ? "\n\n  ]\n}" : "\n  ]\n}" }
    }
}
