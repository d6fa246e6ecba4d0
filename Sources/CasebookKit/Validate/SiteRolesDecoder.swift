/// Decodes site.yml's `roles:` and `paging:` sections. Every key a role names must exist in its
/// vocabulary, so a misspelt key is an error where it is written, with the nearest key suggested.
enum SiteRolesDecoder {
    static let roleFields = ["students_reached", "cost_per_student", "money", "results_group", "tracked_funding",
                             "methodology_page"]

    static func roles(_ node: YAMLValue?, metrics: [MetricDefinition], groups: [MetricGroup], funding: [FundingSource],
                      reader: inout YAMLReader) -> SiteRoles {
        var roles = SiteRoles()
        guard let node, let f = reader.fields(of: node, in: "`roles`", known: roleFields, required: []) else { return roles }
        let metricKeys = metrics.map(\.key)
        func key(_ field: String, in keys: [String], vocabulary: String) -> String? {
            guard let value = f[field], let raw = reader.text(value, field: field) else { return nil }
            return known(raw, at: value, field: field, in: keys, vocabulary: vocabulary, reader: &reader)
        }
        func keys(_ field: String, in keys: [String], vocabulary: String) -> [String] {
            guard let value = f[field] else { return [] }
            let items = value.sequence ?? [value]
            return items.compactMap { item in
                reader.text(item, field: field).flatMap { known($0, at: item, field: field, in: keys, vocabulary: vocabulary, reader: &reader) }
            }
        }
        roles.studentsReached = key("students_reached", in: metricKeys, vocabulary: "metrics")
        roles.costPerStudent = keys("cost_per_student", in: metricKeys, vocabulary: "metrics")
        roles.money = keys("money", in: metricKeys, vocabulary: "metrics")
        roles.resultsGroup = key("results_group", in: groups.map(\.key), vocabulary: "metric_groups")
        roles.trackedFunding = key("tracked_funding", in: funding.map(\.key), vocabulary: "funding")
        if let value = f["methodology_page"], let slug = reader.text(value, field: "methodology_page") {
            if Slug.isValid(slug) {
                roles.methodologyPage = slug
            } else {
                reader.error(value, "`methodology_page` should be the slug of a page in content/pages/, not `\(slug)`",
                             hint: "for content/pages/methodology.md write `methodology_page: methodology`")
            }
        }
        return roles
    }

    private static func known(_ raw: String, at node: YAMLValue, field: String, in keys: [String], vocabulary: String,
                              reader: inout YAMLReader) -> String? {
        if keys.contains(raw) { return raw }
        reader.error(node, "`\(field)` names `\(raw)`, which is not a key of `\(vocabulary)`",
                     hint: Suggestion.hint(for: raw, in: keys) ?? "use one of the keys defined under `\(vocabulary):`")
        return nil
    }

    static func paging(_ node: YAMLValue?, reader: inout YAMLReader) -> Paging {
        var paging = Paging()
        guard let node, let f = reader.fields(of: node, in: "`paging`", known: Paging.fields.map(\.name), required: []) else {
            return paging
        }
        for (name, set) in Paging.fields {
            let range = name == "sitemap_urls" ? 1...SitemapPages.limit : 1...10_000
            if let value = reader.integer(f[name], field: name, range: range) { set(&paging, value) }
        }
        return paging
    }
}
