import Foundation
@testable import PostmortemKit

/// Reads Markdown text as a document at `path`.
func read(_ text: String, path: String = "postmortems/2026-07-14-test.md") -> Postmortem {
    DocumentReader.read(text: text, path: path).postmortem
}

/// Reads a document whose `## Timeline` states "All times UTC." above `entries`, with `started`
/// in its front matter when one is given.
func readTimeline(started: String? = nil, _ entries: String, path: String = "postmortems/2026-07-14-test.md") -> Postmortem {
    read((started.map { "---\nstarted: \($0)\n---\n" } ?? "") + "## Timeline\n\nAll times UTC.\n\n" + entries, path: path)
}

/// The repository root, found from this file's location.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// `../shared/corpora/real-dev`, beside the repository.
let realDevCorpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/real-dev")

/// Every Markdown file below a directory, sorted.
func markdownFiles(in directory: URL) -> [String] {
    InputDiscovery.expand([directory.path]).filter { $0.problem == nil }.map(\.path)
}
