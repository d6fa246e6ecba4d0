import Foundation
import Testing
@testable import CasebookKit

/// The disk behind the file-system seam: reading in pieces and telling links apart, which the
/// pictures' fingerprints and the editor's path checks rely on.
@Suite("The local file system")
struct LocalFileSystemTests {
    let disk = LocalFileSystem()

    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("disk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aFileReadInPiecesGivesEveryByteInOrderAndNoPieceIsLargerThanAsked() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // 2.5 pieces' worth of bytes that differ from place to place, so a piece out of order shows.
        let bytes = Data((0..<(2 * 4096 + 2048)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) })
        try disk.writeFile(bytes, to: root + "/photo.bin")
        var pieces: [Data] = []
        try disk.readFile(at: root + "/photo.bin", inPiecesOf: 4096) { pieces.append($0) }
        #expect(pieces.map(\.count) == [4096, 4096, 2048])
        #expect(pieces.reduce(Data(), +) == bytes)
        #expect(try disk.readFile(at: root + "/photo.bin") == bytes)
    }

    @Test func readingAFolderOrAMissingFileInPiecesThrowsAndGivesNothing() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var pieces = 0
        #expect(throws: (any Error).self) { try disk.readFile(at: root, inPiecesOf: 16) { _ in pieces += 1 } }
        #expect(throws: (any Error).self) { try disk.readFile(at: root + "/nothing.jpg", inPiecesOf: 16) { _ in pieces += 1 } }
        #expect(pieces == 0)
    }

    @Test func aFileReplacedByAnotherOfTheSameSizeGetsAnotherStamp() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try disk.writeFile(Data("first".utf8), to: root + "/photo.png")
        let first = try #require(disk.fileStamp(at: root + "/photo.png"))
        #expect(first.size == 5)
        #expect(disk.fileStamp(at: root + "/photo.png") == first, "unchanged, the same stamp")
        // Renamed into place, as editors and `cp` over a file do: another file, another stamp.
        try disk.writeFile(Data("other".utf8), to: root + "/.photo.partial")
        try disk.renameReplacing(root + "/.photo.partial", root + "/photo.png")
        let second = try #require(disk.fileStamp(at: root + "/photo.png"))
        #expect(second.size == 5 && second != first)
        #expect(disk.fileStamp(at: root + "/nothing.png") == nil)
    }

    @Test func onlyLinksAreSymbolicLinksAndALinkToNowhereStillIsOne() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try disk.writeFile(Data("x".utf8), to: root + "/case.md")
        try FileManager.default.createSymbolicLink(atPath: root + "/link.md", withDestinationPath: root + "/case.md")
        try FileManager.default.createSymbolicLink(atPath: root + "/dangling.md", withDestinationPath: root + "/gone.md")
        #expect(disk.isSymbolicLink(at: root + "/link.md"))
        #expect(disk.isSymbolicLink(at: root + "/dangling.md"))
        #expect(!disk.fileExists(at: root + "/dangling.md"))
        #expect(!disk.isSymbolicLink(at: root + "/case.md"))
        #expect(!disk.isSymbolicLink(at: root))
        #expect(!disk.isSymbolicLink(at: root + "/gone.md"))
    }
}
