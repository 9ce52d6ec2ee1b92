import Foundation
import Testing
@testable import PostmortemKit

@Suite struct ShowOutputTests {
    /// The streamed document, put together as `pm show --format json` writes it.
    static func streamed(_ records: [Postmortem]) -> String {
        var out = ShowOutput.Stream.header
        for (index, record) in records.enumerated() {
            out += ShowOutput.Stream.separator(first: index == 0) + ShowOutput.Stream.element(record)
        }
        return out + ShowOutput.Stream.footer(empty: records.isEmpty)
    }

    static func records(in directory: String) -> [Postmortem] {
        let inputs = InputDiscovery.expand([packageRoot.appendingPathComponent(directory).path])
        return DocumentLoader.map(inputs, options: ReadOptions()) { $0.postmortem }
    }

    @Test("streaming one record at a time writes the bytes the encoder writes for the whole document",
          arguments: ["postmortems", "Tests/PostmortemKitTests/Fixtures/hostile", "Tests/PostmortemKitTests/Fixtures/broken", "templates"])
    func streamedEqualsEncoded(directory: String) {
        let records = Self.records(in: directory)
        #expect(!records.isEmpty)
        for subset in [[], Array(records.prefix(1)), records] {
            // Bytes, not String equality (which is canonical equivalence).
            #expect(Array(Self.streamed(subset).utf8) == Array(JSONOutput.encode(ShowOutput(postmortems: subset)).utf8),
                    "\(directory), \(subset.count) records")
        }
    }

    @Test func emptyArraysInsideARecordKeepTheirBlankLine() {
        let record = read("# Cache outage\n\n## Summary\n\nThe cache was down for 12 minutes.\n")
        #expect(record.actions.isEmpty)
        // The encoder writes an empty array as `[`, an empty line and `]`; indenting must not put
        // spaces on that line.
        let streamed = Self.streamed([record])
        #expect(streamed.contains("\"actions\" : [\n\n      ]"))
        #expect(Array(streamed.utf8) == Array(JSONOutput.encode(ShowOutput(postmortems: [record])).utf8))
    }
}
