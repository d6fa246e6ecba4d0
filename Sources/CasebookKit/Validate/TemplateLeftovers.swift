import Foundation

/// What `casebook new` writes for the author to replace, found where it was left in a case study that
/// is about to be published: each placeholder word at its own line and column (not in YAML comments,
/// which explain the fields), a figure still at the template's `value: 0` with nothing saying why, and
/// source addresses at example hosts (`https://example.org/…`), which no reader can follow.
enum TemplateLeftovers {
    static func check(_ front: FrontMatter, root: YAMLValue, path: String) -> [Diagnostic] {
        placeholders(in: front.yaml, firstLine: front.yamlFirstLine, path: path, isYAML: true)
            + placeholders(in: front.body, firstLine: front.bodyFirstLine, path: path, isYAML: false)
            + zeroFigures(root)
            + exampleAddresses(root)
    }

    /// The first placeholder on each line, outside comments.
    private static func placeholders(in text: String, firstLine: Int, path: String, isYAML: Bool) -> [Diagnostic] {
        guard text.containsBytes(Scaffold.placeholder) else { return [] }
        var found: [Diagnostic] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = isYAML ? withoutComment(line) : line
            guard let range = content.range(of: Scaffold.placeholder) else { continue }
            let column = content.distance(from: content.startIndex, to: range.lowerBound) + 1
            found.append(.error(SourceLocation(file: path, line: firstLine + offset, column: column),
                                "this line still has a \(Scaffold.placeholder) placeholder from `casebook new`",
                                hint: "replace it with the real text, or keep `draft: true` until the case study is finished",
                                code: .casePlaceholder))
        }
        return found
    }

    /// A YAML line up to its comment: a `#` at the start or after a space, outside quotes.
    static func withoutComment(_ line: Substring) -> Substring {
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                return line[..<index]
            }
            previous = character
        }
        return line
    }

    /// Figures whose `value` is 0, as the template writes it, with no `note` saying the zero is real.
    private static func zeroFigures(_ root: YAMLValue) -> [Diagnostic] {
        guard let metrics = field("metrics", of: root)?.sequence else { return [] }
        return metrics.compactMap { metric -> Diagnostic? in
            guard let value = field("value", of: metric), value.style == .plain,
                  let number = value.scalar.flatMap(Double.init), number == 0, field("note", of: metric) == nil else { return nil }
            return .error(value.location, "`value` is still 0, as `casebook new` wrote it, so the page would show 0 as a finding",
                          hint: "write the figure as published; if it really is zero, add a `note:` that says so",
                          code: .metricZeroValue)
        }
    }

    /// Every `url:` anywhere in the front matter (figures, evidence, further reading) whose host is an example.
    private static func exampleAddresses(_ node: YAMLValue) -> [Diagnostic] {
        switch node.content {
        case .scalar:
            return []
        case .sequence(let items):
            return items.flatMap(exampleAddresses)
        case .mapping(let pairs):
            return pairs.flatMap { pair -> [Diagnostic] in
                if pair.key.scalar == "url", let raw = pair.value.scalar,
                   let host = URLComponents(string: raw)?.host, SiteSettingsCheck.isPlaceholder(host: host) {
                    return [.error(pair.value.location, "`url` is an example address (\(host)), not the page of a source",
                                   hint: "copy the address of the page that shows the figure from the browser's address bar",
                                   code: .sourceExampleAddress)]
                }
                return exampleAddresses(pair.value)
            }
        }
    }

    private static func field(_ name: String, of node: YAMLValue) -> YAMLValue? {
        node.mapping?.first { $0.key.scalar == name }?.value
    }
}
