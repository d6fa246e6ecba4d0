/// Turns a file whose front matter reads as one form into the file for another form by splicing
/// only what differs: a changed value is rewritten where it stands, a field the file lacks is added
/// where `casebook new` would put it, a removed field or list item loses its lines, and everything
/// else (comments, order, quoting, fields the form does not know) stays byte for byte as written.
struct FrontMatterEditor {
    /// The whole file.
    let bytes: [UInt8]
    /// Where the YAML text starts in the file: value spans are relative to it.
    let base: Int
    /// Where each part of the front matter is.
    let at: YAMLPositions
    private(set) var splices: [Splice] = []

    struct Splice {
        var range: Range<Int>
        var text: String
        var order: Int
    }

    init(bytes: [UInt8], base: Int) {
        self.bytes = bytes
        self.base = base
        at = YAMLPositions(bytes: bytes, base: base)
    }

    /// The file with every splice made. Splices never overlap; several at one place keep their order.
    func applied() -> [UInt8] {
        var out = bytes
        let sorted = splices.sorted {
            if $0.range.lowerBound != $1.range.lowerBound { return $0.range.lowerBound > $1.range.lowerBound }
            if $0.range.isEmpty != $1.range.isEmpty { return !$0.range.isEmpty }
            return $0.order > $1.order
        }
        for splice in sorted { out.replaceSubrange(splice.range, with: Array(splice.text.utf8)) }
        return out
    }

    mutating func splice(_ range: Range<Int>, _ text: String) {
        splices.append(Splice(range: range, text: text, order: splices.count))
    }

    // MARK: Sets of fields

    /// Edits a block mapping of the file from `old` to `new` (same keys, in the form's order).
    mutating func fields(old: [FormEntry], new: [FormEntry], in mapping: YAMLValue) {
        guard let pairs = mapping.mapping, let first = pairs.first else { return }
        let indent = at.column(at.start(first.key))
        let order = new.map(\.key)
        for (index, entry) in new.enumerated() {
            let before = index < old.count && old[index].key == entry.key ? old[index].node : nil
            guard before != entry.node else { continue }
            if let pair = pairs.first(where: { $0.key.scalar == entry.key }) {
                if let node = entry.node {
                    value(old: before, new: node, at: pair, indent: indent)
                } else {
                    remove(pair, among: pairs)
                }
            } else if let node = entry.node {
                insert(entry.key, node, among: pairs, order: order, indent: indent)
            }
        }
    }

    /// Rewrites the value of `pair`, as little of it as needed.
    private mutating func value(old: FormNode?, new: FormNode, at pair: YAMLValue.Pair, indent: Int) {
        let node = pair.value
        let colon = at.colonEnd(pair.key)
        if at.isEmptyNull(node) {
            splice(colon..<colon, FormNodeWriter.render(new, indent: indent))
            return
        }
        switch (new, node.content, old) {
        case (.scalar(let text, let kind), .scalar(_, let style), _):
            rewriteScalar(node, text, kind, style: style, indent: indent)
        case _ where node.isFlow && new.fitsOnOneLine:
            splice(at.start(node)..<at.contentEnd(node), FormNodeWriter.flow(new))
        case _ where node.isFlow:
            // Sets of fields added to a list in brackets (sources added to `sources: []`) are written
            // as a block below the key, as the site's files write them; a comment stays on the key's line.
            splice(colon..<at.contentEnd(node), "")
            let end = at.lineEnd(at.contentEnd(node))
            splice(end..<end, FormNodeWriter.render(new, indent: indent))
        case (.fields(let newEntries), .mapping, .fields(let oldEntries)?):
            fields(old: oldEntries, new: newEntries, in: node)
        case (.list(let newItems), .sequence(let yamlItems), .list(let oldItems)?) where oldItems.count == yamlItems.count:
            list(old: oldItems, new: newItems, in: node, colon: colon)
        default:
            splice(colon..<at.contentEnd(node), FormNodeWriter.render(new, indent: indent))
        }
    }

