import Foundation

/// Checks a form with the same code as `casebook check`: the text the editor would save is decoded
/// by the case-study decoder against site.yml, its story rendered by cmark with the site's link
/// checks, and it is compared with the site's other cases; each problem is then given to the form
/// field its position lies in.
public struct FormCheck: Sendable {
    public let root: String
    public let fileSystem: any FileSystem
    /// content/site.yml as read when the checker was made.
    public let config: SiteConfig
    public let schema: EditorSchema
    /// content/site.yml's digest when it was read, for `isCurrent`.
    private let settingsDigest: String
    /// The last check's work, for the next. Held while a check runs: checks take turns, so each one
    /// after the first (or after `warm`) finds the rest of the site's work done.
    private let memory = Locked(CheckMemory())

    /// Reads content/site.yml; throws when it cannot be read (the editor then says to run `casebook check`).
    public init(root: String, fileSystem: any FileSystem = LocalFileSystem()) throws(BuildError) {
        self.root = root
        self.fileSystem = fileSystem
        guard let data = try? fileSystem.readFile(at: root + "/" + SiteConfigDecoder.file) else {
            throw BuildError("cannot read content/site.yml", hint: "the editor needs the site's settings; run `casebook check` to see what is wrong")
        }
        settingsDigest = ContentDigest.of(data)
        guard let config = SiteConfigDecoder.decode(String(decoding: data, as: UTF8.self)).0 else {
            throw BuildError("content/site.yml has errors, so case studies cannot be checked",
                             hint: "run `casebook check` and fix content/site.yml first")
        }
        self.config = config
        schema = EditorSchema.make(config: config, usedTags: config.tags.isEmpty ? Self.usedTags(root: root, fileSystem: fileSystem) : [])
    }

    /// Whether content/site.yml is still what this checker read (so its vocabularies and schema hold).
    /// A server keeps one checker while this is true, and makes a new one when it is not.
    public var isCurrent: Bool {
        (try? fileSystem.readFile(at: root + "/" + SiteConfigDecoder.file)).map(ContentDigest.of) == settingsDigest
    }

    /// The tags the site's cases use, offered in the form when site.yml keeps no tag vocabulary.
    static func usedTags(root: String, fileSystem: any FileSystem) -> [String] {
        let folder = root + "/content/case-studies"
        let files = (try? fileSystem.filesRecursively(in: folder, within: root + "/content").files) ?? []
        return files.filter { $0.hasSuffix(".md") }.flatMap { file -> [String] in
            guard let data = try? fileSystem.readFile(at: folder + "/" + file),
                  case .success(let document) = CaseDocument.open(text: String(decoding: data, as: UTF8.self), path: file) else { return [] }
            return document.form.tags
        }
    }

    /// The problems in the file the form would be saved as (`original.applying(form)`, or a new file).
    public func check(_ form: CaseForm, path: String, original: CaseDocument?) -> [FieldProblem] {
        let text = original?.applying(form) ?? CaseDocument.newFileText(form, config: config)
        return problems(in: text, path: path)
    }

    /// The problems `casebook check` finds in one case-study file, each at its field.
    func problems(in text: String, path: String) -> [FieldProblem] {
        // Positions are the same with Windows line breaks read as plain ones, as the loader reads them.
        let plain = text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        guard case .success(let parts) = CaseFileParts.read(plain, path: path) else {
            let (_, diagnostics) = CaseStudyDecoder.decode(text: text, path: path, config: config)
            return diagnostics.map { FieldProblem($0, field: "") }
        }
        let diagnostics = diagnostics(in: text, path: path)
        let map = FieldMap(text: plain, parts: parts)
        // A problem found in another file that names this one (two cases at one address) belongs to no field here.
        return diagnostics.sortedByLocation().map { FieldProblem($0, field: $0.location.file == path ? map.field(of: $0) : "") }
    }

    /// What `casebook check --drafts` says about this file with `text` in it: the whole site is checked
    /// (so a link to a page that does not exist, or a second case at the same address, is found), and
    /// the problems in this file are kept, with the site-wide ones that name it.
    func diagnostics(in text: String, path: String) -> [Diagnostic] {
        let overlay = OverlayFileSystem(base: fileSystem, path: root + "/" + path, text: text)
        let options = checkOptions
        return memory.withLock { working -> [Diagnostic] in
            working.forgetChanges(root: root, fileSystem: fileSystem)
            // What was made from this file is of another text than the one checked now, and the other way round.
            working.cache.invalidate([path])
            defer { working.cache.invalidate([path]) }
            do {
                return try SiteBuilder(fileSystem: overlay).prepare(options, cache: working.cache, timer: PhaseTimer(onProgress: nil))
                    .diagnostics.filter { $0.location.file == path || $0.message.contains(path) }
            } catch {
                // The computer failed (out of memory or file descriptors), not the case: check the file alone.
                return CaseStudyDecoder.decode(text: text, path: path, config: config).1
            }
        }
    }

    /// Does the whole site's work once, so that the first check of a form is as quick as the later ones:
    /// the editor asks for it when its page opens, before the person has typed anything (10,000 cases:
    /// some 5 seconds in the background instead of on the first check).
    public func warm() {
        let options = checkOptions
        memory.withLock { working in
            working.forgetChanges(root: root, fileSystem: fileSystem)
            _ = try? SiteBuilder(fileSystem: fileSystem).prepare(options, cache: working.cache, timer: PhaseTimer(onProgress: nil))
        }
    }

    /// `casebook check --drafts`, without writing anything.
    private var checkOptions: BuildOptions {
        var options = BuildOptions(root: root, includeDrafts: true)
        options.dryRun = true
        // Whether base_url is a placeholder is about site.yml, not the case.
        options.checksPublishingSettings = false
        return options
    }
}
