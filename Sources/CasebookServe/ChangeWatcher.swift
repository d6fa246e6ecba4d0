import CasebookKit
import Foundation

/// Notices changed files under the site's `content/` and `templates/` by comparing snapshots of
/// every file's size and modification time (hidden files, such as editors' swap files, are skipped).
/// Polling works the same on every system and filesystem, and a snapshot of ten thousand files
/// costs a few milliseconds.
struct ChangeWatcher: Sendable {
    let root: String
    let folders: [String]

    init(root: String, folders: [String] = ["content", "templates"]) {
        self.root = root
        self.folders = folders
    }

    /// Every file under the watched folders, by path relative to the root; nil when a folder could not
    /// be read for a reason of the computer's own (out of file descriptors): such a snapshot would
    /// look as if every file had been deleted, and the pages would be told of problems that are not there.
    func snapshot() -> [String: FileStamp]? {
        var stamps: [String: FileStamp] = [:]
        for folder in folders {
            guard walk(folder, into: &stamps) else { return nil }
        }
        return stamps
    }

    /// Through `FolderWalk`, like the build: links that leave the folder or loop are not followed
    /// (a link to `.` once made this walk forever), but are stamped, so adding one triggers a rebuild
    /// that reports it.
    private func walk(_ relative: String, into stamps: inout [String: FileStamp]) -> Bool {
        let folder = root + "/" + relative
        let listing: FolderWalk.Listing
        do {
            listing = try FolderWalk.walk(folder, within: folder, visit: { path, info in
                stamps[relative + "/" + path] = FileStamp(info)
            })
        } catch is EnvironmentFailure {
            return false
        } catch {
            return true  // the folder went away while it was read: the next look sees what is there
        }
        for skipped in listing.skipped {
            stamps[relative + "/" + skipped.path] = FileStamp(size: -1, modified: 0, identity: 0)
        }
        return true
    }
}
