/// Another file a finding names in its message: the first document with a duplicate id (PM061),
/// the file a broken link was looked for as (PM060).
///
/// Its path is data, not words of the message: an output that writes paths from another base
/// (the repository's root, for GitHub) writes it, and the message with it, from that base
/// (``Finding/writingPaths(_:)``); SARIF lists it as a related location.
public struct RelatedLocation: Sendable, Hashable, Codable {
    /// The file, as the finding's own path is given: relative to the current directory, or absolute.
    public var path: String
    /// The line of it the finding refers to; nil when there is none (a file that does not exist).
    public var line: Int?
    /// What the file is to the finding, in a few words: "first use of the id".
    public var label: String

    public init(path: String, line: Int? = nil, label: String) {
        self.path = path
        self.line = line
        self.label = label
    }
}

/// A message that names other files: its words, and the files between them, kept apart, so that
/// each output writes the files' paths from its own base without rewriting the text. Written as
/// a string literal whose interpolated ``RelatedLocation``s are the files:
/// `"id `\(id)` is also used by \(first)"`.
public struct MessageText: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The words around the files: `words[0]`, the first file's path, `words[1]`, and so on; one
    /// more than ``files``.
    public private(set) var words: [String]
    /// The files the message names, in the order it names them.
    public private(set) var files: [RelatedLocation]

    public init(stringLiteral value: String) {
        words = [value]
        files = []
    }

    public init(stringInterpolation: StringInterpolation) {
        words = stringInterpolation.words
        files = stringInterpolation.files
    }

    /// The message with the files' paths as given.
    public var text: String { Self.compose(words, files.map(\.path)) }

    /// `words[0] + paths[0] + words[1] + …`.
    static func compose(_ words: [String], _ paths: [String]) -> String {
        var text = words[0]
        for (path, after) in zip(paths, words.dropFirst()) {
            text += path
            text += after
        }
        return text
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var words = [""]
        var files: [RelatedLocation] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { words[words.count - 1] += literal }

        /// A value quoted in the message (an id, a link's destination): words.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            words[words.count - 1] += value.description
        }

        /// A file the message names: its path, kept apart.
        public mutating func appendInterpolation(_ file: RelatedLocation) {
            files.append(file)
            words.append("")
        }
    }
}
