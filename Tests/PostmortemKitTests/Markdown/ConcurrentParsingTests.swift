import Dispatch
import Testing
@testable import PostmortemKit

/// libcmark-gfm's table of special inline characters is process-wide and every parser toggles
/// its extensions' characters in it (see `MarkdownParser`). Parses running at the same time
/// must still see every strikethrough, autolink and table cell, whether or not the documents
/// contain `~` (those parse one at a time; the others run freely).
@Suite struct ConcurrentParsingTests {
    static let documents = [
        """
        | Action | Owner |
        |---|---|
        | ~~Struck action~~ | @a |
        | Open action | @b |

        - ~~done~~ item and ~~another~~
        """,
        """
        Dashboards at www.example.com and https://status.example.com/incidents/42 showed it:
        see http://grafana.internal:3000/d/abc and mail oncall@example.com, then www.example.org.

        | When | What |
        |---|---|
        | 14:02 | Alert from https://alerts.example.com fires |
        | 14:10 | Paged via www.pager.example.com |
        """,
        """
        Plain text with words that start with w: when, where, which, www.example.net, and a
        colon: here. ftp://files.example.com/dump and ~~struck~~ together.
        """,
    ]

    static func signature(_ node: MarkdownNode) -> (struck: Int, links: Int, cells: Int) {
        var struck = 0, links = 0, cells = 0
        node.walk { child in
            if case .strikethrough = child.kind { struck += 1 }
            if case .link = child.kind { links += 1 }
            if case .tableCell = child.kind { cells += 1 }
        }
        return (struck, links, cells)
    }

    @Test func serialParsesFindEveryExtension() {
        let got = Self.documents.map { Self.signature(MarkdownParser.parse($0).document) }
        #expect(got[0] == (3, 0, 6))
        #expect(got[1] == (0, 7, 6))
        #expect(got[2] == (1, 2, 0))
    }

    @Test func parsesAgreeUnderConcurrency() {
        let expected = Self.documents.map { MarkdownParser.parse($0, renderHTML: true) }
        final class Box: @unchecked Sendable { var bad = 0; let lock = NSLockLike() }
        let box = Box()
        DispatchQueue.concurrentPerform(iterations: 1200) { i in
            let index = i % Self.documents.count
            let got = MarkdownParser.parse(Self.documents[index], renderHTML: true)
            if got.document != expected[index].document || got.html != expected[index].html {
                box.lock.withLock { box.bad += 1 }
            }
        }
        #expect(box.bad == 0)
    }
}

/// A tiny lock so the test does not need Foundation.
final class NSLockLike: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)
    func withLock(_ body: () -> Void) { semaphore.wait(); body(); semaphore.signal() }
}
