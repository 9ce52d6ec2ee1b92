import Testing
@testable import PostmortemKit

@Suite struct JSONArrayStreamTests {
    struct Item: Encodable {
        var name: String
        var tags: [String]
        var nested: [String: Int]
    }
    struct Inner: Encodable {
        var items: [Item]
        var after = "z"
    }
    struct Document: Encodable {
        var before = 1
        var inner: Inner
        var last = [3, 4]
    }

    @Test("an array two levels deep, streamed, is the document encoded at once")
    func nestedArray() {
        let items = [
            Item(name: "first \"quoted\"\nline", tags: [], nested: [:]),
            Item(name: "ünïcode ☕", tags: ["a", "b"], nested: ["k": 1]),
            Item(name: "", tags: ["c"], nested: ["x": 2, "y": 3]),
        ]
        let stream = JSONArrayStream(emptyDocument: JSONOutput.encode(Document(inner: Inner(items: []))), key: "items", depth: 2)
        for count in 0...items.count {
            var out = stream.header
            for (index, item) in items.prefix(count).enumerated() {
                out += JSONArrayStream.separator(first: index == 0) + stream.element(JSONOutput.encode(item))
            }
            out += stream.footer(empty: count == 0)
            #expect(Array(out.utf8) == Array(JSONOutput.encode(Document(inner: Inner(items: Array(items.prefix(count))))).utf8), "\(count) items")
        }
    }

    struct Outer: Encodable {
        var inner: Inner
        var items: [Item]
    }

    @Test("fill writes arrays at different depths, in the order they appear, as the document encoded at once")
    func fillAtDepths() {
        let items = [
            Item(name: "one", tags: ["a"], nested: ["k": 1]),
            Item(name: "two \"2\"", tags: [], nested: [:]),
        ]
        for (deep, top) in [(0, 0), (1, 0), (0, 2), (2, 1), (2, 2)] {
            let whole = Outer(inner: Inner(items: Array(items.prefix(deep))), items: Array(items.prefix(top)))
            var pieces: [String] = []
            JSONArrayStream.fill(JSONOutput.encode(Outer(inner: Inner(items: []), items: [])), arrays: [
                .init(key: "items", elements: Array(items.prefix(top))),
                .init(key: "items", depth: 2, elements: Array(items.prefix(deep))),
            ]) { pieces.append($0) }
            #expect(pieces.joined() == JSONOutput.encode(whole), "\(deep) deep, \(top) at the top")
        }
    }
}
