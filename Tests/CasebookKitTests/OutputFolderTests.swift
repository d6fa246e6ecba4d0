import Foundation
import Testing
@testable import CasebookKit

/// Output folders that cannot be used are reported in plain words before anything changes, and
/// nothing is left behind without a word.
@Suite("Output folders that cannot be used")
struct OutputFolderTests {
    func makeSite() throws -> TestSite {
        let site = try TestSite()
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha Tutoring"))
        return site
    }

    func hidden(_ site: TestSite) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: site.root)) ?? []).filter { $0.hasPrefix(".public.") }.sorted()
    }

    @Test func aReadOnlyFolderInTheOutputIsReportedBeforeAnythingIsSwapped() throws {
        let site = try makeSite()
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let before = try site.snapshot()
        let fileSystem = FaultyFileSystem()
        fileSystem.readOnlyFolders = [site.output + "/case-studies"]
        var operations: [String] = []
        fileSystem.onEveryOperation { operation, _ in operations.append(operation) }
        let error = try #require(throws: BuildError.self) {
            try SiteBuilder(fileSystem: fileSystem).build(BuildOptions(root: site.root))
        }
        #expect(error.message == "the output folder \(site.output) cannot be replaced: \(site.output)/case-studies is read-only, so the previous site in it could not be removed")
        #expect(error.hint?.contains("chmod -R u+w") == true)
        #expect(operations.isEmpty, "nothing written, moved or swapped")
        #expect(try site.snapshot() == before)
        #expect(hidden(site).isEmpty)
    }

    @Test func aReadOnlyOutputFolderOnDiskIsFound() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ro-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/a/b", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(FolderWalk.firstReadOnlyFolder(in: folder) == nil)
        // As root every folder is writable; only a non-root run can see the mode.
        if geteuid() != 0 {
            chmod(folder + "/a", 0o555)
            defer { chmod(folder + "/a", 0o755) }
            #expect(FolderWalk.firstReadOnlyFolder(in: folder) == folder + "/a")
        }
    }

    @Test func aLeftoverThatCannotBeRemovedIsReported() throws {
        let site = try makeSite()
        defer { site.remove() }
        var dead: Int32 = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        let leftover = site.root + "/.public.staging-\(dead)"
        try site.write(".public.staging-\(dead)/index.html", "left over")
        let fileSystem = FaultyFileSystem()
        fileSystem.onEveryOperation { operation, path in
            if operation == "remove", path == leftover { throw POSIXError(.EACCES) }
        }
        let error = try #require(throws: BuildError.self) {
            try SiteBuilder(fileSystem: fileSystem).build(BuildOptions(root: site.root))
        }
        #expect(error.message == "could not remove \(leftover), left behind by an earlier build: Permission denied")
        #expect(error.hint?.contains("rm -rf \(leftover)") == true)
    }

    @Test func anOutputFolderUnderAFileGetsAPlainMessage() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.write("afile", "not a folder")
        let error = try #require(throws: BuildError.self) {
            try site.build { $0.output = site.root + "/afile/public" }
        }
        #expect(error.message == "the output folder \(site.root)/afile/public cannot be made: \(site.root)/afile is a file, not a folder")
        #expect(!error.message.contains("NSCocoaErrorDomain"))
    }
}
