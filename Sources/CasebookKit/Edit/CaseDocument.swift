/// An opened case-study file: the form's values, the file's text and a digest of its bytes (to tell,
/// when saving, that someone changed the file on disk since it was opened).
public struct CaseDocument: Sendable {
    public var form: CaseForm
    public var text: String
    public var digest: String
    /// The file's parts as read, with the text's line breaks made plain (`\n`).
    let parts: CaseFileParts
    let plainText: String
    /// The file's line break: `\r\n` for a file written on Windows, which a save keeps.
    let lineBreak: String

    /// Fails, with located diagnostics, only when the front matter cannot be read as YAML at all; the
    /// editor then asks for the file to be fixed in a text editor.
    public static func open(text: String, path: String) -> Result<CaseDocument, UnreadableCase> {
        let windows = text.contains("\r\n")
        let plain = windows ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        switch CaseFileParts.read(plain, path: path) {
        case .failure(let diagnostics):
            return .failure(diagnostics)
        case .success(let parts):
            return .success(CaseDocument(form: CaseFormReader.read(parts.root, story: parts.story), text: text,
                                         digest: ContentDigest.of(text), parts: parts, plainText: plain,
                                         lineBreak: windows ? "\r\n" : "\n"))
        }
    }

    /// The page address the build gives the file at `path`: its `slug:` when it sets one (read from the
    /// parsed front matter, as the decoder reads it), otherwise its file name.
    public func pageSlug(path: String) -> String {
        let given = parts.root?.mapping?.first { $0.key.scalar == "slug" }?.value.scalar
        return given.flatMap { $0.isEmpty ? nil : $0 } ?? CaseStudyDecoder.fileSlug(path)
    }

    /// The page address of the file at `path` holding `text`; its file name when the front matter
    /// cannot be read (the build then makes no page of it).
    public static func pageSlug(text: String, path: String) -> String {
        (try? open(text: text, path: path).get())?.pageSlug(path: path) ?? CaseStudyDecoder.fileSlug(path)
    }

    /// The file's new text with `form`'s values. An untouched form gives the text byte for byte; a
    /// changed field changes only its lines; added, removed or moved list items change only theirs.
    /// Comments, field order, quoting of untouched values, fields the form does not know and the story
    /// as written are kept.
    public func applying(_ form: CaseForm) -> String {
        let old = self.form.tree, new = form.tree
        let story = form.story.replacingOccurrences(of: "\r\n", with: "\n")
        let storyChanged = story != parts.story
        guard old != new || storyChanged else { return text }
        var bytes = Array(plainText.utf8)
        if old != new {
            var editor = FrontMatterEditor(bytes: bytes, base: parts.yamlStart)
            if let root = parts.root, root.mapping != nil, !root.isFlow, case .fields(let o) = old, case .fields(let n) = new {
                editor.fields(old: o, new: n, in: root)
            } else {
                editor.splice(parts.yamlStart..<parts.closingStart, CaseFileLayout.fieldLines(new))
            }
            bytes = editor.applied()
        }
        var result = String(decoding: bytes, as: UTF8.self)
        if storyChanged {
            let moved = bytes.count - plainText.utf8.count
            let bodyStart = parts.bodyStart + moved
            var head = String(decoding: bytes[..<bodyStart], as: UTF8.self)
            if !head.hasSuffix("\n") { head += "\n" }
            result = head + story + (story.isEmpty || story.hasSuffix("\n") ? "" : "\n")
        }
        return lineBreak == "\n" ? result : result.replacingOccurrences(of: "\n", with: lineBreak)
    }

    /// A new file, in the layout `casebook new case-study` writes.
    public static func newFileText(_ form: CaseForm, config: SiteConfig) -> String {
        CaseFileLayout(config: config).text(form)
    }

    /// Where a new case study with this title is saved: the name `casebook new case-study` gives it
    /// (`content/case-studies/<slug>.md`, the same transliterated slug as the page's address); nil
    /// when the title has no letter or digit.
    public static func newFilePath(title: String) -> String? {
        let slug = Slug.make(from: title)
        return slug.isEmpty ? nil : "content/case-studies/\(slug).md"
    }
}

/// A case-study file the editor cannot open: its front matter cannot be read as YAML at all. The
/// diagnostics say where and why, as `casebook check` does.
public struct UnreadableCase: Error, Sendable, Equatable {
    public var diagnostics: [Diagnostic]
}
