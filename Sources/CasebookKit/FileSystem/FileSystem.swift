import CFileSwap
import Foundation

/// Every read and write the generator makes goes through this seam, so tests can build sites in
/// temporary folders and the pipeline never reaches for `FileManager` directly.
public protocol FileSystem: Sendable {
    func readFile(at path: String) throws -> Data
    /// Reads a file in pieces of at most `size` bytes, giving each to `body` in order, never holding
    /// the whole file (a picture may be gigabytes).
    func readFile(at path: String, inPiecesOf size: Int, _ body: (Data) throws -> Void) throws
    func writeFile(_ data: Data, to path: String) throws
    func fileExists(at path: String) -> Bool
    /// The size of a file in bytes (links followed), or nil if there is none.
    func fileSize(at path: String) -> Int64?
    /// What tells one version of a file from another without reading it: its size, when it was last
    /// changed and which file it is (links followed); nil if there is none.
    func fileStamp(at path: String) -> FileStamp?
    func directoryExists(at path: String) -> Bool
    /// Files below `path`, relative to it, sorted; hidden files and folders are skipped, and links
    /// that leave `boundary` or loop are not followed but listed as skipped (see `FolderWalk`).
    func filesRecursively(in path: String, within boundary: String) throws -> FolderWalk.Listing
    /// Direct children of a folder (files and folders), sorted, hidden ones included.
    func contentsOfDirectory(at path: String) throws -> [String]
    func createDirectory(at path: String) throws
    /// Creates one folder whose parent exists (cheaper than `createDirectory`, which creates parents too).
    func makeFolder(at path: String) throws
    func removeItem(at path: String) throws
    func moveItem(at source: String, to destination: String) throws
    /// Renames a file over another in one step (rename(2)): a reader of `destination` sees the old
    /// file or the new one, never half of one, and never no file.
    func renameReplacing(_ source: String, _ destination: String) throws
    func copyItem(at source: String, to destination: String) throws
    /// The real location of a path with symbolic links resolved (for safety checks).
    func resolvingSymlinks(_ path: String) -> String
    /// Whether the path itself is a symbolic link, not followed: a link that points nowhere counts.
    func isSymbolicLink(at path: String) -> Bool
    /// Swaps two existing paths in one step, with no moment at which either is missing. Throws
    /// `ExchangeUnsupported` where the system or filesystem cannot do that.
    func exchangeItems(_ first: String, _ second: String) throws
    /// Copies a file in pieces, never holding all of it in memory (an image may be gigabytes).
    func copyFile(from source: String, to destination: String) throws
    /// Whether the folder is where another filesystem is mounted (a container volume), which cannot
    /// be renamed or replaced.
    func isMountPoint(_ path: String) -> Bool
    /// The first folder that cannot be written into (so the files in it could not be removed): `path`
    /// itself or a folder directly in it (see `FolderWalk.firstReadOnlyFolder`); nil when there is none.
    func firstReadOnlyFolder(in path: String) -> String?
}

extension FileSystem {
    public func firstReadOnlyFolder(in path: String) -> String? { FolderWalk.firstReadOnlyFolder(in: path) }
}

/// A file's size, last change and identity: a file written again or replaced by another (even one
/// of the same size) gets a different stamp. Compared only on one computer, within a run.
public struct FileStamp: Hashable, Sendable {
    public var size: Int64
    /// When its content was last changed, in nanoseconds since 1970.
    public var modified: Int64
    /// The file system's number for the file (a file renamed into place has a new one).
    public var identity: UInt64

    public init(size: Int64, modified: Int64, identity: UInt64) {
        self.size = size
        self.modified = modified
        self.identity = identity
    }

    /// The stamp of what `stat` said of a file.
    public init(_ info: stat) {
        #if os(Linux)
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #else
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #endif
        self.init(size: Int64(info.st_size), modified: modified, identity: UInt64(info.st_ino))
    }

