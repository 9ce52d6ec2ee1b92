import Benchmark
import Foundation
import PostmortemKit

/// One iteration runs a stage over every document of the sample, so the stages can be compared
/// with each other and with cmark-gfm's own parse and HTML rendering (the floor `make bench`
/// measures the whole program against) on the same bytes.
///
/// The sample is the first `PM_MICRO_DOCUMENTS` (default 200) files, by name, of
/// `PM_MICRO_CORPUS` (default `../corpora/1000`, which `make bench-micro` generates).
let benchmarks: @Sendable () -> Void = {
    let sample: Sample
    do {
        sample = try Sample.load()
    } catch {
        FileHandle.standardError.write(Data("bench-micro: \(error)\n".utf8))
        exit(2)
    }
    let seconds = Double(ProcessInfo.processInfo.environment["PM_MICRO_SECONDS"] ?? "") ?? 5
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 1,
        maxDuration: .milliseconds(Int(seconds * 1000)),
        maxIterations: 100
    )

    Benchmark("floor: cmark-gfm parse + HTML") { benchmark in
        for text in sample.texts { blackHole(MarkdownParser.renderHTML(text)) }
    }
    Benchmark("parse: Markdown tree") { benchmark in
        for text in sample.texts { blackHole(MarkdownParser.parse(text)) }
    }
    Benchmark("extract: record (parse, front matter, extraction)") { benchmark in
        for (path, bytes) in zip(sample.paths, sample.bytes) {
            blackHole(DocumentReader.read(bytes, path: path, options: sample.readOptions))
        }
    }
    Benchmark("lint: single-document rules") { benchmark in
        for document in sample.documents { blackHole(sample.linter.lint(document, today: sample.today)) }
    }
    // Most generated documents declare their causes, which pm takes as given; the scoring that a
    // document without `causes:` or category labels goes through is measured on its own, on the
    // same documents with both removed.
    Benchmark("classify: as written") { benchmark in
        for document in sample.documents { blackHole(sample.classifier.classify(document.postmortem, source: document.source)) }
    }
    Benchmark("classify: scored from the text") { benchmark in
        for (record, document) in zip(sample.unlabelled, sample.documents) {
            blackHole(sample.classifier.classify(record, source: document.source))
        }
    }
    Benchmark("render: pm show JSON") { benchmark in
        for document in sample.documents { blackHole(JSONOutput.encode(document.postmortem)) }
    }
    Benchmark("render: report pages") { benchmark in
        for index in sample.review.documents.indices {
            let document = sample.review.documents[index]
            blackHole(ReportSite.page(sample.review, index: index, body: document.bodyHTML, findings: PageFinding.rows(document.findings),
                                      actions: document.postmortem.actions, classification: document.classification,
                                      header: DocumentHeader(document.postmortem), templates: sample.templates))
        }
    }
    Benchmark("render: report index") { benchmark in
        blackHole(ReportSite.summaryFile("index.html", sample.review, templates: sample.templates))
    }
}

/// The documents every benchmark reads, loaded once, and what the stages need.
struct Sample {
    var paths: [String] = []
    var bytes: [[UInt8]] = []
    var texts: [String] = []
    var documents: [ReadDocument] = []
    /// The records without `causes:` and without category labels on their factors.
    var unlabelled: [Postmortem] = []
    let readOptions = ReadOptions()
    let linter: Linter
    let classifier = Classifier()
    let templates: ReportTemplates
    let review: QuarterlyReview
    let today = CalendarDate("2027-01-15")!

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func load() throws -> Sample {
        let environment = ProcessInfo.processInfo.environment
        let directory = environment["PM_MICRO_CORPUS"] ?? "../corpora/1000"
        let count = Int(environment["PM_MICRO_DOCUMENTS"] ?? "") ?? 200
        let inputs = InputDiscovery.expand([directory]).sorted { $0.path < $1.path }.prefix(count)
        guard !inputs.isEmpty else { throw Failure(description: "no Markdown files in \(directory); run `make bench-micro` from the repository root") }
        return try Sample(inputs: Array(inputs))
    }

    init(inputs: [InputFile]) throws {
        linter = try Linter(configuration: .default)
        templates = try ReportTemplates.builtIn()
        for input in inputs {
            guard let data = FileManager.default.contents(atPath: input.path) else { throw Failure(description: "cannot read \(input.path)") }
            paths.append(input.path)
            bytes.append([UInt8](data))
            texts.append(String(decoding: data, as: UTF8.self))
        }
        let readOptions = readOptions
        documents = zip(paths, bytes).map { DocumentReader.read($1, path: $0, options: readOptions) }
        unlabelled = documents.map { document in
            var record = document.postmortem
            record.causes = nil
            for index in record.factors.indices { record.factors[index].category = nil }
            return record
        }
        let reported = ReportGenerator.documents(inputs, configuration: .default, classifier: classifier, linter: linter, today: today)
        let options = ReportOptions(period: ReportingPeriod.quarter("2026-Q3", zone: .utc)!, today: today)
        review = QuarterlyReview(documents: reported, corpusFindings: [], configuration: .default,
                                 categories: classifier.categories, options: options)
    }
}
