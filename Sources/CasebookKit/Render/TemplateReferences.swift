/// The partials (`{{> name}}`) and parents (`{{< name}}`) a Mustache template names, with where each
/// tag is, read the way swift-mustache reads them (comments skipped, `{{=<% %>=}}` delimiter changes
/// followed). Used to report missing partials and loops of templates before anything renders:
/// swift-mustache expands partials as it renders, so a template that includes itself, directly or
/// through others, recurses until the stack runs out.
struct TemplateReference: Equatable {
    enum Kind { case partial, parent }
    var kind: Kind
    var name: String
    /// A `{{>*name}}` partial, whose name is looked up in the data when the page renders.
    var dynamic: Bool
    var line: Int
    var column: Int

    var tag: String { (kind == .partial ? "{{> " : "{{< ") + (dynamic ? "*" : "") + name + "}}" }

    /// Sections (`{{#…}}`, `{{^…}}`, `{{$…}}`, `{{<…}}`) nested deeper than this are refused before
    /// swift-mustache parses them: its parser and renderer recurse once per level, so ten thousand
    /// levels would run out of stack. Real templates nest a handful.
    static let deepestNesting = 100

    /// Where sections first nest deeper than `deepestNesting`, if they do.
    static func tooDeep(_ text: String) -> (line: Int, column: Int)? {
        var depth = 0
        var found: (Int, Int)?
        _ = scan(text) { sigil, line, column in
            if "#^$<".contains(sigil) { depth += 1; if depth > deepestNesting, found == nil { found = (line, column) } }
            if sigil == "/" { depth = max(0, depth - 1) }
        }
        return found
    }

    static func scan(_ text: String) -> [TemplateReference] { scan(text) { _, _, _ in } }

    /// `onTag` is told each tag's sigil (its first character) and position.
    private static func scan(_ text: String, onTag: (Character, Int, Int) -> Void) -> [TemplateReference] {
        let characters = Array(text)
        var found: [TemplateReference] = []
        var open = Array("{{"), close = Array("}}")
        var index = 0, line = 1, column = 1

        func matches(_ word: [Character], at position: Int) -> Bool {
            position + word.count <= characters.count && Array(characters[position..<(position + word.count)]) == word
        }
        func advance(to position: Int) {
            while index < position {
                if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        while index < characters.count {
            guard !open.isEmpty, matches(open, at: index) else { advance(to: index + 1); continue }
            let (tagLine, tagColumn) = (line, column)
            var start = index + open.count
            var end = close
            if open == Array("{{"), start < characters.count, characters[start] == "{" { start += 1; end = Array("}}}") }
            var stop = start
            while stop < characters.count, !matches(end, at: stop) { stop += 1 }
            guard stop < characters.count else { break }  // an unclosed tag: the parser reports it
            let content = String(characters[start..<stop]).trimmingCharacters(in: .whitespacesAndNewlines)
            advance(to: stop + end.count)
            guard let sigil = content.first else { continue }
            onTag(sigil, tagLine, tagColumn)
            switch sigil {
            case "=" where content.count > 1 && content.hasSuffix("="):
                let parts = content.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
                if parts.count == 2 { open = Array(parts[0]); close = Array(parts[1]) }
            case ">", "<":
                var name = content.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines)
                let dynamic = name.hasPrefix("*")
                if dynamic { name = name.dropFirst().trimmingCharacters(in: .whitespaces) }
                found.append(TemplateReference(kind: sigil == ">" ? .partial : .parent, name: name, dynamic: dynamic,
                                               line: tagLine, column: tagColumn))
            default:
                continue
            }
        }
        return found
    }
}

import Foundation

extension TemplateReference {
    /// The partials and layouts parsed templates name, in the order they are written.
    static func collect(_ nodes: [TemplateNode]) -> [TemplateReference] {
        var found: [TemplateReference] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text, .variable: break
                case .section(_, _, let body): walk(body)
                case .block(_, _, let body): walk(body)
                case .partial(let tag, _):
                    found.append(TemplateReference(kind: .partial, name: tag.name, dynamic: false,
                                                   line: tag.location.line, column: tag.location.column))
                case .parent(let tag, _, let overrides):
                    found.append(TemplateReference(kind: .parent, name: tag.name, dynamic: false,
                                                   line: tag.location.line, column: tag.location.column))
                    for name in overrides.keys.sorted() { walk(overrides[name]!) }
                }
            }
        }
        walk(nodes)
        return found
    }
}
