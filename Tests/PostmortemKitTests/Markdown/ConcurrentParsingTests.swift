import Dispatch
import Testing
@testable import PostmortemKit

/// libcmark-gfm's table of special inline characters is process-wide; parses running at the
/// same time must still all see strikethrough and table cells (they did not before the parse
/// was serialised: `pm show` over 1,000 documents differed from run to run).
@Suite struct ConcurrentParsingTests {
    static let document = """
        | Action | Owner |
        |---|---|
        | ~~Struck action~~ | @a |
        | Open action | @b |

        - ~~done~~ item and ~~another~~
        """

    static func count(_ node: MarkdownNode) -> (struck: Int, cells: Int) {
        var struck = 0, cells = 0
        node.walk { child in
            if case .strikethrough = child.kind { struck += 1 }
            if case .tableCell = child.kind { cells += 1 }
        }
        return (struck, cells)
    }

    @Test func parsesAgreeUnderConcurrency() {
        let expected = Self.count(MarkdownParser.parse(Self.document).document)
        #expect(expected.struck == 3 && expected.cells == 6)
        final class Box: @unchecked Sendable { var bad = 0; let lock = NSLockLike() }
        let box = Box()
        DispatchQueue.concurrentPerform(iterations: 400) { _ in
            let got = Self.count(MarkdownParser.parse(Self.document).document)
            if got != expected { box.lock.withLock { box.bad += 1 } }
        }
        #expect(box.bad == 0)
    }
}

/// A tiny lock so the test does not need Foundation.
final class NSLockLike: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)
    func withLock(_ body: () -> Void) { semaphore.wait(); body(); semaphore.signal() }
}
