/// Splits a Markdown file into its YAML front matter and its body, remembering the line each starts
/// on so that every position reported later points into the `.md` file itself.
struct FrontMatter {
    var yaml: String
    /// File line of the first YAML line (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    /// File line of the first body line.
    var bodyFirstLine: Int

    static func split(_ text: String, file: String) -> Result<FrontMatter, Diagnostic> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if text.allSatisfy(\.isWhitespace) {
            return .failure(.error(start, "this file is empty",
                                   hint: "a case study starts with front matter between two `---` lines; `casebook new case-study` writes one for you"))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return .failure(.error(start, "the file does not start with front matter",
                                   hint: "add a line with three hyphens (---) at the very top, then the fields, then another --- line"))
        }
        guard let closing = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces
            return line == "---" || line == "..."
        }) else {
            return .failure(.error(start, "the front matter that starts here is never closed",
                                   hint: "add a line with three hyphens (---) after the last field, before the story"))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
