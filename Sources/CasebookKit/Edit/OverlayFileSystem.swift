import Foundation

/// The site's files as they would be with one file replaced (or added) by the editor's text, so
/// the form is checked by the whole of `casebook check`, against the rest of the site, before
/// anything is written. Reads of every other file, and every write, go to the real file system.
struct OverlayFileSystem: FileSystem {
    let base: any FileSystem
    /// The absolute path of the file the editor holds.
    let path: String
    let data: Data

    init(base: any FileSystem, path: String, text: String) {
        self.base = base
        self.path = path
        data = Data(text.utf8)
    }

    func readFile(at path: String) throws -> Data { path == self.path ? data : try base.readFile(at: path) }
    func readFile(at path: String, inPiecesOf size: Int, _ body: (Data) throws -> Void) throws {
        if path == self.path { try body(data) } else { try base.readFile(at: path, inPiecesOf: size, body) }
    }
    func writeFile(_ data: Data, to path: String) throws { try base.writeFile(data, to: path) }
    func fileExists(at path: String) -> Bool { path == self.path || base.fileExists(at: path) }
    func fileSize(at path: String) -> Int64? { path == self.path ? Int64(data.count) : base.fileSize(at: path) }
    func fileStamp(at path: String) -> FileStamp? {
        path == self.path ? FileStamp(size: Int64(data.count), modified: 0, identity: 0) : base.fileStamp(at: path)
    }
    func directoryExists(at path: String) -> Bool { base.directoryExists(at: path) }

    func filesRecursively(in folder: String, within boundary: String) throws -> FolderWalk.Listing {
        var listing = try base.filesRecursively(in: folder, within: boundary)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        if path.hasPrefix(prefix) {
            let relative = String(path.dropFirst(prefix.count))
            if !listing.files.contains(relative) {
                listing.files.append(relative)
                listing.files.sort()
            }
        }
        return listing
    }

    func contentsOfDirectory(at path: String) throws -> [String] { try base.contentsOfDirectory(at: path) }
    func createDirectory(at path: String) throws { try base.createDirectory(at: path) }
    func makeFolder(at path: String) throws { try base.makeFolder(at: path) }
    func removeItem(at path: String) throws { try base.removeItem(at: path) }
    func moveItem(at source: String, to destination: String) throws { try base.moveItem(at: source, to: destination) }
    func renameReplacing(_ source: String, _ destination: String) throws { try base.renameReplacing(source, destination) }
    func copyItem(at source: String, to destination: String) throws { try base.copyItem(at: source, to: destination) }
    func resolvingSymlinks(_ path: String) -> String { base.resolvingSymlinks(path) }
    func isSymbolicLink(at path: String) -> Bool { path != self.path && base.isSymbolicLink(at: path) }
    func exchangeItems(_ first: String, _ second: String) throws { try base.exchangeItems(first, second) }
    func copyFile(from source: String, to destination: String) throws { try base.copyFile(from: source, to: destination) }
    func isMountPoint(_ path: String) -> Bool { base.isMountPoint(path) }
}
