import CYaml

/// Parses YAML text (a front matter or a `.yml` file) into a `YAMLValue` with positions, in one pass
/// over libyaml's events, turning libyaml's terse errors into located diagnostics in plain words.
///
/// The same pass refuses anchors and aliases where they are written (no field of Casebook's needs
/// them, and expanding them is how a few hundred bytes become minutes of work) and finds keys written
/// twice in a mapping, reporting each at its second occurrence.
enum YAMLDocument {
    enum Outcome {
        /// The first document's value; nil when the text holds no document (empty, or only comments).
        case success(YAMLValue?)
        case failure([Diagnostic])
    }

    /// - Parameter firstLine: the file line that the YAML text's first line came from.
    static func parse(_ yaml: String, file: String, firstLine: Int) -> Outcome {
        let tabs = tabIndentation(in: yaml, file: file, firstLine: firstLine)
        if !tabs.isEmpty { return .failure(tabs) }
        var pass = EventPass(file: file, firstLine: firstLine)
        var text = yaml
        text.withUTF8 { pass.run($0) }
        if case .failure(let found) = pass.outcome, found.count == 1,
           let better = YAMLIndentation(yaml, firstLine: firstLine).overIndentedField(found[0]) {
            return .failure([better])
        }
        return pass.outcome
    }

    /// YAML forbids tabs for indentation; say so precisely rather than letting libyaml guess.
    private static func tabIndentation(in yaml: String, file: String, firstLine: Int) -> [Diagnostic] {
        var found: [Diagnostic] = []
        guard yaml.utf8.contains(0x09) else { return [] }
        let indentation = YAMLIndentation(yaml, firstLine: firstLine)
        for (offset, line) in yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard let tab = line.prefix(while: { $0 == 0x20 || $0 == 0x09 }).firstIndex(of: 0x09) else { continue }
            let column = line.distance(from: line.startIndex, to: tab) + 1
            // The spaces that line it up with the field above it: four for a figure's fields, not "two per level".
            let hint = indentation.spacesInsteadOfTab(at: offset).map { fix in
                "indent it with \(fix.spaces) spaces instead, to line it up with line \(fix.line)"
            } ?? "replace the tab with spaces, lining the field up with the fields around it"
            found.append(.error(SourceLocation(file: file, line: firstLine + offset, column: column),
                                "this line is indented with a tab; YAML needs spaces", hint: hint, code: .yamlTab))
        }
        return found
    }

    /// What to call the YAML in messages: "the front matter" of a Markdown file, or the file itself.
    static func describing(_ file: String) -> String {
        file.hasSuffix(".md") ? "the front matter" : "`" + (file.split(separator: "/").last.map(String.init) ?? file) + "`"
    }

    /// libyaml's problem strings, said the way an author can act on them.
    fileprivate static func explain(_ problem: String, what: String) -> (String, String, DiagnosticCode) {
        switch problem {
        case let p where p.contains("mapping values are not allowed"):
            return ("a colon here makes this line unreadable as YAML",
                    "if the value contains `: `, put the whole value in double quotes", .yamlSyntax)
        case let p where p.contains("did not find expected key"), let p where p.contains("did not find expected '-' indicator"):
            return ("this line is not indented like the lines around it",
                    "line it up with the other fields at the same level, using spaces", .yamlIndentation)
        case let p where p.contains("found character that cannot start any token"):
            return ("this character cannot start a YAML value",
                    "put the value in double quotes (characters like @ and ` cannot start an unquoted value)", .yamlSyntax)
        case let p where p.contains("found unexpected end of stream"), let p where p.contains("found unknown escape"):
            return ("a quoted value is not closed or contains an unknown backslash escape (\(problem))",
                    "check that every opening quote has a closing quote on the same value", .yamlSyntax)
        case let p where p.contains("did not find expected node content"):
            return ("a value is missing here", "write a value after the colon, or remove the field", .yamlSyntax)
        case let p where p.contains("could not find expected ':'"):
            return ("this line has no colon after its field name", "write fields as `name: value`", .yamlSyntax)
        default:
            return ("\(what) is not valid YAML: \(problem)",
                    "check the YAML syntax here: `name: value` fields, lists with `- `, spaces for indentation", .yamlSyntax)
        }
    }
}

