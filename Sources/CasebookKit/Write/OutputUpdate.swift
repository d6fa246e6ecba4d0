import Foundation

/// Changes some files of a live output folder (`casebook serve`), all or nothing, without copying
/// the rest: every new file is first written beside its target under a hidden temporary name; only
/// when all of them were written is each renamed over its target (one rename(2) each, so a reader
/// sees the old page or the new one, never half of one), and only then are pages that are gone
/// removed. A write that fails (a full disk) removes the temporary files and the folders made for
/// them, and leaves the output as it was. The output folder itself always exists.
struct OutputUpdate {
    let fileSystem: any FileSystem
    /// Absolute path of the output folder.
    let output: String
    /// Ends every temporary file's name; hidden (a leading dot), so listings of the output skip it.
    private let suffix = ".casebook-new-\(ProcessInfo.processInfo.processIdentifier)"

    init(fileSystem: any FileSystem, output: String) {
        self.fileSystem = fileSystem
        self.output = output
    }

    /// The hidden name a file is written under before it replaces `relative`.
    func temporary(for relative: String) -> String {
        let folder = (relative as NSString).deletingLastPathComponent
        let name = "." + (relative as NSString).lastPathComponent + suffix
        return output + "/" + (folder.isEmpty ? name : folder + "/" + name)
    }

    /// Writes `files` (paths relative to the output folder, in parallel), then renames them into place
    /// and removes `removed`. Throws, changing nothing, when a file cannot be written.
    func apply(_ files: [(path: String, data: Data)], removed: [String]) throws(BuildError) {
        // Folders new pages need, made once before the parallel writes; remembered so a failure can
        // take them away again.
        var made: [String] = []
        var seen = Set<String>()
        for (file, _) in files {
            var folder = (file as NSString).deletingLastPathComponent
            var missing: [String] = []
            while !folder.isEmpty, seen.insert(folder).inserted, !fileSystem.directoryExists(at: output + "/" + folder) {
                missing.append(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
            made += missing.reversed()
        }
        let written = Written()
        do {
            for folder in made { try fileSystem.makeFolder(at: output + "/" + folder) }
            let fileSystem = fileSystem
            let failures = parallelMap(Array(files.indices)) { position -> String? in
                let temporary = temporary(for: files[position].path)
                do {
                    try fileSystem.writeFile(files[position].data, to: temporary)
                    written.add(temporary)
                    return nil
                } catch {
                    written.add(temporary)  // may exist half-written
                    return "\(files[position].path): \(OutputWriter.describe(error))"
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw BuildError("could not write \(failure)") }
        } catch {
            for temporary in written.all { try? fileSystem.removeItem(at: temporary) }
            for folder in made.reversed() { try? fileSystem.removeItem(at: output + "/" + folder) }
            let message = (error as? BuildError)?.message ?? "could not write the site: \(OutputWriter.describe(error))"
            throw BuildError(message, hint: "check that the disk has room and the output folder is writable; the previous site was kept")
        }
        // Renames need no room on the disk, so once every file is written the update goes through; if
        // one fails all the same (permissions changed under us), the files not yet renamed are dropped.
        for (position, file) in files.enumerated() {
            do {
                try fileSystem.renameReplacing(temporary(for: file.path), output + "/" + file.path)
            } catch {
                for rest in files[position...] { try? fileSystem.removeItem(at: temporary(for: rest.path)) }
                throw BuildError("could not replace \(file.path) in \(output): \(OutputWriter.describe(error))",
                                 hint: "check permissions on the output folder, then save again: the next rebuild writes the rest")
            }
        }
        for file in removed {
            try? fileSystem.removeItem(at: output + "/" + file)
            // Folders left empty go too (a case's folder, a listing's).
            var folder = (file as NSString).deletingLastPathComponent
            while !folder.isEmpty, (try? fileSystem.contentsOfDirectory(at: output + "/" + folder))?.isEmpty == true {
                try? fileSystem.removeItem(at: output + "/" + folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
    }

    /// Temporary files written so far, from parallel workers.
    private final class Written: Sendable {
        private let paths = Locked<[String]>([])
        func add(_ path: String) { paths.withLock { $0.append(path) } }
        var all: [String] { paths.current }
    }
}
