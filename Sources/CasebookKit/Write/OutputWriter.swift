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
        if fileSystem.directoryExists(at: output), !force {
            let contents = (try? fileSystem.contentsOfDirectory(at: output)) ?? []
            if !contents.isEmpty, !contents.contains(Self.marker) {
                throw BuildError("refusing to replace \(output): it holds files that Casebook did not write",
                                 hint: "move those files away, choose another --output, or pass --force to replace the folder")
            }
        }
    }

    /// A fresh staging folder next to the output folder (same disk, so the final swap is a rename).
    func makeStaging() throws(BuildError) -> Staging {
        let parent = (standardized(output) as NSString).deletingLastPathComponent
        let name = (standardized(output) as NSString).lastPathComponent
        let path = parent + "/.\(name).staging-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            if fileSystem.directoryExists(at: path) { try fileSystem.removeItem(at: path) }
            try fileSystem.createDirectory(at: path)
            try fileSystem.writeFile(Data(), to: path + "/" + Self.marker)
        } catch {
            throw BuildError("cannot create the staging folder \(path): \(error.localizedDescription)",
                             hint: "check that the folder above the output folder exists and is writable")
        }
        return Staging(fileSystem: fileSystem, path: path)
    }

    /// Replaces the output folder with the staging folder.
    func commit(_ staging: Staging) throws(BuildError) {
        let target = standardized(output)
        let old = (target as NSString).deletingLastPathComponent
            + "/.\((target as NSString).lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            if fileSystem.directoryExists(at: old) { try fileSystem.removeItem(at: old) }
            let hadPrevious = fileSystem.directoryExists(at: target)
            if hadPrevious { try fileSystem.moveItem(at: target, to: old) }
            do {
                try fileSystem.moveItem(at: staging.path, to: target)
            } catch {
                if hadPrevious { try? fileSystem.moveItem(at: old, to: target) }
                throw error
            }
            if hadPrevious { try? fileSystem.removeItem(at: old) }
        } catch {
            try? fileSystem.removeItem(at: staging.path)
            throw BuildError("could not replace \(output) with the new build: \(error.localizedDescription)",
                             hint: "the previous site was kept; check permissions on the output folder")
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

        /// Creates every folder the given files need, once, before files are written in parallel.
        func createFolders(for files: [String]) throws {
            var folders = Set<String>()
            for file in files {
                var folder = (file as NSString).deletingLastPathComponent
                while !folder.isEmpty, folders.insert(folder).inserted {
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            // Sorted, so each parent comes before its children: one plain mkdir per folder. (Making them
            // in parallel was slower: mkdir locks the parent folder, and most share one.)
            for folder in folders.sorted() { try fileSystem.makeFolder(at: path + "/" + folder) }
        }

        func write(_ data: Data, to relative: String) throws {
            try fileSystem.writeFile(data, to: path + "/" + relative)
        }

        func copy(from absolute: String, to relative: String) throws {
            try fileSystem.writeFile(try fileSystem.readFile(at: absolute), to: path + "/" + relative)
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