/// The single pass over libyaml's events behind `YAMLDocument.parse`. It builds the first document's
/// value and, over the whole text (up to a syntax error, where libyaml stops), collects what is
/// refused. What it reports, in this order of precedence:
/// 1. every anchor and alias;
/// 2. otherwise whichever comes first of: a mapping of the first document closing with a key written
///    twice (then every key written twice anywhere, each at its second occurrence), a second
///    document, a syntax error;
/// 3. otherwise the value.
/// Keys are compared as text, and each mapping keeps a set of its keys, so the pass is linear in the
/// text's length. (A key that is itself a list or a set of fields, which no field of Casebook's is,
/// is compared by a hash of its structure, built as its events go by.)
private struct EventPass {
    let file: String
    let firstLine: Int

    private(set) var refused: [Diagnostic] = []
    private(set) var duplicates: [Diagnostic] = []
    private var stop: Stop?
    private var root: YAMLValue?
    private var documents = 0
    private var frames: [Frame] = []
    private var offsets = MarkOffsets(UnsafeBufferPointer(start: nil, count: 0))

    private enum Stop {
        /// A mapping closed with keys written twice that are lists or sets of fields, not text:
        /// how many, and where the first of them is first written.
        case duplicateKeys(complex: Int, first: SourceLocation?)
        case anotherDocument(SourceLocation)
        case syntax(Diagnostic)
    }

    /// One open list or set of fields.
    private struct Frame {
        let location: SourceLocation
        let isMapping: Bool
        /// Byte offset of the collection's first character, and whether it is written in brackets.
        var start = 0
        var isFlow = false
        var items: [YAMLValue] = []
        var pairs: [YAMLValue.Pair] = []
        var key: YAMLValue?
        var expectingKey = true
        /// The mapping's keys as text: where each is first written, and under which tags (nil is the
        /// ordinary one), since `!!int 1` and `1` are different keys to YAML.
        var keys: [String: KeyRecord] = [:]
        /// Keys that are lists or sets of fields, by a hash of their structure, with where each is first written.
        var complexKeys: [Int: SourceLocation] = [:]
        var duplicatedComplexKeys: [SourceLocation] = []
        /// A key is written twice with the same tag, which makes the mapping invalid YAML.
        var hasDuplicate = false
        /// What is said about the keys written twice in this mapping, and the first of them.
        var repeated: [Diagnostic] = []
        var firstRepeatedKey: String?
        /// The structure's hash, kept only while this collection is a mapping key or inside one.
        var hasher: Hasher?
    }

