/// Decodes `content/site.yml` into a `SiteConfig`, reporting every problem.
enum SiteConfigDecoder {
    static let file = "content/site.yml"

    static func decode(_ text: String) -> (SiteConfig?, [Diagnostic]) {
        let node: YAMLValue?
        switch YAMLDocument.parse(text, file: file, firstLine: 1) {
        case .failure(let diagnostics): return (nil, diagnostics)
        case .success(let parsed): node = parsed
        }
        var reader = YAMLReader(file: file, firstLine: 1)
        guard let node else {
            reader.error(nil, "site.yml is empty", hint: "see docs/content-format.md for the fields it needs", code: .siteEmpty)
            return (nil, reader.diagnostics)
        }
        let known = ["title", "tagline", "description", "base_url", "language", "author", "strategies", "funding", "metrics",
                     "metric_groups", "evidence_designs", "contact", "tags", "roles", "paging", "images", "licence"]
        guard let fields = reader.fields(of: node, in: "site.yml", known: known,
                                         required: ["title", "base_url", "strategies", "funding", "metrics"]) else {
            return (nil, reader.diagnostics)
        }
        let title = reader.text(fields["title"], field: "title")
        var baseURL = reader.url(fields["base_url"], field: "base_url")
        if let address = baseURL, case .problem(let message, let hint) = URLCheck.siteAddress(address) {
            reader.error(fields["base_url"], "`base_url` \(message)", hint: hint)
            baseURL = nil
        }
        let strategies = vocabulary(fields["strategies"], field: "strategies", reader: &reader) { (key: String, entry: YAMLValue, reader: inout YAMLReader) -> Strategy? in
            guard let f = reader.fields(of: entry, in: "strategy `\(key)`", known: ["label", "description", "npss_role"],
                                        required: ["label", "description"]) else { return nil }
            guard let label = reader.text(f["label"], field: "label"),
                  let description = reader.text(f["description"], field: "description") else { return nil }
            return Strategy(key: key, label: label, description: description, npssRole: reader.text(f["npss_role"], field: "npss_role"),
                            locations: f.locations)
        }
        let funding = vocabulary(fields["funding"], field: "funding", reader: &reader) { (key: String, entry: YAMLValue, reader: inout YAMLReader) -> FundingSource? in
            guard let f = reader.fields(of: entry, in: "funding source `\(key)`", known: ["label", "description"],
                                        required: ["label"]) else { return nil }
            guard let label = reader.text(f["label"], field: "label") else { return nil }
            return FundingSource(key: key, label: label, description: reader.text(f["description"], field: "description") ?? "",
                                 locations: f.locations)
        }
        let groups = fields["metric_groups"].flatMap { node in
            vocabulary(node, field: "metric_groups", reader: &reader) { (key: String, entry: YAMLValue, reader: inout YAMLReader) -> MetricGroup? in
                guard let f = reader.fields(of: entry, in: "metric group `\(key)`", known: ["label", "description"],
                                            required: ["label"]) else { return nil }
                guard let label = reader.text(f["label"], field: "label") else { return nil }
                return MetricGroup(key: key, label: label, description: reader.text(f["description"], field: "description") ?? "",
                                   locations: f.locations)
            }
        } ?? []
        let tags = fields["tags"].flatMap { node in
            vocabulary(node, field: "tags", reader: &reader) { (key: String, entry: YAMLValue, reader: inout YAMLReader) -> TopicTag? in
                guard let f = reader.fields(of: entry, in: "tag `\(key)`", known: ["label"], required: ["label"],
                                            hintFor: { _ in "add `label:` with the words readers see, e.g. label: College access" }),
                      let label = reader.text(f["label"], field: "label") else { return nil }
                return TopicTag(key: key, label: label, locations: f.locations)
            }
        } ?? []
        let designs = fields["evidence_designs"].flatMap { evidenceDesigns($0, reader: &reader) } ?? []
        let metrics = vocabulary(fields["metrics"], field: "metrics", reader: &reader) { (key: String, entry: YAMLValue, reader: inout YAMLReader) -> MetricDefinition? in
            guard let f = reader.fields(of: entry, in: "metric `\(key)`", known: ["label", "unit", "aggregate", "group", "chart"],
                                        required: ["label", "unit"] + (groups.isEmpty ? [] : ["group"]),
                                        hintFor: { $0 == "group" ? "add `group:` with one of " + groups.map { "`\($0.key)`" }.joined(separator: ", ") : nil })
            else { return nil }
            guard let label = reader.text(f["label"], field: "label"),
                  let unit = reader.choice(f["unit"], field: "unit", as: MetricUnit.self) else { return nil }
            let aggregate = f["aggregate"].flatMap { reader.choice($0, field: "aggregate", as: MetricDefinition.Aggregation.self) } ?? MetricDefinition.Aggregation.none
            var group: String?
            if let raw = f["group"].flatMap({ reader.text($0, field: "group") }) {
                if groups.contains(where: { $0.key == raw }) {
                    group = raw
                } else {
                    reader.error(f["group"], "unknown metric group `\(raw)`",
                                 hint: Suggestion.hint(for: raw, in: groups.map(\.key))
                                    ?? "add it under `metric_groups:` first", code: .siteMetricGroup)
                }
            }
            var definition = MetricDefinition(key: key, label: label, unit: unit, aggregate: aggregate, group: group)
            definition.chart = f["chart"].flatMap { reader.bool($0, field: "chart") } ?? false
            definition.locations = f.locations
            return definition
        }
        var contact: String?
        if let raw = fields["contact"].flatMap({ reader.text($0, field: "contact") }) {
            contact = SiteSettingsCheck.contactLink(raw)
            if contact == nil {
                reader.error(fields["contact"], "`contact` should be an e-mail address or a web address, not `\(raw)`",
                             hint: "for example: contact: editors@your-organisation.org, or the https:// address of a contact form", code: .siteContact)
            }
        }
        guard let title, let baseURL, let strategies, let funding, let metrics else { return (nil, reader.diagnostics) }
        var config = SiteConfig(
            title: title,
            tagline: reader.text(fields["tagline"], field: "tagline") ?? "",
            description: reader.text(fields["description"], field: "description") ?? "",
            baseURL: baseURL,
            language: reader.text(fields["language"], field: "language") ?? "en",
            author: reader.text(fields["author"], field: "author") ?? title,
            strategies: strategies, funding: funding, metrics: metrics,
            evidenceDesigns: designs, metricGroups: groups)
        config.baseURLLocation = reader.location(fields["base_url"])
        config.locations = fields.locations
        config.contact = contact
        config.tags = tags
        config.roles = SiteRolesDecoder.roles(fields["roles"], metrics: metrics, groups: groups, funding: funding, reader: &reader)
        config.paging = SiteRolesDecoder.paging(fields["paging"], reader: &reader)
        config.images = ImageSettingsDecoder.decode(fields["images"], reader: &reader)
        config.licence = fields["licence"].flatMap { licence($0, reader: &reader) }
        return (reader.diagnostics.hasErrors ? nil : config, reader.diagnostics)
    }