    /// The paths added, removed or changed between two sets of stamps.
    public static func changes(from old: [String: FileStamp], to new: [String: FileStamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }
}

/// The system or filesystem cannot exchange two paths atomically.
public struct ExchangeUnsupported: Error, Sendable {
    public var code: Int32
}

/// A failure of the computer running Casebook rather than of the site's files: out of file
/// descriptors, memory or I/O. Never reported as a problem in the content.
public struct EnvironmentFailure: Error, Sendable, Equatable {
    public var path: String
    public var code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    public var reason: String { String(cString: strerror(code)) }

    /// The error for `errno` after an operation on `path`: an `EnvironmentFailure` for shortages,
    /// otherwise a plain POSIX error (a missing or unreadable file, a problem with the content).
    static func classify(_ code: Int32, path: String) -> any Error {
        switch code {
        case EMFILE, ENFILE, ENOMEM, ENOBUFS, EIO: EnvironmentFailure(path: path, code: code)
        default: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}

/// The real disk.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func readFile(at path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw EnvironmentFailure.classify(errno, path: path) }
        defer { close(descriptor) }
        var info = stat()
        var data = Data()
        if fstat(descriptor, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else { throw POSIXError(.EISDIR) }
            data.reserveCapacity(Int(info.st_size))
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw EnvironmentFailure.classify(errno, path: path) }
            if count == 0 { return data }
            data.append(buffer, count: count)
        }
    }

    public func readFile(at path: String, inPiecesOf size: Int, _ body: (Data) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw EnvironmentFailure.classify(errno, path: path) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT != S_IFREG { throw POSIXError(.EISDIR) }
        var buffer = [UInt8](repeating: 0, count: max(size, 1))
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw EnvironmentFailure.classify(errno, path: path) }
            if count == 0 { return }
            try body(Data(buffer[0..<count]))
        }
    }

    public func isSymbolicLink(at path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// open, write, close: the three system calls a page needs (Foundation's `Data.write` makes more).
    public func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw EnvironmentFailure.classify(errno, path: path) }
        var failure: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == 0, errno != EINTR { failure = errno }
        if failure != 0 { throw EnvironmentFailure.classify(failure, path: path) }
    }

    public func fileExists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func fileSize(at path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    public func fileStamp(at path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    public func directoryExists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func filesRecursively(in path: String, within boundary: String) throws -> FolderWalk.Listing {
        try FolderWalk.walk(path, within: boundary)
    }

    public func contentsOfDirectory(at path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    public func createDirectory(at path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func makeFolder(at path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    public func removeItem(at path: String) throws {
        try FileManager.default.removeItem(atPath: path)
    }

    public func moveItem(at source: String, to destination: String) throws {
        try FileManager.default.moveItem(atPath: source, toPath: destination)
    }

    public func renameReplacing(_ source: String, _ destination: String) throws {
        if rename(source, destination) != 0 { throw EnvironmentFailure.classify(errno, path: destination) }
    }

    public func copyItem(at source: String, to destination: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: destination)
    }

    public func resolvingSymlinks(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    public func exchangeItems(_ first: String, _ second: String) throws {
        guard casebook_exchange(first, second) != 0 else { return }
        let code = errno
        if code == ENOSYS || code == EINVAL || code == ENOTSUP || code == EOPNOTSUPP { throw ExchangeUnsupported(code: code) }
        throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }

    public func copyFile(from source: String, to destination: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw EnvironmentFailure.classify(errno, path: source) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw EnvironmentFailure.classify(errno, path: destination) }
        var closed = false
        defer { if !closed { close(output) } }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = read(input, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw EnvironmentFailure.classify(errno, path: source) }
            if count == 0 { break }
            var written = 0
            while written < count {
                let step = buffer[written..<count].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
                if step < 0, errno == EINTR { continue }
                guard step > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                written += step
            }
        }
        closed = true
        guard close(output) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    public func isMountPoint(_ path: String) -> Bool {
        var own = stat(), parent = stat()
        guard stat(path, &own) == 0, stat(path + "/..", &parent) == 0 else { return false }
        return own.st_dev != parent.st_dev || own.st_ino == parent.st_ino
    }
}
