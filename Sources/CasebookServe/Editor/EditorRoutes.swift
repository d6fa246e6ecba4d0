import CasebookKit
import Foundation
import Hummingbird
import NIOPosix

/// The editor's addresses, served by `casebook serve` only (nothing here is ever written to the site):
/// - `GET /_casebook/edit/new`, `GET /_casebook/edit/<slug>`: the form page;
/// - `GET /_casebook/editor/editor.js|editor.css|edit-bar.css`: its script and styles (files, for the CSP);
/// - `GET /_casebook/editor/schema`: the vocabularies of site.yml the form is built from;
/// - `GET /_casebook/editor/case?slug=<slug>`: a case study's values, file and digest;
/// - `POST /_casebook/editor/check|preview|save|upload`: each checked by `EditorAccess` first.
/// All of it answers this computer only (unless `--editor-on-network`); request bodies are limited.
struct EditorRoutes: Sendable {
    static let pagePrefix = "/_casebook/edit/"
    static let apiPrefix = "/_casebook/editor/"
    static let newPage = pagePrefix + "new"
    /// A JSON request's body: a case study with a long story is well under this.
    static let maxJSONBody = 2 << 20
    /// An upload's body (base64 is a third larger than the image; `ContentSave` limits the image itself).
    static let maxUploadBody = 16 << 20

    let root: String
    /// The site's path under the server root (`/` or `/showcase/`), for links to the case pages.
    let basePath: String
    let access: EditorAccess
    let policy: ContentSecurityPolicy
    /// Whether the preview shows drafts (`--drafts`): a saved draft appears there only then.
    let showsDrafts: Bool
    let fileSystem: any FileSystem
    /// The checker, kept between requests while site.yml is unchanged.
    let checkers: FormCheckCache
    let disk = NIOThreadPool.singleton

    init(root: String, basePath: String, access: EditorAccess, policy: ContentSecurityPolicy, showsDrafts: Bool,
         fileSystem: any FileSystem = LocalFileSystem()) {
        self.root = root
        self.basePath = basePath
        self.showsDrafts = showsDrafts
        self.access = access
        self.policy = policy
        self.fileSystem = fileSystem
        self.checkers = FormCheckCache(root: root, fileSystem: fileSystem)
    }

    static func handles(_ path: String) -> Bool {
        path.hasPrefix(pagePrefix) || path.hasPrefix(apiPrefix)
    }

