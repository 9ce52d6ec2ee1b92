import Foundation

// Searches and tests on UTF-8 bytes that stand in for Foundation's and the standard library's
// Character-level ones where the answer is the same (ASCII text, ASCII needles): Foundation's
// string search bridges to `NSString`, and walking Characters breaks graphemes byte by byte.
// `ByteFastPathTests` compares each use with the version it replaced.

extension StringProtocol {
    /// True when the UTF-8 bytes of `needle` occur in the text. A cheap guard before Foundation's
    /// `contains`, `range(of:)` and `replacingOccurrences`, which compare with canonical
    /// equivalence through `NSString`: for the ASCII markers and punctuation pm looks for, no
    /// other spelling is canonically equivalent, so when the bytes are absent Foundation finds
    /// nothing either and the call can be skipped without changing any result.
    func containsBytes(of needle: String) -> Bool {
        // Native strings and substrings (every one pm builds) are searched in place.
        var needleText = needle
        let searched: Bool? = needleText.withUTF8 { n in
            utf8.withContiguousStorageIfAvailable { hay in ByteSearch.firstIndex(of: n, in: hay, from: 0) != nil }
        }
        if let searched { return searched }
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        let hay = utf8
        var i = hay.startIndex
        while let found = hay[i...].firstIndex(of: first) {
            var a = found, k = 0
            while k < n.count, a < hay.endIndex, hay[a] == n[k] { a = hay.index(after: a); k += 1 }
            if k == n.count { return true }
            i = hay.index(after: found)
        }
        return false
    }
}

extension StringProtocol {
    /// True when every UTF-8 byte is ASCII: ``ByteSearch/isASCII(_:)`` on the contiguous bytes of
    /// native strings; iterating the `UTF8View` costs several times more.
    var isASCIIBytes: Bool {
        utf8.withContiguousStorageIfAvailable(ByteSearch.isASCII) ?? utf8.allSatisfy { $0 < 0x80 }
    }
}

extension String {
    /// The text with every occurrence of `target`'s UTF-8 bytes replaced, left to right. Where
    /// neither the text nor the target holds a combining mark, as in the rules' examples (ASCII
    /// and `↓`), that is what Foundation's `replacingOccurrences(of:with:)` does, without bridging
    /// to `NSString`; before a combining mark the bytes match where Foundation would not.
    /// Building every rule's examples through Foundation was a third of the instructions of a
    /// one-file `pm lint`.
    func replacingBytes(of target: String, with replacement: String) -> String {
        ByteSearch.replacingAll(Array(target.utf8), with: Array(replacement.utf8), in: Array(utf8))
            .map { String(decoding: $0, as: UTF8.self) } ?? self
    }
}

extension StringProtocol {
    /// The first occurrence of `needle`'s UTF-8 bytes, searched in place in native strings and
    /// substrings. For an ASCII needle this finds what Foundation's `range(of:)` finds, and more
    /// only before a combining mark (a `{{` followed by U+0301), without bridging to `NSString`.
    func firstRange(ofBytes needle: some StringProtocol) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        let found = utf8.withContiguousStorageIfAvailable { hay in
            pattern.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: hay, from: 0) }
        } ?? ByteSearch.firstIndex(of: pattern, in: Array(utf8), from: 0)
        guard let found else { return nil }
        let lower = utf8.index(startIndex, offsetBy: found)
        return lower..<utf8.index(lower, offsetBy: pattern.count)
    }
}

extension String {
    /// The last occurrence of `needle`'s UTF-8 bytes. For the ASCII and punctuation separators pm
    /// looks for this is what Foundation's `range(of:options: .backwards)` finds, without bridging
    /// to `NSString`.
    func lastRange(ofBytes needle: String) -> Range<String.Index>? {
        let n = Array(needle.utf8)
        guard !n.isEmpty, utf8.count >= n.count else { return nil }
        let bytes = Array(utf8)
        var start = bytes.count - n.count
        while start >= 0 {
            if bytes[start] == n[0] && bytes[start..<(start + n.count)].elementsEqual(n) {
                let lower = utf8.index(startIndex, offsetBy: start)
                return lower..<utf8.index(lower, offsetBy: n.count)
            }
            start -= 1
        }
        return nil
    }
}

