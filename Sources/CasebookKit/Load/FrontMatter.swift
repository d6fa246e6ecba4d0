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
                                   hint: "a case study starts with front matter between two `---` lines; `casebook new case-study` writes one for you", code: .frontMatterMissing))
        }
        // Walk the lines as bytes (a case is mostly body, which is not looked at here), stopping at the
        // line that closes the front matter.
        let utf8 = text.utf8
        var lineStart = utf8.startIndex, lineNumber = 0
        var yamlStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let next = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
            lineNumber += 1
            let line = Self.trimmingTrailingSpaces(utf8[lineStart..<lineEnd])
            if lineNumber == 1 {
                guard line.elementsEqual("---".utf8) else {
                    return .failure(.error(start, "the file does not start with front matter",
                                           hint: "add a line with three hyphens (---) at the very top, then the fields, then another --- line", code: .frontMatterMissing))
                }
                yamlStart = next
            } else if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                // The YAML without its last newline; the body without the file's final newline.
                let yamlEnd = lineStart > yamlStart ? utf8.index(before: lineStart) : lineStart
                let bodyEnd = utf8.last == 0x0A && next < utf8.endIndex ? utf8.index(before: utf8.endIndex) : utf8.endIndex
                return .success(FrontMatter(yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2,
                                            body: String(text[next..<max(next, bodyEnd)]), bodyFirstLine: lineNumber + 1))
            }
            lineStart = next
        }
        return .failure(.error(start, "the front matter that starts here is never closed",
                               hint: "add a line with three hyphens (---) after the last field, before the story", code: .frontMatterUnclosed))
    }

    private static func trimmingTrailingSpaces(_ line: Substring.UTF8View) -> Substring.UTF8View {
        var line = line
        while let last = line.last, last == 0x20 || last == 0x09 { line = line.dropLast() }
        return line
    }
}
