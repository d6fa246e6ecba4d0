/// Decodes a case study's `evidence:` block against the `evidence_designs` vocabulary. A rating is
/// only as strong as its source: every design except the one that means "no outcome evidence found"
/// must name who ran the study and at least one source.
enum EvidenceDecoder {
    static let studyFields = ["design", "study_by", "finding", "caveat", "note", "sources"]

    /// Designs ranked above this one (stronger) claim more than a before-and-after comparison can show,
    /// so they need an independent study, or the named study itself among their sources.
    static let strongestWithoutAStudy = "before-after"

    static func decode(_ node: YAMLValue, config: SiteConfig, reader: inout YAMLReader) -> Evidence? {
        guard let f = reader.fields(of: node, in: "`evidence`", known: studyFields + ["elsewhere"],
                                    required: ["design", "finding", "caveat"], hintFor: hint) else { return nil }
        let study = study(f, node: node, config: config, reader: &reader)
        var elsewhere: [EvidenceStudy] = []
        if let items = reader.list(f["elsewhere"], field: "elsewhere") {
            for item in items {
                guard let g = reader.fields(of: item, in: "this study of the model elsewhere", known: studyFields,
                                            required: ["design", "finding", "caveat", "sources"], hintFor: hint) else { continue }
                if let other = self.study(g, node: item, config: config, reader: &reader) {
                    if config.evidenceDesign(other.design)?.noEvidence == true {
                        reader.error(g["design"], "a study listed under `elsewhere` cannot be `\(other.design)`",
                                     hint: "list only studies that exist; leave `elsewhere` out when there are none", code: .evidenceStudy)
                    } else {
                        elsewhere.append(other)
                    }
                }
            }
        }
        return study.map { Evidence(study: $0, elsewhere: elsewhere) }
    }

    private static func study(_ f: YAMLReader.Fields, node: YAMLValue, config: SiteConfig, reader: inout YAMLReader) -> EvidenceStudy? {
        var design: EvidenceDesign?
        if let key = reader.text(f["design"], field: "design") {
            design = config.evidenceDesign(key)
            if design == nil {
                reader.error(f["design"], "unknown evidence design `\(key)`",
                             hint: Suggestion.hint(for: key, in: config.evidenceDesigns.map(\.key)), code: .evidenceDesign)
            }
        }
        let studyBy = f["study_by"].flatMap { reader.choice($0, field: "study_by", as: StudyAuthorship.self) }
        let finding = reader.text(f["finding"], field: "finding")
        let caveat = reader.text(f["caveat"], field: "caveat")
        let note = f["note"].flatMap { reader.text($0, field: "note") }
        let sources = CaseStudyDecoder.sourceList(f["sources"], reader: &reader)
        guard let design else { return nil }
        if design.noEvidence {
            if let given = f["study_by"] {
                reader.error(given, "`study_by` says who ran a study, but the design `\(design.key)` means none was found",
                             hint: "remove `study_by`, or choose the design of the study that was found", code: .evidenceStudy)
            }
        } else {
            if f["sources"] == nil || (sources.isEmpty && !reader.diagnostics.hasErrors) {
                reader.error(f["sources"] ?? f["design"],
                             "the evidence design `\(design.key)` needs a source: a rating is only as strong as what backs it",
                             hint: "add `sources:` with the study or report (`- title: …` and `url: https://…`), or use `design: \(config.evidenceDesigns.first(where: \.noEvidence)?.key ?? "none")` if nothing was found", code: .evidenceNoSource)
            }
            if f["study_by"] == nil {
                reader.error(f["design"], "say who ran the study behind `\(design.key)`",
                             hint: "add `study_by: own` (the program, its funder or its vendor) or `study_by: independent`", code: .evidenceStudy)
            }
            if let floor = config.evidenceDesign(strongestWithoutAStudy), design.rank < floor.rank,
               studyBy == .own, !sources.isEmpty, !sources.contains(where: { namesAStudy($0.title) }) {
                reader.error(f["design"], "the rating `\(design.key)` is above `\(floor.key)`, but it rests on the program's own account and no study is among its sources",
                             hint: "list the study or report itself under `sources:` (its title naming it, e.g. `- title: MDRC, interim report (2025)`), "
                                + "or rate what the sources show: `design: \(floor.key)` or lower")
            }
        }
        guard let finding, let caveat else { return nil }
        return EvidenceStudy(design: design.key, studyBy: studyBy, finding: finding, caveat: caveat, note: note,
                             sources: sources, locations: f.locations)
    }

    /// Whether a source's title names a study or report, rather than an article or a program's page.
    static func namesAStudy(_ title: String) -> Bool {
        let words = title.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        return words.contains { studyWords.contains($0) }
    }

    private static let studyWords: Set<String> = [
        "study", "studies", "report", "evaluation", "analysis", "trial", "research", "efficacy", "findings",
        "paper", "journal", "review",
    ]

    private static func hint(_ field: String) -> String? {
        switch field {
        case "design": "add `design:` with a key from `evidence_designs:` in content/site.yml, such as before-after or none"
        case "finding": "add `finding:` with one or two plain sentences: what was measured, what was found, and its limits"
        case "sources": "add `sources:` with the study or report (`- title: …` and `url: https://…`)"
        case "caveat": "add `caveat:` with one line saying what the study cannot show, e.g. `caveat: Pooled across eight districts: no result for Chicago alone has been published.`"
        default: nil
        }
    }
}
