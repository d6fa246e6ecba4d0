/// Indentation mistakes recognised from the lines around them, so a message says what the author
/// actually got wrong: a field indented further than the field above it (libyaml only sees a colon
/// where it did not expect one), and how many spaces a tab-indented line should have.
struct YAMLIndentation {
    let lines: [Substring]
    /// File line of `lines[0]`.
    let firstLine: Int

    init(_ yaml: String, firstLine: Int) {
        lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        self.firstLine = firstLine
    }

    /// A line's field, when it starts with one: where the name starts (0-based, after any `- `) and the name.
    static func field(in line: Substring) -> (column: Int, name: Substring, hasValue: Bool)? {
        var rest = line.drop { $0 == " " }
        var column = line.count - rest.count
        if rest.hasPrefix("- ") {
            rest = rest.dropFirst(2).drop { $0 == " " }
            column = line.count - rest.count
        }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        guard !name.isEmpty, rest.dropFirst(name.count).hasPrefix(":") else { return nil }
        let value = TemplateLeftovers.withoutComment(rest.dropFirst(name.count + 1))
        return (column, name, !value.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" })
    }

    /// The nearest line above `index` that holds a field, with its index.
    private func fieldAbove(_ index: Int) -> (index: Int, column: Int, name: Substring, hasValue: Bool)? {
        var above = index - 1
        while above >= 0 {
            let line = lines[above]
            let trimmed = line.drop { $0 == " " }
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") {
                guard !line.hasPrefix("\t"), let found = Self.field(in: line) else { return nil }
                return (above, found.column, found.name, found.hasValue)
            }
            above -= 1
        }
        return nil
    }

    /// libyaml's "a colon here makes this line unreadable", said right when the line is a field
    /// indented further than a `name: value` field above it: YAML reads it as more of that value.
    func overIndentedField(_ diagnostic: Diagnostic) -> Diagnostic? {
        let index = diagnostic.location.line - firstLine
        guard diagnostic.code == .yamlSyntax, lines.indices.contains(index),
              let here = Self.field(in: lines[index]), let above = fieldAbove(index),
              above.hasValue, here.column > above.column else { return nil }
        return .error(SourceLocation(file: diagnostic.location.file, line: diagnostic.location.line, column: here.column + 1),
                      "`\(here.name):` is indented further than `\(above.name):` on the line above, so YAML reads it as part of that value",
                      hint: "start `\(here.name):` where `\(above.name):` starts: \(above.column) spaces from the left, not \(here.column)",
                      code: .yamlIndentation)
    }

    /// How many spaces should replace the tabs at the start of line `index`: as many as the field
    /// above it has (two more when that field opens a block, `name:` with nothing after it).
    func spacesInsteadOfTab(at index: Int) -> (spaces: Int, line: Int)? {
        guard let above = fieldAbove(index) else { return nil }
        return (above.hasValue ? above.column : above.column + 2, above.index + firstLine)
    }
}
