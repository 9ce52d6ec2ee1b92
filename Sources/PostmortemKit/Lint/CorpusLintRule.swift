/// A rule that looks across all documents (duplicate ids, links between postmortems).
///
/// It sees one record at a time, in input order, with a ``CorpusIndex`` of every input's path
/// and of the records before it: that is enough for "used before by" and "links to an input",
/// and lets findings stream out file by file.
public protocol CorpusLintRule: LintRule {
    /// Violations in `record`, given the inputs and the records before it in `corpus`.
    func check(_ record: Postmortem, in corpus: CorpusIndex, fileExists: (String) -> Bool) -> [Violation]
}

extension CorpusLintRule {
    /// Corpus rules find nothing in a single document.
    public func check(_ context: LintContext) -> [Violation] { [] }

    public var corpusRule: (any CorpusLintRule)? { self }
    public static var isCorpusRule: Bool { true }

    /// Violations per record path over a whole corpus, records in order.
    public func checkCorpus(_ records: [Postmortem], fileExists: (String) -> Bool) -> [(path: String, violation: Violation)] {
        var corpus = CorpusIndex(paths: records.map(\.path))
        var result: [(path: String, violation: Violation)] = []
        for record in records {
            result += check(record, in: corpus, fileExists: fileExists).map { (record.path, $0) }
            corpus.remember(record)
        }
        return result
    }
}
