/// Decodes one case study file into a `CaseStudy`, checking every field against the schema and the
/// site's vocabularies. All problems in the file are reported, not just the first.
enum CaseStudyDecoder {
    static let knownFields = ["title", "summary", "organization", "partners", "state", "place", "strategy",
                              "funding", "funding_note", "years", "tags", "date", "featured", "draft",
                              "metrics", "evidence", "sources", "image", "slug"]
    static let requiredFields = ["title", "summary", "organization", "state", "strategy", "years", "date", "metrics"]

    static func decode(text: String, path: String, config: SiteConfig) -> (CaseStudy?, [Diagnostic]) {
        let front: FrontMatter
        switch FrontMatter.split(text, file: path) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let split): front = split
        }
        let root: YAMLValue?
        switch YAMLDocument.parse(front.yaml, file: path, firstLine: front.yamlFirstLine) {
        case .failure(let diagnostics): return (nil, diagnostics)
        case .success(let node): root = node
        }
        var reader = YAMLReader(file: path, firstLine: front.yamlFirstLine)
        guard let root else {
            reader.append(.error(SourceLocation(file: path, line: 1, column: 1), "the front matter is empty",
                                 hint: "add the required fields: " + requiredFields.map { "`\($0)`" }.joined(separator: ", "), code: .frontMatterEmpty))
            return (nil, reader.diagnostics)
        }
        guard let f = reader.fields(of: root, in: "the case study", known: knownFields, required: requiredFields,
                                    hintFor: hint) else {
            return (nil, reader.diagnostics)
        }

        let slug = slug(fields: f, path: path, reader: &reader)
        let title = reader.text(f["title"], field: "title")
        let summary = reader.text(f["summary"], field: "summary")
        let organization = reader.text(f["organization"], field: "organization")
        let partners = f["partners"].flatMap { reader.textList($0, field: "partners") } ?? []
        let place = f["place"].flatMap { reader.text($0, field: "place") }
        let fundingNote = f["funding_note"].flatMap { reader.text($0, field: "funding_note") }
        let date = reader.date(f["date"], field: "date")
        let featured = f["featured"].flatMap { reader.bool($0, field: "featured") } ?? false
        let draft = f["draft"].flatMap { reader.bool($0, field: "draft") } ?? false

        var state: USState?
        if let code = reader.text(f["state"], field: "state") {
            state = USState.named(code.uppercased())
            if state == nil {
                reader.error(f["state"], "`\(code)` is not a state code", hint: USState.hint(for: code), code: .caseState)
            }
        }
        var strategy: String?
        if let key = reader.text(f["strategy"], field: "strategy") {
            if config.strategy(key) != nil {
                strategy = key
            } else {
                reader.error(f["strategy"], "unknown strategy `\(key)`",
                             hint: Suggestion.hint(for: key, in: config.strategies.map(\.key)), code: .caseStrategy)
            }
        }
        var funding: [String] = []
        if let keys = f["funding"].flatMap({ reader.textList($0, field: "funding") }) {
            for (offset, key) in keys.enumerated() {
                if config.fundingSource(key) != nil {
                    if !funding.contains(key) { funding.append(key) }
                } else {
                    reader.error(f["funding"]?.sequence?[offset] ?? f["funding"], "unknown funding source `\(key)`",
                                 hint: Suggestion.hint(for: key, in: config.funding.map(\.key)), code: .caseFunding)
                }
            }
        }
        let years = yearSpan(f["years"], reader: &reader)
        let tags = tagList(f["tags"], config: config, reader: &reader)
        ContentLimits.check(f, summary: summary, years: years, date: date, reader: &reader)
        let metrics = metricList(f["metrics"], config: config, reader: &reader)
        if let metrics, !metrics.isEmpty, metrics.count == f["metrics"]?.sequence?.count {
            let highlights = metrics.filter(\.highlight).count
            if highlights == 0 {
                reader.warning(f.keyNodes["metrics"], "no figure is marked `highlight: true`, so the page has no key findings",
                               hint: "mark the case's main reach figure, and a result if there is one, with `highlight: true`", code: .caseNoHighlight)
            } else if highlights > 4 {
                reader.warning(f.keyNodes["metrics"], "\(highlights) figures are marked `highlight: true`; key findings show the first four",
                               hint: "keep `highlight: true` on the two to four figures that best describe the case", code: .caseManyHighlights)
            }
        }
        let sources = sourceList(f["sources"], reader: &reader)
        var evidence: Evidence?
        if let node = f["evidence"] {
            if config.evidenceDesigns.isEmpty {
                reader.warning(f.keyNodes["evidence"], "this site rates no evidence, so `evidence` is ignored",
                               hint: "add `evidence_designs:` to content/site.yml to rate evidence", code: .caseEvidenceIgnored)
            } else {
                evidence = EvidenceDecoder.decode(node, config: config, reader: &reader)
            }
        } else if !config.evidenceDesigns.isEmpty {
            reader.error(root, "the case study has no `evidence` rating, which is required",
                         hint: "add `evidence:` with `design:` (from `evidence_designs:` in content/site.yml), `finding:` and `sources:`; "
                            + "use `design: \(config.evidenceDesigns.first(where: \.noEvidence)?.key ?? "none")` if no study of results was found", code: .caseEvidenceMissing)
        }
        let image = f["image"].flatMap { imageField($0, reader: &reader) }

        if !draft { TemplateLeftovers.check(front, root: root, path: path).forEach { reader.append($0) } }
        StoryAddresses.check(front, path: path).forEach { reader.append($0) }
        guard let title, let summary, let organization, let state, let strategy, let years, let date,
              let metrics, !reader.diagnostics.hasErrors else {
            return (nil, reader.diagnostics)
        }
        let study = CaseStudy(
            slug: slug ?? "", sourcePath: path, title: title, summary: summary, organization: organization,
            partners: partners, state: state, place: place, strategy: strategy, funding: funding,
            fundingNote: fundingNote, years: years, tags: tags, date: date, featured: featured, draft: draft,
            metrics: metrics, evidence: evidence, sources: sources, image: image,
            body: MarkdownSource(text: front.body, file: path, firstLine: front.bodyFirstLine), locations: f.locations)
        return (study, reader.diagnostics)
    }

    /// The page address a case file has when it sets no `slug:`: its file name without `.md`.
    static func fileSlug(_ path: String) -> String {
        String(path.split(separator: "/").last ?? "").replacingOccurrences(of: ".md", with: "")
    }

    static func slug(fields f: YAMLReader.Fields, path: String, reader: inout YAMLReader) -> String? {
        if let given = f["slug"] {
            guard let slug = reader.text(given, field: "slug") else { return nil }
            guard Slug.isValid(slug) else {
                reader.error(given, "the slug `\(slug)` may only use lower-case letters, digits and hyphens",
                             hint: "for example: slug: \(Slug.make(from: slug))", code: .caseSlug)
                return nil
            }
            return slug
        }
        let name = fileSlug(path)
        guard Slug.isValid(name) else {
            reader.append(.error(SourceLocation(file: path, line: 1, column: 1),
                                 "the file name `\(name).md` cannot be used as a page address",
                                 hint: "rename the file to `\(Slug.make(from: name)).md` (lower-case letters, digits and hyphens), or set `slug:`", code: .caseFileName))
            return nil
        }
        return name
    }

    private static func yearSpan(_ node: YAMLValue?, reader: inout YAMLReader) -> YearSpan? {
        guard let node else { return nil }
        if node.scalar != nil, let year = reader.integer(node, field: "years", range: 1900...2200) {
            return YearSpan(start: year, end: year)
        }
        guard node.scalar == nil,
              let f = reader.fields(of: node, in: "`years`", known: ["start", "end"], required: ["start"],
                                    hintFor: { _ in "write years as {start: 2021, end: 2024}; leave out end while the program runs" })
        else { return nil }
        guard let start = reader.integer(f["start"], field: "start", range: 1900...2200) else { return nil }
        let end = f["end"].flatMap { reader.integer($0, field: "end", range: 1900...2200) }
        if let end, end < start {
            reader.error(f["end"], "the program cannot end (\(end)) before it starts (\(start))",
                         hint: "check the two years; leave out `end` while the program is still running", code: .caseYears)
            return nil
        }
        return YearSpan(start: start, end: end)
    }

    private static func tagList(_ node: YAMLValue?, config: SiteConfig, reader: inout YAMLReader) -> [String] {
        guard let node, let raw = reader.textList(node, field: "tags") else { return [] }
        var tags: [String] = []
        var seen = Set<String>()
        for (offset, tag) in raw.enumerated() {
            let slug = Slug.make(from: tag)
            if slug.isEmpty {
                reader.error(node.sequence?[offset] ?? node, "the tag `\(tag)` has no letters or digits",
                             hint: "write tags as words, such as `math` or `high-school`", code: .caseTagEmpty)
            } else if seen.insert(slug).inserted {
                tags.append(slug)
                if !config.tags.isEmpty, !config.tags.contains(where: { $0.key == slug }) {
                    reader.warning(node.sequence?[offset] ?? node, "the tag `\(slug)` is not in the tag list of content/site.yml",
                                   hint: Suggestion.hint(for: slug, in: config.tags.map(\.key), listing: false)
                                    ?? "add it under `tags:` in content/site.yml with the label readers should see", code: .caseTagUnlisted)
                }
            }
        }
        return tags
    }

    private static func metricList(_ node: YAMLValue?, config: SiteConfig, reader: inout YAMLReader) -> [Metric]? {
        guard let items = reader.list(node, field: "metrics") else { return nil }
        if items.isEmpty {
            reader.error(node, "a case study needs at least one metric", hint: "add a figure with its source under `metrics:`", code: .caseNoMetrics)
            return nil
        }
        return items.compactMap { MetricDecoder.decode($0, kind: .caseMetric, config: config, reader: &reader) }
    }

    /// A list of `{title, url}` sources: a case's further reading, or the studies behind its evidence.
    static func sourceList(_ node: YAMLValue?, reader: inout YAMLReader) -> [SourceLink] {
        guard let items = reader.list(node, field: "sources") else { return [] }
        return items.compactMap { item in
            guard let f = reader.fields(of: item, in: "this source", known: ["title", "url"], required: ["title", "url"]),
                  let title = reader.text(f["title"], field: "title"), let url = reader.url(f["url"], field: "url") else { return nil }
            return SourceLink(title: title, url: url, locations: f.locations)
        }
    }

    private static func imageField(_ node: YAMLValue, reader: inout YAMLReader) -> Image? {
        guard let f = reader.fields(of: node, in: "`image`", known: ["src", "alt"], required: ["src"]),
              let src = reader.text(f["src"], field: "src") else { return nil }
        let alt = f["alt"].flatMap { reader.text($0, field: "alt") } ?? ""
        if alt.isEmpty {
            reader.warning(node, "the image has no `alt` text", hint: "describe the picture for people who cannot see it: `alt: …`", code: .caseImageAlt)
        }
        return Image(source: src, alt: alt, locations: f.locations)
    }

    private static func hint(_ field: String) -> String? {
        switch field {
        case "title": "add `title: Name of the program`"
        case "summary": "add `summary:` with one sentence for cards and feeds"
        case "organization": "add `organization:` with who runs the program"
        case "state": "add `state:` with a two-letter code such as NJ, or US for national programs"
        case "strategy": "add `strategy:` with a key from `strategies:` in content/site.yml, such as tutoring"
        case "years": "add `years: {start: 2021}` (and `end:` once the program has ended)"
        case "date": "add `date:` with the date of the newest fact, e.g. 2025-11-19"
        case "metrics": "add at least one metric with its value and source under `metrics:`"
        default: nil
        }
    }
}

import Foundation