    private mutating func rewriteScalar(_ node: YAMLValue, _ text: String, _ kind: FormNode.Kind, style: YAMLValue.Style, indent: Int) {
        let range = at.start(node)..<at.contentEnd(node)
        let writer = ScalarWriter(indent: indent, lineContinues: at.restOfLineHasText(after: range.upperBound))
        splice(range, writer.write(text, kind: kind, preferring: style, foldedLines: style == .folded ? at.foldedLines(node) : []))
    }

    /// Deletes a field's lines (or, for the first field of a list item, the field up to the next one).
    private mutating func remove(_ pair: YAMLValue.Pair, among pairs: [YAMLValue.Pair]) {
        let keyStart = at.start(pair.key)
        let endOfLine = at.lineEnd(at.pairEnd(pair))
        if at.onlySpacesBefore(keyStart) {
            splice(at.lineStart(keyStart)..<min(endOfLine + 1, bytes.count), "")
        } else if let index = pairs.firstIndex(where: { at.start($0.key) == keyStart }), index + 1 < pairs.count {
            splice(keyStart..<at.start(pairs[index + 1].key), "")
        } else {
            splice(keyStart..<endOfLine, "{}")
        }
    }

    /// Adds a field after the field that comes before it in the form's order (or before the one after it).
    private mutating func insert(_ key: String, _ node: FormNode, among pairs: [YAMLValue.Pair], order: [String], indent: Int) {
        let position = order.firstIndex(of: key) ?? order.count
        let later = Set(order[min(position + 1, order.count)...])
        let text = key + ":" + FormNodeWriter.render(node, indent: indent)
        // After the nearest field before it in the form's order that the file has (or, when the file has
        // none of those, before the nearest one after it; or else at the end).
        let earlier = order[..<position].reversed().lazy.compactMap { name in pairs.first { $0.key.scalar == name } }.first
        if let previous = earlier ?? (pairs.contains { later.contains($0.key.scalar ?? "") } ? nil : pairs.last) {
            let place = min(at.lineEnd(at.pairEnd(previous)) + 1, bytes.count)
            splice(place..<place, String(repeating: " ", count: indent) + text + "\n")
        } else if let next = pairs.first(where: { later.contains($0.key.scalar ?? "") }) {
            let place = at.start(next.key)
            splice(place..<place, text + "\n" + String(repeating: " ", count: indent))
        }
    }

    // MARK: Lists

    /// Edits a block list item by item: items that stay are untouched, changed ones are edited in
    /// place, removed ones lose their lines, new ones are added (an item moved keeps its text).
    private mutating func list(old: [FormNode], new: [FormNode], in sequence: YAMLValue, colon: Int) {
        guard let items = sequence.sequence, let first = items.first, let last = items.last else { return }
        let dashColumn = at.column(at.dash(first))
        if new.isEmpty {
            let keyLineEnd = at.lineEnd(colon)
            if keyLineEnd < at.dash(first) {
                // Items on the lines below the key: `[]` after the key, its comment kept, and the items'
                // lines (with the comments inside them) gone.
                let end = itemLinesEnd(last, dashColumn: dashColumn)
                splice(colon..<colon, " []")
                splice(keyLineEnd..<max(keyLineEnd, end > 0 && bytes[end - 1] == 0x0A ? end - 1 : end), "")
            } else {
                splice(colon..<at.contentEnd(sequence), " []")
            }
            return
        }
        let itemsAreFlow = items.allSatisfy { $0.isFlow }
        let anchors = Self.commonItems(old, new) + [(old.count, new.count)]
        // The removed items, so an item moved elsewhere in the list keeps its text (and its comments).
        var removed: [(node: FormNode, item: YAMLValue, lines: Range<Int>)] = []
        var additions: [(at: Int, node: FormNode)] = []
        var (i, j) = (0, 0)
        for (oldEnd, newEnd) in anchors {
            let paired = min(oldEnd - i, newEnd - j)
            for k in 0..<paired {
                item(old: old[i + k], new: new[j + k], at: items[i + k], dashColumn: dashColumn, flowItems: itemsAreFlow)
            }
            for k in (i + paired)..<oldEnd {
                let lines = at.lineStart(at.dash(items[k]))..<itemLinesEnd(items[k], dashColumn: dashColumn)
                removed.append((old[k], items[k], lines))
                splice(lines, "")
            }
            let place = oldEnd < items.count ? at.lineStart(at.dash(items[oldEnd]))
                                             : itemLinesEnd(last, dashColumn: dashColumn)
            for k in (j + paired)..<newEnd { additions.append((place, new[k])) }
            (i, j) = (oldEnd + 1, newEnd + 1)
        }
        for addition in additions {
            var text: String?
            // The same item moved, or a moved item that was also changed (most of its fields as they were).
            if let index = removed.firstIndex(where: { $0.node == addition.node })
                ?? removed.firstIndex(where: { Self.similar($0.node, addition.node) }) {
                let source = removed.remove(at: index)
                text = moved(source.item, lines: source.lines, from: source.node, to: addition.node,
                             dashColumn: dashColumn, flowItems: itemsAreFlow)
            }
            let body = itemsAreFlow ? FormNodeWriter.flow(addition.node) : FormNodeWriter.renderItem(addition.node, indent: dashColumn + 2)
            splice(addition.at..<addition.at, text ?? String(repeating: " ", count: dashColumn) + "- " + body + "\n")
        }
    }