    func respond(to request: Request, context: PreviewRequestContext) async throws -> Response {
        let path = request.uri.path
        guard access.admits(remote: context.remoteAddress) else {
            return reply.text(.forbidden, EditorAccess.Refusal.notThisComputer.message)
        }
        if request.method == .post {
            if let refusal = access.checkWrite(request.headers, authority: request.head.authority, remote: context.remoteAddress) {
                return reply.text(.forbidden, refusal.message)
            }
            let limit = path == Self.apiPrefix + "upload" ? Self.maxUploadBody : Self.maxJSONBody
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: limit)
            } catch {
                return reply.failure(.contentTooLarge, kind: "too_large",
                                     "This is more than the editor takes in one request (\(limit >> 20) MB).",
                                     hint: "use a smaller picture, or a shorter story")
            }
            return try await post(path, body: Data(buffer: body))
        }
        guard request.method == .get || request.method == .head else {
            return reply.text(.methodNotAllowed, "The editor takes GET and POST only.\n")
        }
        return try await get(path, request: request)
    }

    private var reply: EditorReply { EditorReply(policy: policy.current) }

    // MARK: GET

    private func get(_ path: String, request: Request) async throws -> Response {
        switch path {
        case Self.apiPrefix + "editor.js":
            return reply.asset(EditorScript.source, type: "text/javascript; charset=utf-8")
        case Self.apiPrefix + "editor.css":
            return reply.asset(EditorStyle.source, type: "text/css; charset=utf-8")
        case Self.apiPrefix + "edit-bar.css":
            return reply.asset(EditLinks.style, type: "text/css; charset=utf-8")
        case Self.apiPrefix + "schema":
            return try await onDisk { routes in
                routes.withFormCheck { check in
                    // The form has opened: the site's work is done now, in the background, not on the
                    // first check of what the person types (which waits for it if it comes first).
                    DispatchQueue.global(qos: .utility).async { check.warm() }
                    return routes.reply.json(check.schema)
                }
            }
        case Self.apiPrefix + "case":
            let slug = request.uri.queryParameters["slug"].map(String.init) ?? ""
            return try await onDisk { $0.opened(slug: slug) }
        case Self.newPage:
            return reply.html(EditorPage.html(setup(slug: nil)))
        default:
            let slug = String(path.dropFirst(Self.pagePrefix.count))
            guard path.hasPrefix(Self.pagePrefix), CaseFiles.isPlainName(slug),
                  try await onDisk({ $0.files.path(forSlug: slug) != nil }) else {
                return reply.text(.notFound, "There is no case study at this address. Open the editor from a case study's page, or start a new one at \(Self.newPage).\n")
            }
            return reply.html(EditorPage.html(setup(slug: slug)))
        }
    }

    private func setup(slug: String?) -> EditorPage.Setup {
        EditorPage.Setup(token: access.token, slug: slug, siteRoot: basePath, showsDrafts: showsDrafts)
    }

    private var files: CaseFiles { CaseFiles(root: root, fileSystem: fileSystem) }

    /// A case study's values for the form; a file that cannot be read as YAML at all is reported with
    /// its problems, for fixing in a text editor.
    private func opened(slug: String) -> Response {
        guard let path = files.path(forSlug: slug), let text = files.read(path) else {
            return reply.failure(.notFound, kind: "not_found", "There is no case study called “\(slug)”.",
                                 hint: "open the editor from the case study's page")
        }
        switch CaseDocument.open(text: text, path: path) {
        case .success(let document):
            return reply.json(EditorMessages.Opened(path: path, digest: document.digest, form: document.form,
                                                    pageUrl: pageURL(path: path, text: text)))
        case .failure(let failure):
            let problems = failure.diagnostics.map {
                FieldProblem(field: "", severity: $0.severity.rawValue, message: $0.message, hint: $0.hint,
                             line: $0.location.line, column: $0.location.column, code: $0.code.rawValue)
            }
            return reply.failure(.unprocessableContent, kind: "unreadable",
                                 "\(path) cannot be read as a case study, so the form cannot show it.",
                                 hint: "fix the problems below in a text editor (or ask a developer), then reload this page",
                                 problems: problems)
        }
    }

    private func pageURL(path: String, text: String) -> String {
        basePath + "case-studies/" + files.slug(ofPath: path, text: text) + "/"
    }

    // MARK: POST

    private func post(_ path: String, body: Data) async throws -> Response {
        switch path {
        case Self.apiPrefix + "check":
            guard let message = decode(EditorMessages.Check.self, body) else { return badJSON }
            return try await onDisk { $0.check(message) }
        case Self.apiPrefix + "preview":
            guard let message = decode(EditorMessages.Preview.self, body) else { return badJSON }
            return reply.json(EditorMessages.Rendered(html: StoryPreview.html(markdown: message.markdown)))
        case Self.apiPrefix + "save":
            guard let message = decode(EditorMessages.Save.self, body) else { return badJSON }
            return try await onDisk { $0.save(message) }
        case Self.apiPrefix + "upload":
            guard let message = decode(EditorMessages.Upload.self, body) else { return badJSON }
            return try await onDisk { $0.upload(message) }
        default:
            return reply.text(.notFound, "The editor has no such action.\n")
        }
    }

    private func check(_ message: EditorMessages.Check) -> Response {
        withFormCheck { formCheck in
        let target = target(of: message.path, form: message.form, checking: true)
        guard let path = target.path else { return target.failure! }
        let problems = formCheck.check(message.form, path: path, original: target.original)
        return reply.json(EditorMessages.Problems(problems: FormWording(schema: formCheck.schema).reworded(problems)))
        }
    }

    private func save(_ message: EditorMessages.Save) -> Response {
        withFormCheck { formCheck in
        let target = target(of: message.path, form: message.form)
        guard let path = target.path else { return target.failure! }
        if message.path == nil, fileSystem.fileExists(at: root + "/" + path) {
            return reply.failure(.conflict, kind: "exists",
                                 "A case study with this title exists already (\(path)).",
                                 hint: "change the title, or open that case study from its page to edit it")
        }
        let text = target.original.map { $0.applying(message.form) }
            ?? CaseDocument.newFileText(message.form, config: formCheck.config)
        let problems = FormWording(schema: formCheck.schema).reworded(formCheck.check(message.form, path: path, original: target.original))
        do {
            let digest = try ContentSave(root: root, fileSystem: fileSystem)
                .save(text: text, to: path, expectedDigest: message.digest, problems: problems, draft: message.form.draft)
            return reply.json(EditorMessages.Saved(path: path, digest: digest, pageUrl: pageURL(path: path, text: text),
                                                   draft: message.form.draft, problems: problems))
        } catch {
            return failure(error, problems: problems)
        }
        }
    }

    private func upload(_ message: EditorMessages.Upload) -> Response {
        guard let bytes = Data(base64Encoded: message.data) else { return badJSON }
        do {
            let src = try ContentSave(root: root, fileSystem: fileSystem)
                .saveImage(bytes: [UInt8](bytes), fileName: message.fileName, alt: message.alt)
            return reply.json(EditorMessages.Uploaded(src: src, alt: message.alt))
        } catch {
            return failure(error, problems: nil)
        }
    }

    /// The file a form belongs to: the one it was opened from (inside `content/case-studies/`), or for
    /// a new case study the file its title names (while checking a form with no title yet, a stand-in).
    private func target(of path: String?, form: CaseForm, checking: Bool = false)
        -> (path: String?, original: CaseDocument?, failure: Response?) {
        guard let path else {
            guard let path = CaseDocument.newFilePath(title: form.title) ?? (checking ? "\(CaseFiles.folder)/untitled.md" : nil) else {
                return (nil, nil, reply.failure(.unprocessableContent, kind: "no_title", "The case study needs a title first.",
                                                hint: "type a title with at least one letter or digit"))
            }
            return (path, nil, nil)
        }
        guard path.hasPrefix(CaseFiles.folder + "/"), path.hasSuffix(".md"),
              !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else {
            return (nil, nil, reply.failure(.badRequest, kind: "outside_content", "The editor edits case studies in \(CaseFiles.folder)/ only."))
        }
        guard let text = files.read(path) else { return (path, nil, nil) }
        switch CaseDocument.open(text: text, path: path) {
        case .success(let document): return (path, document, nil)
        case .failure: return (nil, nil, reply.failure(.unprocessableContent, kind: "unreadable",
                                                       "\(path) cannot be read as a case study any more.",
                                                       hint: "it was changed outside the editor; fix it in a text editor, then reload"))
        }
    }

    private func failure(_ error: Error, problems: [FieldProblem]?) -> Response {
        guard let error = error as? EditError else {
            return reply.failure(.internalServerError, kind: "io", "The file could not be saved: \(error)", hint: "try again")
        }
        switch error.kind {
        case .changedOnDisk:
            return reply.failure(.conflict, kind: "changed_on_disk", error.message, hint: error.hint)
        case .hasErrors:
            return reply.failure(.unprocessableContent, kind: "has_errors", "Fix the problems or save as draft.",
                                 hint: error.hint, problems: problems)
        case .exists:
            return reply.failure(.conflict, kind: "exists", error.message, hint: error.hint)
        case .outsideContent:
            return reply.failure(.badRequest, kind: "outside_content", error.message, hint: error.hint)
        case .notAnImage:
            return reply.failure(.unprocessableContent, kind: "not_an_image", error.message, hint: error.hint)
        case .noAltText:
            return reply.failure(.unprocessableContent, kind: "no_alt_text", error.message, hint: error.hint)
        case .tooLarge:
            return reply.failure(.contentTooLarge, kind: "too_large", error.message, hint: error.hint)
        default:
            return reply.failure(.internalServerError, kind: "io", error.message, hint: error.hint)
        }
    }

    /// Runs `body` with the checker for the site as its settings are now (a change to a vocabulary in
    /// site.yml shows at once); a site.yml that cannot be read is reported.
    private func withFormCheck(_ body: (FormCheck) -> Response) -> Response {
        do throws(BuildError) {
            return body(try checkers.checker())
        } catch {
            return reply.failure(.unprocessableContent, kind: "site_settings",
                                 "content/site.yml cannot be read, so the form cannot be made: \(error.message)",
                                 hint: error.hint)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ body: Data) -> T? {
        try? EditorJSON.decoder.decode(type, from: body)
    }

    private var badJSON: Response {
        reply.failure(.badRequest, kind: "bad_request", "The editor's request could not be read.", hint: "reload the editor and try again")
    }

    /// Runs file work on NIO's thread pool, never on the threads that answer requests.
    private func onDisk<T: Sendable>(_ work: @escaping @Sendable (EditorRoutes) -> T) async throws -> T {
        let routes = self
        return try await disk.runIfActive { work(routes) }
    }
}
