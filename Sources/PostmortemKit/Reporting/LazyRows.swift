import Mustache

/// The rows of a long Mustache section (every open action, every incident of the period), each
/// made only when the template reaches it and dropped after, so rendering the index of a large
/// corpus does not hold thousands of row dictionaries at once. Renders exactly as the array of the
/// same rows: sections iterate it in order, and transforms (`count`, `first`, `empty`, …) and
/// printing it as a value use that array.
struct LazyRows: MustacheSequence, MustacheTransformable, CustomStringConvertible {
    let count: Int
    let row: (Int) -> [String: Any]

    init(count: Int, row: @escaping (Int) -> [String: Any]) {
        self.count = count
        self.row = row
    }

    struct Iterator: IteratorProtocol {
        let rows: LazyRows
        var position = 0

        mutating func next() -> [String: Any]? {
            guard position < rows.count else { return nil }
            defer { position += 1 }
            return rows.row(position)
        }
    }

    func makeIterator() -> Iterator { Iterator(rows: self) }

    /// Every row, made at once.
    var array: [[String: Any]] { (0..<count).map(row) }

    func transform(_ name: String) -> Any? { array.transform(name) }

    var description: String { array.description }
}
