/// Writes one value of the form as YAML in a style that reads back as exactly the text given: the
/// style it had when one is given and it still fits, else plain when that is safe, a block literal
/// for text of several lines, and double quotes with escapes for everything else. Every choice is
/// proved by parsing it back, so no rule of YAML's plain scalars has to be right in advance.
struct ScalarWriter {
    /// The column of the field name (or of the list's `-`) the value belongs to.
    var indent: Int
    /// Inside `[...]` or `{...}`: no block styles, and no commas or brackets in plain text.
    var inFlow = false
    /// Something follows on the same line (a comment): a block scalar cannot start here.
    var lineContinues = false

    /// The longest line a folded value is wrapped to, counting its indentation.
    static let foldWidth = 100

    /// - Parameters:
    ///   - style: the style the value had, kept when it still reads back as the text.
    ///   - foldedLines: a folded value's lines as they were, kept where the new text still starts or
    ///     ends with them, so a change in the middle of a paragraph changes only the lines it is on.
    func write(_ text: String, kind: FormNode.Kind, preferring style: YAMLValue.Style? = nil, foldedLines: [String] = []) -> String {
        var candidates: [String] = []
        if kind == .flag { candidates.append(text) }
        switch style {
        case .doubleQuoted?: candidates.append(Self.doubleQuoted(text))
        case .singleQuoted?: candidates.append(Self.singleQuoted(text))
        case .folded?:
            if let folded = folded(text, keeping: foldedLines) { candidates.append(folded) }
            if let folded = folded(text) { candidates.append(folded) }
        case .literal?: if let literal = literal(text) { candidates.append(literal) }
        default:
            // Long text on its own is wrapped, as the site's files write it.
            if style == nil, kind == .text, indent + text.count > Self.foldWidth - 10, text.contains(" "), let folded = folded(text) {
                candidates.append(folded)
            }
        }
        candidates.append(text)
        if text.contains("\n"), let literal = literal(text) { candidates.append(literal) }
        for candidate in candidates where readsBack(candidate, as: text, kind: kind) { return candidate }
        return Self.doubleQuoted(text)
    }

    /// Whether `candidate`, written where this writer writes, is read as `text` (and, for text, as text).
    func readsBack(_ candidate: String, as text: String, kind: FormNode.Kind) -> Bool {
        let pad = String(repeating: " ", count: indent)
        let snippet = inFlow ? pad + "k: [" + candidate + "]\n" : pad + "k: " + candidate + (lineContinues ? " # c\n" : "\n")
        guard case .success(let root?) = YAMLDocument.parse(snippet, file: "value.yml", firstLine: 1),
              let pair = root.mapping?.first, root.mapping?.count == 1 else { return false }
        var value = pair.value
        if inFlow {
            guard let items = value.sequence, items.count == 1 else { return false }
            value = items[0]
        }
        guard case .scalar(let read, let style) = value.content, read == text else { return false }
        if style == .plain {
            switch kind {
            case .text: return !Self.readsAsOtherThanText(text)
            case .asWritten: return !FormYAML.isNull(value)
            case .flag: return true
            }
        }
        // A number, date or year in quotes is text to the checker: only plain for those, or quotes when
        // the typed text cannot be plain anyway (it is then not a number, and the checker says so).
        return kind != .flag
    }

    /// Plain words YAML would read as something other than text: null, booleans, numbers, dates.
    static func readsAsOtherThanText(_ text: String) -> Bool {
        let lower = text.lowercased()
        if ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan"].contains(lower) {
            return true
        }
        // Numbers (1200, -3.5, 1_000, 0x1F, 1e3) and dates (2021-09-30): a digit, perhaps after a sign or a
        // point, then only the characters numbers and dates are written with.
        let scalars = Array(text.unicodeScalars)
        let first = scalars.firstIndex { !"+-.".unicodeScalars.contains($0) } ?? scalars.count
        guard first < scalars.count, first <= 2, ("0"..."9").contains(scalars[first]) else { return false }
        let allowed = Set("0123456789_.,:+-eEoOxXabcdefABCDEFtTzZ ".unicodeScalars)
        return scalars.allSatisfy { allowed.contains($0) }
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{A0}": out += "\\_"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `|-` and the lines indented under the field; nil where a block cannot be written here. Text
    /// ending in a line break is left to double quotes: the front matter's last value loses its final
    /// line break to the closing `---`, so `|` and `|+` would not read back there.
    func literal(_ text: String) -> String? {
        guard !inFlow, !lineContinues, !text.isEmpty, !text.hasSuffix("\n") else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let indicator = lines.first(where: { !$0.isEmpty })?.first == " " ? "2" : ""
        return "|" + indicator + "-" + lines.map { "\n" + ($0.isEmpty ? "" : pad + $0) }.joined()
    }

    /// `>-` with the lines it had where the new text still starts and ends with them, and only the
    /// text between them wrapped anew.
    func folded(_ text: String, keeping old: [String]) -> String? {
        guard !old.isEmpty, !inFlow, !lineContinues, !text.contains("\n") else { return nil }
        var head = 0
        var rest = Substring(text)
        while head < old.count, rest.hasPrefix(old[head] + " ") {
            rest = rest.dropFirst(old[head].count + 1)
            head += 1
        }
        if head < old.count, rest == old[head] { return ">-" + old.map { "\n" + pad + $0 }.joined() }
        var tail = 0
        while head + tail < old.count, rest.hasSuffix(" " + old[old.count - 1 - tail]) {
            rest = rest.dropLast(old[old.count - 1 - tail].count + 1)
            tail += 1
        }
        let width = max(old.map(\.count).max() ?? 0, Self.foldWidth - pad.count)
        let middle = rest.isEmpty ? [] : wrap(String(rest), width: width)
        let lines = old.prefix(head) + middle + old.suffix(tail)
        return ">-" + lines.map { "\n" + pad + $0 }.joined()
    }

    private var pad: String { String(repeating: " ", count: indent + 2) }

    /// `>-` and the text wrapped at spaces into lines indented under the field; nil for text of
    /// several lines, which is written as a literal instead.
    func folded(_ text: String) -> String? {
        guard !inFlow, !lineContinues, !text.isEmpty, !text.contains("\n") else { return nil }
        return ">-" + wrap(text, width: max(Self.foldWidth - pad.count, 40)).map { "\n" + pad + $0 }.joined()
    }

    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += " " + word
            }
        }
        lines.append(line)
        return lines
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
