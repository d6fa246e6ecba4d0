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
            for file in files {
                let path = root + "/" + folder + "/" + file
                if folder == "content" && file.hasPrefix("images/") {
                    // A picture is known by its stamp, not its bytes (a site's photos can be gigabytes in
                    // all): one added, removed, written again or replaced, even by another of the same
                    // size, is seen, and the build's picture catalogue is made again.
                    if let stamp = fileSystem.fileStamp(at: path) { now[folder + "/" + file] = FileDigest(stamp) }
                } else if let data = try? fileSystem.readFile(at: path) {
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

private extension FileDigest {
    /// A picture's digest from its stamp, its bytes unread (compared only within one run, as
    /// `hashValue` is seeded per process).
    init(_ stamp: FileStamp) {
        self.init(count: Int(stamp.size), fingerprint: UInt64(truncatingIfNeeded: stamp.hashValue))
    }
}
