/// One problem found in the input, with where it is and what to do about it.
/// Diagnostics are values: tests compare them whole.
public struct Diagnostic: Hashable, Sendable, Codable, Error {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning
        case error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var hint: String?
    /// The kind of problem. A value the field does not accept (`field.invalid`) unless said otherwise.
    public var code: DiagnosticCode
    /// The text of the line the location points into, added for printing (see `SourceExcerpts`).
    public var sourceLine: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil,
                code: DiagnosticCode = .fieldInvalid) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.code = code
    }

    public static func error(_ location: SourceLocation, _ message: String, hint: String? = nil,
                             code: DiagnosticCode = .fieldInvalid) -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint, code: code)
    }

    public static func warning(_ location: SourceLocation, _ message: String, hint: String? = nil,
                               code: DiagnosticCode = .fieldInvalid) -> Diagnostic {
        Diagnostic(.warning, location, message, hint: hint, code: code)
    }

    /// Compiler style: `content/case-studies/njtc.md:14:3: error: message [code]`, then the source line
    /// with a caret under the column (when known), then the hint on its own line.
    public var formatted: String {
        var text = "\(location.file):\(location.line):\(location.column): \(severity.rawValue): \(message) [\(code.rawValue)]"
        if let sourceLine { text += "\n" + SourceExcerpts.caretLines(sourceLine, line: location.line, column: location.column) }
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }

    /// Sorted by file, line and column, so output is stable whatever order the work ran in.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}

extension Diagnostic {
    /// What a folder walk did not follow, said where it is. `folder` is relative to the site root.
    static func skipped(_ item: FolderWalk.Skipped, in folder: String, boundary: String) -> Diagnostic {
        let location = SourceLocation(file: item.path.isEmpty ? folder : folder + "/" + item.path, line: 1, column: 1)
        switch item.reason {
        case .outside(let target):
            return .error(location, "this is a link to \(target), outside \(boundary)/, so it is not read or published",
                          hint: "copy the file into \(boundary)/ instead of linking to it", code: .fileOutsideFolder)
        case .loop:
            return .error(location, "this link leads to a folder that is already read (a loop, or a second way to the same folder), so it is not followed",
                          hint: "remove the link; link to files, or to folders that are not above it", code: .fileLinkLoop)
        case .broken:
            return .warning(location, "this link leads nowhere, so it is skipped", hint: "remove the link or point it at a file that exists", code: .fileLinkBroken)
        case .notAFile:
            return .error(location, "this is not a regular file (a device, pipe or socket), so it is not read",
                          hint: "remove it from \(boundary)/", code: .fileNotRegular)
        }
    }
}
