import Foundation
import Testing
@testable import CasebookKit

/// The editor's kept checker tells changed files by their stamps, without reading them. A file changed
/// twice within one tick of the file system's clock keeps its stamp; it must still be seen.
@Suite("The kept checker's memory of the files")
struct CheckMemoryTests {
    let disk = LocalFileSystem()

    /// Writes `text` over the file in place and puts its last-change time back to what it was, as a
    /// second write within the same tick of the clock leaves it.
    func rewriteInTheSameTick(_ path: String, _ text: String) throws {
        var info = stat()
        #expect(stat(path, &info) == 0)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    @Test func aFileChangedTwiceInOneTickIsStillSeenAndAnOldOneIsTrusted() throws {
        let site = try TestSite()
        defer { site.remove() }
        let file = "content/case-studies/alpha.md"
        try site.write(file, TestSite.caseStudy())
        var memory = CheckMemory()
        memory.forgetChanges(root: site.root, fileSystem: disk)
        memory.cache.figureIDs.store(["made-from-alpha"], at: file)

        let stamp = disk.fileStamp(at: site.root + "/" + file)
        try rewriteInTheSameTick(site.root + "/" + file, TestSite.caseStudy().replacingOccurrences(of: "2000", with: "3000"))
        #expect(disk.fileStamp(at: site.root + "/" + file) == stamp, "the stamp cannot tell")
        memory.forgetChanges(root: site.root, fileSystem: disk)
        #expect(memory.cache.figureIDs.peek(file) == nil, "changed just before it was looked at: not trusted")

        // Looked at well after its last change, an unchanged file's work is kept.
        let later = Date().addingTimeInterval(10)
        memory.cache.figureIDs.store(["made-from-alpha"], at: file)
        memory.forgetChanges(root: site.root, fileSystem: disk, now: later)
        memory.cache.figureIDs.store(["made-from-alpha"], at: file)
        memory.forgetChanges(root: site.root, fileSystem: disk, now: later)
        #expect(memory.cache.figureIDs.peek(file) == ["made-from-alpha"])

        // Written again (here with another size, so the test does not hang on the clock), it is seen.
        try site.write(file, TestSite.caseStudy().replacingOccurrences(of: "2000", with: "20000"))
        memory.forgetChanges(root: site.root, fileSystem: disk, now: later)
        #expect(memory.cache.figureIDs.peek(file) == nil)
    }
}
