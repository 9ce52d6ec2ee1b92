/// The fields of one record in a ``BodySpill``: each as its UTF-8 length, `:` and its bytes, or
/// `~` when absent, so any text round-trips whatever characters it holds. ``ActionSpill`` and
/// ``EvidenceSpill`` write their records with it.
struct SpillFields {
    private(set) var text = ""

    mutating func add(_ field: String?) {
        guard let field else { return text += "~" }
        text += "\(field.utf8.count):"
        text += field
    }

    /// Reads the fields of a text in order; only valid inside ``read(_:_:)``'s closure.
    struct Reader {
        private let bytes: UnsafeBufferPointer<UInt8>
        private var at = 0

        fileprivate init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var isAtEnd: Bool { at >= bytes.count }

        /// How many bytes have been read.
        var offset: Int { at }

        /// The next field: `.some(nil)` for an absent one, `.none` at the end or where the text
        /// is not a field.
        mutating func field() -> String?? {
            nextField().map { range in range.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) } }
        }

        /// Moves past the next field without making its text; false where ``field()`` gives `.none`.
        mutating func skip() -> Bool { nextField() != nil }

        /// Where the next field's bytes are, as ``field()`` reads it.
        private mutating func nextField() -> Range<Int>?? {
            guard at < bytes.count else { return .none }
            if bytes[at] == UInt8(ascii: "~") {
                at += 1
                return .some(nil)
            }
            var length = 0
            let digits = at
            while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]), length < bytes.count {
                length = length * 10 + Int(bytes[at] - UInt8(ascii: "0"))
                at += 1
            }
            // A length has at least one digit: `add` writes `0:` for an empty field, never `:`.
            guard at > digits, at < bytes.count, bytes[at] == UInt8(ascii: ":"), length <= bytes.count - at - 1 else { return .none }
            let range = (at + 1)..<(at + 1 + length)
            at += 1 + length
            return .some(range)
        }

        /// The next field when it is present, nil otherwise.
        mutating func present() -> String? {
            guard let field = field(), let field else { return nil }
            return field
        }
    }

    /// What `body` makes of the fields of `text`.
    static func read<Result>(_ text: String, _ body: (inout Reader) -> Result?) -> Result? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes)
            return body(&reader)
        }
    }
}
