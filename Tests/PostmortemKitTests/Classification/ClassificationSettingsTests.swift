import Testing
@testable import PostmortemKit

@Suite struct ClassificationSettingsTests {
    func configuration(_ yaml: String) throws -> Configuration {
        try ConfigurationReader.parse(yaml, path: "pm.yml")
    }

    @Test func extendAddsCategoriesBeforeUnknownAndTermsToExistingOnes() throws {
        let classifier = try Classifier(configuration: configuration("""
            classification:
              categories:
                - id: payments-provider
                  label: Payments provider
                  terms: {paylane: 3, "acquir*": 2}
                - id: config
                  terms: {"segment rule": 3}
              repeat_window_days: 30
            """))
        let ids = classifier.categories.map(\.id)
        #expect(ids.first == "deploy")
        #expect(ids.suffix(2) == ["payments-provider", "unknown"])
        #expect(classifier.settings.repeatWindowDays == 30)
        #expect(classifier.classify(text: "Paylane timed out for acquiring banks").primary == "payments-provider")
        #expect(classifier.classify(text: "the segment rule").primary == "config")
    }

    @Test func replaceKeepsOnlyTheConfiguredCategoriesAndUnknown() throws {
        let classifier = try Classifier(configuration: configuration("""
            classification:
              taxonomy: replace
              categories:
                - id: human
                  terms: {"fat finger": 3}
            """))
        #expect(classifier.categories.map(\.id) == ["human", "unknown"])
        #expect(classifier.categories[0].label == "human")
        #expect(classifier.classify(text: "a fat finger").primary == "human")
        #expect(classifier.classify(text: "a bad deploy").primary == "unknown")
    }

    @Test func mistakesAreErrorsWithTheLine() throws {
        let cases = [
            "classification:\n  taxonomy: merge\n",
            "classification:\n  categories:\n    - id: x\n      terms: {a: lots}\n",
            "classification:\n  categories:\n    - id: Has Spaces\n",
            "classification:\n  secondary_threshold: 2\n",
            "classification:\n  colour: blue\n",
            "classification:\n  categories:\n    - id: x\n      terms: {\"two words*\": 1}\n",
        ]
        // Reading pm.yml reports them, for every command (lint had passed them: the adoption
        // pass of stop 46); the classifier built from a configuration made in code too.
        for yaml in cases {
            do throws(ConfigurationError) {
                _ = try ConfigurationReader.parse(yaml, path: "pm.yml")
                Issue.record("accepted: \(yaml)")
            } catch {
                #expect(error.location != nil, "\(yaml)")
            }
            var made = Configuration()
            made.raw = try #require(try? YAMLReader.read(yaml).get())
            do throws(ConfigurationError) {
                _ = try Classifier(configuration: made)
                Issue.record("accepted: \(yaml)")
            } catch {
                #expect(error.location != nil, "\(yaml)")
            }
        }
    }
}
