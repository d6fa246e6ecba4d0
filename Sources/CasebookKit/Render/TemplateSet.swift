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

    static func load(fileSystem: any FileSystem, root: String) -> (TemplateSet?, [Diagnostic]) {
        HTMLEscaping.register()
        let folder = root + "/templates"
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var sources: [String: (path: String, text: String)] = [:]
        let files = ((try? fileSystem.filesRecursively(in: folder)) ?? []).filter { $0.hasSuffix(".mustache") }
        for file in files {
            let path = "templates/" + file
            let name = String(file.dropLast(".mustache".count))
            guard let data = try? fileSystem.readFile(at: folder + "/" + file) else {
                diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), "cannot read this template"))
                continue
            }
            let text: String
            switch SourceText.decode([UInt8](data), file: path) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            case .success(let decoded): text = decoded
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
                diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), "template syntax error: \(error)"))
            }
        }
        let names = Set(sources.keys)
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            diagnostics += missingPartials(in: source.text, path: source.path, available: names, from: name)
        }
        for name in required where !names.contains(name) && !diagnostics.contains(where: { $0.location.file == "templates/\(name).mustache" }) {
            diagnostics.append(.error(SourceLocation(file: "templates/\(name).mustache", line: 1, column: 1),
                                      "the template `\(name).mustache` is missing",
                                      hint: "every site needs it; copy it from the templates folder of a fresh Casebook checkout"))
        }
        return (diagnostics.hasErrors ? nil : TemplateSet(library: library, names: names), diagnostics)
    }

    /// swift-mustache renders a missing partial as nothing; a designer would rather hear about it.
    private static func missingPartials(in text: String, path: String, available: Set<String>, from: String) -> [Diagnostic] {
        let pattern = try! NSRegularExpression(pattern: #"\{\{\s*[<>]\s*([A-Za-z0-9_./\-]+)\s*\}\}"#)
        var diagnostics: [Diagnostic] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let string = String(line)
            for match in pattern.matches(in: string, range: NSRange(string.startIndex..., in: string)) {
                guard let range = Range(match.range(at: 1), in: string) else { continue }
                let name = String(string[range])
                guard !available.contains(name) else { continue }
                let column = string.distance(from: string.startIndex, to: Range(match.range, in: string)!.lowerBound) + 1
                diagnostics.append(.error(SourceLocation(file: path, line: index + 1, column: column),
                                          "the partial `\(name)` does not exist",
                                          hint: Suggestion.hint(for: name, in: available.sorted(), listing: false)
                                            ?? "create templates/\(name).mustache, or fix the name"))
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
