/// A partial (`{{> name}}`) or layout (`{{< name}}`) a parsed template names, with where the tag is.
/// Used to report missing partials and loops of templates before they are compiled (the compiler
/// inlines each partial where it is included, so a template that includes itself, directly or through
/// others, would never finish).
struct TemplateReference: Equatable {
    enum Kind { case partial, parent }
    var kind: Kind
    var name: String
    var line: Int
    var column: Int

    var tag: String { (kind == .partial ? "{{> " : "{{< ") + name + "}}" }

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
                    found.append(TemplateReference(kind: .partial, name: tag.name, line: tag.location.line, column: tag.location.column))
                case .parent(let tag, _, let overrides):
                    found.append(TemplateReference(kind: .parent, name: tag.name, line: tag.location.line, column: tag.location.column))
                    for name in overrides.keys.sorted() { walk(overrides[name]!) }
                }
            }
        }
        walk(nodes)
        return found
    }

    /// Sections (`{{#…}}`, `{{^…}}`, `{{$…}}`, `{{<…}}`) nested deeper than this are refused before the
    /// templates are parsed: the parser and the compiler recurse once per level, so ten thousand levels
    /// would run out of stack. Real templates nest a handful.
    static let deepestNesting = 100

    /// Where sections first nest deeper than `deepestNesting`, if they do: a scan of the tags' first
    /// characters (comments and other tags skipped whole), with the line and column (in characters).
    static func tooDeep(_ text: String) -> (line: Int, column: Int)? {
        let characters = Array(text)
        var index = 0, line = 1, column = 1, depth = 0
        func starts(_ word: String, at position: Int) -> Bool {
            position + word.count <= characters.count && String(characters[position..<(position + word.count)]) == word
        }
        func advance(to position: Int) {
            while index < position {
                if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        while index < characters.count {
            guard starts("{{", at: index) else { advance(to: index + 1); continue }
            let (tagLine, tagColumn) = (line, column)
            var start = index + 2
            var end = "}}"
            if start < characters.count, characters[start] == "{" { start += 1; end = "}}}" }
            var stop = start
            while stop < characters.count, !starts(end, at: stop) { stop += 1 }
            guard stop < characters.count else { break }  // an unclosed tag: the parser reports it
            let sigil = characters[start..<stop].first { !$0.isWhitespace }
            advance(to: stop + end.count)
            if let sigil, "#^$<".contains(sigil) {
                depth += 1
                if depth > deepestNesting { return (tagLine, tagColumn) }
            } else if sigil == "/" {
                depth = max(0, depth - 1)
            }
        }
        return nil
    }
}
