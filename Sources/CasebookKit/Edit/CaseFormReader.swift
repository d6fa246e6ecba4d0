/// Reads a front matter's YAML into the form, leniently: whatever is not what the schema expects is
/// read as empty (the checker says what is wrong with it, at its place), and every item of a list
/// becomes one item of the form's list, so the form's lists line up with the file's.
enum CaseFormReader {
    static func read(_ root: YAMLValue?, story: String) -> CaseForm {
        let f = Fields(root)
        var form = CaseForm(story: story)
        form.title = f.text("title")
        form.summary = f.text("summary")
        form.organization = f.text("organization")
        form.partners = f.texts("partners")
        form.state = f.text("state")
        form.place = f.optionalText("place")
        form.strategy = f.text("strategy")
        form.funding = f.texts("funding")
        form.fundingNote = f.optionalText("funding_note")
        let years = Fields(f["years"])
        form.years = CaseForm.Years(start: years.text("start"), end: years.optionalText("end"))
        form.tags = f.texts("tags")
        form.date = f.text("date")
        form.featured = f.flag("featured")
        form.draft = f.flag("draft")
        if let node = f["image"] {
            let image = Fields(node)
            form.image = ImageField(src: image.text("src"), alt: image.text("alt"))
        }
        form.metrics = f.items("metrics").map(metric)
        if let node = f["evidence"] {
            let e = Fields(node)
            form.evidence = EvidenceField(design: e.text("design"), studyBy: e.optionalText("study_by"),
                                          finding: e.text("finding"), caveat: e.text("caveat"),
                                          note: e.optionalText("note"), sources: e.items("sources").map(source))
        }
        form.sources = f.items("sources").map(source)
        return form
    }

    private static func metric(_ node: YAMLValue) -> MetricField {
        let m = Fields(node)
        return MetricField(key: m.text("key"), label: m.text("label"), value: m.text("value"),
                           qualifier: m.optionalText("qualifier"), upper: m.optionalText("upper"),
                           baseline: m.optionalText("baseline"), asOf: m.text("as_of"), source: m.text("source"),
                           url: m.text("url"), certainty: m.text("certainty"), note: m.optionalText("note"),
                           highlight: m.flag("highlight"), quote: m.optionalText("quote"),
                           quoteUnavailable: m.optionalText("quote_unavailable"), derived: m.optionalText("derived"),
                           scope: m.optionalText("scope"), via: m.optionalText("via"))
    }

    private static func source(_ node: YAMLValue) -> SourceField {
        let s = Fields(node)
        return SourceField(title: s.text("title"), url: s.text("url"))
    }

    /// The fields of a mapping by name (the first of a name written twice; the parser refuses those anyway).
    struct Fields {
        private var values: [String: YAMLValue] = [:]

        init(_ node: YAMLValue?) {
            for pair in node?.mapping ?? [] {
                if let key = pair.key.scalar, values[key] == nil { values[key] = pair.value }
            }
        }

        subscript(key: String) -> YAMLValue? {
            guard let node = values[key], !FormYAML.isNull(node) else { return nil }
            return node
        }

        func text(_ key: String) -> String { self[key]?.scalar ?? "" }

        func optionalText(_ key: String) -> String? { self[key]?.scalar }

        func flag(_ key: String) -> Bool {
            switch self[key]?.scalar?.lowercased() {
            case "true", "yes", "on": true
            default: false
            }
        }

        /// A list of text; an item that is not text reads as empty text, keeping its place.
        func texts(_ key: String) -> [String] { items(key).map { $0.scalar ?? "" } }

        func items(_ key: String) -> [YAMLValue] { self[key]?.sequence ?? [] }
    }
}

/// What YAML's plain scalars mean, as far as the editor needs to know.
enum FormYAML {
    /// `field:` with nothing after it, `~` or `null`: no value.
    static func isNull(_ node: YAMLValue) -> Bool {
        guard case .scalar(let text, .plain) = node.content else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }
}
