import Foundation

/// What one check of a form decoded and rendered (every other case, page and template), kept for the
/// next check so that checking as the person types costs one file's work, not the whole site's. Before
/// each check it reads the site's text files again and forgets what changed on disk since the last.
struct CheckMemory: Sendable {
    var cache = BuildCache()
    /// The digest of each text file under content/ and templates/ when last looked at.
    private var digests: [String: FileDigest] = [:]

    /// Forgets what the files changed since the last check (and, on the first, everything) made.
    mutating func forgetChanges(root: String, fileSystem: any FileSystem) {
        var now: [String: FileDigest] = [:]
        for folder in ["content", "templates"] {
            let files = (try? fileSystem.filesRecursively(in: root + "/" + folder, within: root + "/" + folder))?.files ?? []
            // Pictures are listed afresh by every check and never decoded: their bytes need not be read.
            for file in files where !(folder == "content" && file.hasPrefix("images/")) {
                if let data = try? fileSystem.readFile(at: root + "/" + folder + "/" + file) {
                    now[folder + "/" + file] = FileDigest(data)
                }
            }
        }
        let changed = Set(now.keys.filter { digests[$0] != now[$0] }).union(digests.keys.filter { now[$0] == nil })
        if digests.isEmpty {
            cache.invalidate(nil)
        } else if !changed.isEmpty {
            cache.invalidate(changed)
        }
        digests = now
    }
}
