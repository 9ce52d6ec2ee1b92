import Foundation
import Testing
@testable import PostmortemKit

@Suite("pm report output directory")
struct ReportWriterTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pm-report-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    let site = [ReportFile(path: ReportSite.markerName, contents: ReportSite.markerContents),
                ReportFile(path: "index.html", contents: "<!DOCTYPE html>"),
                ReportFile(path: "incidents/a.html", contents: "a")]

    @Test("writes a new directory, creating parents, and leaves nothing else beside it")
    func writesNew() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("build/report")
        try ReportWriter.write(site, to: out.path)
        #expect(try String(contentsOf: out.appendingPathComponent("incidents/a.html"), encoding: .utf8) == "a")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("build").path) == ["report"])
    }

    @Test("replaces a previous report, dropping files it no longer has")
    func replacesPrevious() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        try ReportWriter.write(site + [ReportFile(path: "incidents/old.html", contents: "old")], to: out.path)
        try ReportWriter.write(site, to: out.path)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("incidents/old.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["report"])
    }

    @Test("refuses to replace a directory that is not a pm report, and leaves it alone")
    func refusesForeignDirectory() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let precious = root.appendingPathComponent("notes.txt")
        try "keep me".write(to: precious, atomically: true, encoding: .utf8)
        #expect(throws: ReportError.self) { try ReportWriter.write(site, to: root.path) }
        #expect(try String(contentsOf: precious, encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["notes.txt"])
    }

    /// A link to a previous report had been refused as "exists and is not a directory" (the
    /// black-box pass of stop 42): it is refused still, since renaming the report into place would
    /// replace the link, and the message says what it is and what to give instead.
    @Test("refuses a symbolic link as --out, naming it and where it leads")
    func refusesSymbolicLink() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let real = root.appendingPathComponent("real"), link = root.appendingPathComponent("link")
        try ReportWriter.write(site, to: real.path)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        let error = #expect(throws: ReportError.self) { try ReportWriter.write(site, to: link.path) }
        #expect(error?.description == "\(link.path) is a symbolic link (to \(real.path)), which pm does not replace; give the directory it names as --out, or another --out")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
    }

    /// Left open by stop 47: `--out link/../report` was read as `./report` (Foundation reads
    /// `..` as text), another directory than the one beside what the link names, where `mkdir -p`
    /// and the shell's `ls` go.
    @Test("--out through a symbolic link and .. goes where the system goes")
    func dotDotAfterALink() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let deep = root.appendingPathComponent("scratch/build")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: deep.path)
        // Foundation keeps `..` in an absolute path and drops it lexically from a relative one
        // (`pm report --out link/../report`, e2e), so the path is resolved before either.
        let real = URL(fileURLWithPath: root.path).resolvingSymlinksInPath().path
        #expect(try ReportWriter.physicalPath(root.path + "/link/../report") == real + "/scratch/report")
        try ReportWriter.write(site, to: root.path + "/link/../report")
        #expect(FileManager.default.fileExists(atPath: root.path + "/scratch/report/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["link", "scratch"])
        #expect(try ReportWriter.physicalPath("a/b") == "a/b" && ReportWriter.physicalPath(root.path + "/link/..") == root.path + "/link/..")
        #expect(try ReportWriter.physicalPath("../out") == "../out")
        // A part before `..` that cannot be resolved is an error, not the text's reading (the retest).
        try FileManager.default.createSymbolicLink(atPath: root.path + "/broken", withDestinationPath: root.path + "/nowhere")
        let error = #expect(throws: ReportError.self) { try ReportWriter.write(site, to: root.path + "/broken/../site") }
        #expect(error?.description == "\(root.path)/broken/../site: cannot resolve \(root.path)/broken/..: No such file or directory; give --out without `..`")
        #expect(throws: ReportError.self) { try ReportWriter.physicalPath("missing-\(UUID().uuidString)/../out") }
        #expect(!FileManager.default.fileExists(atPath: root.path + "/site"))
    }

    /// Left open by stop 42: under a parent that is a broken symbolic link (or a file), the
    /// message was the system's "A file with the same name already exists".
    @Test("says which part of --out's path is in the way")
    func namesWhatIsInTheWay() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let broken = root.appendingPathComponent("broken"), file = root.appendingPathComponent("file")
        try FileManager.default.createSymbolicLink(atPath: broken.path, withDestinationPath: root.appendingPathComponent("gone").path)
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let viaLink = #expect(throws: ReportError.self) { try ReportWriter.write(site, to: broken.appendingPathComponent("site").path) }
        #expect(viaLink?.description == "cannot create \(broken.path): \(broken.path) is a symbolic link (to \(root.path)/gone), and \(root.path)/gone does not exist")
        let viaFile = #expect(throws: ReportError.self) { try ReportWriter.write(site, to: file.appendingPathComponent("x/site").path) }
        #expect(viaFile?.description == "cannot create \(file.path)/x: \(file.path) exists and is not a directory")
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
        // A loop of links (the retest of stop 43: it had been called a link to nothing).
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
        try FileManager.default.createSymbolicLink(atPath: a.path, withDestinationPath: b.path)
        try FileManager.default.createSymbolicLink(atPath: b.path, withDestinationPath: a.path)
        let viaLoop = #expect(throws: ReportError.self) { try ReportWriter.write(site, to: a.appendingPathComponent("site").path) }
        #expect(viaLoop?.description == "cannot create \(a.path): \(a.path) is a symbolic link in a loop of links")
    }

    @Test("refuses to replace a previous report that also holds files pm did not write, and leaves them",
          arguments: ["drafts/2026-08-04-a.md", "2026-08-04-a.md", "incidents/notes.txt", "incidents/sub/a.html", "CNAME"])
    func refusesReportWithForeignFiles(foreign: String) throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        try ReportWriter.write(site, to: out.path)
        let file = out.appendingPathComponent(foreign)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "keep me".write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ReportError.self) { try ReportWriter.write(site, to: out.path) }
        #expect(error?.description.contains("pm did not write") == true)
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["report"])
        // Once the file is moved out, the report is replaced as before.
        try FileManager.default.removeItem(at: file)
        if foreign.hasPrefix("drafts/") || foreign.hasPrefix("incidents/sub/") {
            try FileManager.default.removeItem(at: file.deletingLastPathComponent())
        }
        try ReportWriter.write(site, to: out.path)
    }

    @Test("an .html file in incidents/ that the previous report's marker does not list is not taken for a page")
    func unlistedPageIsForeign() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        let listing = [ReportFile(path: ReportSite.markerName, contents: ReportSite.marker(pageNames: ["a.html"])),
                       ReportFile(path: "index.html", contents: "<!DOCTYPE html>"),
                       ReportFile(path: "incidents/a.html", contents: "a")]
        try ReportWriter.write(listing, to: out.path)
        #expect(ReportSite.pageNames(inMarker: ReportSite.marker(pageNames: ["a.html", "b.html"])) == ["a.html", "b.html"])
        #expect(ReportSite.pageNames(inMarker: ReportSite.markerContents) == nil)
        let notes = out.appendingPathComponent("incidents/review-notes.html")
        try "<p>notes</p>".write(to: notes, atomically: true, encoding: .utf8)
        let error = #expect(throws: ReportError.self) { try ReportWriter.write(listing, to: out.path) }
        #expect(error?.description.contains("review-notes.html, which pm did not write") == true)
        #expect(try String(contentsOf: notes, encoding: .utf8) == "<p>notes</p>")
        // Without it, the listed page is replaced as before.
        try FileManager.default.removeItem(at: notes)
        try ReportWriter.write(listing, to: out.path)
    }

    /// Found by the robustness pass of stop 47: Foundation lists a name that is not UTF-8 with
    /// U+FFFD, a name no file has, so the check took such a folder and file for gone, and the
    /// replacement deleted them.
    @Test("a previous report holding a file or folder whose name is not UTF-8 is not replaced", arguments: ["", "incidents/", "assets/x/"])
    func undecodableNamesAreForeign(_ folder: String) throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        try ReportWriter.write(site, to: out.path)
        let place = out.path + "/" + folder
        try FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: true)
        // "drafts-été" in Latin-1: é is the lone byte E9.
        let name = Array(place.utf8) + Array("drafts-".utf8) + [0xE9, UInt8(ascii: "t"), 0xE9]
        let made = (name + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { mkdir($0.baseAddress!, 0o755) } }
        #expect(made == 0)
        let error = #expect(throws: ReportError.self) { try ReportWriter.write(site, to: out.path) }
        #expect(error?.description.contains("whose name is not UTF-8") == true)
        #expect(try DirectoryListing(place).undecodable == ["drafts-\u{FFFD}t\u{FFFD}"])
    }

    @Test("--out that names the directory pm runs in, or one holding it, is refused")
    func currentDirectoryIsRefused() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        // Deeper than the 1,024 bytes Foundation's resolvingSymlinksInPath keeps (the review).
        var inner = root
        for level in 0..<60 { inner = inner.appendingPathComponent("directory_component_\(level)") }
        try fm.createDirectory(at: inner, withIntermediateDirectories: true)
        let link = root.appendingPathComponent("link")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: inner.path)
        for out in [inner.path, inner.deletingLastPathComponent().path, root.path, link.path + "/.", inner.path + "/."] {
            #expect(throws: ReportError.self) { try ReportWriter.Stage(directory: out, workingDirectory: inner.path) }
        }
        #expect(fm.fileExists(atPath: inner.path))
        #expect(try fm.contentsOfDirectory(atPath: inner.path).isEmpty)
        // A sibling is fine.
        let sibling = inner.deletingLastPathComponent().appendingPathComponent("report")
        let stage = try ReportWriter.Stage(directory: sibling.path, workingDirectory: inner.path)
        for file in site { try stage.write(file) }
        try stage.commit()
        #expect(fm.fileExists(atPath: sibling.appendingPathComponent("index.html").path))
    }

    @Test("entries listed but gone when looked at (another pm report replacing the same --out) are not foreign")
    func vanishedEntriesAreNotForeign() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        try ReportWriter.write(site, to: out.path)
        let listed = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(ReportWriter.foreignEntry(in: out.path, contents: listed + ["drafts", "gone.md"]) == nil)
        try "keep me".write(to: out.appendingPathComponent("drafts"), atomically: true, encoding: .utf8)
        #expect(ReportWriter.foreignEntry(in: out.path, contents: listed + ["drafts", "gone.md"])?.path == out.appendingPathComponent("drafts").path)
        // The pages folder itself gone: nothing foreign.
        try FileManager.default.removeItem(at: out.appendingPathComponent("drafts"))
        try FileManager.default.removeItem(at: out.appendingPathComponent("incidents"))
        #expect(ReportWriter.foreignEntry(in: out.path, contents: listed) == nil)
    }

    @Test("a file path that would leave the directory fails the write and stages nothing")
    func refusesEscapingPaths() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        #expect(throws: ReportError.self) {
            try ReportWriter.write(site + [ReportFile(path: "../escaped.html", contents: "x")], to: out.path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test("page names keep ids inside incidents/ and unique")
    func pageNames() {
        #expect(PageFileNames.assign(["../../etc/passwd", "A b", "a-b", "", "🔥"]) ==
                ["etc-passwd.html", "a-b.html", "a-b-2.html", "postmortem.html", "postmortem-2.html"])
        // Ids outside ASCII are written in Latin letters, as pm new's file names are: they had all
        // become postmortem.html, postmortem-2.html, … (the black-box pass of stop 42).
        #expect(PageFileNames.assign(["ÄÖÜ", "日本語", "Störung-Zahlungen", "Сбой", ".", ".."]) ==
                ["aou.html", "ri-ben-yu.html", "storung-zahlungen.html", "sboj.html", "postmortem.html", "postmortem-2.html"])
        // Ids in ASCII keep the names they had: an id in other letters yields to them (the review).
        #expect(PageFileNames.assign(["Café", "cafe", "cafe-2", "A b", "a-b"]) == ["cafe-3.html", "cafe.html", "cafe-2.html", "a-b.html", "a-b-2.html"])
    }

    @Test("medians and 90th percentiles interpolate between ranks")
    func percentiles() {
        #expect(Percentile.median([]) == nil)
        #expect(Percentile.median([7]) == 7)
        #expect(Percentile.median([40, 10, 20, 30]) == 25)
        #expect(Percentile.of([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90) == 91)
    }

    @Test("HTML escaping for text and attributes, forbidden characters replaced")
    func escaping() {
        #expect(HTMLEscaping.text("<a href=\"x\">&'") == "&lt;a href=\"x\"&gt;&amp;'")
        #expect(HTMLEscaping.attribute("\"'<>&") == "&quot;&#39;&lt;&gt;&amp;")
        #expect(HTMLEscaping.removingForbiddenCharacters("a\u{1B}[31mb\u{0}c\tok") == "a\u{FFFD}[31mb\u{FFFD}c\tok")
    }

    @Test("a quote or < followed by a combining mark is escaped in report templates (swift-mustache's own escaping missed it)")
    func combiningMarksAreEscaped() throws {
        let templates = try ReportTemplates(templates: [
            "index": "{{#rows}}\n<a title=\"{{value}}\">{{value}}</a>\n{{/rows}}\n",
            "postmortem": "{{body}}",
        ], source: "test")
        let hostile = "x\"\u{301} onmouseover=\"\u{301}alert(1) <\u{338}b> &\u{301} '\u{301} \u{1B}"
        let html = templates.render(["rows": [["value": hostile]]], with: "index")
        #expect(html == "<a title=\"x&quot;\u{301} onmouseover=&quot;\u{301}alert(1) &lt;\u{338}b&gt; &amp;\u{301} &#39;\u{301} \u{FFFD}\">"
                + "x&quot;\u{301} onmouseover=&quot;\u{301}alert(1) &lt;\u{338}b&gt; &amp;\u{301} &#39;\u{301} \u{FFFD}</a>\n")
        // The pragma pm adds is a line of its own, so it leaves no blank line behind.
        #expect(templates.render([:], with: "postmortem") == "")
        // An error names the line of the user's file, not of the text with the pragma.
        #expect {
            _ = try ReportTemplates(templates: ["index": "ok\n{{/nope}}\n", "postmortem": ""], source: "test")
        } throws: { error in
            "\(error)".contains("index.mustache in test is not valid Mustache: line 2, column")
        }
    }

    /// swift-mustache's errors named its own cases (`unfinishedName`), pointed at the start of the
    /// next line for a tag left open, and at the end of the file for a section never closed (the
    /// black-box pass of stop 42).
    @Test("a template that does not parse is reported at the tag at fault, in words", arguments: [
        ("<p>\n<b>{{title</b>\n<i>x</i>\n", "line 2, column 4: a tag is not closed with `}}`, or its name holds a character names cannot have, in `<b>{{title</b>`"),
        ("<p>\n  {{#broken}}\n<i>x</i>\n", "line 2, column 3: the section `{{#broken}}` is never closed (no `{{/broken}}`), in `  {{#broken}}`"),
        ("{{#a}}\n{{^b}}\n{{/b}}\n{{/c}}\n", "line 4, column 1: `{{/c}}` closes the section `{{#a}}` of line 1, in `{{/c}}`"),
        ("{{=<% %>}}\n", "line 1, column 1: a tag is left open to the end of the file, in `{{=<% %>}}`"),
        // CRLF line ends (the review of the stop: a CRLF template had been one line).
        ("<p>\r\n<b>{{title</b>\r\n<i>x</i>\r\n", "line 2, column 4: a tag is not closed with `}}`, or its name holds a character names cannot have, in `<b>{{title</b>`"),
        ("{{^a}}\r\n{{/c}}\r\n", "line 2, column 1: `{{/c}}` closes the section `{{^a}}` of line 1, in `{{/c}}`"),
        // A close with no section open (the retest of the stop).
        ("<body>{{/stray}}\n", "line 1, column 7: `{{/stray}}` closes no section: none is open there, in `<body>{{/stray}}`"),
        ("{{#a}}{{/a}}{{/a}}\n", "line 1, column 13: `{{/a}}` closes no section: none is open there, in `{{#a}}{{/a}}{{/a}}`"),
    ])
    func parseErrorsInWords(text: String, message: String) {
        #expect {
            let filler = String(repeating: text.contains("\r\n") ? "<p>{{title}}</p>\r\n" : "<p>{{title}}</p>\n", count: 300)
            _ = try ReportTemplates(templates: ["index": filler + text, "postmortem": ""], source: "t")
        } throws: { error in
            // The index is long enough to be parsed in parts: the error is the whole text's.
            let expected = message.replacingOccurrences(of: "line 1,", with: "line 301,").replacingOccurrences(of: "line 2,", with: "line 302,")
                .replacingOccurrences(of: "line 4,", with: "line 304,").replacingOccurrences(of: "of line 1", with: "of line 301")
            return "\(error)".hasPrefix("the template index.mustache in t is not valid Mustache: " + expected) || { print(error); return false }()
        }
    }

    @Test("templates that include themselves, directly or through others, are refused before anything renders")
    func recursivePartials() throws {
        #expect(ReportTemplates.includedNames("{{> style}} {{>head}} {{< base}} {{>*dynamic}} {{{raw}}} {{=<% %>=}}<%> swapped%> {{> ignored}}")
                == ["style", "head", "base", "swapped"])
        // Delimiters and names outside ASCII, matched byte for byte; an unclosed tag ends the scan.
        #expect(ReportTemplates.includedNames("{{=« »=}}«> café » «{x» «={{ }}=» {{< tête }} {{> open")
                == ["café", "tête"])
        let cycles: [[String: String]] = [
            ["index": "{{> style}}", "postmortem": "", "style": "x {{> style}}"],
            ["index": "{{> a}}", "postmortem": "", "a": "{{#rows}}{{> b}}{{/rows}}", "b": "{{> a}}"],
            ["index": "{{=<% %>=}}<%> index %>", "postmortem": ""],
        ]
        for templates in cycles {
            #expect(ReportTemplates.partialCycle(templates) != nil, "\(templates)")
            #expect {
                _ = try ReportTemplates(templates: templates, source: "test")
            } throws: { error in
                "\(error)".contains("includes itself")
            }
        }
        #expect(ReportTemplates.partialCycle(["index": "{{> style}}{{> missing}}", "postmortem": "{{> style}}", "style": "{{> head}}", "head": ""]) == nil)
        #expect(ReportTemplates.partialCycle(["index": "{{> style}}", "style": "{{> index}}"]) == ["index", "style", "index"])
        // The templates pm ships include no cycle.
        _ = try ReportFixture.templates()
    }

    /// A re-branded copy of the templates that misspells a partial, or lacks `style.mustache`,
    /// rendered pages without it and said nothing (the black-box pass of stop 42).
    @Test("a partial that is no template of the folder is a warning; the built-in templates have none")
    func missingPartials() throws {
        let templates = try ReportTemplates(templates: ["index": "{{> style}}{{> nosuch}}{{>*dynamic}}", "postmortem": "{{> style}} {{> style}}"],
                                            source: "templates/report")
        #expect(templates.warnings == [
            "the template index.mustache in templates/report includes `nosuch`, which is no template there (no nosuch.mustache): it renders as nothing",
            "the template index.mustache in templates/report includes `style`, which is no template there (no style.mustache): it renders as nothing",
            "the template postmortem.mustache in templates/report includes `style`, which is no template there (no style.mustache): it renders as nothing",
        ])
        #expect(try ReportFixture.templates().warnings.isEmpty)
        #expect(try ReportTemplates.builtIn().warnings.isEmpty)
    }

    @Test("pm.yml naming a templates directory that does not exist is a warning; the default name is not")
    func missingTemplatesDirectory() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pm-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("brand"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        func warning(_ yaml: String) throws -> String? {
            try ConfigurationReader.parse(yaml, path: root.appendingPathComponent("pm.yml").path, rootDirectory: root.path).missingTemplatesWarning
        }
        #expect(try warning("templates: nosuchdir\n") == "`templates: nosuchdir` names no directory (\(root.path)/nosuchdir); the built-in templates are used")
        #expect(try warning("templates: brand\n") == nil)
        #expect(try warning("timezone: UTC\n") == nil)
    }

    @Test("cmark-gfm table alignment becomes a style, since align is obsolete in HTML5")
    func tableAlignment() {
        let html = PageHTML.prepare(MarkdownParser.renderHTML("| a | b |\n|:--|--:|\n| 1 | 2 |\n"))
        #expect(!html.contains("align=\""))
        #expect(html.contains("<th style=\"text-align: left\">a</th>"))
        #expect(html.contains("<td style=\"text-align: right\">2</td>"))
        // Also when the cell starts with a combining mark (Foundation's search, which this
        // replaced, would not split the grapheme and left the obsolete attribute).
        #expect(!PageHTML.prepare(MarkdownParser.renderHTML("| \u{301}x |\n|:--|\n| a |\n")).contains("align=\""))
    }

    @Test("the byte pre-check for forbidden characters agrees with decoding every scalar")
    func forbiddenCharacterPrecheck() {
        // Every BMP scalar, and the first, last and noncharacter code points of the other planes.
        let planes = (UInt32(1)...16).flatMap { plane in [0x0000, 0xF600, 0xFFFD, 0xFFFE, 0xFFFF].map { plane << 16 | $0 } }
        for value in Array(UInt32(0)...0xFFFF) + planes {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if HTMLEscaping.isForbidden(scalar) && !HTMLEscaping.mayHoldForbidden("a\(scalar)b") {
                Issue.record("U+\(String(value, radix: 16)) is forbidden but the byte pre-check lets it through")
            }
        }
        // The pre-check exists to skip decoding for ordinary prose.
        #expect(!HTMLEscaping.mayHoldForbidden("Checkout 5xx rose to 35% — “p99” at 14:02, café\n\ttab"))
        // Eight bytes at a time, it answers as the byte-by-byte test it replaced, wherever in a
        // longer text the byte falls.
        func byteByByte(_ text: String) -> Bool {
            text.utf8.contains { b in b < 0x20 ? b != 0x09 && b != 0x0A && b != 0x0D : b == 0x7F || b == 0xC2 || b >= 0xEF }
        }
        let pieces = ["a", "Z", "~", " ", "\n", "\t", "\r", "\u{1}", "\u{1F}", "\u{7F}", "\u{85}", "é", "—", "“",
                      String(Unicode.Scalar(0xFDD0)!), String(Unicode.Scalar(0xFFFE)!), "😀", "<p>Checkout 5xx rose</p>", "0123456789abcdef"]
        var generator = SplitMix64(seed: 0xF0B1)
        var found = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                text += Int.random(in: 0..<4, using: &generator) == 0 ? pieces.randomElement(using: &generator)! : "abcdefgh"
            }
            let expected = byteByByte(text)
            if expected { found += 1 }
            #expect(HTMLEscaping.mayHoldForbidden(text) == expected, "\(Array(text.utf8))")
        }
        #expect(found > 2_000 && found < 18_000)
    }

    @Test("cmark-gfm's percent-encoded control characters are found, other percent signs are not")
    func encodedControlCharacters() {
        #expect(PageHTML.hasEncodedControlCharacter(Array("<a href=\"http://x%1B\">".utf8)))
        #expect(PageHTML.hasEncodedControlCharacter(Array("%7f".utf8)))
        #expect(PageHTML.hasEncodedControlCharacter(Array("%0a".utf8)))
        #expect(!PageHTML.hasEncodedControlCharacter(Array("35% of requests, %20, %7E, %1".utf8)))
        let html = PageHTML.prepare(MarkdownParser.renderHTML("Error rate 35%, see http://x\u{1B}y and <http://ok.example/a%20b>\n"))
        #expect(html.contains("35%"))
        #expect(html.contains("<a href=\"http://ok.example/a%20b\">"))
        #expect(!html.contains("%1B\""))
    }

    @Test("an image whose unsafe source safe mode removed becomes its alt text")
    func emptyImageSource() {
        let html = PageHTML.prepare(MarkdownParser.renderHTML("![a <b>](javascript:alert(1) \"t\") ![ok](x.png)\n"))
        #expect(!html.contains("src=\"\""))
        #expect(html.contains("<span class=\"removed-image\">a &lt;b&gt;</span>"))
        #expect(html.contains("<img src=\"x.png\" alt=\"ok\" />"))
    }
}
