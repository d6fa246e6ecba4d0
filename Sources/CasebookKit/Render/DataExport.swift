import Foundation

/// The downloadable data: every case and figure with its source (JSON), one row per figure (CSV),
/// and the small index the search page reads.
enum DataExport {
    static func json(index: SiteIndex, routes: Routes) -> Data {
        let config = index.content.config
        let cases: [[String: Any]] = index.cases.map { study in
            var item: [String: Any] = [
                "slug": study.slug, "url": routes.absolute(Routes.caseStudy(study.slug)),
                "title": study.title, "summary": study.summary, "organization": study.organization,
                "partners": study.partners, "state": study.state.code, "state_name": study.state.name,
                "strategy": study.strategy, "strategy_label": config.strategy(study.strategy)?.label ?? study.strategy,
                "funding": study.funding, "years": yearsObject(study.years), "tags": study.tags,
                "date": study.date.iso, "metrics": study.metrics.map(metricObject),
                "sources": study.sources.map { ["title": $0.title, "url": $0.url] },
            ]
            if let place = study.place { item["place"] = place }
            if let note = study.fundingNote { item["funding_note"] = note }
            return item
        }
        let document: [String: Any] = [
            "title": config.title, "url": routes.baseURL,
            "case_studies": cases,
            "context": index.content.context.map(metricObject),
            "certainty_levels": ["high", "medium", "low"],
        ]
        return serialize(document)
    }

    static func metricObject(_ metric: Metric) -> [String: Any] {
        var object: [String: Any] = [
            "label": metric.label, "unit": metric.unit.rawValue, "value": metric.value,
            "display": FigureFormatter.display(metric).phrase,
            "as_of": metric.asOf.text, "source": metric.source, "url": metric.url, "certainty": metric.certainty.rawValue,
        ]
        if let key = metric.key { object["key"] = key }
        if let qualifier = metric.qualifier { object["qualifier"] = qualifier.rawValue }
        if let upper = metric.upper { object["upper"] = upper }
        if let baseline = metric.baseline { object["baseline"] = baseline }
        if let note = metric.note { object["note"] = note }
        return object
    }

    private static func yearsObject(_ years: YearSpan) -> [String: Any] {
        var object: [String: Any] = ["start": years.start]
        if let end = years.end { object["end"] = end }
        return object
    }

    static let csvColumns = ["case_slug", "case_title", "state", "strategy", "metric_key", "metric_label", "unit",
                             "value", "qualifier", "upper", "baseline", "as_of", "source", "url", "certainty", "note"]

    static func csv(index: SiteIndex) -> Data {
        var lines = [csvColumns.joined(separator: ",")]
        for study in index.cases {
            for metric in study.metrics {
                let fields: [String] = [
                    study.slug, study.title, study.state.code, study.strategy, metric.key ?? "", metric.label,
                    metric.unit.rawValue, metric.value.plain, metric.qualifier?.rawValue ?? "",
                    metric.upper?.plain ?? "", metric.baseline?.plain ?? "", metric.asOf.text, metric.source,
                    metric.url, metric.certainty.rawValue, metric.note ?? "",
                ]
                lines.append(fields.map(csvField).joined(separator: ","))
            }
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with an apostrophe.
    static func csvField(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func searchIndex(index: SiteIndex, routes: Routes) -> Data {
        let config = index.content.config
        let entries: [[String: Any]] = index.cases.map { study in
            [
                "title": study.title, "url": routes.link(Routes.caseStudy(study.slug)), "summary": study.summary,
                "organization": study.organization, "partners": study.partners.joined(separator: ", "),
                "place": CaseView(index: index, routes: routes).placeLine(study),
                "strategy": config.strategy(study.strategy)?.label ?? study.strategy,
                "tags": study.tags.joined(separator: " "),
            ]
        } + index.content.pages.map { page in
            ["title": page.title, "url": routes.link(Routes.page(page.slug)), "summary": page.summary ?? ""]
        }
        return serialize(entries, pretty: false)
    }

    private static func serialize(_ object: Any, pretty: Bool = true) -> Data {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        var data = (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }
}