    /// `licence:` with the licence's `name` and the web address of its terms (`url`).
    private static func licence(_ node: YAMLValue, reader: inout YAMLReader) -> Licence? {
        let example = "for example:\n  licence:\n    name: CC BY 4.0\n    url: https://creativecommons.org/licenses/by/4.0/"
        guard let f = reader.fields(of: node, in: "`licence`", known: ["name", "url"], required: ["name", "url"],
                                    hintFor: { _ in example }),
              let name = reader.text(f["name"], field: "name"), let url = reader.url(f["url"], field: "url") else { return nil }
        return Licence(name: name, url: url)
    }

    /// The study designs, strongest first; exactly one of them may be `no_evidence: true`.
    private static func evidenceDesigns(_ node: YAMLValue, reader: inout YAMLReader) -> [EvidenceDesign]? {
        let designs = vocabulary(node, field: "evidence_designs", reader: &reader) { (key: String, entry: YAMLValue, reader: inout YAMLReader) -> EvidenceDesign? in
            guard let f = reader.fields(of: entry, in: "evidence design `\(key)`",
                                        known: ["label", "short", "description", "no_evidence"], required: ["label", "description"],
                                        hintFor: { $0 == "description" ? "say in a sentence what this kind of study can and cannot show" : nil })
            else { return nil }
            guard let label = reader.text(f["label"], field: "label"),
                  let description = reader.text(f["description"], field: "description") else { return nil }
            let noEvidence = f["no_evidence"].flatMap { reader.bool($0, field: "no_evidence") } ?? false
            return EvidenceDesign(key: key, label: label, short: reader.text(f["short"], field: "short") ?? label,
                                  description: description, rank: 0, noEvidence: noEvidence, locations: f.locations)
        }
        guard var designs else { return nil }
        for index in designs.indices { designs[index].rank = index + 1 }
        if designs.filter(\.noEvidence).count > 1 {
            reader.error(node, "more than one evidence design says `no_evidence: true`",
                         hint: "keep `no_evidence: true` only on the design that means no outcome evidence was found", code: .siteNoEvidenceTwice)
        }
        return designs
    }

    /// A mapping of slug-like keys to entries, in file order.
    private static func vocabulary<T>(_ node: YAMLValue?, field: String, reader: inout YAMLReader,
                                      entry: (String, YAMLValue, inout YAMLReader) -> T?) -> [T]? {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            reader.error(node, "`\(field)` should be a set of `key:` entries, but this is \(node.kind)", code: .siteVocabulary)
            return nil
        }
        var result: [T] = []
        for pair in mapping {
            let keyNode = pair.key, value = pair.value
            guard let key = keyNode.scalar, Slug.isValid(key) || key.range(of: "^[a-z0-9_]+$", options: .regularExpression) != nil else {
                reader.error(keyNode, "`\(keyNode.scalar ?? "?")` is not a valid key in `\(field)`",
                             hint: "keys use lower-case letters, digits, hyphens or underscores", code: .siteVocabulary)
                continue
            }
            if let item = entry(key, value, &reader) { result.append(item) }
        }
        if result.isEmpty, !reader.diagnostics.hasErrors {
            reader.error(node, "`\(field)` has no entries", code: .siteVocabulary)
        }
        return result
    }
}

import Foundation
