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
        // `&` and `*` can only start an anchor or alias where the text has them at all.
        if yaml.utf8.contains(0x26) || yaml.utf8.contains(0x2A) {
            let refused = YAMLEvents.scan(yaml).compactMap { finding -> Diagnostic? in
                switch finding {
                case let .anchor(name, line, column):
                    return .error(SourceLocation(file: file, line: line + firstLine - 1, column: column),
                                  "`&\(name)` marks a YAML anchor, which Casebook does not accept",
                                  hint: "write each value out in full; a value that starts with & or * must be in double quotes")
                case let .alias(name, line, column):
                    return .error(SourceLocation(file: file, line: line + firstLine - 1, column: column),
                                  "`*\(name)` is a YAML alias, which Casebook does not accept",
                                  hint: "write each value out in full; a value that starts with & or * must be in double quotes")
                case .duplicateKey: return nil
                }
            }
            if !refused.isEmpty { return .failure(refused) }
        }
        do {
            // The basic resolver tags every scalar as a string: the readers parse numbers, dates and
            // booleans themselves (with better errors), and skipping the default resolver's regular
            // expressions makes composing several times cheaper.
            return .success(try Yams.compose(yaml: yaml, .basic))
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            // Yams names the mapping; the pass over the events finds each key written a second time.
            let found = YAMLEvents.scan(yaml).compactMap { finding -> Diagnostic? in
                guard case let .duplicateKey(key, line, column, first) = finding else { return nil }
                return .error(SourceLocation(file: file, line: line + firstLine - 1, column: column),
                              "the field `\(key)` appears more than once here",
                              hint: "it is also on line \(first + firstLine - 1); keep one of them and delete the other")
            }
            return .failure(found.isEmpty
                ? [diagnostic(for: .duplicatedKeysInMapping(duplicates: duplicates, context: context), file: file, firstLine: firstLine)]
                : found)
        } catch let error as YamlError {
            return .failure([diagnostic(for: error, file: file, firstLine: firstLine)])
        } catch {
            return .failure([.error(SourceLocation(file: file, line: firstLine, column: 1),
                                    "\(describing(file)) could not be read: \(error)",
                                    hint: "save the file as plain UTF-8 text and check its YAML")])
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

    /// What to call the YAML in messages: "the front matter" of a Markdown file, or the file itself.
    static func describing(_ file: String) -> String {
        file.hasSuffix(".md") ? "the front matter" : "`" + (file.split(separator: "/").last.map(String.init) ?? file) + "`"
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        let what = describing(file)
        func location(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            let (message, hint) = explain(problem, what: what)
            return .error(location(mark), message, hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return .error(location(context.mark), "the field \(keys) appears more than once here",
                          hint: "keep one of them and delete the other")
        case let .reader(problem, _, _, _):
            return .error(SourceLocation(file: file, line: firstLine, column: 1),
                          "\(what) contains characters that cannot be read (\(problem))",
                          hint: "save the file as UTF-8 text")
        case .memory:
            // libyaml's only memory error in practice: more than 1,000 nested lists or sets of fields.
            return .error(SourceLocation(file: file, line: firstLine, column: 1),
                          "\(what) nests lists or sets of fields too deeply for YAML (more than 1,000 levels)",
                          hint: "look for [ or { that are never closed; no field needs more than a few levels")
        default:
            return .error(SourceLocation(file: file, line: firstLine, column: 1), "\(what) could not be read: \(error)",
                          hint: "check the YAML syntax: `name: value` fields, lists with `- `, spaces for indentation")
        }
    }

    /// libyaml's problem strings, said the way an author can act on them.
    private static func explain(_ problem: String, what: String) -> (String, String) {
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
            return ("\(what) is not valid YAML: \(problem)",
                    "check the YAML syntax here: `name: value` fields, lists with `- `, spaces for indentation")
        }
    }
}
