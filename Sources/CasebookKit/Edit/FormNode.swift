/// A form's values as a tree of fields, in the order `casebook new` writes them: what the editor
/// compares (old form against new) to find the few lines a save has to touch.
indirect enum FormNode: Equatable, Sendable {
    /// How a scalar must read back: as text (so `yes`, `2021` and `null` are quoted), as written
    /// (numbers, dates, years: plain, so "1,200 students" reaches the checker as typed), or as a flag.
    enum Kind: Equatable, Sendable {
        case text, asWritten, flag
    }

    case scalar(String, Kind)
    case list([FormNode])
    /// Every field the form knows, in order; a nil node is a field not given.
    case fields([FormEntry])

    var isScalar: Bool {
        if case .scalar = self { return true }
        return false
    }

    /// Whether the value reads well in brackets on one line: a scalar, or a list or set of scalars.
    var fitsOnOneLine: Bool {
        switch self {
        case .scalar: true
        case .list(let items): items.allSatisfy(\.isScalar)
        case .fields(let entries): entries.allSatisfy { $0.node?.isScalar ?? true }
        }
    }
}

struct FormEntry: Equatable, Sendable {
    var key: String
    var node: FormNode?
}

extension CaseForm {
    /// In the order of `casebook new`'s layout, where a field the file lacks is put.
    var tree: FormNode {
        .fields([
            .text("title", title), .text("summary", summary), .text("organization", organization),
            .texts("partners", partners), .text("state", state), .optionalText("place", place),
            .text("strategy", strategy), .texts("funding", funding), .optionalText("funding_note", fundingNote),
            FormEntry(key: "years", node: FormEntry.years(years)),
            .texts("tags", tags), .asWritten("date", date), .flag("featured", featured), .flag("draft", draft),
            FormEntry(key: "image", node: image.map { .fields([.text("src", $0.src), .text("alt", $0.alt)]) }),
            FormEntry(key: "metrics", node: .list(metrics.map(\.tree))),
            FormEntry(key: "evidence", node: evidence.map(\.tree)),
            FormEntry(key: "sources", node: .list(sources.map(\.tree))),
        ])
    }
}

extension MetricField {
    /// The order the site's case studies write a figure's fields in, where a field the figure lacks is put.
    var tree: FormNode {
        .fields([
            .text("key", key), .optionalText("label", label), .asWritten("value", value),
            .optionalText("qualifier", qualifier), .optionalAsWritten("upper", upper),
            .optionalAsWritten("baseline", baseline), .asWritten("as_of", asOf), .text("source", source),
            .text("url", url), .optionalText("quote", quote), .optionalText("quote_unavailable", quoteUnavailable),
            .optionalText("derived", derived), .optionalText("via", via), .optionalText("scope", scope),
            .text("certainty", certainty), .optionalText("note", note), .flag("highlight", highlight),
        ])
    }
}

extension EvidenceField {
    var tree: FormNode {
        .fields([
            .text("design", design), .optionalText("study_by", studyBy), .text("finding", finding),
            .text("caveat", caveat), .optionalText("note", note),
            // An empty list is "not given": the no-evidence design needs none, and `casebook new` writes none.
            FormEntry(key: "sources", node: sources.isEmpty ? nil : .list(sources.map(\.tree))),
        ])
    }
}

extension SourceField {
    var tree: FormNode { .fields([.text("title", title), .text("url", url)]) }
}

extension FormEntry {
    static func text(_ key: String, _ value: String) -> FormEntry { FormEntry(key: key, node: .scalar(value, .text)) }
    static func asWritten(_ key: String, _ value: String) -> FormEntry { FormEntry(key: key, node: .scalar(value, .asWritten)) }
    static func flag(_ key: String, _ value: Bool) -> FormEntry { FormEntry(key: key, node: .scalar(value ? "true" : "false", .flag)) }
    static func texts(_ key: String, _ values: [String]) -> FormEntry {
        FormEntry(key: key, node: .list(values.map { .scalar($0, .text) }))
    }
    /// An optional field: empty text is "not given".
    static func optionalText(_ key: String, _ value: String?) -> FormEntry {
        FormEntry(key: key, node: value.flatMap { $0.isEmpty ? nil : .scalar($0, .text) })
    }
    static func optionalAsWritten(_ key: String, _ value: String?) -> FormEntry {
        FormEntry(key: key, node: value.flatMap { $0.isEmpty ? nil : .scalar($0, .asWritten) })
    }
}
