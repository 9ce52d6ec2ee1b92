import Foundation
import Testing
@testable import PostmortemKit

/// `JSONOutput` never loses a whole document to one value JSON cannot hold.
@Suite struct JSONOutputTests {
    struct Figures: Encodable {
        var ratio: Double
        var worst: Double
        var best: Double
        var title: String
    }

    @Test("non-finite numbers become strings instead of turning the output into null")
    func nonFiniteNumbers() throws {
        let output = JSONOutput.encode(Figures(ratio: .nan, worst: -.infinity, best: .infinity, title: "t\u{2028}\"<"))
        #expect(output != "null")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["ratio"] as? String == "nan")
        #expect(object["worst"] as? String == "-inf")
        #expect(object["best"] as? String == "inf")
        #expect(object["title"] as? String == "t\u{2028}\"<")
    }

    @Test("finite numbers are unchanged")
    func finiteNumbers() {
        #expect(JSONOutput.encode(Figures(ratio: 0.25, worst: -1, best: 1e300, title: "")).contains("\"ratio\" : 0.25"))
    }
}
