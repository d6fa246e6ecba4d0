import Benchmark
import CasebookKit
import Foundation

// In-process timings of each stage on a generated corpus (scripts/generate-corpus.py, the same one
// the whole-process comparison uses). Run from Benchmarks/:
//   swift package benchmark                       # every benchmark
//   swift package benchmark --filter Rebuild      # one
// CASEBOOK_BENCH_CASES sets the corpus size for the stage benchmarks (default 1000), and
// CASEBOOK_BENCH_LARGE the site size for the rebuild benchmark (default 10000); CI uses small ones.

/// A generated site of `cases` case studies, made once per size and reused.
func corpus(_ cases: Int) -> String {
    let here = URL(fileURLWithPath: #filePath)
    let benchmarks = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-bench/inprocess-\(cases)").path
    let site = out + "/casebook"
    if !FileManager.default.fileExists(atPath: site + "/content/site.yml") {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", benchmarks.path + "/scripts/generate-corpus.py", out, String(cases)]
        try! process.run()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "the corpus generator failed")
    }
    return site
}

func caseTexts(_ site: String) -> [String] {
    let folder = site + "/content/case-studies"
    return try! FileManager.default.contentsOfDirectory(atPath: folder).sorted().filter { $0.hasSuffix(".md") }
        .map { try! String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
}

func body(of text: String) -> String {
    let parts = text.components(separatedBy: "\n---\n")
    return parts.count > 1 ? parts.dropFirst().joined(separator: "\n---\n") : text
}

let benchmarks: @Sendable () -> Void = {
    let size = Int(ProcessInfo.processInfo.environment["CASEBOOK_BENCH_CASES"] ?? "") ?? 1000
    let site = corpus(size)
    let texts = caseTexts(site)
    let bodies = texts.map(body(of:))
    let stages = PipelineStages(root: site)!
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                           scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 20)

    Benchmark("Front matter: decode \(size) case studies") { benchmark in
        for text in texts { blackHole(stages.decodeCaseStudy(text)) }
    }

    Benchmark("cmark: render \(size) bodies") { benchmark in
        for text in bodies { blackHole(stages.renderMarkdown(text)) }
    }

    Benchmark("Templates: plan and render the \(size)-case site in memory") { benchmark in
        blackHole(stages.renderSite(caseStudies: texts))
    }

    Benchmark("Build: \(size) cases, clean, to disk") { benchmark in
        let output = site + "/../public-bench"
        let report = try SiteBuilder().build(BuildOptions(root: site, output: output))
        precondition(report.succeeded)
    }

    // The `casebook serve` path: one case edited in a 10,000-case site, then rebuilt.
    let largeSize = Int(ProcessInfo.processInfo.environment["CASEBOOK_BENCH_LARGE"] ?? "") ?? 10_000
    let large = corpus(largeSize)
    let builder = IncrementalBuilder(options: BuildOptions(root: large, output: large + "/../public-serve"))
    let edited = large + "/content/case-studies/" + (try! FileManager.default.contentsOfDirectory(atPath: large + "/content/case-studies").sorted().first!)
    let original = try! String(contentsOfFile: edited, encoding: .utf8)
    Benchmark("Rebuild after editing one case (\(largeSize)-case site)",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxIterations: 30,
                                   setup: { _ = try! await builder.build(changed: nil) })) { benchmark in
        for iteration in benchmark.scaledIterations {
            let text = original.replacingOccurrences(of: "\n## ", with: "\n## Edit \(iteration) ", options: [], range: nil)
            try! text.write(toFile: edited, atomically: true, encoding: .utf8)
            let relative = "content/case-studies/" + (edited as NSString).lastPathComponent
            benchmark.startMeasurement()
            let result = try await builder.build(changed: [relative])
            benchmark.stopMeasurement()
            precondition(result.report.succeeded && !result.full)
        }
        try! original.write(toFile: edited, atomically: true, encoding: .utf8)
    }
}
