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

    /// Every file under the watched folders, by path relative to the root.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders { walk(folder, into: &stamps) }
        return stamps
    }

    /// Files added, removed or changed between two snapshots.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    private func walk(_ relative: String, into stamps: inout [String: Stamp]) {
        guard let directory = opendir(root + "/" + relative) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = relative + "/" + name
            var info = stat()
            guard stat(root + "/" + path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &stamps)
            } else {
                #if os(Linux)
                let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                #else
                let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
                #endif
                stamps[path] = Stamp(size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
            }
        }
    }
}
