import CasebookKit
import Foundation

/// Notices changed files under the site's `content/` and `templates/` by comparing snapshots of
/// every file's size and modification time (hidden files, such as editors' swap files, are skipped).
/// Polling works the same on every system and filesystem, and a snapshot of ten thousand files
/// costs a few milliseconds.
struct ChangeWatcher: Sendable {
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    let root: String
    let folders: [String]

    init(root: String, folders: [String] = ["content", "templates"]) {
        self.root = root
        self.folders = folders
    }

    /// Every file under the watched folders, by path relative to the root; nil when a folder could not
    /// be read for a reason of the computer's own (out of file descriptors): such a snapshot would
    /// look as if every file had been deleted, and the pages would be told of problems that are not there.
    func snapshot() -> [String: Stamp]? {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            guard walk(folder, into: &stamps) else { return nil }
        }
        return stamps
    }

    /// Files added, removed or changed between two snapshots.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    /// Through `FolderWalk`, like the build: links that leave the folder or loop are not followed
    /// (a link to `.` once made this walk forever), but are stamped, so adding one triggers a rebuild
    /// that reports it.
    private func walk(_ relative: String, into stamps: inout [String: Stamp]) -> Bool {
        let folder = root + "/" + relative
        let listing: FolderWalk.Listing
        do {
            listing = try FolderWalk.walk(folder, within: folder, visit: { path, info in
            #if os(Linux)
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            #else
            let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            #endif
            stamps[relative + "/" + path] = Stamp(size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
            })
        } catch is EnvironmentFailure {
            return false
        } catch {
            return true  // the folder went away while it was read: the next look sees what is there
        }
        for skipped in listing.skipped {
            stamps[relative + "/" + skipped.path] = Stamp(size: -1, modified: 0, inode: 0)
        }
        return true
    }
}
