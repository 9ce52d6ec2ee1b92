/// The classifier's evidence for a document, as one string for a ``BodySpill``, and back. The
/// streaming report keeps each classification without its evidence (see
/// ``ReportedDocument/slimmed(_:)``): only the document's page and `data.json` show it, and kept
/// for every document it was the largest part of a classification.
///
/// For each category in order: how many pieces of evidence, then each one's phrase, source and
/// weight, in ``SpillFields``.
public enum EvidenceSpill {
    public static func spilled(_ classification: Classification) -> String {
        var fields = SpillFields()
        for score in classification.categories {
            fields.add("\(score.evidence.count)")
            for evidence in score.evidence {
                fields.add(evidence.phrase)
                fields.add(evidence.source)
                fields.add("\(evidence.weight)")   // the shortest text that reads back as the same Double
            }
        }
        return fields.text
    }

    /// `classification` with the evidence that ``spilled(_:)`` wrote for it; nil when `text` is not
    /// what it writes for these categories.
    public static func restored(_ classification: Classification, from text: String) -> Classification? {
        SpillFields.read(text) { reader -> Classification? in
            var restored = classification
            for index in restored.categories.indices {
                guard let counted = reader.present(), let count = Int(counted), count >= 0 else { return nil }
                var evidence: [Evidence] = []
                for _ in 0..<count {
                    guard let phrase = reader.present(), let source = reader.present(), let weighed = reader.present(),
                          let weight = Double(weighed) else { return nil }
                    evidence.append(Evidence(phrase: phrase, source: source, weight: weight))
                }
                restored.categories[index].evidence = evidence
            }
            return reader.isAtEnd ? restored : nil
        }
    }
}
