import Foundation

/// The one JSON encoder pm uses: sorted keys and snake_case, so output is byte-identical
/// across runs and reviewable in git.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
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
