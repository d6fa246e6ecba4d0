/// Reads typed values out of a `YAMLValue`, collecting a diagnostic for each value of the wrong type
/// instead of stopping at the first. Every value carries its file line and column.
struct YAMLReader {
    let file: String
    /// File line of the YAML text's first line.
    let firstLine: Int
    private(set) var diagnostics: [Diagnostic] = []
    private var checkedURLs: [String: URLCheck.Outcome] = [:]

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }

    func location(_ node: YAMLValue?) -> SourceLocation {
        node?.location ?? SourceLocation(file: file, line: max(1, firstLine - 1), column: 1)
    }

    /// Every error carries a hint; where the caller has none to give, the hint says where the field is described.
    mutating func error(_ node: YAMLValue?, _ message: String, hint: String? = nil, code: DiagnosticCode = .fieldInvalid) {
        diagnostics.append(.error(location(node), message,
                                  hint: hint ?? "see docs/content-format.md for what this field accepts, with examples", code: code))
    }

    mutating func warning(_ node: YAMLValue?, _ message: String, hint: String? = nil, code: DiagnosticCode = .fieldInvalid) {
        diagnostics.append(.warning(location(node), message, hint: hint, code: code))
    }

    mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    // MARK: Mappings

    /// The fields of a mapping, checked against the known and required keys of a schema.
    mutating func fields(of node: YAMLValue, in what: String, known: [String], required: [String],
                         missingAt: YAMLValue? = nil, hintFor: (String) -> String? = { _ in nil }) -> Fields? {
        guard let mapping = node.mapping else {
            error(node, "\(what) should be a set of `name: value` fields, but this is \(node.kind)",
                  hint: "write one `name: value` field per line, indented under the line that names it", code: .fieldWrongType)
            return nil
        }
        var values: [String: YAMLValue] = [:]
        var keyNodes: [String: YAMLValue] = [:]
        for pair in mapping {
            let keyNode = pair.key, value = pair.value
            guard let key = keyNode.scalar else {
                error(keyNode, "a field name must be plain text",
                      hint: "write the field's name as a plain word followed by a colon, e.g. `title:`", code: .fieldWrongType)
                continue
            }
            if known.contains(key) {
                values[key] = value
                keyNodes[key] = keyNode
            } else {
                warning(keyNode, "unknown field `\(key)` in \(what)",
                        hint: Suggestion.hint(for: key, in: known, listing: false) ?? "known fields: " + known.map { "`\($0)`" }.joined(separator: ", "), code: .fieldUnknown)
            }
        }
        for key in required where values[key] == nil || Self.isNull(values[key]!) {
            if let present = values[key] {
                error(present, "`\(key)` is empty in \(what)", hint: hintFor(key), code: .fieldEmpty)
            } else {
                error(missingAt ?? node, "\(what) has no `\(key)`, which is required", hint: hintFor(key), code: .fieldMissing)
            }
        }
        return Fields(values: values.filter { !Self.isNull($0.value) }, keyNodes: keyNodes, location: node.location)
    }

    struct Fields {
        var values: [String: YAMLValue]
        var keyNodes: [String: YAMLValue]
        /// Where the set of fields starts.
        var location: SourceLocation
        subscript(key: String) -> YAMLValue? { values[key] }

        /// Where each field's value is written, for the decoded model to keep.
        var locations: FieldLocations {
            FieldLocations(start: location, fields: values.mapValues(\.location))
        }
    }

    // MARK: Scalars

    mutating func text(_ node: YAMLValue?, field: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar, _) = node.content else {
            error(node, "`\(field)` should be text, but this is \(node.kind)",
                  hint: node.sequence != nil ? "write a single value, not a list" : "write the value on the same line as `\(field):`", code: .fieldWrongType)
            return nil
        }
        let value = Self.trimmed(scalar)
        if value.isEmpty {
            error(node, "`\(field)` is empty", hint: "write a value after `\(field):`, or remove the line if the field is optional", code: .fieldEmpty)
            return nil
        }
        // Escapes in quoted YAML ("\e", "\0", "\x1b") can make characters the file itself may not hold;
        // they would break feed.xml and the pages.
        if let bad = value.unicodeScalars.first(where: Self.isUnpublishable) {
            error(node, "`\(field)` contains the control character U+\(String(format: "%04X", bad.value)), which cannot be published",
                  hint: "remove the escape (such as \\e, \\0 or \\x1b) from the quoted value; only tabs and line breaks are allowed", code: .fieldControlCharacter)
            return nil
        }
        if let bidi = BidiControls.problem(in: value, field: field, at: node) {
            append(bidi)
            return nil
        }
        return value
    }

    mutating func number(_ node: YAMLValue?, field: String) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let scalar, let style) = node.content else {
            error(node, "`\(field)` should be a number, but this is \(node.kind)",
                  hint: "write one number on the same line as `\(field):`, e.g. `\(field): 2000`", code: .fieldNotNumber)
            return nil
        }
        // Most figures have no surrounding spaces and no underscores: skip Foundation for them.
        let raw = Self.hasPlainEnds(scalar) ? scalar : scalar.trimmingCharacters(in: .whitespaces)
        let unseparated = raw.utf8.contains(UInt8(ascii: "_")) ? raw.replacingOccurrences(of: "_", with: "") : raw
        let lowered = raw.lowercased()
        if [".inf", "+.inf", "-.inf", ".nan", "inf", "nan", "infinity", "-infinity"].contains(lowered) {
            error(node, "`\(field)` must be a finite number, not `\(raw)`", hint: "write the figure as published, e.g. 2000", code: .fieldNotNumber)
            return nil
        }
        if style != .plain, Double(raw) != nil {
            error(node, "`\(field)` is written in quotes, so it is text, not a number",
                  hint: "remove the quotes: \(field): \(raw)", code: .fieldNotNumber)
            return nil
        }
        // Swift's Double() also reads hexadecimal (`0x1F` as 31) and other forms no author means.
        if Double(unseparated) != nil, !Self.isDecimal(raw) {
            error(node, "`\(field)` must be written in decimal digits, not `\(raw)`",
                  hint: "write the figure as published, such as 2000, 0.36 or 2.4e6", code: .fieldNotNumber)
            return nil
        }
        guard let value = Double(unseparated) else {
            error(node, "`\(field)` should be a number, but `\(raw)` is text", hint: Self.numberHint(raw), code: .fieldNotNumber)
            return nil
        }
        guard value.isFinite else {
            error(node, "`\(field)` must be a finite number; `\(raw)` is too large", hint: "write the figure as published", code: .fieldNotNumber)
            return nil
        }
        return value
    }

    mutating func integer(_ node: YAMLValue?, field: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node, let value = number(node, field: field) else { return nil }
        guard value == value.rounded(), let int = Int(exactly: value) else {
            error(node, "`\(field)` should be a whole number", hint: "write it without a decimal point, e.g. `\(field): \(value.rounded(.down).plain)`", code: .fieldNotNumber)
            return nil
        }
        if let range, !range.contains(int) {
            error(node, "`\(field)` should be between \(range.lowerBound) and \(range.upperBound), not \(int)",
                  hint: "check the number of digits", code: .fieldNotNumber)
            return nil
        }
        return int
    }

    mutating func bool(_ node: YAMLValue?, field: String) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(node, "`\(field)` should be `true` or `false`", hint: "write `\(field): true` or `\(field): false`, without quotes", code: .fieldNotChoice)
            return nil
        }
    }

    mutating func date(_ node: YAMLValue?, field: String) -> DayDate? {
        guard let raw = text(node, field: field) else { return nil }
        guard let date = DayDate(iso: raw) else {
            error(node, "`\(field)` should be a date written as YYYY-MM-DD, not `\(raw)`", hint: "for example: \(field): 2025-11-19", code: .fieldInvalid)
            return nil
        }
        return date
    }

    mutating func asOf(_ node: YAMLValue?, field: String) -> AsOf? {
        guard let raw = text(node, field: field) else { return nil }
        guard let value = AsOf(raw) else {
            error(node, "`\(field)` should be a year (2021), a school year (2022-23), a month (2021-09) or a date (2021-09-30), not `\(raw)`",
                  hint: "write when the figure was true in one of those forms, e.g. `\(field): 2022-23`", code: .fieldInvalid)
            return nil
        }
        return value
    }

    /// A list of texts; a single value is accepted as a list of one.
    mutating func textList(_ node: YAMLValue?, field: String) -> [String]? {
        guard let node else { return nil }
        if node.scalar != nil { return text(node, field: field).map { [$0] } }
        guard let sequence = node.sequence else {
            error(node, "`\(field)` should be a list, but this is \(node.kind)",
                  hint: "write it as [first, second] or as lines starting with `- `", code: .fieldWrongType)
            return nil
        }
        return sequence.compactMap { text($0, field: field) }
    }

    /// The items of a list (for lists of mappings such as metrics).
    mutating func list(_ node: YAMLValue?, field: String) -> [YAMLValue]? {
        guard let node else { return nil }
        guard let sequence = node.sequence else {
            error(node, "`\(field)` should be a list, but this is \(node.kind)",
                  hint: "start each item on its own line with `- `", code: .fieldWrongType)
            return nil
        }
        return Array(sequence)
    }

    /// One of a fixed set of words.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLValue?, field: String, as: T.Type) -> T? where T.RawValue == String {
        guard let raw = text(node, field: field) else { return nil }
        if let value = T(rawValue: raw) ?? T(rawValue: raw.lowercased()) { return value }
        let choices = T.allCases.map(\.rawValue)
        error(node, "`\(raw)` is not a valid `\(field)`", hint: Suggestion.hint(for: raw, in: choices), code: .fieldNotChoice)
        return nil
    }

    /// A web address that readers can follow: http or https, with a host. `javascript:` and `data:`
    /// addresses are refused because they would run or embed content instead of linking to a source.
    mutating func url(_ node: YAMLValue?, field: String) -> String? {
        guard let raw = text(node, field: field) else { return nil }
        // A file names the same few sources many times: check each address once.
        let outcome = checkedURLs[raw] ?? URLCheck.check(raw)
        checkedURLs[raw] = outcome
        switch outcome {
        case .ok: return raw
        case .problem(let message, let hint):
            error(node, "`\(field)` \(message)", hint: hint, code: .fieldAddress)
            return nil
        }
    }

    // MARK: Helpers

    /// The text without surrounding whitespace; most values have none, and are returned untouched
    /// without going through Foundation.
    static func trimmed(_ text: String) -> String {
        hasPlainEnds(text) ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the text starts and ends with a visible ASCII character (or is empty), so that trimming
    /// whitespace would leave it as it is.
    static func hasPlainEnds(_ text: String) -> Bool {
        func plain(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x80 } ?? true }
        return plain(text.utf8.first) && plain(text.utf8.last)
    }

    /// `2000`, `-3`, `0.36`, `.5`, `2_000`, `2.4e6`: digits, one optional point, an optional exponent.
    static func isDecimal(_ raw: String) -> Bool {
        var bytes = Array(raw.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits(_ allowUnderscore: Bool) -> Int {
            let run = bytes.prefix { (0x30...0x39).contains($0) || (allowUnderscore && $0 == UInt8(ascii: "_")) }
            bytes = bytes.dropFirst(run.count)
            return run.filter { $0 != UInt8(ascii: "_") }.count
        }
        var count = digits(true)
        if bytes.first == UInt8(ascii: ".") { bytes = bytes.dropFirst(); count += digits(false) }
        guard count > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits(false) > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// C0 control characters other than tab and newline, and the two non-characters XML forbids.
    static func isUnpublishable(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    static func isNull(_ node: YAMLValue) -> Bool {
        guard case .scalar(let text, .plain) = node.content else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    private static func numberHint(_ raw: String) -> String {
        let digits = raw.filter { $0.isNumber || $0 == "." }
        if raw.contains(","), Double(raw.replacingOccurrences(of: ",", with: "")) != nil {
            return "write it without commas: \(raw.replacingOccurrences(of: ",", with: ""))"
        }
        if raw.contains("$") || raw.contains("%") || raw.lowercased().contains("million") || raw.lowercased().contains("billion") {
            return "write only the number (e.g. 2400000 for $2.4 million, 40 for 40%); the unit comes from the metric's key"
        }
        if raw.hasPrefix("~") || raw.hasPrefix(">") || raw.hasPrefix("<") || raw.hasSuffix("+") {
            return "write only the number and say `qualifier: about`, `more_than` or `under` on its own line"
        }
        return digits.isEmpty ? "write a plain number such as 2000 or 0.36" : "write a plain number such as \(digits)"
    }
}

import Foundation
