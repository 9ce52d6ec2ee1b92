import Testing
@testable import PostmortemKit

@Suite struct ClassifierTests {
    let classifier = Classifier()

    @Test func oneLineSummariesGetTheirCause() {
        let cases: [(String, String)] = [
            ("A bad deploy of the billing service introduced a regression in invoice rendering.", "deploy"),
            ("A feature flag was misconfigured and enabled for all users.", "config"),
            ("A traffic surge during the sale exhausted the connection pool.", "capacity"),
            ("Our upstream payment provider had an outage; their status page confirmed it.", "dependency"),
            ("A power outage in the data center took down a rack; the UPS failed.", "hardware"),
            ("DNS resolution failed after a BGP route leak caused packet loss.", "network"),
            ("Replication lag on the primary database led to data corruption.", "data"),
            ("A credential stuffing attack hit the login endpoint.", "security"),
            ("The TLS certificate expired at midnight.", "time"),
            ("A race condition in the worker caused a memory leak and a null pointer crash.", "software"),
            // Three categories score the same here; the strongest single term ("leap second") decides.
            ("A leap second insertion caused the kernel to livelock and CPU usage spiked on many Linux servers.", "time"),
            ("The third-party SMS vendor had an outage so two-factor codes were not delivered.", "dependency"),
            ("A Terraform change removed the security group rule allowing traffic from the load balancer.", "config"),
            ("Daylight saving time change caused the scheduler to run jobs twice.", "time"),
        ]
        for (text, expected) in cases {
            #expect(classifier.classify(text: text).primary == expected, "\(text)")
        }
    }

    @Test func textWithoutEvidenceIsUnknown() {
        let result = classifier.classify(text: "We were sad.")
        #expect(result.primary == "unknown")
        #expect(result.categories.map(\.category) == ["unknown"])
    }

    @Test func negationWithinThreeWordsCancelsEvidence() {
        #expect(classifier.classify(text: "It was a misconfiguration.").primary == "config")
        #expect(classifier.classify(text: "It was not a misconfiguration.").primary == "unknown")
        #expect(classifier.classify(text: "It wasn't a misconfiguration.").primary == "unknown")
        #expect(classifier.classify(text: "We ruled out a misconfiguration.").primary == "unknown")
        #expect(classifier.classify(text: "Without any misconfiguration.").primary == "unknown")
        // A negation in the previous sentence does not reach into this one.
        #expect(classifier.classify(text: "Alerts did not fire. It was a misconfiguration.").primary == "config")
        // Four words away is out of reach.
        #expect(classifier.classify(text: "No, it was clearly a misconfiguration.").primary == "config")
    }

    @Test func textIsNormalisedLikeTheVocabulary() {
        let text = NormalisedText("Let's Encrypt in us-east-1: DNS—failed!")
        #expect(text.words == ["let", "s", "encrypt", "in", "us", "east", "1", "dns", "failed"])
    }

    @Test("ASCII text normalises as it does with other characters in it", arguments: [
        "Let's Encrypt in US-EAST-1: DNS failed! Not the network; a 30s timeout.",
        "one\ntwo. three?four_five 6.7",
        "carriage\r\nreturn. and\rmore",
        "",
    ])
    func asciiTextNormalisesLikeAnyText(text: String) {
        let ascii = NormalisedText(text)
        // A trailing non-ASCII word sends the text down the Character-by-Character path.
        let mixed = NormalisedText(text + " ø")
        #expect(ascii.words + ["ø"] == mixed.words)
        #expect(ascii.sentence == Array(mixed.sentence.dropLast()))
    }

    @Test func stemsMatchWordsThatStartWithThem() {
        let matcher = VocabularyMatcher(categories: [CauseCategory(id: "c", label: "C", description: "",
                                                                   terms: [VocabularyTerm("misconfigur*", 3)])])
        #expect(matcher.matches(in: NormalisedText("a misconfiguration")).count == 1)
        #expect(matcher.matches(in: NormalisedText("misconfigured twice, misconfiguring")).count == 1)
        #expect(matcher.matches(in: NormalisedText("configured")).isEmpty)
    }

    @Test func eachTermCountsOncePerDocument() {
        let once = classifier.classify(text: "credential stuffing")
        let thrice = classifier.classify(text: "credential stuffing; credential stuffing; credential stuffing")
        #expect(once.categories[0].evidence.map(\.weight) == thrice.categories[0].evidence.map(\.weight))
    }

    @Test func declaredCausesWinOverText() {
        var record = Postmortem(path: "x.md", id: "x")
        record.summary = "A credential stuffing attack."
        record.causes = ["Config", "network", "not-a-category"]
        let result = classifier.classify(record)
        #expect(result.declared)
        #expect(result.primary == "config")
        #expect(result.categoryIDs == ["config", "network"])
        #expect(result.categories[0].evidence == [Evidence(phrase: "Config", source: "declared", weight: 1)])
    }

    @Test func labelledFactorsWinWhenNothingIsDeclared() {
        var record = Postmortem(path: "x.md", id: "x")
        record.summary = "A credential stuffing attack."
        record.factors = [ContributingFactor(category: "capacity", label: "Capacity", text: "Login had no rate limit.",
                                             range: SourceRange(line: 1))]
        let result = classifier.classify(record)
        #expect(result.declared)
        #expect(result.categoryIDs == ["capacity"])
        #expect(result.categories[0].evidence[0].source == "factor label")
        // Inference ignores both, and reads the text.
        #expect(classifier.infer(record, source: nil).primary == "security")
    }

    @Test func factorsWeighMoreThanTheBody() throws {
        var record = Postmortem(path: "x.md", id: "x")
        record.factors = [ContributingFactor(text: "A credential stuffing attack.", range: SourceRange(line: 1))]
        record.timeline = [TimelineEvent(time: nil, timeText: "", text: "The certificate expired.", range: SourceRange(line: 2))]
        let result = classifier.classify(record)
        #expect(result.primary == "security")
        let evidence = try #require(result.categories.first?.evidence.first)
        #expect(evidence.source == "factors")
        #expect(evidence.weight == 2 * 3)
    }

    @Test func frontMatterAndCommentsAreNotBodyText() {
        let source = """
            ---
            causes: [security]
            title: credential stuffing attack
            ---
            <!-- Describe the credential stuffing attack here -->
            The certificate expired.
            """
        let body = IncidentText.bodyLines(of: source, frontMatter: SourceRange(start: SourceLocation(line: 1, column: 1),
                                                                                end: SourceLocation(line: 4, column: 3)))
        #expect(!body.contains("credential"))
        #expect(body.contains("certificate expired"))
    }

    @Test func secondaryCategoriesNeedHalfThePrimaryScore() {
        let result = classifier.classify(text: "A credential stuffing attack exhausted the connection pool.")
        #expect(result.categoryIDs.count == 2)
        #expect(Set(result.categoryIDs) == ["security", "capacity"])
        let total = result.categories.map(\.confidence).reduce(0, +)
        #expect(total <= 1.000001)
        #expect(result.categories[0].confidence >= result.categories[1].confidence)
    }

    @Test func classificationIsDeterministic() {
        let text = "Network partition and DNS failure after a config change during a deploy."
        let first = classifier.classify(text: text)
        for _ in 0..<5 { #expect(classifier.classify(text: text) == first) }
    }
}
