/// One piece of a parsed template. Text keeps the exact bytes the template writes (with the
/// whitespace of standalone tags removed as the Mustache spec says); tags keep their position.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case variable(TemplateTag, escaped: Bool)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(TemplateTag, inverted: Bool, body: [TemplateNode])
    /// `{{> name}}`; `indentation` is set when the tag stands alone on its line.
    case partial(TemplateTag, indentation: [UInt8]?)
    /// `{{< name}}{{$block}}…{{/block}}{{/name}}`: the named template with these blocks replaced.
    case parent(TemplateTag, indentation: [UInt8], overrides: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}`: a block a child template may replace.
    case block(TemplateTag, indentation: [UInt8], defaultBody: [TemplateNode])
}

/// A tag's name and where it is written.
struct TemplateTag: Sendable {
    let name: String
    let location: SourceLocation
}

/// A template's syntax error, at the place it is written.
struct TemplateSyntaxError: Error {
    let location: SourceLocation
    let message: String
    let hint: String
}

/// Parses Mustache text into nodes: variables, triple mustaches, sections, inverted sections,
/// comments, partials and `{{<parent}}`/`{{$block}}` inheritance, with the spec's standalone-line
/// rules (the same token boundaries as swift-mustache, so output is byte-identical). Changed
/// delimiters, lambdas and dynamic partial names are refused: Casebook's templates do not use them.
struct TemplateParser {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    /// Offsets where lines start, for line and column numbers.
    private let lineStarts: [Int]

    static func parse(_ text: String, file: String) -> Result<[TemplateNode], TemplateSyntaxError> {
        var parser = TemplateParser(bytes: Array(text.utf8), file: file)
        do {
            return .success(try parser.parseBody(State()))
        } catch {
            return .failure(error)
        }
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.lineStarts = starts
    }

    private struct State {
        /// The section being read, with where it was opened.
        var section: TemplateTag?
        var newLine = true
        var inParent = false
        var parentTopLevel = false
        var parentIndent: [UInt8]?
    }

    private static let open: [UInt8] = Array("{{".utf8)
    private static let close: [UInt8] = Array("}}".utf8)

    private func location(_ offset: Int) -> SourceLocation {
        // Binary search for the line holding `offset`.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let column = String(decoding: bytes[lineStarts[low]..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return SourceLocation(file: file, line: low + 1, column: column)
    }

    private var atEnd: Bool { position >= bytes.count }
    private var current: UInt8 { bytes[position] }

    private func isNewline(at offset: Int) -> Bool {
        offset < bytes.count && (bytes[offset] == 0x0A || (bytes[offset] == 0x0D && offset + 1 < bytes.count && bytes[offset + 1] == 0x0A))
    }
    private func newlineLength(at offset: Int) -> Int { bytes[offset] == 0x0D ? 2 : 1 }

    private func starts(with prefix: [UInt8], at offset: Int) -> Bool {
        offset + prefix.count <= bytes.count && bytes[offset..<offset + prefix.count].elementsEqual(prefix)
    }

    private mutating func skip(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while !atEnd && predicate(current) { position += 1 }
        return bytes[start..<position]
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Text up to the next tag or newline (the tag's `{{` is consumed).
    private mutating func readText() -> [UInt8] {
        let start = position
        while !atEnd {
            if isNewline(at: position) { break }
            if starts(with: Self.open, at: position) {
                let text = Array(bytes[start..<position])
                position += 2
                return text
            }
            position += 1
        }
        return Array(bytes[start..<position])
    }

    /// After a tag: if the rest of the line is blank, consume it with its newline (the tag stands alone).
    private mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var probe = position
        while probe < bytes.count && Self.isSpace(bytes[probe]) { probe += 1 }
        if probe >= bytes.count { return false }
        if isNewline(at: probe) {
            position = probe + newlineLength(at: probe)
            return true
        }
        return false
    }

    private mutating func standalone(_ state: State) -> Bool { state.newLine && lineFinished() }

    private func error(_ offset: Int, _ message: String, _ hint: String) -> TemplateSyntaxError {
        TemplateSyntaxError(location: location(offset), message: message, hint: hint)
    }

    private static let nameBytes = Set(Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*".utf8))
    private static let partialNameBytes = nameBytes.union([UInt8(ascii: "/")])

    /// A tag's name up to `}}`, with the tag's start offset for messages.
    private mutating func readName(tagStart: Int, partial: Bool = false) throws(TemplateSyntaxError) -> String {
        _ = skip(while: Self.isWhitespace)
        let allowed = partial ? Self.partialNameBytes : Self.nameBytes
        let name = String(decoding: skip(while: { allowed.contains($0) }), as: UTF8.self)
        _ = skip(while: Self.isSpace)
        guard starts(with: Self.close, at: position) else {
            if !closedOnThisLine(from: position) {
                throw error(tagStart, "this tag is not closed with }}", "add }} after the name, or remove the {{")
            }
            throw error(position, "a tag name cannot contain `\(String(decoding: [current], as: UTF8.self))`, or the tag is not closed with }}",
                        "names are letters, digits, `_`, `-` and `.`; close the tag with }}")
        }
        position += 2
        return name
    }

    /// The name after `{{>` or `{{<` (the sigil not yet read). A name taken from the page's data
    /// (`{{>*name}}`) is refused: the templates a page uses must be known when they load.
    private mutating func readTemplateName(tagStart: Int, kind: String, example: String) throws(TemplateSyntaxError) -> String {
        let sigil = String(decoding: [current], as: UTF8.self)
        position += 1
        _ = skip(while: Self.isWhitespace)
        if !atEnd && current == UInt8(ascii: "*") {
            throw error(tagStart, "a \(kind) named by the page's data (`{{\(sigil)*…}}`) is not supported",
                        "name the \(kind) itself: \(example)")
        }
        return try readName(tagStart: tagStart, partial: true)
    }

    /// The body of a section or block opened by `tag`, up to its closing tag.
    private mutating func parseInside(_ tag: TemplateTag, from state: State, openedAlone: Bool) throws(TemplateSyntaxError) -> [TemplateNode] {
        var inner = state
        inner.section = tag
        inner.parentTopLevel = false
        if !openedAlone { inner.newLine = false }
        return try parseBody(inner)
    }

    /// Whether `}}` comes before the end of the line (or the next `{{`): if not, the tag was never closed.
    private func closedOnThisLine(from offset: Int) -> Bool {
        var probe = offset
        while probe < bytes.count && !isNewline(at: probe) {
            if starts(with: Self.close, at: probe) { return true }
            if starts(with: Self.open, at: probe) { return false }
            probe += 1
        }
        return false
    }

    private mutating func parseBody(_ initial: State) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteBefore: [UInt8] = []
        while !atEnd {
            if state.newLine {
                let white = Array(skip(while: Self.isSpace))
                if state.inParent && !state.parentTopLevel {
                    if let indent = state.parentIndent {
                        whiteBefore = Array(white.dropFirst(indent.count))
                    } else {
                        state.parentIndent = white
                    }
                } else {
                    whiteBefore = white
                }
            }
            let text = readText()
            if isNewline(at: position) {
                let length = newlineLength(at: position)
                nodes.append(.text(whiteBefore + text + bytes[position..<position + length]))
                position += length
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteBefore + text))
                whiteBefore = []
                state.newLine = false
            }
            if atEnd { break }
            // Just after `{{`.
            let tagStart = position - 2
            let tagLocation = location(tagStart)
            var setNewLine = false
            let sigil = current
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName(tagStart: tagStart)
                let tag = try checked(TemplateTag(name: name, location: tagLocation), at: tagStart)
                if standalone(state) {
                    setNewLine = true
                } else if !whiteBefore.isEmpty {
                    nodes.append(.text(whiteBefore))
                    whiteBefore = []
                }
                nodes.append(.section(tag, inverted: sigil == UInt8(ascii: "^"),
                                      body: try parseInside(tag, from: state, openedAlone: setNewLine)))
            case UInt8(ascii: "/"):
                position += 1
                let nameStart = position
                let name = try readName(tagStart: tagStart)
                guard let open = state.section else {
                    throw error(tagStart, "`{{/\(name)}}` closes a section that was never opened",
                                "remove it, or add {{#\(name)}} where the section should start")
                }
                guard name == open.name else {
                    throw error(nameStart, "`{{/\(name)}}` closes the section `\(open.name)` opened at line \(open.location.line), column \(open.location.column)",
                                "close it with {{/\(open.name)}}, or close `\(name)` after `\(open.name)`")
                }
                // A closing tag alone on its line takes the line with it (`standalone` consumes it).
                if !standalone(state) && !whiteBefore.isEmpty {
                    nodes.append(.text(whiteBefore))
                }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                while !atEnd && !starts(with: Self.close, at: position) { position += 1 }
                guard !atEnd else {
                    throw error(tagStart, "this comment is not closed with }}", "end the comment with }}")
                }
                position += 2
                setNewLine = standalone(state)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                if !whiteBefore.isEmpty {
                    nodes.append(.text(whiteBefore))
                    whiteBefore = []
                }
                position += 1
                let name = try readName(tagStart: tagStart)
                if sigil == UInt8(ascii: "{") {
                    guard !atEnd && current == UInt8(ascii: "}") else {
                        throw error(tagStart, "`{{{\(name)` is not closed with }}}", "close it with three braces: {{{\(name)}}}")
                    }
                    position += 1
                }
                nodes.append(.variable(try checked(TemplateTag(name: name, location: tagLocation), at: tagStart), escaped: false))
            case UInt8(ascii: ">"):
                let name = try readTemplateName(tagStart: tagStart, kind: "partial", example: "{{> partials/name}}")
                if !whiteBefore.isEmpty { nodes.append(.text(whiteBefore)) }
                let tag = TemplateTag(name: name, location: tagLocation)
                setNewLine = standalone(state)
                nodes.append(.partial(tag, indentation: setNewLine ? whiteBefore : nil))
                whiteBefore = []
            case UInt8(ascii: "<"):
                let name = try readTemplateName(tagStart: tagStart, kind: "layout", example: "{{< layout}}")
                if !whiteBefore.isEmpty { nodes.append(.text(whiteBefore)) }
                if standalone(state) { setNewLine = true }
                let tag = TemplateTag(name: name, location: tagLocation)
                var inner = state
                inner.section = tag
                inner.newLine = true
                inner.inParent = true
                inner.parentTopLevel = true
                let body = try parseBody(inner)
                var overrides: [String: [TemplateNode]] = [:]
                for node in body {
                    switch node {
                    case .block(let block, _, let defaultBody): overrides[block.name] = defaultBody
                    case .text: break
                    case .variable(let other, _), .section(let other, _, _), .partial(let other, _), .parent(let other, _, _):
                        throw TemplateSyntaxError(location: other.location,
                                                  message: "inside `{{<\(name)}}` only blocks (`{{$name}}…{{/name}}`) can be written",
                                                  hint: "move `\(other.name)` into a block, or out of `{{<\(name)}}`")
                    }
                }
                nodes.append(.parent(tag, indentation: whiteBefore, overrides: overrides))
                whiteBefore = []
            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(tagStart: tagStart)
                let tag = TemplateTag(name: name, location: tagLocation)
                // Directly inside `{{<parent}}` a block is given to the parent; elsewhere it is drawn here.
                let given = state.parentTopLevel
                if !given && !whiteBefore.isEmpty { nodes.append(.text(whiteBefore)) }
                setNewLine = standalone(state)
                let body = try parseInside(tag, from: state, openedAlone: setNewLine)
                nodes.append(.block(tag, indentation: given ? [] : whiteBefore, defaultBody: body))
                if !given { whiteBefore = [] }
            case UInt8(ascii: "="):
                throw error(tagStart, "changing the tag delimiters (`{{=… …=}}`) is not supported",
                            "keep {{ and }}; see docs/templates.md for the Mustache Casebook supports")
            case UInt8(ascii: "%"):
                throw error(tagStart, "pragmas (`{{%…}}`) are not supported",
                            "remove the tag; Casebook escapes HTML the same way in every template")
            default:
                if !whiteBefore.isEmpty {
                    nodes.append(.text(whiteBefore))
                    whiteBefore = []
                }
                let name = try readName(tagStart: tagStart)
                nodes.append(.variable(try checked(TemplateTag(name: name, location: tagLocation), at: tagStart), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.section {
            let what = state.inParent && state.parentTopLevel ? "`{{<\(open.name)}}`" : "the section `\(open.name)`"
            throw TemplateSyntaxError(location: open.location, message: "\(what) opened here is never closed",
                                      hint: "add {{/\(open.name)}} where it should end")
        }
        return nodes
    }

    /// Names are plain or dotted field names, `.`, or the list positions `first()` and `last()`.
    private func checked(_ tag: TemplateTag, at offset: Int) throws(TemplateSyntaxError) -> TemplateTag {
        let name = tag.name
        if name.isEmpty {
            throw error(offset, "this tag has no name", "write a field name between the braces, like {{title}}")
        }
        if name.contains("(") || name.contains(")") {
            guard name == "first()" || name == "last()" else {
                throw error(offset, "`\(name)`: functions in tags are not supported, except `first()` and `last()` in a list",
                            "use a field of the view instead; see docs/templates.md")
            }
        } else if name != ".", name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw error(offset, "`\(name)` is not a field name", "write names like `title` or `site.title`")
        }
        return tag
    }
}
