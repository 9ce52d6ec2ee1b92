/// File names for the per-postmortem pages.
///
/// An id comes from a document and can hold anything (`../x`, spaces, emoji); the page name
/// keeps ASCII letters, digits, `.`, `_` and `-`, lowercased, and adds `-2`, `-3` … when two
/// ids collapse to the same name, in input order, so names are stable and never leave the
/// `incidents/` folder.
public enum PageFileNames {
    /// The page names for ids in order.
    public static func assign(_ ids: [String]) -> [String] {
        var used = Set<String>()
        return ids.map { id in
            let base = slug(id)
            var name = base
            var counter = 2
            while used.contains(name) {
                name = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(name)
            return name + ".html"
        }
    }

    static func slug(_ id: String) -> String {
        var out = ""
        var lastWasDash = false
        for scalar in id.lowercased().unicodeScalars {
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
