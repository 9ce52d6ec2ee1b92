import Foundation
import Testing
@testable import PostmortemKit

/// Functions that answer ASCII text from its bytes and other text from its Characters give the
/// answers of the Character-only versions they replaced, on seeded random text built from the
/// bytes and scalars where bytes and Characters part ways.
@Suite struct ByteFastPathTests {
    /// The plain versions.
    static func referenceID(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }

    static func referenceShorten(_ text: String) -> String {
        let one = text.split(separator: "\n").first.map(String.init) ?? text
        return one.count > 60 ? String(one.prefix(57)) + "…" : one
    }

    static func referenceEscape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: TerminalEscaping.needsEscaping) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if TerminalEscaping.needsEscaping(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static let pieces = ["a", "Z", "7", "/", ".", "..", "\n", "\r", "\r\n", " ", "\t", "-", "\u{301}", "é", "e\u{301}", "\u{1B}[31m",
                         "\u{7F}", "\u{85}", "\u{202E}", "\u{2028}", "\u{061C}", "\u{200E}", "\u{2069}", "\u{2014}", "¢", "日本", "👩‍💻",
                         "word ", "follow-up actions "]

    /// Levenshtein distance over Characters, as `editDistance` computed it for every text.
    static func referenceDistance(_ a: String, _ b: String) -> Int { levenshtein(Array(a), Array(b)) }

    static func randomText(_ generator: inout SplitMix64, maxPieces: Int) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &generator) { text += pieces.randomElement(using: &generator)! }
        return text
    }

    @Test("default ids, shortened action texts, terminal escapes, edit distances, spilled findings, plain-text lines and the ASCII test match the Character versions")
    func randomTexts() {
        var generator = SplitMix64(seed: 0xFA57)
        for _ in 0..<20_000 {
            let text = Self.randomText(&generator, maxPieces: 40)
            #expect(Array(DocumentReader.fileStem(of: text).utf8) == Array(Self.referenceID(text).utf8), "\(Array(text.utf8))")
            #expect(Array(ActionMetadataRule.shorten(text).utf8) == Array(Self.referenceShorten(text).utf8), "\(Array(text.utf8))")
            #expect(Array(TerminalEscaping.escape(text).utf8) == Array(Self.referenceEscape(text).utf8), "\(Array(text.utf8))")
            let spilled = text.replacingOccurrences(of: "-", with: "\u{0}")
            let fields = spilled.isEmpty ? [] : spilled.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            var expected: [[UInt8]] = []
            for at in stride(from: 0, to: fields.count - fields.count % 4, by: 4) {
                for field in fields[at..<(at + 4)] { expected.append(Array(field.utf8)) }
            }
            var found: [[UInt8]] = []
            for finding in PageFinding.unspilled(spilled) {
                for field in [finding.location, finding.rule, finding.severity, finding.message] { found.append(Array(field.utf8)) }
            }
            #expect(found == expected, "\(Array(spilled.utf8))")
            let lines = MarkdownNode(kind: .codeBlock(info: ""), literal: text).plainTextLines.map { Array($0.utf8) }
            #expect(lines == text.split(separator: "\n", omittingEmptySubsequences: true).map { Array($0.utf8) }, "\(Array(text.utf8))")
            #expect(text.isASCIIBytes == text.utf8.allSatisfy { $0 < 0x80 }, "\(Array(text.utf8))")
            #expect(text.dropFirst(2).isASCIIBytes == text.dropFirst(2).utf8.allSatisfy { $0 < 0x80 }, "\(Array(text.utf8))")
            let other = Self.randomText(&generator, maxPieces: 8)
            let short = String(text.prefix(12))
            #expect(editDistance(short, other) == Self.referenceDistance(short, other), "\(Array(short.utf8)) \(Array(other.utf8))")
        }
    }

    /// Section titles as the ASCII path normalised them before it worked in one buffer.
    static func referenceTitle(_ title: String) -> String {
        var words: [String] = []
        var bytes: [UInt8] = []
        for b in title.utf8 {
            if (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) {
                bytes.append(b >= 65 && b <= 90 ? b + 32 : b)
            } else if !bytes.isEmpty {
                words.append(String(decoding: bytes, as: UTF8.self))
                bytes.removeAll()
            }
        }
        if !bytes.isEmpty { words.append(String(decoding: bytes, as: UTF8.self)) }
        return SectionTitles.joinedWithoutNumbering(words)
    }

    @Test("ASCII section titles normalise as word by word")
    func sectionTitles() {
        let pieces = ["3", "5", "12", "IV", "iv", "x", "Whys", "whys", " ", ".", ": ", "-", "Timeline", "Root", "cause", "a1", "#"]
        var generator = SplitMix64(seed: 0x717E)
        for _ in 0..<20_000 {
            var title = ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) { title += pieces.randomElement(using: &generator)! }
            #expect(SectionTitles.normalise(title) == Self.referenceTitle(title), "\(title)")
        }
        #expect(SectionTitles.normalise("3. Timeline") == "timeline")
        #expect(SectionTitles.normalise("5 Whys") == "5 whys")
        #expect(SectionTitles.normalise("IV. Root cause:") == "root cause")
        #expect(SectionTitles.normalise("2 3") == "3")
    }

    /// The done markers as Foundation found and removed them in every text.
    static func referenceDoneMarkers(_ text: String) -> (String, Bool) {
        var text = text
        var done = false
        for marker in ActionExtractor.doneMarkers where text.contains(marker) {
            done = true
            text = text.replacingOccurrences(of: marker, with: "")
        }
        return (text, done)
    }

    @Test("follow-up metadata pairs, done markers, ticket ids and byte replacement of ASCII text match the Character walks and Foundation")
    func actionMetadata() {
        let pieces = ["owner", "Owner", "due date", "DRI", "won't do", "reason", "ticket", "status", "type", "notakey", ":", ": ",
                      ",", ", ", ";", " ", "  ", "\t", "\r\n", "@sam", "2026-07-28", "OPS", "OPS-412", "ab-12", "-", "--", "X-1",
                      "AB-", "-9", "(done)", "(Done)", "[done]", "(fixed)", "((done)done))", "(", ")", "[", "]", "done", "x",
                      "Rotate the pool credentials", "'", ".", "_", "#", "7", "\u{301}", "e\u{301}", "é", "\u{37E}", "\u{2019}", "✅"]
        let keys = ["owner", "Owner ", " due date", "DRI", "won't do", "reason", "ticket", "status", "type", "notakey"]
        var generator = SplitMix64(seed: 0xAC71)
        var asciiCases = 0, parsedCases = 0, ticketCases = 0
        func pairs(_ found: [(String, String)]?) -> [[[UInt8]]]? { found?.map { [Array($0.0.utf8), Array($0.1.utf8)] } }
        for _ in 0..<20_000 {
            // Half the texts start as metadata does, `key:`, so that most of those parse.
            var text = Bool.random(using: &generator) ? keys.randomElement(using: &generator)! + ":" : ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text += pieces.randomElement(using: &generator)! }
            // Callers pass the part of an action's text inside its last parentheses or after a dash:
            // a substring that starts inside its string. (Cut by Characters, it can lose a combining
            // mark at either end, so it is compared with the walk of itself.)
            let inner = ("x (" + text + ")").dropFirst(3).dropLast()
            // Pairs run on without a comma are taken apart after either walk.
            let walked = pairs(ActionExtractor.pairsWalking(text[...]).map(ActionExtractor.splittingRunOnPairs))
            #expect(pairs(ActionExtractor.pairs(text[...])) == walked, "\(Array(text.utf8))")
            #expect(pairs(ActionExtractor.pairs(inner)) == pairs(ActionExtractor.pairsWalking(inner).map(ActionExtractor.splittingRunOnPairs)),
                    "\(Array(text.utf8))")
            if walked != nil { parsedCases += 1 }
            let ticket = ActionExtractor.firstTicketIDWalking(in: text).map { Array($0.utf8) }
            #expect(ActionExtractor.firstTicketID(in: text).map { Array($0.utf8) } == ticket, "\(Array(text.utf8))")
            if ticket != nil { ticketCases += 1 }
            let removed = ActionExtractor.removingDoneMarkers(text), reference = Self.referenceDoneMarkers(text)
            #expect(Array(removed.text.utf8) == Array(reference.0.utf8) && removed.done == reference.1, "\(Array(text.utf8))")
            guard text.isASCIIBytes else { continue }
            asciiCases += 1
            // The byte paths themselves, which `pairs` and `firstTicketID` take for native ASCII text.
            var copy = text
            copy.withUTF8 { bytes in
                #expect(pairs(ActionExtractor.pairsASCII(bytes).map(ActionExtractor.splittingRunOnPairs)) == walked, "\(Array(text.utf8))")
                #expect(ActionExtractor.firstTicketIDASCII(bytes).map { Array($0.utf8) } == ticket, "\(Array(text.utf8))")
            }
            // The rules' examples replace text this way (`replacingBytes`).
            for (target, replacement) in [("done", "↓done"), (": ", ":"), ("OPS-", "")] {
                #expect(Array(text.replacingBytes(of: target, with: replacement).utf8)
                        == Array(text.replacingOccurrences(of: target, with: replacement).utf8), "\(Array(text.utf8))")
            }
        }
        // Both kinds of text, and enough texts that parse as metadata and hold a ticket id.
        #expect(asciiCases > 5_000 && asciiCases < 15_000)
        #expect(parsedCases > 5_000 && ticketCases > 500, "\(parsedCases) parsed, \(ticketCases) with a ticket id")
        #expect(ActionExtractor.pairs("owner: @sam, due: 2026-07-28; type: prevent")?.map { "\($0.0)=\($0.1)" }
                == ["owner=@sam", "due=2026-07-28", "type=prevent"])
        #expect(ActionExtractor.pairs("Owner : @sam, won't do: the vendor retires it, soon")?.map { "\($0.0)=\($0.1)" }
                == ["owner=@sam", "wontdo=the vendor retires it, soon"])
        // Words after a one-word value are a note, not part of it (the reviews of stop 36: the due
        // date had become "2026-07-28, later that week", a false P021); a status takes them.
        #expect(ActionExtractor.pairs("due: 2026-07-28, later that week")?.map { "\($0.0)=\($0.1)" } == ["due=2026-07-28"])
        #expect(ActionExtractor.pairs("status: in progress, blocked on vendor, ticket: OPS-1")?.map { "\($0.0)=\($0.1)" }
                == ["status=in progress, blocked on vendor", "ticket=OPS-1"])
        #expect(ActionExtractor.pairs("not metadata: at all") == nil)
        #expect(ActionExtractor.firstTicketID(in: "see OPS--412 and AB-7") == "OPS--412")
        // Standards are no tickets (the black-box pass of stop 36), in both walks.
        #expect(ActionExtractor.firstTicketID(in: "Fix UTF-8 decoding, use SHA-256 and ISO-8601 (OPS-9)") == "OPS-9")
        #expect(ActionExtractor.firstTicketID(in: "Fix UTF-8 decoding for café, then SHA-256") == nil)
        #expect(ActionExtractor.firstTicketID(in: "Switch to HTTP-2 (SEC-12)") == "SEC-12")
        // By the numbers a standard goes with: TLS-1042 may be a team's ticket (the retest).
        #expect(ActionExtractor.firstTicketID(in: "Move the TLS-1042 migration forward") == "TLS-1042")
        #expect(ActionExtractor.firstTicketID(in: "Pin TLS-1 off, then RFC-7231 and CVE-2024") == nil)
        #expect(ActionExtractor.firstTicketID(in: "PCIE-4 lanes, ISO-27002 and ISO-9660 images") == nil)
        #expect(ActionExtractor.firstTicketID(in: "O-12, Ops-3, OPS-4x, OPS-1-2") == nil)
        // One pass per marker, left to right: a marker the cut puts together stays.
        #expect(ActionExtractor.removingDoneMarkers("Rotate keys ((done)done))") == ("Rotate keys (done))", true))
    }

    /// The relative link target as the Character searches found it for every text.
    static func referenceTarget(_ destination: String, from path: String) -> String? {
        var d = destination
        if let hash = d.firstIndex(of: "#") { d = String(d[..<hash]) }
        if let query = d.firstIndex(of: "?") { d = String(d[..<query]) }
        guard !d.isEmpty, !d.hasPrefix("/"), !d.contains("://"), !d.hasPrefix("mailto:") else { return nil }
        let lower = d.lowercased()
        guard lower.hasSuffix(".md") || lower.hasSuffix(".markdown") else { return nil }
        let decoded = RelativeLinkRule.decodingPercentEscapes(d)
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? decoded : directory + "/" + decoded
    }

    @Test("template delimiters are found where Foundation finds them, ASCII ones as bytes and others as Characters")
    func templateDelimiters() {
        // Delimiters set to `é` are found written as `e` and a combining accent too, as the
        // Mustache parser compares Characters.
        let pieces = ["{{", "}}", "{", "}", "<%", "%>", " ", "a", "*", "=", "é", "e\u{301}", "«", "»", "日本", "x\n", "\r\n", "👩‍💻"]
        let needles: [Substring] = ["{{", "}}", "}}}", "<%", "%>", "é", "e\u{301}", "«", "»", "日本"]
        var generator = SplitMix64(seed: 0x1A7E)
        var found = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text += pieces.randomElement(using: &generator)! }
            // From a random Character on, as the tag reading searches the rest of a template.
            let rest = Substring(text).dropFirst(Int.random(in: 0...3, using: &generator))
            let needle = needles.randomElement(using: &generator)!
            let expected = rest.range(of: needle)
            if expected != nil { found += 1 }
            let got = ReportTemplates.delimiter(needle, in: rest)
            #expect(got.map { rest.utf8.distance(from: rest.startIndex, to: $0.lowerBound) } == expected.map { rest.utf8.distance(from: rest.startIndex, to: $0.lowerBound) }
                    && got.map { rest.utf8.distance(from: $0.lowerBound, to: $0.upperBound) } == expected.map { rest.utf8.distance(from: $0.lowerBound, to: $0.upperBound) },
                    "\(Array(rest.unicodeScalars)) \(Array(needle.unicodeScalars))")
        }
        #expect(found > 3_000, "\(found) found")
        #expect(ReportTemplates.includedNames("{{=é é=}}e\u{301}> tête e\u{301}") == ["tête"])
    }

    @Test("relative link targets match the Character searches")
    func linkTargets() {
        let pieces = ["a", "../", "./", "/", "b.md", ".MD", ".markdown", "#", "?", "#x.md", "?q=1", "://", "https", "mailto:",
                      "%20", "%", "\u{301}", "é", " ", "\r\n"]
        var generator = SplitMix64(seed: 0x7A26)
        var targets = 0
        for _ in 0..<20_000 {
            var destination = ""
            for _ in 0..<Int.random(in: 0...6, using: &generator) { destination += pieces.randomElement(using: &generator)! }
            let expected = Self.referenceTarget(destination, from: "postmortems/2026/x.md")
            if expected != nil { targets += 1 }
            #expect(RelativeLinkRule.target(of: destination, from: "postmortems/2026/x.md").map { Array($0.utf8) }
                    == expected.map { Array($0.utf8) }, "\(Array(destination.utf8))")
        }
        #expect(targets > 1_000, "\(targets) targets")
    }

    @Test("an id is its own page name exactly when the slug walk returns it unchanged")
    func pageNameSlugs() {
        let pieces = ["a", "z", "0", "9", "_", ".", "-", "--", "A", "é", "\u{301}", " ", "/", "🔥", "2026-07-14", "checkout", "x"]
        var generator = SplitMix64(seed: 0x5106)
        var own = 0
        for _ in 0..<20_000 {
            var id = ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) { id += pieces.randomElement(using: &generator)! }
            if Int.random(in: 0..<50, using: &generator) == 0 { id += String(repeating: "a", count: Int.random(in: 90...110, using: &generator)) }
            let walked = PageFileNames.slugWalking(id)
            if walked == id { own += 1 }
            #expect(PageFileNames.isOwnSlug(id) == (walked == id), "\(Array(id.utf8))")
            #expect(PageFileNames.slug(id) == walked, "\(Array(id.utf8))")
        }
        #expect(own > 2_000, "\(own) ids are their own slug")
        #expect(PageFileNames.isOwnSlug(String(repeating: "a", count: 100)))
        #expect(!PageFileNames.isOwnSlug(String(repeating: "a", count: 101)))
        // Names are unique, with the same suffixes as before, whether or not the fast path applies.
        let ids = ["a-b", "A b", "a-b", "a-b-2", "", "postmortem", "..x", "x"]
        #expect(Array(PageNames(ids: ids)) == ["a-b.html", "a-b-2.html", "a-b-3.html", "a-b-2-2.html", "postmortem.html",
                                               "postmortem-2.html", "x.html", "x-2.html"])
    }

    @Test("the cases each fast path turns on")
    func examples() {
        #expect(DocumentReader.defaultID(for: "postmortems/2026/2026-03-14-checkout.md") == "2026-03-14-checkout")
        #expect(DocumentReader.defaultID(for: "postmortems/.hidden") == ".hidden")
        #expect(DocumentReader.defaultID(for: "a/b/") == "b")
        #expect(DocumentReader.defaultID(for: "") == "")
        // A folder's page is named after the folder.
        #expect(DocumentReader.defaultID(for: "postmortems/2026-08-04-storefront/index.md") == "2026-08-04-storefront")
        #expect(DocumentReader.defaultID(for: "postmortems/2026-08-04-storefront/README.md") == "2026-08-04-storefront")
        #expect(DocumentReader.defaultID(for: "a/Readme.markdown") == "a")
        #expect(DocumentReader.defaultID(for: "index.md") == "index")
        #expect(DocumentReader.defaultID(for: "./index.md") == "index")
        #expect(DocumentReader.defaultID(for: "a/indexes.md") == "indexes")
        let long = String(repeating: "Rotate the pool credentials ", count: 4)
        #expect(ActionMetadataRule.shorten(long) == String(long.prefix(57)) + "…")
        #expect(ActionMetadataRule.shorten("\nsecond line only") == "second line only")
        #expect(ActionMetadataRule.shorten(String(repeating: "é", count: 60)) == String(repeating: "é", count: 60))
        #expect(TerminalEscaping.escape("plain\ttext\n") == "plain\ttext\n")
        #expect(TerminalEscaping.escape("\u{1B}[2J") == "\\u{1b}[2J")
    }
}
