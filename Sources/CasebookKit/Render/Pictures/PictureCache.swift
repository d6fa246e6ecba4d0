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

    /// Removes the copies no picture of the site uses any more (a picture replaced, removed, or
    /// resized to other widths), so the folder holds what the next build needs and no more. Only
    /// names of the cache's own form are touched; a copy that cannot be removed is left for next time.
    func prune(keeping used: Set<String>) {
        guard fileSystem.directoryExists(at: folder), let names = try? fileSystem.contentsOfDirectory(at: folder) else { return }
        for name in names where !used.contains(name) && Self.isCopyName(name) {
            try? fileSystem.removeItem(at: path(of: name))
        }
    }

    /// A copy's name: sixteen hexadecimal digits of its fingerprint and a picture format's extension.
    static func isCopyName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 16, parts[0].allSatisfy(\.isHexDigit) else { return false }
        return ImageCodec.Format.allCases.contains { $0.fileExtension == parts[1] }
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
