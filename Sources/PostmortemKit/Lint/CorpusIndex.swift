/// What corpus-wide rules know while documents stream past one at a time: the path of every
/// input (known from discovery before any is read) and the first document seen for each id.
///
/// It stays small (a path and an id per document), so `pm lint` can print each file's findings,
/// corpus findings included, as soon as the file is done, without keeping records or trees.
public struct CorpusIndex: Sendable {
    /// Every input's path, normalised with ``RelativeLinkRule/normalise(_:)`` (see ``PathTable``).
    private let paths: PathTable
    /// The first document seen with each id: its path as the index of an input's path in
    /// ``paths`` when the bytes are the same, else (a path equal only by canonical equivalence,
    /// or one no input has) `-1 - k` for ``otherPaths``[k]; and the line of its `id` key, 0 when
    /// the id is not written (it is the file's name).
    private var firstUseByID: [String: FirstUse] = [:]
    private var otherPaths: [String] = []

    private struct FirstUse: Sendable {
        var pathIndex: Int32
        var line: Int32
    }

    /// An index of the inputs at `paths` (the files a run will read, in any order), about
    /// `expectedCount` of them. The paths are read one at a time: a lazy sequence that makes each
    /// as it is read never holds them all.
    public init<Paths: Sequence>(paths: Paths, expectedCount: Int? = nil) where Paths.Element == String {
        self.paths = PathTable(paths.lazy.map(RelativeLinkRule.normalise), expectedCount: expectedCount ?? paths.underestimatedCount)
    }

    /// True when `path` (a target of a link, for instance) is one of the inputs.
    public func containsInput(_ path: String) -> Bool { paths.index(of: RelativeLinkRule.normalise(path)) != nil }

    /// The first document seen with `id`: its path, as its record gives it, and the line of its
    /// `id` key (nil when its id is its file's name).
    public func firstUse(ofID id: String) -> (path: String, line: Int?)? {
        guard let use = firstUseByID[id] else { return nil }
        let index = use.pathIndex
        return (index >= 0 ? paths[Int(index)] : otherPaths[Int(-1 - index)], use.line > 0 ? Int(use.line) : nil)
    }

    /// Notes `record` as seen; call it after checking the record, in input order.
    public mutating func remember(_ record: Postmortem) {
        // An input that is no document has no id of its own to clash with (a directory `x.md`
        // linked to itself had failed lint with "id `x` is also used by x.md").
        guard record.isDocument, firstUseByID[record.id] == nil else { return }
        let line = Int32(clamping: record.frontMatter.range(of: "id")?.start.line ?? 0)
        // The input's path when it is the same bytes: a path of its own for every document was
        // 100 bytes each, 5 MB at 50,000 documents. (Strings are equal by canonical equivalence,
        // so a path with a decomposed accent equals a composed one; it is kept as written.)
        if let input = paths.index(of: record.path), paths.hasSameBytes(input, record.path), input <= Int(Int32.max) {
            firstUseByID[record.id] = FirstUse(pathIndex: Int32(input), line: line)
        } else {
            otherPaths.append(record.path)
            firstUseByID[record.id] = FirstUse(pathIndex: Int32(-otherPaths.count), line: line)
        }
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
