/// The invisible characters that change the direction text is shown in: embeddings and overrides
/// (U+202A–202E), isolates (U+2066–2069), the left-to-right and right-to-left marks (U+200E, U+200F)
/// and the Arabic letter mark (U+061C). In a title, a right-to-left override makes the text read
/// differently from what the file says; in an address it hides where a link goes. Addresses already
/// refuse them (`URLCheck`); every other text field refuses them here.
enum BidiControls {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    static func name(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x202A: "left-to-right embedding"
        case 0x202B: "right-to-left embedding"
        case 0x202C: "pop directional formatting"
        case 0x202D: "left-to-right override"
        case 0x202E: "right-to-left override"
        case 0x2066: "left-to-right isolate"
        case 0x2067: "right-to-left isolate"
        case 0x2068: "first strong isolate"
        case 0x2069: "pop directional isolate"
        case 0x200E: "left-to-right mark"
        case 0x200F: "right-to-left mark"
        default: "Arabic letter mark"
        }
    }

    /// The first such character in a field's value, as an error where it stands: the value's own
    /// position moved on by the characters before it when the value is written on one line, plain or
    /// quoted (the position of a block value's start otherwise), and the text before it in the message.
    static func problem(in value: String, field: String, at node: YAMLValue) -> Diagnostic? {
        guard let index = value.unicodeScalars.firstIndex(where: isControl) else { return nil }
        let bad = value.unicodeScalars[index]
        let before = value.unicodeScalars[..<index]
        var location = node.location
        if case .scalar(_, let style) = node.content, !before.contains("\n") {
            switch style {
            case .plain: location.column += before.count
            case .singleQuoted, .doubleQuoted: location.column += 1 + before.count
            default: break
            }
        }
        let shown = before.isEmpty ? "at its start" : "after `\(String(Substring(before.suffix(20))))`"
        return .error(location, "`\(field)` contains the invisible character U+\(String(bad.value, radix: 16, uppercase: true)) (\(name(bad))) \(shown), which would change the direction the text is shown in",
                      hint: "delete it: retype the text around it, or paste it as plain text; direction marks are not needed for English text")
    }
}