/// Byte-string search on contiguous UTF-8.
enum ByteSearch {
    /// True when every byte is ASCII: the bytes ORed together, which the compiler vectorises.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var bits: UInt8 = 0
        for byte in bytes { bits |= byte }
        return bits < 0x80
    }

    /// The offset of the first occurrence of `needle` in `hay` at or after `from`; an empty
    /// needle is found at `from`. memchr finds candidates for the first byte and memcmp checks
    /// the rest (memmem is a GNU extension Swift does not import).
    static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from >= 0, from <= hay.count else { return nil }
        guard let needleStart = needle.baseAddress, !needle.isEmpty else { return from }
        guard hay.count - from >= needle.count, let hayStart = hay.baseAddress else { return nil }
        var next = hayStart + from
        let last = hayStart + (hay.count - needle.count)
        while next <= last {
            guard let hit = memchr(next, Int32(needleStart.pointee), last - next + 1) else { return nil }
            let candidate = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(candidate, needleStart, needle.count) == 0 { return hayStart.distance(to: candidate) }
            next = candidate + 1
        }
        return nil
    }

    /// The offset of the first occurrence of `needle` in `hay` at or after `from`, with memchr
    /// finding candidates for the needle's byte at `key` instead of its first: for a needle whose
    /// first byte is common where another is rare, a page's ` align="` by its `=` (a page has a
    /// few dozen) rather than its space (a page has thousands, each a memcmp: 0.8% of `pm
    /// report`'s instructions).
    static func firstIndex(of needle: [UInt8], in hay: [UInt8], from: Int, key: Int) -> Int? {
        precondition(needle.indices.contains(key), "the key byte is outside the needle")
        guard from >= 0, hay.count - from >= needle.count else { return nil }
        return hay.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { needle in
                guard let hayStart = hay.baseAddress, let needleStart = needle.baseAddress else { return nil }
                // A candidate's key byte lies in [from + key, count - needle.count + key].
                var next = from + key
                let last = hay.count - needle.count + key
                while next <= last {
                    guard let hit = memchr(hayStart + next, Int32(needle[key]), last - next + 1) else { return nil }
                    let start = UnsafeRawPointer(hayStart).distance(to: UnsafeRawPointer(hit)) - key
                    if memcmp(hayStart + start, needleStart, needle.count) == 0 { return start }
                    next = start + key + 1
                }
                return nil
            }
        }
    }

    /// `hay` with every occurrence of `needle` (non-empty) replaced by `replacement`, left to
    /// right without overlaps; nil when there is none.
    static func replacingAll(_ needle: [UInt8], with replacement: [UInt8], in hay: [UInt8]) -> [UInt8]? {
        guard !needle.isEmpty, var at = firstIndex(of: needle, in: hay, from: 0) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(hay.count + max(0, replacement.count - needle.count) * 8)
        var copied = 0
        repeat {
            result.append(contentsOf: hay[copied..<at])
            result.append(contentsOf: replacement)
            copied = at + needle.count
            guard let next = firstIndex(of: needle, in: hay, from: copied) else { break }
            at = next
        } while true
        result.append(contentsOf: hay[copied...])
        return result
    }

    /// `hay` with every occurrence of each needle replaced by its replacement, in one pass left to
    /// right without overlaps; nil when there is none. The needles are non-empty and start with
    /// one byte, found with memchr; where two match at one place, the first listed is taken. The
    /// same as ``replacingAll(_:with:in:)`` for each pair in turn when no replacement makes a
    /// needle that was not there: a report page's five spellings took five passes, 0.8% of `pm
    /// report`'s instructions.
    static func replacingAll(_ pairs: [(needle: [UInt8], replacement: [UInt8])], in hay: [UInt8]) -> [UInt8]? {
        guard let first = pairs.first?.needle.first else { return nil }
        precondition(pairs.allSatisfy { $0.needle.first == first }, "needles that are empty or start with different bytes")
        var result: [UInt8]? = nil
        var copied = 0
        hay.withUnsafeBufferPointer { hay in
            guard let start = hay.baseAddress else { return }
            var from = 0
            while from < hay.count, let hit = memchr(start + from, Int32(first), hay.count - from) {
                let at = UnsafeRawPointer(start).distance(to: UnsafeRawPointer(hit))
                from = at + 1
                guard let pair = pairs.first(where: { pair in
                    pair.needle.count <= hay.count - at
                        && pair.needle.withUnsafeBufferPointer { memcmp(start + at, $0.baseAddress!, $0.count) == 0 }
                }) else { continue }
                if result == nil { result = []; result!.reserveCapacity(hay.count + hay.count / 8) }
                result!.append(contentsOf: hay[copied..<at])
                result!.append(contentsOf: pair.replacement)
                copied = at + pair.needle.count
                from = copied
            }
        }
        guard var result else { return nil }
        result.append(contentsOf: hay[copied...])
        return result
    }

    /// True when `hay` holds `byte` (memchr: most lines a rule looks at lack the byte it needs,
    /// and this answers without a write access that would copy the line).
    static func contains(_ byte: UInt8, in hay: [UInt8]) -> Bool {
        hay.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, Int32(byte), buffer.count) != nil } ?? false
        }
    }

    /// The offset of the first `byte` in `hay` at or after `from`, found with memchr.
    static func firstIndex(of byte: UInt8, in hay: [UInt8], from: Int) -> Int? {
        guard from >= 0, from < hay.count else { return nil }
        return hay.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let hit = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
    }

    /// ``firstIndex(of:in:from:)`` on arrays.
    static func firstIndex(of needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        hay.withUnsafeBufferPointer { hay in needle.withUnsafeBufferPointer { firstIndex(of: $0, in: hay, from: from) } }
    }
}