    /// Where a block list item's lines end: after its content's last line and the comment lines below
    /// it indented deeper than its dash, which are inside the item (a field commented out at its end),
    /// so they go when it goes and a new item is added after them.
    private func itemLinesEnd(_ item: YAMLValue, dashColumn: Int) -> Int {
        var end = min(at.lineEnd(at.contentEnd(item)) + 1, bytes.count)
        while end < bytes.count {
            var position = end
            while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
            guard position < bytes.count, bytes[position] == UInt8(ascii: "#"), position - end > dashColumn else { break }
            end = min(at.lineEnd(position) + 1, bytes.count)
        }
        return end
    }

    /// An item's lines as they would read after editing it in place, for writing it elsewhere; nil
    /// when an edit would reach outside them.
    private func moved(_ node: YAMLValue, lines: Range<Int>, from old: FormNode, to new: FormNode,
                       dashColumn: Int, flowItems: Bool) -> String? {
        var editor = FrontMatterEditor(bytes: bytes, base: base)
        editor.item(old: old, new: new, at: node, dashColumn: dashColumn, flowItems: flowItems)
        guard editor.splices.allSatisfy({ lines.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= lines.upperBound }) else {
            return nil
        }
        let local = FrontMatterEditor(bytes: Array(bytes[lines]), base: 0)
        var shifted = local
        for splice in editor.splices {
            shifted.splice((splice.range.lowerBound - lines.lowerBound)..<(splice.range.upperBound - lines.lowerBound), splice.text)
        }
        return String(decoding: shifted.applied(), as: UTF8.self)
    }

    /// Two sets of fields with at least half of their given fields the same.
    static func similar(_ a: FormNode, _ b: FormNode) -> Bool {
        guard case .fields(let x) = a, case .fields(let y) = b, x.count == y.count else { return false }
        let given = zip(x, y).filter { $0.node != nil || $1.node != nil }
        return !given.isEmpty && given.filter { $0.node == $1.node }.count * 2 >= given.count
    }

    private mutating func item(old: FormNode, new: FormNode, at node: YAMLValue, dashColumn: Int, flowItems: Bool) {
        guard old != new else { return }
        switch (new, node.content, old) {
        case (.scalar(let text, let kind), .scalar(_, let style), _) where !at.isEmptyNull(node):
            rewriteScalar(node, text, kind, style: style, indent: dashColumn)
        case _ where node.isFlow:
            splice(at.start(node)..<at.contentEnd(node), FormNodeWriter.flow(new))
        case (.fields(let newEntries), .mapping, .fields(let oldEntries)):
            fields(old: oldEntries, new: newEntries, in: node)
        default:
            let afterDash = at.dash(node) + 1
            splice(afterDash..<max(afterDash, at.contentEnd(node)), " " + FormNodeWriter.renderItem(new, indent: dashColumn + 2))
        }
    }

    /// The longest common subsequence of two lists, as pairs of indices.
    static func commonItems(_ a: [FormNode], _ b: [FormNode]) -> [(Int, Int)] {
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                pairs.append((i, j))
                (i, j) = (i + 1, j + 1)
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }
}
