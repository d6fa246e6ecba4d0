/// A place in a source file, as people count: lines and columns start at 1.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable {
    /// Path relative to the site root, with `/` separators (e.g. `content/case-studies/njtc.md`).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
