import Foundation
@testable import CasebookKit

/// The real disk, with a hook called before every operation: tests use it to look at the output
/// folder at each step of a build, and to make an operation fail (a full disk, a kill, a shortage).
final class FaultyFileSystem: FileSystem, @unchecked Sendable {
    struct Killed: Error {}

    private let disk = LocalFileSystem()
    private let lock = NSLock()
    private var hook: (String, String) throws -> Void = { _, _ in }
    var mountPoints: Set<String> = []
    /// Folders to report as read-only (the tests run as root, for whom every folder is writable).
    var readOnlyFolders: Set<String> = []

    /// `hook(operation, path)` runs before each operation; what it throws, the operation throws.
    func onEveryOperation(_ hook: @escaping (String, String) throws -> Void) {
        lock.withLock { self.hook = hook }
    }

    private func before(_ operation: String, _ path: String) throws {
        let hook = lock.withLock { self.hook }
        try hook(operation, path)
    }

    func readFile(at path: String) throws -> Data { try before("read", path); return try disk.readFile(at: path) }
    func readFile(at path: String, inPiecesOf size: Int, _ body: (Data) throws -> Void) throws {
        try before("read in pieces", path); try disk.readFile(at: path, inPiecesOf: size, body)
    }
    func writeFile(_ data: Data, to path: String) throws { try before("write", path); try disk.writeFile(data, to: path) }
    func fileExists(at path: String) -> Bool { disk.fileExists(at: path) }
    func fileSize(at path: String) -> Int64? { disk.fileSize(at: path) }
    func fileStamp(at path: String) -> FileStamp? { disk.fileStamp(at: path) }
    func directoryExists(at path: String) -> Bool { disk.directoryExists(at: path) }
    func filesRecursively(in path: String, within boundary: String) throws -> FolderWalk.Listing {
        try before("list", path); return try disk.filesRecursively(in: path, within: boundary)
    }
    func contentsOfDirectory(at path: String) throws -> [String] { try disk.contentsOfDirectory(at: path) }
    func createDirectory(at path: String) throws { try before("mkdir", path); try disk.createDirectory(at: path) }
    func makeFolder(at path: String) throws { try before("mkdir", path); try disk.makeFolder(at: path) }
    func removeItem(at path: String) throws { try before("remove", path); try disk.removeItem(at: path) }
    func moveItem(at source: String, to destination: String) throws { try before("move", source); try disk.moveItem(at: source, to: destination) }
    func copyItem(at source: String, to destination: String) throws { try before("copy", source); try disk.copyItem(at: source, to: destination) }
    func resolvingSymlinks(_ path: String) -> String { disk.resolvingSymlinks(path) }
    func isSymbolicLink(at path: String) -> Bool { disk.isSymbolicLink(at: path) }
    func exchangeItems(_ first: String, _ second: String) throws { try before("exchange", first); try disk.exchangeItems(first, second) }
    func copyFile(from source: String, to destination: String) throws { try before("copyFile", source); try disk.copyFile(from: source, to: destination) }
    func firstReadOnlyFolder(in path: String) -> String? {
        readOnlyFolders.sorted().first { $0 == path || $0.hasPrefix(path + "/") } ?? disk.firstReadOnlyFolder(in: path)
    }
    func isMountPoint(_ path: String) -> Bool { mountPoints.contains(path) || disk.isMountPoint(path) }
    func renameReplacing(_ source: String, _ destination: String) throws { try before("rename", destination); try disk.renameReplacing(source, destination) }
}
