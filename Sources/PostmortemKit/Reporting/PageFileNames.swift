import Foundation

/// File names for the per-postmortem pages.
///
/// An id comes from a document and can hold anything (`../x`, spaces, emoji); the page name
/// is the id in Latin letters (as `pm new` makes file names: `Störung` is `storung`, `日本語`
/// `ri-ben-yu`), keeping ASCII letters, digits, `.`, `_` and `-`, lowercased, and adds `-2`, `-3`
/// … when two ids collapse to the same name, in input order, so names are stable and never leave
/// the `incidents/` folder.
public enum PageFileNames {
    /// The page names for ids in order.
    public static func assign(_ ids: [String]) -> [String] {
        Array(PageNames(ids: ids))
    }

    /// The name without `.html` of each id, in order.
    static func names(_ ids: some Sequence<String>) -> [String] {
        var written: [Bool] = []   // whether each id is written in ASCII
        let slugs = ids.map { id in
            written.append(id.utf8.allSatisfy { $0 < 0x80 })
            return slug(id)
        }
        // Without two equal slugs, each name is its slug.
        guard SuffixedNames.containsDuplicates(slugs) else { return slugs }
        // Ids written in ASCII claim their names first, in input order, then the others: an id in
        // other letters (`Café`, now `cafe`) does not take the page of an id that had it before
        // ids were written in Latin letters (`cafe`).
        var names = SuffixedNames()
        var result = slugs
        for ascii in [true, false] {
            for index in slugs.indices where written[index] == ascii { result[index] = names.claim(slugs[index]) }
        }
        return result
    }

    /// The id's page name without `.html`. An id that is already its own slug (as the ids teams
    /// write usually are: `2026-07-14-checkout-latency`) is returned as it is, sharing its storage.
    static func slug(_ id: String) -> String {
        isOwnSlug(id) ? id : slugWalking(id)
    }

    /// Whether ``slugWalking(_:)`` returns `id` unchanged, decided on bytes: 1 to 100 bytes of
    /// `a`–`z`, `0`–`9`, `_`, `.` and `-`, with no `--`, not starting with `-` or `.` and not
    /// ending with `-`.
    static func isOwnSlug(_ id: String) -> Bool {
        let bytes = id.utf8
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 100,
              first != UInt8(ascii: "-"), first != UInt8(ascii: "."), last != UInt8(ascii: "-") else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."):
                break
            case UInt8(ascii: "-"):
                if previous == UInt8(ascii: "-") { return false }
            default:
                return false
            }
            previous = byte
        }
        return true
    }

    static func slugWalking(_ id: String) -> String {
        // Ids outside ASCII had all become `postmortem`, `postmortem-2`, …
        let latin = id.utf8.allSatisfy { $0 < 0x80 } ? id
            : (id.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? id)
        var out = ""
        var lastWasDash = false
        for scalar in latin.lowercased().unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
            if keep {
                out.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                out += "-"
                lastWasDash = true
            }
        }
        while let first = out.first, first == "-" || first == "." { out.removeFirst() }
        while out.last == "-" { out.removeLast() }
        if out.count > 100 { out = String(out.prefix(100)) }
        return out.isEmpty ? "postmortem" : out
    }
}

/// The page file names of a corpus (inside `incidents/`), in input order, as
/// ``PageFileNames/assign(_:)`` gives them. Each is kept without its `.html`, so a name equal to its
/// id shares the id's storage: the report keeps one name for every document of the corpus.
public struct PageNames: RandomAccessCollection, Sendable {
    let names: [String]

    public init(ids: some Sequence<String>) {
        names = PageFileNames.names(ids)
    }

    public var startIndex: Int { names.startIndex }
    public var endIndex: Int { names.endIndex }
    public subscript(position: Int) -> String { names[position] + ".html" }
}
