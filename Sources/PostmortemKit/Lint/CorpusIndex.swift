/// What corpus-wide rules know while documents stream past one at a time: the path of every
/// input (known from discovery before any is read) and the first document seen for each id.
///
/// It stays small (a path and an id per document), so `pm lint` can print each file's findings,
/// corpus findings included, as soon as the file is done, without keeping records or trees.
public struct CorpusIndex: Sendable {
    /// Every input's path, normalised with ``RelativeLinkRule/normalise(_:)``.
    public let paths: Set<String>
    /// The path of the first document seen with each id.
    public private(set) var firstPathByID: [String: String] = [:]

    /// An index of the inputs at `paths` (the files a run will read, in any order).
    public init<Paths: Sequence>(paths: Paths) where Paths.Element == String {
        self.paths = Set(paths.map(RelativeLinkRule.normalise))
    }

    /// True when `path` (a target of a link, for instance) is one of the inputs.
    public func containsInput(_ path: String) -> Bool { paths.contains(RelativeLinkRule.normalise(path)) }

    /// Notes `record` as seen; call it after checking the record, in input order.
    public mutating func remember(_ record: Postmortem) {
        // An input that is no document has no id of its own to clash with (a directory `x.md`
        // linked to itself had failed lint with "id `x` is also used by x.md").
        guard record.isDocument, firstPathByID[record.id] == nil else { return }
        // The input's path when it is the same bytes, which shares its storage: a path of its own
        // for every document was 100 bytes each, 5 MB at 50,000 documents. (Strings are equal by
        // canonical equivalence, so a path with a decomposed accent equals a composed one.)
        let input = paths.firstIndex(of: record.path).map { paths[$0] }
        firstPathByID[record.id] = input.flatMap { $0.utf8.elementsEqual(record.path.utf8) ? $0 : nil } ?? record.path
    }
}

extension Postmortem {
    /// The record with only what corpus-wide rules read (path, id, links, front matter
    /// positions): what a streaming lint run hands on once a document's own rules are done.
    public var corpusRecord: Postmortem {
        var slim = Postmortem(path: path, id: id)
        slim.links = links
        slim.frontMatter = frontMatter
        // What makes it no document (``isDocument``), which corpus-wide rules pass over.
        slim.problems = problems.filter { $0.code == .unreadable || $0.code == .binary || $0.code == .empty }
        return slim
    }
}
