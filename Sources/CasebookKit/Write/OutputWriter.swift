import Foundation

/// Writes the site into a staging folder beside the output folder, then swaps it in, so `public/`
/// only ever holds a complete build: a failed or interrupted build leaves the previous site untouched.
/// It refuses output folders whose replacement would destroy something that is not a previous build.
public struct OutputWriter: Sendable {
    /// A file in every folder Casebook builds; only such folders (or empty or new ones) are replaced.
    public static let marker = ".casebook-output"

    let fileSystem: any FileSystem
    /// Absolute path of the site root.
    let root: String
    /// Absolute path of the output folder.
    let output: String
    let force: Bool

    public init(fileSystem: any FileSystem, root: String, output: String, force: Bool) {
        self.fileSystem = fileSystem
        self.root = root
        self.output = output
        self.force = force
    }

    /// Refuses output folders that must never be replaced.
    func checkOutputFolder() throws(BuildError) {
        let target = standardized(output)
        let siteRoot = standardized(root)
        if target == "/" || target == siteRoot || siteRoot.hasPrefix(target + "/") {
            throw BuildError("refusing to write the site into \(output): it would replace the project itself",
                             hint: "choose a folder of its own, such as --output public")
        }
        for protected in ["content", "templates", "Sources", "Tests", ".git"] {
            let folder = siteRoot + "/" + protected
            if target == folder || target.hasPrefix(folder + "/") {
                throw BuildError("refusing to write the site into \(output): it is inside \(protected)/",
                                 hint: "choose a folder of its own, such as --output public")
            }
        }
        if fileSystem.fileExists(at: output) {
            throw BuildError("the output path \(output) is a file, not a folder", hint: "remove it or choose another --output")
        }
        // A file where a folder above the output should be: creating the folders would fail with a
        // message about Cocoa error codes.
        var above = (target as NSString).deletingLastPathComponent
        while above != "/", !above.isEmpty, !fileSystem.directoryExists(at: above) {
            if fileSystem.fileExists(at: above) {
                throw BuildError("the output folder \(output) cannot be made: \(above) is a file, not a folder",
                                 hint: "choose another --output, or move the file \(above) away")
            }
            above = (above as NSString).deletingLastPathComponent
        }
        // The previous site is removed after the new one is swapped in; a folder in it that cannot be
        // written to would leave an undeletable copy behind. Found now, before anything is changed.
        if fileSystem.directoryExists(at: output), let locked = fileSystem.firstReadOnlyFolder(in: target) {
            throw BuildError("the output folder \(output) cannot be replaced: \(locked) is read-only, so the previous site in it could not be removed",
                             hint: "make it writable (chmod -R u+w \(output)) or choose another --output; nothing was changed")
        }
        if fileSystem.directoryExists(at: output), fileSystem.isMountPoint(output) {
            throw BuildError("the output folder \(output) is a mount point (a separate disk or a container volume), and Casebook replaces the output folder whole, which cannot be done to a mount point",
                             hint: "build into a folder inside it (--output \(output)/site) and serve that, or mount the folder above it instead")
        }
        if fileSystem.directoryExists(at: output), !force {
            let contents = (try? fileSystem.contentsOfDirectory(at: output)) ?? []
            if !contents.isEmpty, !contents.contains(Self.marker) {
                throw BuildError("refusing to replace \(output): it holds files that Casebook did not write",
                                 hint: "move those files away, choose another --output, or pass --force to replace the folder")
            }
        }
    }

    /// Names of the hidden folders a build keeps beside the output folder: the staging folder it writes
    /// into, and (for the fallback swap) the previous site on its way out.
    private func sibling(_ kind: String, pid: Int32 = ProcessInfo.processInfo.processIdentifier) -> String {
        let target = standardized(output)
        return (target as NSString).deletingLastPathComponent + "/.\((target as NSString).lastPathComponent).\(kind)-\(pid)"
    }

    /// A fresh staging folder next to the output folder (same disk, so the final swap is a rename).
    /// Leftovers of builds that were killed (their process is gone) are removed first.
    func makeStaging() throws(BuildError) -> Staging {
        try removeLeftovers()
        let path = sibling("staging")
        do {
            if fileSystem.directoryExists(at: path) { try fileSystem.removeItem(at: path) }
            try fileSystem.createDirectory(at: path)
            try fileSystem.writeFile(Data(), to: path + "/" + Self.marker)
        } catch {
            throw BuildError("cannot create the staging folder \(path): \(Self.describe(error))",
                             hint: "check that the folder above the output folder exists and is writable")
        }
        return Staging(fileSystem: fileSystem, path: path)
    }

