/// Where the parts of a parsed front matter are in the file's bytes: a value's first character and
/// the end of its content, a field's colon, a list item's dash, and the lines around them.
struct YAMLPositions {
    /// The whole file.
    let bytes: [UInt8]
    /// Where the YAML text starts in the file: value spans are relative to it.
    let base: Int

    /// A folded value's lines as written, without their indentation; empty unless every line is
    /// indented alike (a more-indented line is not folded, so its breaks are not the writer's to keep).
    func foldedLines(_ node: YAMLValue) -> [String] {
        let end = contentEnd(node)
        let first = lineEnd(start(node)) + 1
        guard first < end else { return [] }
        let lines = bytes[first..<end].split(separator: 0x0A, omittingEmptySubsequences: false)
        let indents = Set(lines.map { $0.prefix { $0 == 0x20 }.count })
        guard indents.count == 1, !lines.contains(where: { $0.allSatisfy { $0 == 0x20 } }) else { return [] }
        return lines.map { String(decoding: $0.drop { $0 == 0x20 }, as: UTF8.self) }
    }

    func start(_ node: YAMLValue) -> Int { base + node.span.lowerBound }

    /// Just after the last character that belongs to the value (a block scalar: the end of its last line).
    func contentEnd(_ node: YAMLValue) -> Int {
        switch node.content {
        case .scalar(_, let style):
            let end = base + node.span.upperBound
            guard style == .literal || style == .folded else { return end }
            // A block ends where the next field starts: back over that line's indentation, then over
            // the line breaks (blank lines after the block stay). A line of spaces is the block's own.
            var last = bytes[lineStart(end)..<end].allSatisfy { $0 == 0x20 } ? lineStart(end) : end
            while last > start(node) + 1, bytes[last - 1] == 0x0A || bytes[last - 1] == 0x0D { last -= 1 }
            return last
        case .mapping(let pairs):
            if node.isFlow { return base + node.span.upperBound }
            return pairs.map(pairEnd).max() ?? start(node)
        case .sequence(let items):
            if node.isFlow { return base + node.span.upperBound }
            return items.map(contentEnd).max() ?? start(node)
        }
    }

    func pairEnd(_ pair: YAMLValue.Pair) -> Int {
        isEmptyNull(pair.value) ? colonEnd(pair.key) : contentEnd(pair.value)
    }

    /// `field:` with nothing after it: libyaml places the empty value where the next token starts.
    func isEmptyNull(_ node: YAMLValue) -> Bool {
        node.span.isEmpty && node.style == .plain
    }

    /// Just after the `:` that follows a field name.
    func colonEnd(_ key: YAMLValue) -> Int {
        var at = base + key.span.upperBound
        while at < bytes.count, bytes[at] == 0x20 { at += 1 }
        return at < bytes.count && bytes[at] == UInt8(ascii: ":") ? at + 1 : base + key.span.upperBound
    }

    /// The `-` that starts a list item.
    func dash(_ item: YAMLValue) -> Int {
        var at = start(item) - 1
        while at > 0, bytes[at] == 0x20 || bytes[at] == 0x0A { at -= 1 }
        return at >= 0 && bytes[at] == UInt8(ascii: "-") ? at : start(item)
    }

    func lineStart(_ position: Int) -> Int {
        var at = min(position, bytes.count)
        while at > 0, bytes[at - 1] != 0x0A { at -= 1 }
        return at
    }

    func lineEnd(_ position: Int) -> Int {
        var at = position
        while at < bytes.count, bytes[at] != 0x0A { at += 1 }
        return at
    }

    func column(_ position: Int) -> Int { position - lineStart(position) }

    func onlySpacesBefore(_ position: Int) -> Bool {
        bytes[lineStart(position)..<position].allSatisfy { $0 == 0x20 }
    }

    func restOfLineHasText(after position: Int) -> Bool {
        bytes[position..<lineEnd(position)].contains { $0 != 0x20 && $0 != 0x0D }
    }
}
