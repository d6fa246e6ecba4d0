import Foundation

/// The ways `build` and `check` print problems: for people (`text`), for programs (`json`: an array
/// of diagnostics, each with its `code`) and for GitHub Actions (`github`: workflow commands that show
/// each problem on the line of the file it is about).
public enum DiagnosticOutput: String, Sendable, CaseIterable {
    case text, json, github

    /// The whole list as one JSON array (sorted keys, so two runs print the same bytes).
    public static func json(_ diagnostics: [Diagnostic]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(diagnostics)) ?? Data("[]".utf8)) + Data("\n".utf8)
    }

    /// One `::error file=…,line=…,col=…,title=…::message` line per problem (`::warning` for warnings),
    /// the hint on the message's second line.
    public static func githubAnnotation(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let properties = [
            "file=" + escapeProperty(location.file),
            "line=\(location.line)",
            "col=\(location.column)",
            "title=" + escapeProperty("casebook " + diagnostic.code.rawValue),
        ].joined(separator: ",")
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += "\nhint: " + hint }
        return "::\(diagnostic.severity.rawValue) \(properties)::\(escapeData(message))"
    }

    /// GitHub's escaping for a command's message.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// … and for a property value, where `:` and `,` separate the properties.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

extension DiagnosticOutput {
    /// The diagnostics as they are shown: past the limits counted rather than listed, and each with
    /// the line of the file it points into, read from the site at `root`.
    public static func prepared(_ diagnostics: [Diagnostic], root: String, limit: DiagnosticLimit = DiagnosticLimit(),
                                fileSystem: any FileSystem = LocalFileSystem()) -> [Diagnostic] {
        SourceExcerpts.attach(limit.apply(diagnostics)) { file in
            let path = root + "/" + file
            // A file too large to be content is not worth reading for one line.
            guard let size = fileSystem.fileSize(at: path), size <= 8_000_000,
                  let data = try? fileSystem.readFile(at: path) else { return nil }
            return String(validating: data, as: UTF8.self)
        }
    }
}
