/// Which form field a place in a case-study file belongs to: every field's range, from its name to
/// the end of its value, under its key path ("metrics.2.value"). A problem is given to the innermost
/// field whose range holds its line and column.
struct FieldMap {
    private struct Entry {
        var path: String
        var range: Range<Int>
        /// Where the set of fields starts, for a problem "this set of fields has no `url`".
        var fieldsStart: Int?
    }

    private var entries: [Entry] = []
    private let lineStarts: [Int]
    private let bytes: [UInt8]
    private let bodyFirstLine: Int

    init(text: String, parts: CaseFileParts) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
        bodyFirstLine = parts.bodyFirstLine
        let editor = YAMLPositions(bytes: bytes, base: parts.yamlStart)
        if let root = parts.root {
            let start = editor.start(root)
            entries.append(Entry(path: "", range: start..<max(start + 1, editor.contentEnd(root)), fieldsStart: root.mapping == nil ? nil : start))
            add(root, path: "", editor: editor, range: nil)
        }
    }

    private mutating func add(_ node: YAMLValue, path: String, editor: YAMLPositions, range: Range<Int>?) {
        let prefix = path.isEmpty ? "" : path + "."
        switch node.content {
        case .mapping(let pairs):
            if let range { entries.append(Entry(path: path, range: range, fieldsStart: editor.start(node))) }
            for pair in pairs {
                guard let key = pair.key.scalar else { continue }
                let start = editor.start(pair.key)
                add(pair.value, path: prefix + key, editor: editor, range: start..<max(start + 1, editor.pairEnd(pair)))
            }
        case .sequence(let items):
            if let range { entries.append(Entry(path: path, range: range, fieldsStart: nil)) }
            for (index, item) in items.enumerated() {
                let start = node.isFlow ? editor.start(item) : editor.dash(item)
                add(item, path: prefix + String(index), editor: editor, range: start..<max(start + 1, editor.contentEnd(item)))
            }
        case .scalar:
            if let range { entries.append(Entry(path: path, range: range, fieldsStart: nil)) }
        }
    }

    /// The field a diagnostic belongs to, or "" for none.
    func field(of diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        if location.line >= bodyFirstLine { return "story" }
        guard let offset = offset(line: location.line, column: location.column) else { return "" }
        // "this metric has no `quote`", "the case study has no `evidence` rating": said where the set of
        // fields starts, about the field that is missing from it.
        if let name = Self.missingName(in: diagnostic.message),
           let owner = entries.filter({ $0.fieldsStart == offset }).min(by: { $0.range.count < $1.range.count }) {
            return owner.path.isEmpty ? name : owner.path + "." + name
        }
        let innermost = entries.filter { $0.range.contains(offset) }.min { $0.range.count < $1.range.count }?.path ?? ""
        // A field the form does not know belongs to the set of fields it is written in.
        if diagnostic.code == .fieldUnknown { return innermost.split(separator: ".").dropLast().joined(separator: ".") }
        return innermost
    }

    /// The file lines (1-based) a field's name and value are written on, or nil for a field the file lacks.
    func lines(of path: String) -> ClosedRange<Int>? {
        guard let entry = entries.first(where: { $0.path == path }) else { return nil }
        return line(of: entry.range.lowerBound)...line(of: max(entry.range.lowerBound, entry.range.upperBound - 1))
    }

    private func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The byte offset of a 1-based line and column (columns count characters).
    private func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        var at = lineStarts[line - 1]
        var characters = 1
        while characters < column, at < bytes.count, bytes[at] != 0x0A {
            at += 1
            while at < bytes.count, bytes[at] & 0xC0 == 0x80 { at += 1 }
            characters += 1
        }
        return at
    }

    private static func missingName(in message: String) -> String? {
        guard let open = message.range(of: "has no `") else { return nil }
        let rest = message[open.upperBound...]
        guard let close = rest.firstIndex(of: "`") else { return nil }
        return String(rest[..<close])
    }
}
