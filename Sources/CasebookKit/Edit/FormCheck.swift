import Foundation

/// Checks a form with the same code as `casebook check`: the text the editor would save is decoded
/// by the case-study decoder against site.yml, its story rendered by cmark with the site's link
/// checks, and it is compared with the site's other cases; each problem is then given to the form
/// field its position lies in.
public struct FormCheck: Sendable {
    public let root: String
    public let fileSystem: any FileSystem
    public let config: SiteConfig
    public let schema: EditorSchema

    /// Reads content/site.yml; throws when it cannot be read (the editor then says to run `casebook check`).
    public init(root: String, fileSystem: any FileSystem = LocalFileSystem()) throws(BuildError) {
        self.root = root
        self.fileSystem = fileSystem
        guard let data = try? fileSystem.readFile(at: root + "/" + SiteConfigDecoder.file) else {
            throw BuildError("cannot read content/site.yml", hint: "the editor needs the site's settings; run `casebook check` to see what is wrong")
        }
        guard let config = SiteConfigDecoder.decode(String(decoding: data, as: UTF8.self)).0 else {
            throw BuildError("content/site.yml has errors, so case studies cannot be checked",
                             hint: "run `casebook check` and fix content/site.yml first")
        }
        self.config = config
        schema = EditorSchema.make(config: config)
    }

    /// The problems in the file the form would be saved as (`original.applying(form)`, or a new file).
    public func check(_ form: CaseForm, path: String, original: CaseDocument?) -> [FieldProblem] {
        let text = original?.applying(form) ?? CaseDocument.newFileText(form, config: config)
        return problems(in: text, path: path)
    }

    /// The problems `casebook check` finds in one case-study file, each at its field.
    func problems(in text: String, path: String) -> [FieldProblem] {
        guard case .success(let parts) = CaseFileParts.read(text, path: path) else {
            let (_, diagnostics) = CaseStudyDecoder.decode(text: text, path: path, config: config)
            return diagnostics.map { FieldProblem($0, field: "") }
        }
        let diagnostics = diagnostics(in: text, path: path)
        let map = FieldMap(text: text, parts: parts)
        return diagnostics.sortedByLocation().map { FieldProblem($0, field: map.field(of: $0)) }
    }

    func diagnostics(in text: String, path: String) -> [Diagnostic] {
        let (study, found) = CaseStudyDecoder.decode(text: text, path: path, config: config)
        var diagnostics = found
        if let study {
            let body = Markdown.render(study.body, basePath: "/")
            diagnostics += body.problems
        }
        return diagnostics
    }
}
