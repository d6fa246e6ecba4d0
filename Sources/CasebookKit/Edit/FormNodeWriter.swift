/// Writes a value the file does not have yet (a new field, a new list item, a list or set of fields
/// rewritten whole) in the style of the site's files: short lists and sets of fields in brackets on
/// one line, figures and sources as indented blocks, each value in a style that reads back as typed.
enum FormNodeWriter {
    /// The fields a new value is written with: those given, less flags left at their default (`false`),
    /// which a file leaves out.
    static func written(_ entries: [FormEntry]) -> [(String, FormNode)] {
        entries.compactMap { entry in
            guard let node = entry.node, node != .scalar("false", .flag) else { return nil }
            return (entry.key, node)
        }
    }

    /// A value written after `key:`: on the same line (starting with a space) or on the lines below.
    static func render(_ node: FormNode, indent: Int) -> String {
        switch node {
        case .scalar(let text, let kind):
            return " " + ScalarWriter(indent: indent).write(text, kind: kind)
        case .list(let items):
            if items.isEmpty { return " []" }
            if node.fitsOnOneLine {
                let line = flow(node)
                if indent + line.count <= 90 { return " " + line }
            }
            let pad = String(repeating: " ", count: indent + 2)
            return items.map { "\n" + pad + "- " + renderItem($0, indent: indent + 4) }.joined()
        case .fields(let entries):
            let present = written(entries)
            if present.isEmpty { return " {}" }
            if node.fitsOnOneLine {
                let line = flow(node)
                if line.count <= 60 { return " " + line }
            }
            let pad = String(repeating: " ", count: indent + 2)
            return present.map { "\n" + pad + $0.0 + ":" + render($0.1, indent: indent + 2) }.joined()
        }
    }

    /// A list item's value after `- `, whose fields line up at `indent`.
    static func renderItem(_ node: FormNode, indent: Int) -> String {
        switch node {
        case .scalar(let text, let kind):
            return ScalarWriter(indent: indent - 2).write(text, kind: kind)
        case .list:
            return flow(node)
        case .fields(let entries):
            let present = written(entries)
            if present.isEmpty { return "{}" }
            let pad = String(repeating: " ", count: indent)
            return present.enumerated().map { index, field in
                (index == 0 ? "" : "\n" + pad) + field.0 + ":" + render(field.1, indent: indent)
            }.joined()
        }
    }

    /// A value in brackets or braces, on one line.
    static func flow(_ node: FormNode) -> String {
        switch node {
        case .scalar(let text, let kind):
            return ScalarWriter(indent: 0, inFlow: true).write(text, kind: kind)
        case .list(let items):
            return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .fields(let entries):
            return "{" + written(entries).map { $0.0 + ": " + flow($0.1) }.joined(separator: ", ") + "}"
        }
    }
}
