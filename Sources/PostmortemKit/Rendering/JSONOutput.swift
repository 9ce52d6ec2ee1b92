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
    /// Version of this JSON shape; bumped only on incompatible changes.
    public var formatVersion = 1
    public var postmortems: [Postmortem]
    public init(postmortems: [Postmortem]) { self.postmortems = postmortems }
}
