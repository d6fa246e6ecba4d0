/// The layout of a new case-study file, shared by `casebook new case-study` (with placeholder values)
/// and the editor's "New case study" form (with the values typed): every field in the documented
/// order, with the comments that explain it.
struct CaseFileLayout {
    let config: SiteConfig

    /// The column the explaining comments line up at.
    static let commentColumn = 34

    func text(_ form: CaseForm) -> String {
        let strategies = config.strategies.map(\.key).joined(separator: ", ")
        let funding = config.funding.map(\.key).joined(separator: ", ")
        let metricKeys = config.metrics.prefix(8).map(\.key).joined(separator: ", ")
        let top = ScalarWriter(indent: 0)
        var lines = [
            "---",
            "# A new case study. Every field is explained in docs/content-format.md.",
            "# Fill in each value marked as a placeholder (and `value`), then set `draft: false` to publish it.",
            "title: " + ScalarWriter.doubleQuoted(form.title),
            "summary: " + top.write(form.summary, kind: .text),
            "organization: " + top.write(form.organization, kind: .text),
            Self.commented("partners: " + flow(form.partners), "e.g. [A university, A foundation]"),
            // The spacing after `state`, `strategy` and `design` is the template's own, whatever the value's length.
            "state: " + top.write(form.state, kind: .text) + "                         # USPS code, or US for national programs",
        ]
        if let place = form.place, !place.isEmpty { lines.append("place: " + top.write(place, kind: .text)) }
        lines.append("strategy: " + top.write(form.strategy, kind: .text) + "               # one of: \(strategies)")
        lines.append(Self.commented("funding: " + flow(form.funding), "any of: \(funding)"))
        if let note = form.fundingNote, !note.isEmpty { lines.append("funding_note: " + top.write(note, kind: .text)) }
        lines.append(Self.commented("years: " + FormNodeWriter.flow(FormEntry.years(form.years)), "add `end: 2024` once the program has ended"))
        lines.append(Self.commented("tags: " + flow(form.tags), "lower-case topics, e.g. [math, elementary]"))
        lines.append(Self.commented("date: " + top.write(form.date, kind: .asWritten), "the date of the newest fact below"))
        if form.featured { lines.append("featured: true") }
        lines.append("draft: " + (form.draft ? "true" : "false"))
        if let image = form.image { lines.append("image:" + FormNodeWriter.render(.fields([.text("src", image.src), .text("alt", image.alt)]), indent: 0)) }
        lines.append(Self.commented("metrics:", "keys: \(metricKeys), …"))
        for (index, metric) in form.metrics.enumerated() { lines += metricLines(metric, explained: index == 0) }
        if let evidence = form.evidence {
            lines += evidenceLines(evidence)
        } else if config.evidenceDesigns.isEmpty {
            lines.append("")  // where `casebook new` leaves the evidence block out on a site that rates none
        }
        if form.sources.isEmpty {
            lines.append(Self.commented("sources: []", "further reading: - {title: …, url: https://…}"))
        } else {
            lines.append("sources:" + FormNodeWriter.render(.list(form.sources.map(\.tree)), indent: 0))
        }
        lines.append("---")
        let story = form.story.replacingOccurrences(of: "\r\n", with: "\n")
        return lines.joined(separator: "\n") + "\n" + story + (story.isEmpty || story.hasSuffix("\n") ? "" : "\n")
    }

    /// The fields of a front matter with no layout to keep (a file whose front matter is not a set of fields).
    static func fieldLines(_ tree: FormNode) -> String {
        guard case .fields(let entries) = tree else { return "" }
        return entries.compactMap { entry in entry.node.map { entry.key + ":" + FormNodeWriter.render($0, indent: 0) + "\n" } }.joined()
    }

    private func flow(_ items: [String]) -> String { FormNodeWriter.flow(.list(items.map { .scalar($0, .text) })) }

    private func metricLines(_ metric: MetricField, explained: Bool) -> [String] {
        let comments = explained ? [
            "value": "the number as published, without commas",
            "as_of": "2021, 2022-23, 2021-09 or 2021-09-30",
            "certainty": "high | medium | low",
            "highlight": "a key finding: the main reach figure, and a result if there is one",
        ] : [:]
        guard case .fields(let entries) = metric.tree else { return [] }
        var lines: [String] = []
        for entry in entries.sorted(by: { Self.metricOrder.firstIndex(of: $0.key) ?? 99 < Self.metricOrder.firstIndex(of: $1.key) ?? 99 }) {
            guard let node = entry.node else { continue }
            // `highlight: false` is the default: written only when set.
            if entry.key == "highlight", !metric.highlight { continue }
            let line = (lines.isEmpty ? "  - " : "    ") + entry.key + ":" + FormNodeWriter.render(node, indent: 4)
            lines.append(comments[entry.key].map { Self.commented(line, $0) } ?? line)
        }
        return lines
    }

    /// The order `casebook new` writes a figure's fields in: the sourcing first, then how sure and how shown.
    static let metricOrder = ["key", "label", "value", "qualifier", "upper", "baseline", "as_of", "source", "url",
                              "certainty", "note", "highlight", "quote", "quote_unavailable", "derived", "via", "scope"]

    private func evidenceLines(_ evidence: EvidenceField) -> [String] {
        let designs = config.evidenceDesigns.map(\.key).joined(separator: ", ")
        let none = config.evidenceDesigns.first(where: \.noEvidence)?.key ?? config.evidenceDesigns.last?.key ?? "none"
        let inner = ScalarWriter(indent: 2)
        var lines = [
            Self.commented("evidence:", "how strong the proof is that the program worked (not how sure a figure is)"),
            "  design: " + inner.write(evidence.design, kind: .text) + "                    # strongest first: \(designs)",
        ]
        if let studyBy = evidence.studyBy, !studyBy.isEmpty { lines.append("  study_by: " + inner.write(studyBy, kind: .text)) }
        lines.append("  finding:" + FormNodeWriter.render(.scalar(evidence.finding, .text), indent: 2))
        lines.append("  caveat:" + FormNodeWriter.render(.scalar(evidence.caveat, .text), indent: 2))
        if let note = evidence.note, !note.isEmpty { lines.append("  note:" + FormNodeWriter.render(.scalar(note, .text), indent: 2)) }
        if evidence.studyBy?.isEmpty ?? true {
            lines.append("  # study_by: own                 # own (the program, its funder or vendor) or independent; needed unless design is \(none)")
        }
        if evidence.sources.isEmpty {
            lines.append("  # sources:                      # the study or report; needed unless design is \(none)")
            lines.append("  #   - {title: …, url: https://…}")
        } else {
            lines.append("  sources:" + FormNodeWriter.render(.list(evidence.sources.map(\.tree)), indent: 2))
        }
        return lines
    }

    /// A line with its explaining comment, lined up with the others.
    static func commented(_ line: String, _ comment: String) -> String {
        line + String(repeating: " ", count: max(1, commentColumn - line.count)) + "# " + comment
    }
}

extension FormEntry {
    static func years(_ years: CaseForm.Years) -> FormNode {
        .fields([.asWritten("start", years.start), .optionalAsWritten("end", years.end)])
    }
}
