import Foundation

/// Where the editor may write: a path relative to the site's folder that stays inside a folder of
/// `content/` (no `..`, not absolute, no symbolic link leading out), checked before every write.
enum ContentPath {
    /// A case-study file: `content/case-studies/<name>.md`.
    static func caseStudy(_ path: String, root: String, fileSystem: any FileSystem) throws(EditError) -> String {
        guard path.hasSuffix(".md") else {
            throw EditError(.outsideContent, "only case-study files (ending in .md) can be saved here, not `\(path)`",
                            hint: "save case studies as content/case-studies/<name>.md", path: path)
        }
        return try inside(path, folder: "content/case-studies", root: root, fileSystem: fileSystem)
    }

    static func inside(_ path: String, folder: String, root: String, fileSystem: any FileSystem) throws(EditError) -> String {
        let refuse = EditError(.outsideContent, "`\(path)` is not inside \(folder)/; the editor writes only there",
                               hint: "save the file under \(folder)/, with a name of letters, digits and hyphens", path: path)
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0"),
              !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.hasPrefix(".") }),
              path.hasPrefix(folder + "/"), parts.count == folder.split(separator: "/").count + 1 else { throw refuse }
        // The folder itself, and the file if it exists, must resolve to where they say they are.
        let realRoot = fileSystem.resolvingSymlinks(root)
        let realFolder = fileSystem.resolvingSymlinks(root + "/" + folder)
        guard realFolder == realRoot + "/" + folder else { throw refuse }
        let absolute = root + "/" + path
        if fileSystem.fileExists(at: absolute) || fileSystem.directoryExists(at: absolute) {
            guard fileSystem.resolvingSymlinks(absolute) == realRoot + "/" + path else { throw refuse }
        }
        // A link that points nowhere (so `resolvingSymlinks` cannot follow it) is refused too: the
        // rename would replace the link, but a link where a case should be is not the editor's to remove.
        if fileSystem.isSymbolicLink(at: absolute) { throw refuse }
        return path
    }
}
