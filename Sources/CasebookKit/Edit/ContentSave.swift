import Foundation

/// Saves the editor's files, inside `content/` only: atomically (a temporary file in the same folder
/// renamed over the old one, through the FileSystem seam), never over a file that changed on disk
/// since the form was opened, and a case with errors only as a draft.
public struct ContentSave: Sendable {
    public let root: String
    public let fileSystem: any FileSystem
    /// The largest picture accepted, in bytes.
    public static let largestImage = 10_000_000

    public init(root: String, fileSystem: any FileSystem = LocalFileSystem()) {
        self.root = root
        self.fileSystem = fileSystem
    }

    /// Writes `text` to `path` (relative to the site's folder, under content/case-studies/, `.md`).
    /// - Parameters:
    ///   - expectedDigest: the digest of the file when the form was opened; nil for a new file, which
    ///     must not exist yet.
    ///   - problems: what the checker found in `text`; with an error among them, only a draft is saved.
    /// - Returns: the digest of the saved file.
    public func save(text: String, to path: String, expectedDigest: String?, problems: [FieldProblem],
                     draft: Bool) throws(EditError) -> String {
        let relative = try ContentPath.caseStudy(path, root: root, fileSystem: fileSystem)
        // The draft flag is taken from the text too: a caller cannot save errors by saying "draft" alone.
        let textIsDraft = (try? CaseDocument.open(text: text, path: relative).get())?.form.draft ?? false
        if problems.contains(where: \.isError), !(draft && textIsDraft) {
            let count = problems.filter(\.isError).count
            throw EditError(.hasErrors, "the case study has \(count == 1 ? "an error" : "\(count) errors"), so it can be saved only as a draft",
                            hint: "fix the problems shown beside the fields, or tick Draft to save it unpublished", path: relative)
        }
        let absolute = root + "/" + relative
        let current = try? fileSystem.readFile(at: absolute)
        switch (expectedDigest, current) {
        case (nil, _?):
            throw EditError(.exists, "\(relative) already exists; nothing was written",
                            hint: "choose another title, or open the existing case study to edit it", path: relative)
        case (let expected?, nil):
            throw EditError(.changedOnDisk, "\(relative) was deleted or moved since you opened it (expected version \(expected.prefix(8)))",
                            hint: "copy your changes somewhere safe, then reload the page", path: relative)
        case (let expected?, let data?) where ContentDigest.of(data) != expected:
            throw EditError(.changedOnDisk, "\(relative) was changed on disk since you opened it; your save would overwrite those changes",
                            hint: "copy your changes somewhere safe, reload the page to see the file as it is now, and make them again", path: relative)
        default:
            break
        }
        let bytes = Data(text.utf8)
        try makeFolder(of: absolute, relative: relative)
        try writeAtomically(bytes, to: absolute, relative: relative)
        return ContentDigest.of(bytes)
    }

    /// Saves an uploaded picture into content/images/ under a safe name (lower case, no spaces) and
    /// returns the address to write in the form (`/images/name.jpg`). Refuses bytes that are not a
    /// picture by their signature, pictures over `largestImage`, a missing alt text, and a name that is
    /// taken by a different picture (the same picture again is fine).
    public func saveImage(bytes: [UInt8], fileName: String, alt: String) throws(EditError) -> String {
        let name = ImageUpload.safeName(fileName)
        let relative = "content/images/" + name
        if alt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw EditError(.noAltText, "the picture needs a description (alt text)",
                            hint: "describe what the picture shows, for people who cannot see it", path: relative)
        }
        guard bytes.count <= Self.largestImage else {
            throw EditError(.tooLarge, "the picture is \(bytes.count / 1_000_000) MB; the largest accepted is \(Self.largestImage / 1_000_000) MB",
                            hint: "make it smaller (1,600 pixels wide is plenty for the site) and upload it again", path: relative)
        }
        guard let kind = ImageUpload.kind(of: bytes) else {
            throw EditError(.notAnImage, "`\(fileName)` is not a JPEG, PNG, GIF, WebP or AVIF picture",
                            hint: "upload a photo or drawing saved as JPEG, PNG, GIF, WebP or AVIF", path: relative)
        }
        guard ImageUpload.extensions(of: kind).contains((name as NSString).pathExtension) else {
            throw EditError(.notAnImage, "`\(fileName)` is a \(kind) picture, but its name ends in something else",
                            hint: "rename it to end in .\(ImageUpload.extensions(of: kind)[0]) and upload it again", path: relative)
        }
        let checked = try ContentPath.inside(relative, folder: "content/images", root: root, fileSystem: fileSystem)
        let absolute = root + "/" + checked
        if let existing = try? fileSystem.readFile(at: absolute) {
            guard Array(existing) == bytes else {
                throw EditError(.exists, "a different picture is already saved as \(checked)",
                                hint: "rename the picture before uploading it, or use the one already there", path: checked)
            }
            return "/images/" + name
        }
        try makeFolder(of: absolute, relative: checked)
        try writeAtomically(Data(bytes), to: absolute, relative: checked)
        return "/images/" + name
    }

    /// The file's folder (content/case-studies/ or content/images/), made when the site has none yet.
    private func makeFolder(of absolute: String, relative: String) throws(EditError) {
        let folder = (absolute as NSString).deletingLastPathComponent
        guard !fileSystem.directoryExists(at: folder) else { return }
        do {
            try fileSystem.createDirectory(at: folder)
        } catch {
            throw EditError(.io, "could not make the folder \((relative as NSString).deletingLastPathComponent): \(OutputWriter.describe(error))",
                            hint: "check that content/ is writable", path: relative)
        }
    }

    /// A temporary file next to the target, renamed over it: a reader sees the old file or the new one.
    private func writeAtomically(_ data: Data, to absolute: String, relative: String) throws(EditError) {
        let folder = (absolute as NSString).deletingLastPathComponent
        let temporary = folder + "/." + (absolute as NSString).lastPathComponent + ".casebook-save-" + UUID().uuidString
        do {
            try fileSystem.writeFile(data, to: temporary)
            try fileSystem.renameReplacing(temporary, absolute)
        } catch {
            try? fileSystem.removeItem(at: temporary)
            throw EditError(.io, "could not save \(relative): \(OutputWriter.describe(error))",
                            hint: "check that the folder exists and is writable; nothing was changed", path: relative)
        }
    }
}
