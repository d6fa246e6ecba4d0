// Times the `casebook serve` path outside the benchmark framework: one full build of a site, then
// `--edits` rebuilds, each after one case study's story was changed, with the phases of each.
//
//   cd Benchmarks && swift build -c release --product rebuild-timing
//   .build/release/rebuild-timing SITE [--edits N] [--summary] [--verify]
//
// Each edit changes the case's story (its headings); with `--summary` it changes the summary in the
// front matter instead, which the listings, the feed and the data files show.
// SITE is a site root (`scripts/generate-corpus.py OUT N` writes one at OUT/casebook). The output goes
// to SITE/../public-timing. `--verify` compares the output after the last edit with a clean build, byte
// for byte. The edited file is put back as it was at the end. `scripts/rebuild.sh` runs this.
import CasebookKit
import Foundation

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func milliseconds(_ value: Double) -> String { String(format: "%.1f ms", value * 1000) }

/// Every file below `folder`, by relative path, with its bytes.
func snapshot(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder)!
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[relative] = FileManager.default.contents(atPath: folder + "/" + relative)
        }
    }
    return files
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let site = arguments.first.map({ URL(fileURLWithPath: $0).standardizedFileURL.path }) else {
    FileHandle.standardError.write(Data("usage: rebuild-timing SITE [--edits N] [--summary] [--verify]\n".utf8))
    exit(2)
}
arguments.removeFirst()
var edits = 10
var verify = false
var summary = false
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--edits": edits = Int(arguments.removeFirst())!
    case "--verify": verify = true
    case "--summary": summary = true
    default: FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8)); exit(2)
    }
}

let output = (site as NSString).deletingLastPathComponent + "/public-timing"
let folder = site + "/content/case-studies"
let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
// A case from the middle of the site, so its neighbours and listings are ordinary ones.
let edited = folder + "/" + files[files.count / 2]
let relative = "content/case-studies/" + files[files.count / 2]
let original = try String(contentsOfFile: edited, encoding: .utf8)
defer { try? original.write(toFile: edited, atomically: true, encoding: .utf8) }

let builder = IncrementalBuilder(options: BuildOptions(root: site, output: output))
let clock = ContinuousClock()
var start = clock.now
let first = try await builder.build(changed: nil)
print("full build: \(first.pages) pages in \(String(format: "%.2f s", seconds(clock.now - start)))")
guard first.report.succeeded else { print("the first build failed"); exit(1) }

var times: [Double] = []
for edit in 1...edits {
    let text = summary ? original.replacingOccurrences(of: "\nsummary: >-\n  ", with: "\nsummary: >-\n  Edit \(edit). ")
                       : original.replacingOccurrences(of: "\n## ", with: "\n## Edit \(edit) ")
    try text.write(toFile: edited, atomically: true, encoding: .utf8)
    start = clock.now
    let result = try await builder.build(changed: [relative])
    let elapsed = seconds(clock.now - start)
    guard result.report.succeeded, !result.full else { print("rebuild \(edit) failed or was a full one"); exit(1) }
    times.append(elapsed)
    let phases = result.report.timings.map { "\($0.phase) \(milliseconds($0.seconds))" }.joined(separator: ", ")
    print("edit \(edit): \(milliseconds(elapsed)) (\(result.rendered.count) pages) — \(phases)")
}
let sorted = times.sorted()
print("\(relative), \(edits) edits: median \(milliseconds(sorted[sorted.count / 2])), min \(milliseconds(sorted.first!)), max \(milliseconds(sorted.last!))")

if verify {
    let clean = (site as NSString).deletingLastPathComponent + "/public-timing-clean"
    let report = try SiteBuilder().build(BuildOptions(root: site, output: clean))
    guard report.succeeded else { print("the clean build failed"); exit(1) }
    let (incremental, expected) = (snapshot(output), snapshot(clean))
    let differing = Set(incremental.keys).union(expected.keys).filter { incremental[$0] != expected[$0] }.sorted()
    print(differing.isEmpty ? "verified: identical to a clean build (\(expected.count) files)"
                            : "DIFFERS from a clean build: \(differing.prefix(10).joined(separator: ", "))")
    if !differing.isEmpty { exit(1) }
}