    /// `.public.staging-PID` and `.public.old-PID` folders whose process no longer runs. One that cannot
    /// be removed is reported (it would otherwise stay on the disk unnoticed, a full copy of a site).
    func removeLeftovers() throws(BuildError) {
        var stuck: [(path: String, reason: String)] = []
        let target = standardized(output)
        let parent = (target as NSString).deletingLastPathComponent
        let prefix = ".\((target as NSString).lastPathComponent)."
        for name in (try? fileSystem.contentsOfDirectory(at: parent)) ?? [] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.lastIndex(of: "-"), ["staging", "old"].contains(rest[..<dash]),
                  let pid = Int32(rest[rest.index(after: dash)...]), pid > 0,
                  pid != ProcessInfo.processInfo.processIdentifier else { continue }
            // kill(pid, 0) sends nothing; ESRCH means no such process.
            guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
            do {
                try fileSystem.removeItem(at: parent + "/" + name)
            } catch {
                stuck.append((parent + "/" + name, Self.describe(error)))
            }
        }
        if let first = stuck.first {
            let more = stuck.count > 1 ? " (and \(stuck.count - 1) more like it)" : ""
            throw BuildError("could not remove \(first.path), left behind by an earlier build: \(first.reason)\(more)",
                             hint: "remove it by hand (chmod -R u+w \(first.path); rm -rf \(first.path)), then build again")
        }
    }

    /// Replaces the output folder with the staging folder: one atomic exchange, so the output folder
    /// exists at every moment (a server reading it never finds it missing, and a build killed here
    /// leaves either the old site or the new one in place). Where the filesystem cannot exchange, two
    /// renames, putting the previous site back if the second fails.
    func commit(_ staging: Staging) throws(BuildError) {
        let target = standardized(output)
        do {
            if fileSystem.directoryExists(at: target) {
                do {
                    try fileSystem.exchangeItems(staging.path, target)
                } catch is ExchangeUnsupported {
                    try replaceWithRenames(staging, target: target)
                    return
                }
                // The staging path now holds the previous site.
                try? fileSystem.removeItem(at: staging.path)
            } else {
                try fileSystem.moveItem(at: staging.path, to: target)
            }
        } catch {
            try? fileSystem.removeItem(at: staging.path)
            throw BuildError("could not replace \(output) with the new build: \(Self.describe(error))",
                             hint: "the previous site was kept; check permissions on the output folder and the folder above it")
        }
    }

    private func replaceWithRenames(_ staging: Staging, target: String) throws {
        let old = sibling("old")
        if fileSystem.directoryExists(at: old) { try fileSystem.removeItem(at: old) }
        try fileSystem.moveItem(at: target, to: old)
        do {
            try fileSystem.moveItem(at: staging.path, to: target)
        } catch {
            try? fileSystem.moveItem(at: old, to: target)
            throw error
        }
        try? fileSystem.removeItem(at: old)
    }

    /// A system error in plain words ("Device or resource busy"), not "NSCocoaErrorDomain error 512".
    static func describe(_ error: any Error) -> String {
        if let failure = error as? EnvironmentFailure { return failure.reason }
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }

    /// Runs `write` into a staging folder. On any failure the staging folder is removed, the previous
    /// site is kept, and the failure is reported in plain words.
    func filling<T>(_ staging: Staging, _ write: () throws -> T) throws(BuildError) -> T {
        do {
            return try write()
        } catch let error as BuildError {
            discard(staging)
            throw error
        } catch {
            discard(staging)
            throw BuildError("could not write the site: \(Self.describe(error))",
                             hint: "check that the disk has room and the folder above the output folder is writable; the previous site was kept")
        }
    }

    func discard(_ staging: Staging) {
        try? fileSystem.removeItem(at: staging.path)
    }

    private func standardized(_ path: String) -> String {
        fileSystem.resolvingSymlinks(path)
    }

    /// The folder a build is written into before it is swapped in.
    struct Staging: Sendable {
        let fileSystem: any FileSystem
        let path: String

        /// Creates every folder the given files need, once, before files are written in parallel; folders
        /// in `existing` (made by an earlier call) are skipped. Returns every folder the files are in.
        @discardableResult
        func createFolders(for files: [String], existing: Set<String> = []) throws -> Set<String> {
            var folders = existing
            var created: [String] = []
            for file in files {
                var folder = (file as NSString).deletingLastPathComponent
                while !folder.isEmpty, folders.insert(folder).inserted {
                    created.append(folder)
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            // Sorted, so each parent comes before its children: one plain mkdir per folder. (Making them
            // in parallel was slower: mkdir locks the parent folder, and most share one.)
            for folder in created.sorted() { try fileSystem.makeFolder(at: path + "/" + folder) }
            return folders
        }

        func write(_ data: Data, to relative: String) throws {
            try fileSystem.writeFile(data, to: path + "/" + relative)
        }

        func copy(from absolute: String, to relative: String) throws {
            try fileSystem.copyFile(from: absolute, to: path + "/" + relative)
        }
    }
}

/// A problem with the build's surroundings rather than its content (an unsafe output folder, a disk
/// that cannot be written); exit code 2.
public struct BuildError: Error, Equatable, Sendable {
    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}
