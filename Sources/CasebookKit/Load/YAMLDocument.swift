import Yams

/// Parses YAML text (a front matter or a `.yml` file) into a Yams node tree with positions,
/// turning libyaml's terse errors into located diagnostics in plain words.
enum YAMLDocument {
    enum Outcome {
        case success(Node?)
        case failure([Diagnostic])
    }

    /// - Parameter firstLine: the file line that the YAML text's first line came from.
    static func parse(_ yaml: String, file: String, firstLine: Int) -> Outcome {
        let tabs = tabIndentation(in: yaml, file: file, firstLine: firstLine)
        if !tabs.isEmpty { return .failure(tabs) }
        do {
            // The basic resolver tags every scalar as a string: the readers parse numbers, dates and
            // booleans themselves (with better errors), and skipping the default resolver's regular
            // expressions makes composing several times cheaper.
            return .success(try Yams.compose(yaml: yaml, .basic))
        } catch let error as YamlError {
            return .failure([diagnostic(for: error, file: file, firstLine: firstLine)])
        } catch {
            return .failure([.error(SourceLocation(file: file, line: firstLine, column: 1),
                                    "the front matter could not be read: \(error)")])
        }
    }

    /// YAML forbids tabs for indentation; say so precisely rather than letting libyaml guess.
    private static func tabIndentation(in yaml: String, file: String, firstLine: Int) -> [Diagnostic] {
        var found: [Diagnostic] = []
        guard yaml.utf8.contains(0x09) else { return [] }
        for (offset, line) in yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard let tab = line.prefix(while: { $0 == 0x20 || $0 == 0x09 }).firstIndex(of: 0x09) else { continue }
            let column = line.distance(from: line.startIndex, to: tab) + 1
            found.append(.error(SourceLocation(file: file, line: firstLine + offset, column: column),
                                "this line is indented with a tab; YAML needs spaces",
                                hint: "replace the tab with spaces (two spaces per level)"))
        }
        return found
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        func location(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            let (message, hint) = explain(problem)
            return .error(location(mark), message, hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return .error(location(context.mark), "the field \(keys) appears more than once here",
                          hint: "keep one of them and delete the other")
        case let .reader(problem, _, _, _):
            return .error(SourceLocation(file: file, line: firstLine, column: 1),
                          "the front matter contains characters that cannot be read (\(problem))",
                          hint: "save the file as UTF-8 text")
        default:
            return .error(SourceLocation(file: file, line: firstLine, column: 1), "the front matter could not be read: \(error)")
        }
    }

    /// libyaml's problem strings, said the way an author can act on them.
    private static func explain(_ problem: String) -> (String, String?) {
        switch problem {
        case let p where p.contains("mapping values are not allowed"):
            return ("a colon here makes this line unreadable as YAML",
                    "if the value contains `: `, put the whole value in double quotes")
        case let p where p.contains("did not find expected key"), let p where p.contains("did not find expected '-' indicator"):
            return ("this line is not indented like the lines around it",
                    "line it up with the other fields at the same level, using spaces")
        case let p where p.contains("found character that cannot start any token"):
            return ("this character cannot start a YAML value",
                    "put the value in double quotes (characters like @ and ` cannot start an unquoted value)")
        case let p where p.contains("found unexpected end of stream"), let p where p.contains("found unknown escape"):
            return ("a quoted value is not closed or contains an unknown backslash escape (\(problem))",
                    "check that every opening quote has a closing quote on the same value")
        case let p where p.contains("did not find expected node content"):
            return ("a value is missing here", "write a value after the colon, or remove the field")
        case let p where p.contains("could not find expected ':'"):
            return ("this line has no colon after its field name", "write fields as `name: value`")
        case let p where p.contains("undefined alias"):
            return ("this `*name` refers to an anchor that is not defined", "remove the `*` or define `&name` first")
        default:
            return ("the front matter is not valid YAML: \(problem)", nil)
        }
    }
}
