import Yams

/// Decodes `content/site.yml` into a `SiteConfig`, reporting every problem.
enum SiteConfigDecoder {
    static let file = "content/site.yml"

    static func decode(_ text: String) -> (SiteConfig?, [Diagnostic]) {
        let node: Node?
        switch YAMLDocument.parse(text, file: file, firstLine: 1) {
        case .failure(let diagnostics): return (nil, diagnostics)
        case .success(let parsed): node = parsed
        }
        var reader = YAMLReader(file: file, firstLine: 1)
        guard let node else {
            reader.error(nil, "site.yml is empty", hint: "see docs/content-format.md for the fields it needs")
            return (nil, reader.diagnostics)
        }
        let known = ["title", "tagline", "description", "base_url", "language", "author", "strategies", "funding", "metrics"]
        guard let fields = reader.fields(of: node, in: "site.yml", known: known,
                                         required: ["title", "base_url", "strategies", "funding", "metrics"]) else {
            return (nil, reader.diagnostics)
        }
        let title = reader.text(fields["title"], field: "title")
        let baseURL = reader.url(fields["base_url"], field: "base_url")
        let strategies = vocabulary(fields["strategies"], field: "strategies", reader: &reader) { (key: String, entry: Node, reader: inout YAMLReader) -> Strategy? in
            guard let f = reader.fields(of: entry, in: "strategy `\(key)`", known: ["label", "description", "npss_role"],
                                        required: ["label", "description"]) else { return nil }
            guard let label = reader.text(f["label"], field: "label"),
                  let description = reader.text(f["description"], field: "description") else { return nil }
            return Strategy(key: key, label: label, description: description, npssRole: reader.text(f["npss_role"], field: "npss_role"))
        }
        let funding = vocabulary(fields["funding"], field: "funding", reader: &reader) { (key: String, entry: Node, reader: inout YAMLReader) -> FundingSource? in
            guard let f = reader.fields(of: entry, in: "funding source `\(key)`", known: ["label", "description"],
                                        required: ["label"]) else { return nil }
            guard let label = reader.text(f["label"], field: "label") else { return nil }
            return FundingSource(key: key, label: label, description: reader.text(f["description"], field: "description") ?? "")
        }
        let metrics = vocabulary(fields["metrics"], field: "metrics", reader: &reader) { (key: String, entry: Node, reader: inout YAMLReader) -> MetricDefinition? in
            guard let f = reader.fields(of: entry, in: "metric `\(key)`", known: ["label", "unit", "aggregate"],
                                        required: ["label", "unit"]) else { return nil }
            guard let label = reader.text(f["label"], field: "label"),
                  let unit = reader.choice(f["unit"], field: "unit", as: MetricUnit.self) else { return nil }
            let aggregate = f["aggregate"].flatMap { reader.choice($0, field: "aggregate", as: MetricDefinition.Aggregation.self) } ?? MetricDefinition.Aggregation.none
            return MetricDefinition(key: key, label: label, unit: unit, aggregate: aggregate)
        }
        guard let title, let baseURL, let strategies, let funding, let metrics else { return (nil, reader.diagnostics) }
        let config = SiteConfig(
            title: title,
            tagline: reader.text(fields["tagline"], field: "tagline") ?? "",
            description: reader.text(fields["description"], field: "description") ?? "",
            baseURL: baseURL,
            language: reader.text(fields["language"], field: "language") ?? "en",
            author: reader.text(fields["author"], field: "author") ?? title,
            strategies: strategies, funding: funding, metrics: metrics)
        return (reader.diagnostics.hasErrors ? nil : config, reader.diagnostics)
    }

    /// A mapping of slug-like keys to entries, in file order.
    private static func vocabulary<T>(_ node: Node?, field: String, reader: inout YAMLReader,
                                      entry: (String, Node, inout YAMLReader) -> T?) -> [T]? {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            reader.error(node, "`\(field)` should be a set of `key:` entries, but this is \(YAMLReader.kind(of: node))")
            return nil
        }
        var result: [T] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string, Slug.isValid(key) || key.range(of: "^[a-z0-9_]+$", options: .regularExpression) != nil else {
                reader.error(keyNode, "`\(keyNode.scalar?.string ?? "?")` is not a valid key in `\(field)`",
                             hint: "keys use lower-case letters, digits, hyphens or underscores")
                continue
            }
            if let item = entry(key, value, &reader) { result.append(item) }
        }
        if result.isEmpty, !reader.diagnostics.hasErrors {
            reader.error(node, "`\(field)` has no entries")
        }
        return result
    }
}

import Foundation
