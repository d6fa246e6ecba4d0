import Foundation
import Mustache

/// The Mustache templates of `templates/`, parsed once and shared by every page render.
/// Syntax errors and references to partials that do not exist are reported with file, line and column.
public struct TemplateSet: Sendable {
    /// Templates every build needs; a missing one is an error.
    static let required = ["home", "case-index", "case", "list", "terms", "page", "data", "search", "not-found",
                           "feed", "sitemap", "robots", "compare", "report"]

    let library: MustacheLibrary
    let names: Set<String>

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
                                              hint: "check that the file can be read (its permissions)"))
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

    /// Parses decoded templates (name, path relative to the root, text) into a set, with every problem:
    /// syntax errors, missing or dynamic partials, loops and, when `requireAll`, missing required templates.
    static func assemble(_ templates: [(name: String, path: String, text: String)], requireAll: Bool,
                         reported: Set<String> = []) -> (TemplateSet?, [Diagnostic]) {
        HTMLEscaping.register()
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var sources: [String: (path: String, text: String)] = [:]
        for (name, path, text) in templates {
            if let (line, column) = TemplateReference.tooDeep(text) {
                diagnostics.append(.error(SourceLocation(file: path, line: line, column: column),
                                          "sections are nested more than \(TemplateReference.deepestNesting) deep here",
                                          hint: "close sections before opening new ones; a section left open by mistake nests everything after it"))
                continue
            }
            do {
                // Every template renders with `HTMLEscaping` (see below); the pragma line is standalone,
                // so it adds nothing to the output, and error lines are shifted back by one.
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
                sources[name] = (path, text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    SourceLocation(file: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                    "template syntax error: \(describe(error.error))",
                    hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed with }}"))
            } catch {
                diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), "template syntax error: \(error)",
                                          hint: "check the template's tags against docs/templates.md"))
            }
        }
        let names = Set(sources.keys)
        var references: [String: [TemplateReference]] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            references[name] = TemplateReference.scan(source.text)
            diagnostics += unusable(references[name]!, path: source.path, available: names)
        }
        diagnostics += loops(references, paths: sources.mapValues(\.path))
        for name in required where requireAll && !names.contains(name) && !reported.contains("templates/\(name).mustache")
            && !diagnostics.contains(where: { $0.location.file == "templates/\(name).mustache" }) {
            diagnostics.append(.error(SourceLocation(file: "templates/\(name).mustache", line: 1, column: 1),
                                      "the template `\(name).mustache` is missing",
                                      hint: "every site needs it; copy it from the templates folder of a fresh Casebook checkout"))
        }
        return (diagnostics.hasErrors ? nil : TemplateSet(library: library, names: names), diagnostics)
    }

    /// swift-mustache renders a missing partial as nothing; a designer would rather hear about it. A
    /// partial named by the page's data (`{{>*name}}`) could be anything, so it is not allowed.
    private static func unusable(_ references: [TemplateReference], path: String, available: Set<String>) -> [Diagnostic] {
        references.compactMap { reference in
            let location = SourceLocation(file: path, line: reference.line, column: reference.column)
            if reference.dynamic {
                return .error(location, "`\(reference.tag)` takes the template's name from the page's data, which Casebook does not allow",
                              hint: "name the partial itself: {{> partials/name}}")
            }
            guard !available.contains(reference.name) else { return nil }
            return .error(location, "the \(reference.kind == .partial ? "partial" : "layout") `\(reference.name)` does not exist",
                          hint: Suggestion.hint(for: reference.name, in: available.sorted(), listing: false)
                            ?? "create templates/\(reference.name).mustache, or fix the name")
        }
    }

    /// A template that includes or inherits from itself, directly or through others, would render
    /// forever (swift-mustache expands partials as it renders, and runs out of stack). Every tag that
    /// closes such a loop is reported where it is written.
    static func loops(_ references: [String: [TemplateReference]], paths: [String: String]) -> [Diagnostic] {
        // Templates reachable from each template, following every tag.
        func reachable(from start: String) -> Set<String> {
            var seen: Set<String> = [], stack = [start]
            while let name = stack.popLast() {
                for next in references[name] ?? [] where !next.dynamic && seen.insert(next.name).inserted { stack.append(next.name) }
            }
            return seen
        }
        let reach = Dictionary(uniqueKeysWithValues: references.keys.map { ($0, reachable(from: $0)) })
        var diagnostics: [Diagnostic] = []
        for (name, tags) in references.sorted(by: { $0.key < $1.key }) {
            for tag in tags where !tag.dynamic && (tag.name == name || reach[tag.name]?.contains(name) == true) {
                let verb = tag.kind == .partial ? "includes" : "inherits from"
                let message = tag.name == name
                    ? "`\(name)` \(verb) itself, so it would never finish rendering"
                    : "`\(name)` \(verb) `\(tag.name)`, which leads back to `\(name)`: the templates would never finish rendering"
                diagnostics.append(.error(SourceLocation(file: paths[name] ?? "templates/\(name).mustache", line: tag.line, column: tag.column),
                                          message,
                                          hint: "remove `\(tag.tag)` here, or the tag that leads back; a template cannot contain itself, directly or through others"))
            }
        }
        return diagnostics
    }

    private static func describe(_ error: Error) -> String {
        switch "\(error)" {
        case "sectionCloseNameIncorrect": "a section is closed with a different name than it was opened with"
        case "unfinishedName": "a tag is not closed with }}"
        case "expectedSectionEnd": "a section is opened but never closed"
        case let other: other
        }
    }

    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// A page: its body view inside the chrome every page shares, through the template its type names.
    func render(_ body: some PageView, chrome: PageChrome) -> [UInt8] {
        fatalError("compiled templates land from the engine branch")
    }

    /// A case's card, through `templates/partials/card.mustache` compiled against `CaseCard`.
    func renderCard(_ card: CaseCard) -> String {
        fatalError("compiled templates land from the engine branch")
    }
}

/// How `{{value}}` is escaped: the same five characters and the same entities as swift-mustache's own
/// HTML content type (`<`, `>`, `&`, `"`, `'`), but done on UTF-8 bytes, with text that needs no escaping
/// returned as it is. swift-mustache escapes character by character through a dictionary, which was the
/// largest single cost of rendering a page. Selected per template with the `CONTENT_TYPE` pragma.
struct HTMLEscaping: MustacheContentType {
    static let name = "CASEBOOK_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Makes the content type known to swift-mustache (its registry is by name; registering again is harmless).
    static func register() {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
            case 0x3E: escaped.append(contentsOf: "&gt;".utf8)
            case 0x26: escaped.append(contentsOf: "&amp;".utf8)
            case 0x22: escaped.append(contentsOf: "&quot;".utf8)
            case 0x27: escaped.append(contentsOf: "&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
