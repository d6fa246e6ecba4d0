/// The line a diagnostic points into, shown under it with a caret at the column, as compilers and
/// Hugo print them:
///
///     content/case-studies/njtc.md:14:12: error: `value` should be a number, but `2,000` is text [field.not-a-number]
///        14 |     value: 2,000
///           |            ^
public enum SourceExcerpts {
    /// Lines longer than this are shown as a window around the column.
    static let widest = 120

    /// The diagnostics with `sourceLine` filled in where the location is a line of a text file.
    /// `read` returns a file's text by its path relative to the site root (nil when it cannot be read);
    /// each file is read once.
    public static func attach(_ diagnostics: [Diagnostic], read: (String) -> String?) -> [Diagnostic] {
        var lines: [String: [Substring]?] = [:]
        return diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            guard diagnostic.sourceLine == nil, !diagnostic.code.isAboutWholeFile, Self.isText(diagnostic.location.file)
            else { return diagnostic }
            let file = diagnostic.location.file
            if lines[file] == nil {
                lines[file] = .some(read(file).map { $0.split(separator: "\n", omittingEmptySubsequences: false) })
            }
            if let fileLines = lines[file] ?? nil, diagnostic.location.line >= 1, diagnostic.location.line <= fileLines.count {
                var text = fileLines[diagnostic.location.line - 1]
                if text.hasSuffix("\r") { text = text.dropLast() }
                diagnostic.sourceLine = String(text)
            }
            return diagnostic
        }
    }

    /// Files whose lines mean something to a person.
    static func isText(_ file: String) -> Bool {
        ["md", "yml", "yaml", "mustache", "svg", "html", "css"].contains { file.hasSuffix("." + $0) }
    }

    /// The numbered line and, under it, a caret at `column` (counted in characters, 1 first). Tabs
    /// before the column are kept so the caret lines up in a terminal.
    public static func caretLines(_ text: String, line: Int, column: Int) -> String {
        var characters = Array(text)
        var caretAt = max(0, column - 1)
        var prefix = "", suffix = ""
        if characters.count > widest {
            // A window around the column, so a long line does not fill the screen.
            let start = max(0, min(caretAt - widest / 2, characters.count - widest))
            let end = min(characters.count, start + widest)
            if start > 0 { prefix = "…" }
            if end < characters.count { suffix = "…" }
            characters = Array(characters[start..<end])
            caretAt = caretAt - start + prefix.count
        }
        let shown = prefix + String(characters) + suffix
        let padding = String(Array(shown).prefix(caretAt).map { $0 == "\t" ? "\t" : " " })
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        return "  \(number) | \(shown)\n  \(gutter) | \(padding)^"
    }
}

extension DiagnosticCode {
    /// Problems with a whole file (it cannot be read, it is not text, it is in the wrong place): no
    /// line of it is worth showing.
    var isAboutWholeFile: Bool {
        switch self {
        case .fileUnreadable, .fileOutsideFolder, .fileNotRegular, .fileLinkLoop, .fileLinkBroken, .fileNotMarkdown,
             .fileNotImage, .fileNotText, .siteNoCaseStudies, .siteChecksLimited, .svgTooLarge, .templateUnreadable,
             .caseFileName, .siteNoContact, .moreProblems:
            true
        default:
            false
        }
    }
}
