import Foundation

/// What one check of a form decoded and rendered (every other case, page and template), kept for the
/// next check so that checking as the person types costs one file's work, not the whole site's. Before
/// each check it looks at the site's files again and forgets what changed on disk since the last.
struct CheckMemory: Sendable {
    var cache = BuildCache()
    /// The stamp of each file under content/ and templates/ when last looked at.
    private var stamps: [String: FileStamp] = [:]
    /// Files changed so shortly before they were last looked at that a second change in the same
    /// tick of the file system's clock could leave their stamp as it was: not trusted next time.
    private var recent: Set<String> = []
    /// How close to the look a change makes a file's stamp untrusted (file times tick in milliseconds).
    static let untrustedNanoseconds: Int64 = 2_000_000_000

    /// Forgets what the files changed since the last check (and, on the first, everything) made.
    /// A file is known by its stamp (size, last change, identity), so no file is read to find out:
    /// one added, removed, written again or replaced, even by another of the same size, is seen; one
    /// that had just changed when last looked at is taken as changed again (as git does).
    mutating func forgetChanges(root: String, fileSystem: any FileSystem, now clock: Date = Date()) {
        let lookedAt = Int64(clock.timeIntervalSince1970 * 1_000_000_000)
        var now: [String: FileStamp] = [:]
        for folder in ["content", "templates"] {
            let files = (try? fileSystem.filesRecursively(in: root + "/" + folder, within: root + "/" + folder))?.files ?? []
            for file in files {
                if let stamp = fileSystem.fileStamp(at: root + "/" + folder + "/" + file) { now[folder + "/" + file] = stamp }
            }
        }
        let changed = FileStamp.changes(from: stamps, to: now).union(recent.filter { now[$0] != nil })
        if stamps.isEmpty {
            cache.invalidate(nil)
        } else if !changed.isEmpty {
            cache.invalidate(changed)
        }
        stamps = now
        recent = Set(now.filter { $0.value.modified >= lookedAt - Self.untrustedNanoseconds }.keys)
    }
}
