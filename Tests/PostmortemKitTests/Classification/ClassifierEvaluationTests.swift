import Testing
@testable import PostmortemKit

@Suite struct ClassifierEvaluationTests {
    func record(_ id: String, causes: [String]?, summary: String) -> Postmortem {
        var record = Postmortem(path: "\(id).md", id: id)
        record.causes = causes
        record.summary = summary
        return record
    }

    @Test func countsPrecisionRecallAndConfusionByHand() {
        let documents: [(record: Postmortem, source: String?)] = [
            (record("a", causes: ["security"], summary: "A credential stuffing attack."), nil),
            (record("b", causes: ["time"], summary: "A credential stuffing attack."), nil),
            (record("c", causes: ["time"], summary: "The TLS certificate expired."), nil),
            (record("d", causes: nil, summary: "The TLS certificate expired."), nil),
        ]
        let evaluation = ClassifierEvaluation(classifier: Classifier(), documents: documents)
        #expect(evaluation.documents == 3)
        #expect(abs(evaluation.primaryMatchesFirstDeclared - 2.0 / 3) < 1e-5)
        let security = evaluation.categories.first { $0.category == "security" }
        #expect(security?.truePositives == 1)
        #expect(security?.falsePositives == 1)
        #expect(security?.precision == 0.5)
        #expect(security?.recall == 1)
        let time = evaluation.categories.first { $0.category == "time" }
        #expect(time?.recall == 0.5)
        #expect(time?.precision == 1)
        #expect(evaluation.confusion == ["security": ["security": 1], "time": ["security": 1, "time": 1]])
    }

    @Test func declaredCausesAreHiddenFromTheClassifier() {
        // Declared `security` must not leak into inference: the text says certificate expiry.
        let documents: [(record: Postmortem, source: String?)] = [
            (record("a", causes: ["security"], summary: "The TLS certificate expired."), nil),
        ]
        let evaluation = ClassifierEvaluation(classifier: Classifier(), documents: documents)
        #expect(evaluation.outcomes[0].inferred.first == "time")
        #expect(evaluation.primaryAmongDeclared == 0)
    }
}
