import Foundation
import PostmortemKit

/// The whole path from bytes to findings, budget, classification and the rendered report, as
/// one function of arbitrary input. libFuzzer calls it millions of times (`make fuzz`); the
/// replay mode runs saved inputs through it (`make fuzz-replay`, part of `make test`), so every
/// crash the fuzzer ever found stays a regression test.
enum FuzzTarget {
    static let configuration: Configuration = {
        let yaml = """
            timezone: UTC
            slos:
              - id: checkout-availability
                services: [checkout-api]
                objective: 99.95
                window: month
              - id: search-latency
                services: [search]
                objective: 99
                window: 30d
            """
        return (try? ConfigurationReader.parse(yaml, path: "pm.yml")) ?? .default
    }()
    static let linter = try? Linter(configuration: configuration)
    static let classifier = try? Classifier(configuration: configuration)
    static let templates = try? ReportTemplates.builtIn()
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!

    static func run(_ bytes: [UInt8]) {
        guard let linter, let classifier, let templates else { fatalError("fuzz set-up failed") }
        let read = DocumentReader.read(bytes, path: "postmortems/fuzz.md", options: ReadOptions(configuration: configuration, renderHTML: true))
        let document = ReportedDocument(postmortem: read.postmortem,
                                        classification: classifier.classify(read.postmortem, source: read.source),
                                        findings: linter.lint(read, today: today),
                                        bodyHTML: PageHTML.prepare(read.html ?? ""))
        let period = ReportingPeriod.latestCompleteQuarter(before: today, zone: .utc)
        let options = ReportOptions(period: period, today: today)
        let site = ReportGenerator.site(documents: [document], configuration: configuration, classifier: classifier,
                                        linter: linter, options: options, templates: templates)
        _ = JSONOutput.encode(ShowOutput(postmortems: [read.postmortem]))
        precondition(!site.files.isEmpty)
        // Text output is inert in a terminal and a CI log: no control character but line feed and
        // tab, and no line a GitHub runner reads as a workflow command (docs/hardening.md).
        // The values alone too, as a line of lint's text or a CSV row may start with one.
        let values = [read.postmortem.id, read.postmortem.title ?? ""] + read.postmortem.services + read.postmortem.authors
        let text = ([RecordTextRenderer.render(read.postmortem)] + values).map { TerminalEscaping.escape($0) }.joined(separator: "\n")
        for line in text.unicodeScalars.split(separator: "\n") {
            let start = line.drop { $0.properties.isWhitespace }
            precondition(!start.starts(with: [":", ":"]) && !String(String.UnicodeScalarView(line)).contains("##["), "workflow command in text output")
            precondition(!line.contains { $0.value < 0x20 && $0 != "\t" || (0x7F...0x9F).contains($0.value) }, "control character in text output")
        }
    }
}

#if FUZZING
/// libFuzzer calls this for every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links executables with `main` renamed to `pm_fuzz_main`, and libFuzzer brings a
/// `main` of its own; the build allows both, and whichever the linker keeps ends up in
/// libFuzzer's driver.
@_cdecl("pm_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}
#else
/// Replay: run each file or every file in each directory given through the target.
@main
enum Replay {
    static func main() {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            let inputs = InputDiscovery.expand([argument]).map(\.path)
            let files = inputs.isEmpty ? [argument] : inputs
            for path in files {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                FuzzTarget.run(Array(data))
                count += 1
            }
        }
        print("fuzz-replay: \(count) passed, 0 failed")
    }
}
#endif
