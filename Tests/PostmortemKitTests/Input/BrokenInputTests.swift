import Foundation
import Testing
@testable import PostmortemKit

/// The broken-document corpus: every file gets its exact problem (code and position), and one
/// run over all of them still reads the good document among them.
@Suite struct BrokenInputTests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures/broken", withExtension: nil)!

    /// file → expected problems as `CODE@line:col` (or `CODE` for the whole file).
    static let expected: [String: [String]] = [
        "empty.md": ["P004"],
        "only-front-matter.md": [],
        "unclosed-front-matter.md": ["P010@1:1"],
        "invalid-yaml.md": ["P011@4:9"],
        "yaml-list.md": ["P012@2:1"],
        "yaml-scalar.md": ["P012@2:1"],
        "wrong-types.md": ["P013@2:8", "P013@3:11", "P013@4:10", "P013@5:9"],
        "impossible-date.md": ["P014@2:10", "P014@3:11"],
        "no-zone.md": [],
        "bom.md": [],
        "crlf.md": [],
        "lone-cr.md": [],
        "invalid-utf8.md": ["P002@6:6"],
        "nul-byte.md": ["P003@3:5"],
        "binary.md": ["P003@1:1"],
        "duplicate-id-a.md": [],
        "duplicate-id-b.md": [],
        "duplicate-key.md": ["P016@3:1"],
        "bad-due-date.md": ["P021@4:1"],
    ]

    static func describe(_ problem: Problem) -> String {
        problem.range.map { "\(problem.code.rawValue)@\($0.start)" } ?? problem.code.rawValue
    }

    @Test func everyBrokenFileGetsItsExactProblem() {
        let inputs = InputDiscovery.expand([Self.fixtures.path])
        let records = DocumentLoader.map(inputs, workers: 2, options: ReadOptions()) { $0.postmortem }
        #expect(records.count == Self.expected.count)
        for record in records {
            let name = (record.path as NSString).lastPathComponent
            #expect(record.problems.map(Self.describe) == Self.expected[name], "\(name)")
        }
    }

    @Test func contentSurvivesBadBytes() {
        let inputs = InputDiscovery.expand([Self.fixtures.path])
        let byName = Dictionary(uniqueKeysWithValues: DocumentLoader.map(inputs, options: ReadOptions()) { $0.postmortem }
            .map { (($0.path as NSString).lastPathComponent, $0) })
        #expect(byName["bom.md"]?.title == "With BOM")
        #expect(byName["crlf.md"]?.timeline.first?.range.start.line == 7)
        #expect(byName["lone-cr.md"]?.timeline.first?.range.start.line == 7)
        #expect(byName["invalid-utf8.md"]?.title == "Bad bytes")
        #expect(byName["no-zone.md"]?.started?.zoneAssumed == true)
        #expect(byName["duplicate-id-a.md"]?.id == byName["duplicate-id-b.md"]?.id)
        #expect(byName["invalid-yaml.md"]?.title == "Body")
    }

    /// Found by the black-box pass of stop 36: a file of blank lines was read as a document.
    @Test func blankFilesAreEmpty() {
        for bytes in [[UInt8](" \n\n\t\r\n".utf8), [10], [0xEF, 0xBB, 0xBF, 10]] {
            let read = DocumentReader.read(bytes, path: "blank.md").postmortem
            #expect(read.problems.map(\.code) == [.empty])
            #expect(read.problems.first?.message == "the file holds only blank lines and spaces")
            #expect(!read.isDocument)
        }
        #expect(DocumentReader.read([], path: "e.md").postmortem.problems.map(\.message) == ["the file is empty"])
    }

    @Test func filesystemTrouble() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pm-broken-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("x.md"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "# Good\n".write(to: dir.appendingPathComponent("good.md"), atomically: true, encoding: .utf8)
        try "# Hidden\n".write(to: dir.appendingPathComponent("x.md/inside.md"), atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("sub/loop").path, withDestinationPath: dir.path)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("dangling.md").path, withDestinationPath: dir.appendingPathComponent("nowhere.md").path)
        let locked = dir.appendingPathComponent("locked.md")
        try "# Locked\n".write(to: locked, atomically: true, encoding: .utf8)
        try fm.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: locked.path) }
        mkfifo(dir.appendingPathComponent("fifo.md").path, 0o644)

        let inputs = InputDiscovery.expand([dir.path])
        let records = DocumentLoader.map(inputs, options: ReadOptions()) { $0.postmortem }
        let byName = Dictionary(records.map { ((($0.path as NSString).lastPathComponent), $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["good.md"]?.title == "Good")
        #expect(byName["inside.md"]?.title == "Hidden")
        #expect(byName["x.md"]?.problems.map(\.code) == [.unreadable])
        #expect(byName["dangling.md"]?.problems.map(\.code) == [.unreadable])
        #expect(byName["fifo.md"]?.problems.map(\.code) == [.unreadable])
        #expect(byName["loop"]?.problems.first?.message.contains("reached again through a symbolic link") == true)
        if getuid() != 0 {
            // root reads files whatever their mode.
            #expect(byName["locked.md"]?.problems.map(\.code) == [.unreadable])
        }
    }

    @Test func largeAndDeepDocumentsAreReadInBoundedWays() {
        let deepLists = DocumentReader.read(text: String(repeating: "- ", count: 10_000) + "x\n", path: "deep.md").postmortem
        #expect(deepLists.problems.map(\.code) == [.tooDeep])
        let deepQuotes = DocumentReader.read(text: String(repeating: ">", count: 10_000) + " x\n", path: "q.md").postmortem
        #expect(deepQuotes.problems.map(\.code) == [.tooDeep])
        let deepYAML = DocumentReader.read(text: "---\nx: " + String(repeating: "[", count: 10_000) + "\n---\n", path: "y.md").postmortem
        #expect(deepYAML.problems.map(\.code) == [.invalidYAML])
        let longLine = DocumentReader.read(text: "## Timeline\n- 14:02 " + String(repeating: "a", count: 1 << 20) + "\n", path: "l.md").postmortem
        #expect(longLine.timeline.first?.text.utf8.count == 1 << 20)
        var many = "---\nstarted: 2026-01-01T00:00:00Z\n---\n## Timeline\n"
        for i in 0..<100_000 { many += "- \(i / 60 % 24):\(String(format: "%02d", i % 60)): event \(i)\n" }
        let timeline = DocumentReader.read(text: many, path: "m.md").postmortem.timeline
        #expect(timeline.count == 100_000)
        #expect(timeline.last?.range.start.line == 100_004)
    }

    @Test func oversizedFilesAreNotRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pm-huge-\(UUID().uuidString).md").path
        defer { unlink(path) }
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        ftruncate(fd, off_t(DocumentLoader.maximumSize + 1))
        close(fd)
        let record = DocumentLoader.read(InputFile(path: path, problem: nil), options: ReadOptions()).postmortem
        #expect(record.problems.map(\.code) == [.unreadable])
    }
}
