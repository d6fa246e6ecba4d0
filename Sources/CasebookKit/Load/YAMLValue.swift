/// A YAML value as a front matter or a `.yml` file writes it, with where it is written: the small
/// tree the decoders read. `YAMLDocument.parse` makes it in one pass over libyaml's events.
struct YAMLValue: Sendable {
    /// How a scalar is written. Only plain scalars can be numbers, booleans or null; quoted ones are text.
    enum Style: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
        /// libyaml's "any style", which it never reports for a parsed scalar.
        case any
    }

    struct Pair: Sendable {
        /// The key as written, with its own position (where a field name is reported).
        var key: YAMLValue
        var value: YAMLValue
    }

    enum Content: Sendable {
        case scalar(String, Style)
        /// The pairs in file order.
        case mapping([Pair])
        case sequence([YAMLValue])
    }

    var content: Content
    /// Where the value starts in the file.
    var location: SourceLocation
    /// The bytes of the YAML text the value is written in, from its first character to just after its
    /// last (a quoted scalar's closing quote, a flow collection's bracket; a block scalar's span runs
    /// over its trailing line breaks). Empty for values made by hand. The editor splices new values in here.
    var span: Range<Int> = 0..<0
    /// A list or set of fields written in brackets or braces (`[a, b]`, `{start: 2021}`).
    var isFlow = false

    var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    var style: Style? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }

    var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    var sequence: [YAMLValue]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// What the value is, in the words of messages.
    var kind: String {
        switch content {
        case .scalar: "a single value"
        case .mapping: "a set of fields"
        case .sequence: "a list"
        }
    }
}
