import ArgumentParser
import PostmortemKit

extension PM {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a new postmortem from a template.")
        func run() throws {}
    }
}
