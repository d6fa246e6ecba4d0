import Foundation

/// Every read and write the generator makes goes through this seam, so tests can build sites in
/// temporary folders and the pipeline never reaches for `FileManager` directly.
public protocol FileSystem: Sendable {
    func readFile(at path: String) throws -> Data
    func writeFile(_ data: Data, to path: String) throws
    /// Writes a file so readers see either the old or the new contents, never half of one
    /// (a live output folder that a preview server is reading).
    func replaceFile(_ data: Data, at path: String) throws
    func fileExists(at path: String) -> Bool
    func directoryExists(at path: String) -> Bool
    /// Files below `path`, relative to it, sorted; hidden files and folders are skipped, and links
    /// that leave `boundary` or loop are not followed but listed as skipped (see `FolderWalk`).
    func filesRecursively(in path: String, within boundary: String) throws -> FolderWalk.Listing
    /// Direct children of a folder (files and folders), sorted, hidden ones included.
    func contentsOfDirectory(at path: String) throws -> [String]
    func createDirectory(at path: String) throws
    /// Creates one folder whose parent exists (cheaper than `createDirectory`, which creates parents too).
    func makeFolder(at path: String) throws
    func removeItem(at path: String) throws
    func moveItem(at source: String, to destination: String) throws
    func copyItem(at source: String, to destination: String) throws
    /// The real location of a path with symbolic links resolved (for safety checks).
    func resolvingSymlinks(_ path: String) -> String
}

/// The real disk.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func readFile(at path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    public func writeFile(_ data: Data, to path: String) throws {
        try data.write(to: URL(fileURLWithPath: path))
    }

    public func replaceFile(_ data: Data, at path: String) throws {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    public func fileExists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func directoryExists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func filesRecursively(in path: String, within boundary: String) throws -> FolderWalk.Listing {
        try FolderWalk.walk(path, within: boundary)
    }

    public func contentsOfDirectory(at path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    public func createDirectory(at path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func makeFolder(at path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    public func removeItem(at path: String) throws {
        try FileManager.default.removeItem(atPath: path)
    }

    public func moveItem(at source: String, to destination: String) throws {
        try FileManager.default.moveItem(atPath: source, toPath: destination)
    }

    public func copyItem(at source: String, to destination: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: destination)
    }

    public func resolvingSymlinks(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
