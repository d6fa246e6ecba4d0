import Foundation
import Testing
@testable import CasebookKit

/// Reading folder entries must never read past what the C library wrote.
@Suite("Folder entries")
struct FolderWalkTests {
    /// readdir packs entries at their real length, so the last entry of a full buffer can end just
    /// before an unmapped page. An entry laid out exactly so, with a 4-byte name ending at the page's
    /// edge: copying `d_name` whole (256 bytes) touches the next page and crashes the test process.
    @Test func entryAtTheEndOfAMappedPageIsReadWithoutTouchingTheNextPage() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let memory = mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              memory != MAP_FAILED else { throw POSIXError(.ENOMEM) }
        defer { munmap(memory, 2 * page) }
        #expect(mprotect(memory + page, page, PROT_NONE) == 0)

        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let name = Array("abcd".utf8) + [0]
        let length = (nameOffset + name.count + 7) / 8 * 8  // what d_reclen would be
        let start = memory + page - length
        memset(start, 0, length)
        let nameStart = start + length - name.count  // the NUL is the last byte of the page
        for (index, byte) in name.enumerated() { nameStart.storeBytes(of: byte, toByteOffset: index, as: UInt8.self) }
        // Names start at `d_name`; pad before it with bytes that are not NUL if the record is longer.
        for index in nameOffset..<(length - name.count) { start.storeBytes(of: UInt8(ascii: "x"), toByteOffset: index, as: UInt8.self) }

        let entry = start.assumingMemoryBound(to: dirent.self)
        let expected = String(repeating: "x", count: length - name.count - nameOffset) + "abcd"
        #expect(FolderWalk.entryName(entry) == expected)
    }

    @Test func namesOfAFolderWithMoreThanAThousandEntries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Names of every length up to the longest a file system takes, so buffers end at every offset.
        let names = (0..<1_100).map { index in "\(index)-" + String(repeating: "n", count: index % 240) + ".md" }
        for name in names { FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()) }
        #expect(try FolderWalk.names(in: folder) == names.sorted())
    }
}
