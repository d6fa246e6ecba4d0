import Foundation

/// The Mustache templates of `templates/`, parsed and compiled once against the views they draw, and
/// shared by every page render. Syntax errors, unknown fields and references to partials that do not
/// exist are reported with file, line and column when the templates load.
public struct TemplateSet: Sendable {
    /// Templates every build needs; a missing one is an error.
    static let required = TemplateName.allCases.map(\.rawValue)
    /// The partial every listing draws a case with, rendered once per case.
    static let cardPartial = "partials/card"

    /// Each page template, compiled for its body's scope (`CompiledNode<PageScope<Body>>`).
    private let pages: [TemplateName: any Sendable]
    private let card: CompiledNode<RootScope<CaseCard>>?

    static func load(fileSystem: any FileSystem, root: String) throws(BuildError) -> (TemplateSet?, [Diagnostic]) {
        let failures = EnvironmentFailures()
        let loaded = load(fileSystem: fileSystem, root: root, failures: failures)
        try failures.check()
        return loaded
    }

    private static func load(fileSystem: any FileSystem, root: String, failures: EnvironmentFailures) -> (TemplateSet?, [Diagnostic]) {
        let folder = root + "/templates"
        var diagnostics: [Diagnostic] = []
        let listing = failures.listing { try fileSystem.filesRecursively(in: folder, within: folder) }
        diagnostics += listing.skipped.map { Diagnostic.skipped($0, in: "templates", boundary: "templates") }
        let files = listing.files.filter { $0.hasSuffix(".mustache") }
        var decoded: [(name: String, path: String, text: String)] = []
        for file in files {
            let path = "templates/" + file
            let name = String(file.dropLast(".mustache".count))
            let data: Data
            do {
                data = try fileSystem.readFile(at: folder + "/" + file)
            } catch {
                if !failures.record(error) {
                    diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), "cannot read this template",
                                              hint: "check that the file can be read (its permissions)", code: .templateUnreadable))
                }
                continue
            }
            let text: String
            switch SourceText.decode([UInt8](data), file: path) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            case .success(let decoded): text = decoded
            }
            decoded.append((name, path, text))
        }
        let (set, found) = assemble(decoded, requireAll: true, reported: Set(diagnostics.map(\.location.file)))
        return (set, diagnostics + found)
    }

    /// Parses decoded templates (name, path relative to the root, text) and compiles every page
    /// template against its view type (and the card partial against `CaseCard`), with every problem:
    /// syntax errors, unknown fields, sections over text, missing partials, loops and, when
    /// `requireAll`, missing required templates.
    static func assemble(_ templates: [(name: String, path: String, text: String)], requireAll: Bool,
                         reported: Set<String> = []) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var parsed: [String: (path: String, nodes: [TemplateNode])] = [:]
        for (name, path, text) in templates {
            if let (line, column) = TemplateReference.tooDeep(text) {
                diagnostics.append(.error(SourceLocation(file: path, line: line, column: column),
                                          "sections are nested more than \(TemplateReference.deepestNesting) deep here",
                                          hint: "close sections before opening new ones; a section left open by mistake nests everything after it", code: .templateSyntax))
                continue
            }
            switch TemplateParser.parse(text, file: path) {
            case .success(let nodes): parsed[name] = (path, nodes)
            case .failure(let error):
                diagnostics.append(.error(error.location, "template syntax error: \(error.message)", hint: error.hint, code: .templateSyntax))
            }
        }
        let names = Set(parsed.keys)
        var references: [String: [TemplateReference]] = [:]
        for (name, template) in parsed.sorted(by: { $0.key < $1.key }) {
            references[name] = TemplateReference.collect(template.nodes)
            diagnostics += unusable(references[name]!, path: template.path, available: names)
        }
        diagnostics += loops(references, paths: parsed.mapValues(\.path))
        for name in required where requireAll && !names.contains(name) && !reported.contains("templates/\(name).mustache")
            && !diagnostics.contains(where: { $0.location.file == "templates/\(name).mustache" }) {
            diagnostics.append(.error(SourceLocation(file: "templates/\(name).mustache", line: 1, column: 1),
                                      "the template `\(name).mustache` is missing",
                                      hint: "every site needs it; copy it from the templates folder of a fresh Casebook checkout", code: .templateMissing))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        // Bind every template to the view it draws: each name is looked up once, here.
        let compiler = TemplateCompiler(templates: parsed)
        var pages: [TemplateName: any Sendable] = [:]
        func compilePage<Body: PageView>(_ type: Body.Type) -> any Sendable {
            compiler.compile(template: Body.template.rawValue, as: PageScope<Body>.self)
        }
        for name in TemplateName.allCases where names.contains(name.rawValue) {
            pages[name] = compilePage(name.viewType)
        }
        let card = names.contains(Self.cardPartial) ? compiler.compile(template: Self.cardPartial, as: RootScope<CaseCard>.self) : nil
        diagnostics += compiler.diagnostics
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (TemplateSet(pages: pages, card: card), diagnostics)
    }

    /// A missing partial or layout is an error where it is named (it would otherwise draw nothing).
    private static func unusable(_ references: [TemplateReference], path: String, available: Set<String>) -> [Diagnostic] {
        references.compactMap { reference in
            guard !available.contains(reference.name) else { return nil }
            return missing(reference.name, kind: reference.kind == .partial ? "partial" : "layout",
                           at: SourceLocation(file: path, line: reference.line, column: reference.column), available: available)
        }
    }

    /// "the partial `x` does not exist", with the closest name there is.
    static func missing(_ name: String, kind: String, at location: SourceLocation, available: some Collection<String>) -> Diagnostic {
        .error(location, "the \(kind) `\(name)` does not exist",
               hint: Suggestion.hint(for: name, in: available.sorted(), listing: false) ?? "create templates/\(name).mustache, or fix the name", code: .templateMissing)
    }

    /// A template that includes or inherits from itself, directly or through others, would render
    /// forever (swift-mustache expands partials as it renders, and runs out of stack). Every tag that
    /// closes such a loop is reported where it is written.
    static func loops(_ references: [String: [TemplateReference]], paths: [String: String]) -> [Diagnostic] {
        // Templates reachable from each template, following every tag.
        func reachable(from start: String) -> Set<String> {
            var seen: Set<String> = [], stack = [start]
            while let name = stack.popLast() {
                for next in references[name] ?? [] where seen.insert(next.name).inserted { stack.append(next.name) }
            }
            return seen
        }
        let reach = Dictionary(uniqueKeysWithValues: references.keys.map { ($0, reachable(from: $0)) })
        var diagnostics: [Diagnostic] = []
        for (name, tags) in references.sorted(by: { $0.key < $1.key }) {
            for tag in tags where tag.name == name || reach[tag.name]?.contains(name) == true {
                let verb = tag.kind == .partial ? "includes" : "inherits from"
                let message = tag.name == name
                    ? "`\(name)` \(verb) itself, so it would never finish rendering"
                    : "`\(name)` \(verb) `\(tag.name)`, which leads back to `\(name)`: the templates would never finish rendering"
                diagnostics.append(.error(SourceLocation(file: paths[name] ?? "templates/\(name).mustache", line: tag.line, column: tag.column),
                                          message,
                                          hint: "remove `\(tag.tag)` here, or the tag that leads back; a template cannot contain itself, directly or through others", code: .templateLoop))
            }
        }
        return diagnostics
    }

    /// A page: its body view inside the chrome every page shares, through the template its type names.
    /// Throws when the set has no template compiled for this view (the template is missing, or was
    /// compiled against another view): writing an empty page instead would publish a blank page
    /// and report success.
    func render<Body: PageView>(_ body: Body, chrome: PageChrome) throws(BuildError) -> [UInt8] {
        guard let page = pages[Body.template] as? CompiledNode<PageScope<Body>> else {
            let found = pages[Body.template].map { "compiled for another view (\(type(of: $0)))" } ?? "not loaded"
            throw BuildError("the template `\(Body.template.rawValue).mustache` cannot draw \(Body.viewName): it is \(found)",
                             hint: pages[Body.template] == nil
                                ? "check that templates/\(Body.template.rawValue).mustache exists and has no errors"
                                : "this is a fault in Casebook, not in the site: please report it with the template's name")
        }
        var out: [UInt8] = []
        out.reserveCapacity(32 * 1024)
        page(&out, InnerScope(body, in: RootScope(chrome)))
        return out
    }

    /// A case's card, through `templates/partials/card.mustache` compiled against `CaseCard`.
    func renderCard(_ card: CaseCard) -> String {
        guard let draw = self.card else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(2048)
        draw(&out, RootScope(card))
        return String(decoding: out, as: UTF8.self)
    }
}

/// A page's scope: the page's own view in front of the site's chrome.
typealias PageScope<Body: TemplateView> = InnerScope<Body, RootScope<PageChrome>>