    private struct KeyRecord {
        var firstLine: Int
        var untagged: Bool
        var tags: [String]
    }

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }

    var outcome: YAMLDocument.Outcome {
        if !refused.isEmpty { return .failure(refused) }
        switch stop {
        case nil:
            return .success(root)
        case let .duplicateKeys(complex, first):
            if !duplicates.isEmpty { return .failure(duplicates) }
            let keys = Array(repeating: "`<uncovertable>`", count: max(complex, 1)).joined(separator: ", ")
            return .failure([.error(first ?? SourceLocation(file: file, line: firstLine, column: 1),
                                    "the field \(keys) appears more than once here",
                                    hint: "keep one of them and delete the other", code: .yamlDuplicateField)])
        case let .anotherDocument(location):
            let (message, hint, code) = YAMLDocument.explain("but found another document", what: YAMLDocument.describing(file))
            return .failure([.error(location, message, hint: hint, code: code)])
        case let .syntax(diagnostic):
            return .failure([diagnostic])
        }
    }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            stop = .syntax(error(parser))
            return
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        offsets = MarkOffsets(bytes)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                if stop == nil { stop = .syntax(error(parser)) }
                return
            }
            let type = event.type
            if type == YAML_STREAM_END_EVENT {
                yaml_event_delete(&event)
                return
            }
            handle(&event, type)
            yaml_event_delete(&event)
        }
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + firstLine, column: Int(mark.column) + 1)
    }

    private mutating func handle(_ event: inout yaml_event_t, _ type: yaml_event_type_t) {
        switch type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let at = location(event.start_mark)
            if let anchor = scalar.anchor { refuseAnchor(anchor, at) }
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let style: YAMLValue.Style = switch scalar.style {
            case YAML_PLAIN_SCALAR_STYLE: .plain
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .any
            }
            let tag = Self.explicitTag(scalar.tag, ordinary: "tag:yaml.org,2002:str")
            if frames.last?.hasher != nil {
                frames[frames.count - 1].hasher!.combine(0)
                frames[frames.count - 1].hasher!.combine(tag)
                frames[frames.count - 1].hasher!.combine(text)
            }
            let span = offsets.byte(event.start_mark)..<offsets.byte(event.end_mark)
            add(YAMLValue(content: .scalar(text, style), location: at, span: span), keyText: text, tag: tag, structure: nil)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = type == YAML_MAPPING_START_EVENT
            let at = location(event.start_mark)
            let (anchor, tag) = isMapping ? (event.data.mapping_start.anchor, event.data.mapping_start.tag)
                                          : (event.data.sequence_start.anchor, event.data.sequence_start.tag)
            if let anchor { refuseAnchor(anchor, at) }
            var frame = Frame(location: at, isMapping: isMapping)
            frame.start = offsets.byte(event.start_mark)
            frame.isFlow = isMapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                                     : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            if let top = frames.last, top.hasher != nil || (top.isMapping && top.expectingKey) {
                var hasher = Hasher()
                hasher.combine(isMapping ? 2 : 1)
                hasher.combine(Self.explicitTag(tag, ordinary: isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq"))
                frame.hasher = hasher
            }
            frames.append(frame)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = frames.removeLast()
            reportRepeatedKeys(of: frame)
            if frame.isMapping, stop == nil, frame.hasDuplicate || !frame.duplicatedComplexKeys.isEmpty {
                stop = .duplicateKeys(complex: frame.duplicatedComplexKeys.count,
                                      first: frame.duplicatedComplexKeys.min { ($0.line, $0.column) < ($1.line, $1.column) })
            }
            let structure = frame.hasher?.finalize()
            if let structure, frames.last?.hasher != nil { frames[frames.count - 1].hasher!.combine(structure) }
            let content: YAMLValue.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            let span = frame.start..<max(frame.start, offsets.byte(event.end_mark))
            add(YAMLValue(content: content, location: frame.location, span: span, isFlow: frame.isFlow),
                keyText: nil, tag: nil, structure: structure)
        case YAML_ALIAS_EVENT:
            let at = location(event.start_mark)
            let name = event.data.alias.anchor.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? ""
            refused.append(.error(at, "`*\(name)` is a YAML alias, which Casebook does not accept",
                                  hint: "write each value out in full; a value that starts with & or * must be in double quotes", code: .yamlAnchor))
            // Stands in for the value it names; the document is refused, so only its place counts.
            if frames.last?.hasher != nil { frames[frames.count - 1].hasher!.combine(name) }
            add(YAMLValue(content: .scalar("", .any), location: at), keyText: nil, tag: nil, structure: nil)
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents == 2, stop == nil { stop = .anotherDocument(location(event.start_mark)) }
        default:
            break
        }
    }

    /// Keys written twice in a mapping. In an item of a list, several at once mean the next item lost
    /// its `- `, so its fields read as repeats of this one's: that is said once, where the item starts.
    private mutating func reportRepeatedKeys(of frame: Frame) {
        guard let key = frame.firstRepeatedKey, let first = frame.repeated.first else { return }
        if frame.repeated.count > 1, let parent = frames.last, !parent.isMapping {
            duplicates.append(.error(first.location,
                "`\(key):` starts another item of the list but has no `- ` before it, so YAML reads its fields as repeats of the item above",
                hint: "write `- \(key):` here, with the `-` under the `-` of the item that starts on line \(frame.location.line)",
                code: .yamlListDash))
        } else {
            duplicates += frame.repeated
        }
    }

    private mutating func refuseAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>, _ at: SourceLocation) {
        let name = String(cString: UnsafeRawPointer(anchor).assumingMemoryBound(to: CChar.self))
        refused.append(.error(at, "`&\(name)` marks a YAML anchor, which Casebook does not accept",
                              hint: "write each value out in full; a value that starts with & or * must be in double quotes", code: .yamlAnchor))
    }

    /// A tag written on a node, or nil for the node's ordinary tag (none, `!`, or the ordinary one
    /// spelled out, such as `!!str` on a scalar).
    private static func explicitTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, ordinary: String) -> String? {
        guard let tag, tag[0] != 0, !(tag[0] == UInt8(ascii: "!") && tag[1] == 0) else { return nil }
        let name = String(cString: UnsafeRawPointer(tag).assumingMemoryBound(to: CChar.self))
        return name == ordinary ? nil : name
    }

    /// A finished value: the document's root, an item of the open list, or a key or value of the open mapping.
    /// `keyText` is the text of a scalar; `structure` the hash of a list or set of fields that may be a key.
    private mutating func add(_ value: YAMLValue, keyText: String?, tag: String?, structure: Int?) {
        guard !frames.isEmpty else {
            if documents == 1 { root = value }
            return
        }
        let top = frames.count - 1
        guard frames[top].isMapping else {
            if stop == nil { frames[top].items.append(value) }
            return
        }
        if frames[top].expectingKey {
            if let keyText {
                let line = value.location.line
                if var record = frames[top].keys[keyText] {
                    frames[top].repeated.append(.error(value.location, "the field `\(keyText)` appears more than once here",
                                             hint: "it is also on line \(record.firstLine); keep one of them and delete the other", code: .yamlDuplicateField))
                    if frames[top].firstRepeatedKey == nil { frames[top].firstRepeatedKey = keyText }
                    if let tag {
                        if record.tags.contains(tag) { frames[top].hasDuplicate = true } else { record.tags.append(tag) }
                    } else {
                        if record.untagged { frames[top].hasDuplicate = true } else { record.untagged = true }
                    }
                    frames[top].keys[keyText] = record
                } else {
                    frames[top].keys[keyText] = KeyRecord(firstLine: line, untagged: tag == nil, tags: tag.map { [$0] } ?? [])
                }
            } else if let structure {
                if let first = frames[top].complexKeys[structure] {
                    if !frames[top].duplicatedComplexKeys.contains(where: { $0 == first }) {
                        frames[top].duplicatedComplexKeys.append(first)
                    }
                } else {
                    frames[top].complexKeys[structure] = value.location
                }
            }
            frames[top].key = value
        } else if stop == nil, let key = frames[top].key {
            frames[top].pairs.append(YAMLValue.Pair(key: key, value: value))
        }
        frames[top].expectingKey.toggle()
    }

    /// libyaml's error, located and explained.
    private func error(_ parser: yaml_parser_t) -> Diagnostic {
        let what = YAMLDocument.describing(file)
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        switch parser.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let (message, hint, code) = YAMLDocument.explain(problem, what: what)
            return .error(location(parser.problem_mark), message, hint: hint, code: code)
        case YAML_READER_ERROR:
            return .error(SourceLocation(file: file, line: firstLine, column: 1),
                          "\(what) contains characters that cannot be read (\(problem))",
                          hint: "save the file as UTF-8 text", code: .fileNotText)
        case YAML_MEMORY_ERROR:
            // libyaml's only memory error in practice: more than 1,000 nested lists or sets of fields.
            return .error(SourceLocation(file: file, line: firstLine, column: 1),
                          "\(what) nests lists or sets of fields too deeply for YAML (more than 1,000 levels)",
                          hint: "look for [ or { that are never closed; no field needs more than a few levels", code: .yamlTooDeep)
        default:
            return .error(SourceLocation(file: file, line: firstLine, column: 1), "\(what) could not be read: \(problem)",
                          hint: "check the YAML syntax: `name: value` fields, lists with `- `, spaces for indentation", code: .yamlSyntax)
        }
    }
}

/// libyaml counts a mark's `index` in characters (code points), not bytes; this turns it into a byte
/// offset into the UTF-8 text. Marks arrive nearly in order, so a cursor moved from the last one
/// keeps the whole pass linear; ASCII text needs no walking at all.
private struct MarkOffsets {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let isASCII: Bool
    private var character = 0
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        isASCII = !bytes.contains { $0 >= 0x80 }
    }

    mutating func byte(_ mark: yaml_mark_t) -> Int {
        let target = Int(mark.index)
        if isASCII { return min(target, bytes.count) }
        while character < target, position < bytes.count {
            position += 1
            while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
            character += 1
        }
        while character > target, position > 0 {
            position -= 1
            while position > 0, bytes[position] & 0xC0 == 0x80 { position -= 1 }
            character -= 1
        }
        return position
    }
}
