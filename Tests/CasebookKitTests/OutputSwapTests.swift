import Foundation
import Testing
@testable import CasebookKit

/// Issue 15: `public/` is never missing, a killed build leaves nothing behind for long, and the
/// computer's own failures are not reported as problems in the content.
@Suite("The output folder is never missing")
struct OutputSwapTests {
    func makeSite() throws -> TestSite {
        let site = try TestSite()
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha Tutoring"))
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta Mentoring", state: "TX", strategy: "mentoring"))
        return site
    }

    func build(_ site: TestSite, with fileSystem: any FileSystem) throws -> BuildReport {
        try SiteBuilder(fileSystem: fileSystem).build(BuildOptions(root: site.root))
    }

    /// A `serve` builder over a file system that can fail on cue, after a first full build.
    func builtPreview(_ site: TestSite) async throws -> (FaultyFileSystem, IncrementalBuilder) {
        let fileSystem = FaultyFileSystem()
        let builder = IncrementalBuilder(options: BuildOptions(root: site.root), fileSystem: fileSystem)
        #expect(try await builder.build(changed: nil).report.succeeded)
        return (fileSystem, builder)
    }

    func hidden(_ site: TestSite) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: site.root)) ?? []).filter { $0.hasPrefix(".public.") }.sorted()
    }

    @Test func theOutputFolderExistsWholeAtEveryStepOfTheSwap() throws {
        let site = try makeSite()
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let fileSystem = FaultyFileSystem()
        var gaps: [String] = []
        fileSystem.onEveryOperation { operation, path in
            if !FileManager.default.fileExists(atPath: site.output + "/index.html") { gaps.append("\(operation) \(path)") }
        }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha Renamed"))
        #expect(try build(site, with: fileSystem).succeeded)
        #expect(gaps == [])
        #expect(try site.read("case-studies/alpha/index.html").contains("Alpha Renamed"))
        #expect(hidden(site) == [])
    }

    @Test func aBuildKilledAtTheSwapLeavesOneWholeSite() throws {
        let site = try makeSite()
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let old = try site.snapshot()
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha Renamed"))

        // Killed just before the exchange: the previous site, exactly.
        let fileSystem = FaultyFileSystem()
        fileSystem.onEveryOperation { operation, _ in if operation == "exchange" { throw FaultyFileSystem.Killed() } }
        #expect(throws: BuildError.self) { try build(site, with: fileSystem) }
        #expect(try site.snapshot() == old)

        // Killed just after it (the old site never removed): the new site, whole.
        var exchanged = false
        fileSystem.onEveryOperation { operation, _ in
            if exchanged { throw FaultyFileSystem.Killed() }
            if operation == "exchange" { exchanged = true }
        }
        _ = try? build(site, with: fileSystem)
        #expect(try site.read("case-studies/alpha/index.html").contains("Alpha Renamed"))
        let clean = try site.snapshot()
        #expect(try site.build().succeeded)
        #expect(try site.snapshot() == clean)
    }

    @Test func withoutAtomicExchangeTheRenamesKeepThePreviousSiteOnFailure() throws {
        let site = try makeSite()
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let old = try site.snapshot()
        let fileSystem = FaultyFileSystem()
        var moves = 0
        fileSystem.onEveryOperation { operation, _ in
            if operation == "exchange" { throw ExchangeUnsupported(code: EINVAL) }
            if operation == "move" { moves += 1; if moves == 2 { throw POSIXError(.ENOSPC) } }
        }
        #expect(throws: BuildError.self) { try build(site, with: fileSystem) }
        #expect(try site.snapshot() == old)
        fileSystem.onEveryOperation { operation, _ in if operation == "exchange" { throw ExchangeUnsupported(code: EINVAL) } }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha Renamed"))
        #expect(try build(site, with: fileSystem).succeeded)
        #expect(try site.read("case-studies/alpha/index.html").contains("Alpha Renamed"))
        #expect(hidden(site) == [])
    }

    @Test func leftoversOfDeadBuildsAreRemovedAndThoseOfLiveOnesKept() throws {
        let site = try makeSite()
        defer { site.remove() }
        // A process id that is not running.
        var dead: Int32 = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        for name in [".public.staging-\(dead)", ".public.old-\(dead)", ".public.staging-1", ".public.notes-\(dead)"] {
            try site.write(name + "/index.html", "left over")
        }
        #expect(try site.build().succeeded)
        #expect(hidden(site) == [".public.notes-\(dead)", ".public.staging-1"])
    }

    @Test func aMountPointOutputFolderGetsAPlainMessage() throws {
        let site = try makeSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.output, withIntermediateDirectories: true)
        let fileSystem = FaultyFileSystem()
        fileSystem.mountPoints = [site.output]
        #expect(throws: BuildError(
            "the output folder \(site.output) is a mount point (a separate disk or a container volume), and Casebook replaces the output folder whole, which cannot be done to a mount point",
            hint: "build into a folder inside it (--output \(site.output)/site) and serve that, or mount the folder above it instead")) {
            try build(site, with: fileSystem)
        }
    }

    @Test func imagesAreCopiedWithoutBeingReadWhole() throws {
        let site = try makeSite()
        defer { site.remove() }
        let picture = TestPictures.png(width: 1000, height: 1000)  // 3 MB: a real picture, resized by libvips from the file
        try site.write("content/images/big.png", picture)
        let fileSystem = FaultyFileSystem()
        fileSystem.onEveryOperation { operation, path in
            if operation == "read" && path.hasSuffix("big.png") { Issue.record("the image was read into memory") }
        }
        #expect(try build(site, with: fileSystem).succeeded)
        #expect(try Data(contentsOf: URL(fileURLWithPath: site.output + "/images/big.png")) == picture)
    }

    @Test func runningOutOfFileDescriptorsIsNotAProblemInTheContent() throws {
        let site = try makeSite()
        defer { site.remove() }
        for failing in ["content/site.yml", "content/case-studies/beta.md", "templates/layout.mustache", "content/case-studies", "templates/assets"] {
            let fileSystem = FaultyFileSystem()
            fileSystem.onEveryOperation { _, path in
                if path == site.root + "/" + failing { throw EnvironmentFailure(path: path, code: EMFILE) }
            }
            #expect(throws: BuildError(
                "could not read \(site.root)/\(failing): Too many open files",
                hint: "this is a problem of the computer running casebook, not of the site's files: close other programs, free memory or disk, or raise the open-file limit (ulimit -n), then build again"),
                    "\(failing)") {
                try build(site, with: fileSystem)
            }
        }
    }

    @Test func anIncrementalRebuildThatFailsHalfWayChangesNothing() async throws {
        let site = try makeSite()
        defer { site.remove() }
        let (fileSystem, builder) = try await builtPreview(site)
        let before = try site.snapshot()
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha Renamed"))
        var writes = 0
        fileSystem.onEveryOperation { operation, _ in
            if operation == "write" { writes += 1; if writes == 3 { throw POSIXError(.ENOSPC) } }
        }
        await #expect(throws: BuildError.self) { try await builder.build(changed: ["content/case-studies/alpha.md"]) }
        #expect(try site.snapshot() == before)
        #expect(hidden(site) == [])
        // Once the disk has room, the rebuild catches up, and matches a clean build.
        fileSystem.onEveryOperation { _, _ in }
        let result = try await builder.build(changed: [])
        #expect(result.report.succeeded && !result.full)
        let incremental = try site.snapshot()
        #expect(try site.build().succeeded)
        #expect(try site.snapshot() == incremental)
    }

    @Test func aPreviewRebuildThatRunsOutOfFileDescriptorsIsAnEnvironmentErrorNotProblems() async throws {
        let site = try makeSite()
        defer { site.remove() }
        let (fileSystem, builder) = try await builtPreview(site)
        let before = try site.snapshot()
        fileSystem.onEveryOperation { operation, path in
            if operation == "read" || operation == "list" { throw EnvironmentFailure(path: path, code: EMFILE) }
        }
        // `serve` reports a BuildError as the environment's (`.environment`), and keeps the pages as they are.
        await #expect(throws: BuildError.self) { try await builder.build(changed: ["content/site.yml"]) }
        #expect(try site.snapshot() == before)
    }

    @Test func thePreviewFolderExistsWholeThroughFullAndIncrementalRebuilds() async throws {
        let site = try makeSite()
        defer { site.remove() }
        let (fileSystem, builder) = try await builtPreview(site)
        var gaps: [String] = []
        fileSystem.onEveryOperation { operation, path in
            for page in ["index.html", "case-studies/beta/index.html"]
                where !FileManager.default.fileExists(atPath: site.output + "/" + page) { gaps.append("\(operation) \(path): \(page)") }
        }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha Renamed"))
        let incremental = try await builder.build(changed: ["content/case-studies/alpha.md"])
        #expect(incremental.report.succeeded && !incremental.full)
        let full = try await builder.build(changed: ["templates/layout.mustache"])
        #expect(full.report.succeeded && full.full)
        #expect(gaps == [])
        #expect(hidden(site) == [])
    }
}
