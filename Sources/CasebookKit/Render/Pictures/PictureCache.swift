import Foundation

/// The folder that keeps resized copies between builds (`<root>/.casebook/images` unless
/// `BuildOptions.pictureCache` says otherwise). A copy is kept under its fingerprint, which covers the original's
/// bytes, the copy's size, format and quality, so a kept file is never stale and a rebuild of an
/// unchanged picture asks libvips for nothing. Files are written under a temporary name and renamed,
/// so a build stopped half-way never leaves half a file to be published by the next one.
struct PictureCache: Sendable {
    let folder: String
    let fileSystem: any FileSystem

    func path(of name: String) -> String { folder + "/" + name }

    func contains(_ name: String) -> Bool {
        fileSystem.fileExists(at: path(of: name))
    }

    func store(_ data: Data, as name: String) throws(BuildError) {
        let temporary = path(of: ".\(name).\(ProcessInfo.processInfo.processIdentifier).partial")
        do {
            if !fileSystem.directoryExists(at: folder) { try fileSystem.createDirectory(at: folder) }
            try fileSystem.writeFile(data, to: temporary)
            try fileSystem.renameReplacing(temporary, path(of: name))
        } catch {
            try? fileSystem.removeItem(at: temporary)
            throw BuildError("cannot keep a resized picture in \(folder): \(OutputWriter.describe(error))",
                             hint: "make that folder writable (the build keeps resized pictures there between builds)")
        }
    }
}
