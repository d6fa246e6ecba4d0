import Foundation

/// Walks a folder the way every reader of the site's files must: hidden names skipped, symbolic links
/// followed only to files and folders inside `boundary` (so nothing outside the site is read or
/// published), each real folder entered once (so a link back to `.` or to a parent cannot loop, and
/// links to the same folder cannot multiply the work), and nothing read that is not a regular file
/// (a pipe would block the build). What was not followed is reported, so the author hears about it.
public struct FolderWalk {
    /// Something in the folder that was not read.
    public struct Skipped: Equatable, Sendable {
        public enum Reason: Equatable, Sendable {
            /// A link to somewhere outside the boundary (its target).
            case outside(String)
            /// A link to a folder that is already being read, or was read through another path.
            case loop
            /// A link to nothing.
            case broken
            /// A device, pipe or socket.
            case notAFile
        }
        /// Path relative to the walked folder.
        public var path: String
        public var reason: Reason
    }

    public struct Listing: Equatable, Sendable {
        /// Regular files (or links to them inside the boundary), relative to the walked folder, sorted.
        public var files: [String] = []
        public var skipped: [Skipped] = []
        public init() {}
    }

    /// - Parameters:
    ///   - folder: absolute path of the folder to walk; a folder that does not exist has no files.
    ///   - boundary: absolute path that every followed link must stay inside (the folder itself or above).
    ///   - visit: called for each file with its relative path and `stat` information (of the link's target).
    public static func walk(_ folder: String, within boundary: String,
                            visit: (String, stat) -> Void = { _, _ in }) throws -> Listing {
        var listing = Listing()
        guard let fence = realPath(boundary), let top = realPath(folder) else { return listing }
        guard inside(top, fence) else {
            listing.skipped.append(Skipped(path: "", reason: .outside(top)))
            return listing
        }
        var info = stat()
        guard stat(top, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return listing }
        // Folders are known by device and inode, not by path, so a bind mount of a folder inside itself
        // is a loop too. The folder and those above it, up to the boundary: a link to any of them is a loop.
        struct Identity: Hashable { var device: UInt64; var inode: UInt64 }
        func identity(_ info: stat) -> Identity { Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) }
        var entered: Set<Identity> = [identity(info)]
        var above = (top as NSString).deletingLastPathComponent
        var aboveInfo = stat()
        while inside(above, fence), stat(above, &aboveInfo) == 0, entered.insert(identity(aboveInfo)).inserted, above != "/" {
            above = (above as NSString).deletingLastPathComponent
        }
        func walk(_ relative: String, real: String) throws {
            let absolute = relative.isEmpty ? folder : folder + "/" + relative
            for name in try names(in: absolute) where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = folder + "/" + child
                var link = stat()
                guard lstat(path, &link) == 0 else { continue }  // removed while walking
                var target = real + "/" + name
                var info = link
                if link.st_mode & S_IFMT == S_IFLNK {
                    guard let resolved = realPath(path), stat(resolved, &info) == 0 else {
                        listing.skipped.append(Skipped(path: child, reason: .broken))
                        continue
                    }
                    guard inside(resolved, fence) else {
                        listing.skipped.append(Skipped(path: child, reason: .outside(resolved)))
                        continue
                    }
                    target = resolved
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    guard entered.insert(identity(info)).inserted else {
                        listing.skipped.append(Skipped(path: child, reason: .loop))
                        continue
                    }
                    try walk(child, real: target)
                case S_IFREG:
                    listing.files.append(child)
                    visit(child, info)
                default:
                    listing.skipped.append(Skipped(path: child, reason: .notAFile))
                }
            }
        }
        try walk("", real: top)
        return listing
    }

    /// The names in a folder, sorted; running out of file descriptors is an `EnvironmentFailure`,
    /// not an empty folder (which would read as "no case studies" or "a template is missing").
    static func names(in folder: String) throws -> [String] {
        guard let directory = opendir(folder) else { throw EnvironmentFailure.classify(errno, path: folder) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = entryName(entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Where `d_name` starts in a `dirent`.
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// An entry's name, read through a pointer up to its terminating NUL. The C library packs entries
    /// into its buffer at their real length (`d_reclen`), not at `sizeof(dirent)`: `d_name` is declared
    /// 256 bytes, but the last entry of a full buffer can end a few bytes before an unmapped page, so
    /// copying the field whole (`entry.pointee.d_name`, or `entry.pointee`) may read past the buffer
    /// and crash. Never copy a `dirent`, or any C struct whose tail the C side does not own.
    static func entryName(_ entry: UnsafePointer<dirent>) -> String {
        String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
    }

    /// Where `d_type` is in a `dirent`; read through a pointer like the name, never by copying the entry.
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!

    /// The first folder at or below `folder`, down to `depth` levels (links not followed), that this
    /// process cannot write into, so that what is in it could not be removed; nil when there is none.
    /// The output folder is checked two levels deep (itself and its sections): that finds a folder made
    /// read-only whole, or a read-only disk, in microseconds, where walking every page's folder of a
    /// large site would take a good part of a second on each build.
    static func firstReadOnlyFolder(in folder: String, depth: Int = 1) -> String? {
        if access(folder, W_OK) != 0 { return folder }
        guard depth > 0 else { return nil }
        guard let directory = opendir(folder) else { return nil }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = entryName(entry)
            guard name != ".", name != ".." else { continue }
            let path = folder + "/" + name
            let type = UnsafeRawPointer(entry).load(fromByteOffset: typeOffset, as: UInt8.self)
            if type == UInt8(DT_DIR) {
                folders.append(path)
            } else if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { folders.append(path) }
            }
        }
        closedir(directory)
        for path in folders.sorted() {
            if let found = firstReadOnlyFolder(in: path, depth: depth - 1) { return found }
        }
        return nil
    }

    static func inside(_ path: String, _ fence: String) -> Bool {
        path == fence || path.hasPrefix(fence.hasSuffix("/") ? fence : fence + "/")
    }

    /// Whether the path leads to something that exists but is not a file or folder (reading a pipe blocks).
    static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// The path with every link resolved, or nil if it leads nowhere.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The first `EnvironmentFailure` met while reading the site in parallel: the build stops with it as
/// an environment error (exit 2) instead of reporting missing files that are not missing.
final class EnvironmentFailures: Sendable {
    private let failure = Locked<EnvironmentFailure?>(nil)

    var first: EnvironmentFailure? { failure.current }

    /// Records `error` if it is an environment failure; says whether it was.
    func record(_ error: any Error) -> Bool {
        guard let found = error as? EnvironmentFailure else { return false }
        failure.withLock { if $0 == nil { $0 = found } }
        return true
    }

    /// The listing of a folder, or an empty one if it cannot be read for a reason of the content's own.
    func listing(_ read: () throws -> FolderWalk.Listing) -> FolderWalk.Listing {
        do { return try read() } catch { _ = record(error); return FolderWalk.Listing() }
    }

    func check() throws(BuildError) {
        if let failure = first {
            throw BuildError("could not read \(failure.path): \(failure.reason)",
                             hint: "this is a problem of the computer running casebook, not of the site's files: close other programs, free memory or disk, or raise the open-file limit (ulimit -n), then build again")
        }
    }
}
