/// Template data for case studies: the card used in every listing, and the full case page.
struct CaseView {
    let index: SiteIndex
    let routes: Routes

    func card(_ position: Int) -> [String: Any] {
        let study = index.cases[position]
        let config = index.content.config
        let highlighted = study.metrics.filter(\.highlight)
        let keyMetrics = (highlighted.isEmpty ? study.metrics : highlighted).prefix(2)
        return [
            "title": study.title,
            "url": routes.link(Routes.caseStudy(study.slug)),
            "summary": study.summary,
            "organization": study.organization,
            "place": placeLine(study),
            "state_code": study.state.code.lowercased(),
            "strategy": study.strategy,
            "strategy_label": config.strategy(study.strategy)?.label ?? study.strategy,
            "years": study.years.display,
            "year_list": study.years.years(through: index.latestYear).map(String.init).joined(separator: " "),
            "funding_list": study.funding.joined(separator: " "),
            "key_metrics": keyMetrics.map { MetricView.card($0, footnote: nil) },
            "has_key_metrics": !keyMetrics.isEmpty,
            "evidence": EvidenceView(config: config, routes: routes).badge(study.evidence) ?? false,
            "evidence_key": study.evidence?.study.design ?? "",
            // For sorting the index: strongest evidence first, then the headline count of students.
            "evidence_rank": config.evidenceDesign(of: study.evidence)?.rank ?? 99,
            "students_sort": study.headlineFigure("students_served").map { study.metrics[$0].value.plain } ?? "",
            "date_iso": study.date.iso,
        ]
    }

    func page(_ position: Int, body: String, headings: [Markdown.Heading] = []) -> [String: Any] {
        let study = index.cases[position]
        let config = index.content.config
        let strategy = config.strategy(study.strategy)
        // Number the distinct sources in the order their figures appear: footnote n ↔ source n.
        var footnotes: [String: Int] = [:]
        var sources: [[String: Any]] = []
        let ids = index.figureIDs[position]
        let metrics = study.metrics.indices.map { position -> [String: Any] in
            let metric = study.metrics[position]
            let key = metric.source + "\u{0}" + metric.url
            if footnotes[key] == nil {
                footnotes[key] = sources.count + 1
                sources.append(["number": sources.count + 1, "source": metric.source, "url": metric.url])
            }
            var card = MetricView.card(metric, footnote: footnotes[key])
            card["id"] = ids[position]
            return card
        }
        // Each source's figures, gathered in one pass (a case with thousands of figures stays linear).
        var bySource = Array(repeating: [Metric](), count: sources.count)
        for metric in study.metrics {
            if let number = footnotes[metric.source + "\u{0}" + metric.url] { bySource[number - 1].append(metric) }
        }
        for i in sources.indices {
            let figures = bySource[i]
            sources[i]["figures"] = figures.map(\.label).joined(separator: "; ")
            sources[i]["certainty_label"] = Set(figures.map(\.certainty)).count == 1 ? MetricView.certaintyLabel(figures[0].certainty) : nil
        }
        let related = index.related(to: position)
        let url = Routes.caseStudy(study.slug)
        var page: [String: Any] = card(position)
        page.merge([
            "partners": study.partners,
            "has_partners": !study.partners.isEmpty,
            "state_name": study.state.name,
            "state_url": routes.link(Routes.state(study.state.code)),
            "strategy_url": routes.link(Routes.strategy(study.strategy)),
            "strategy_description": strategy?.description ?? "",
            "date_display": study.date.display,
            "date_iso": study.date.iso,
            "funding": study.funding.compactMap { key in config.fundingSource(key).map {
                ["label": $0.label, "url": routes.link(Routes.funding(key)), "description": $0.description]
            } },
            "esser_documented": study.funding.contains("esser"),
            "funding_note": study.fundingNote ?? "",
            "metrics": metrics,
            "key_figures": study.metrics.indices.filter { study.metrics[$0].highlight }.prefix(4).map { metrics[$0] },
            "has_key_figures": study.metrics.contains(where: \.highlight),
            "metric_groups": groups(study, cards: metrics),
            "evidence_details": EvidenceView(config: config, routes: routes).details(study.evidence) ?? false,
            "body_html": body,
            "contents": contents(study, headings: headings),
            "has_contents": headings.count >= 2 || study.metrics.count > 6,
            "sources": sources,
            "further_reading": study.sources.map { ["title": $0.title, "url": $0.url] },
            "has_further_reading": !study.sources.isEmpty,
            "tags": study.tags.map { ["label": config.tagLabel($0), "url": routes.link(Routes.tag($0))] },
            "has_related": !related.isEmpty,
            "citation": "\(config.author). “\(study.title).” \(config.title), updated \(study.date.display). \(routes.absolute(url))",
        ]) { _, new in new }
        if let image = study.image {
            page["image"] = ["src": routes.link("images/" + image.path), "alt": image.alt]
        }
        if position > 0 { page["previous"] = ["title": index.cases[position - 1].title, "url": routes.link(Routes.caseStudy(index.cases[position - 1].slug))] }
        if position + 1 < index.cases.count { page["next"] = ["title": index.cases[position + 1].title, "url": routes.link(Routes.caseStudy(index.cases[position + 1].slug))] }
        return page
    }

    /// The in-page contents list of a long case: the fixed sections and the story's own headings.
    private func contents(_ study: CaseStudy, headings: [Markdown.Heading]) -> [[String: Any]] {
        var items: [(String, String)] = [("key-findings", "Key findings")]
        if study.evidence != nil { items.append(("evidence", "Evidence of results")) }
        items.append(("figures", "All figures"))
        items += headings.map { ($0.id, $0.text) }
        items += [("funding", "How this was funded"), ("sources", "Sources"), ("cite", "Cite this case study")]
        return items.map { ["id": $0.0, "label": $0.1] }
    }

    /// The case's figures under the site's `metric_groups`, in the vocabulary's order; figures whose
    /// key has no group come last under "Other figures". Empty groups are left out.
    private func groups(_ study: CaseStudy, cards: [[String: Any]]) -> [[String: Any]] {
        let config = index.content.config
        var members: [String: [Int]] = [:]
        var other: [Int] = []
        for position in study.metrics.indices {
            if let group = study.metrics[position].key.flatMap({ config.metric($0)?.group }) {
                members[group, default: []].append(position)
            } else {
                other.append(position)
            }
        }
        var result: [[String: Any]] = config.metricGroups.compactMap { group in
            guard let positions = members[group.key] else { return nil }
            return ["id": "figures-\(group.key)", "label": group.label, "description": group.description,
                    "metrics": positions.map { cards[$0] }]
        }
        if !other.isEmpty {
            result.append(["id": "figures-other", "label": result.isEmpty ? "Figures" : "Other figures", "description": "",
                           "metrics": other.map { cards[$0] }])
        }
        return result
    }

    func placeLine(_ study: CaseStudy) -> String {
        guard let place = study.place else { return study.state.name }
        if study.state == .national || place.localizedCaseInsensitiveContains(study.state.name) { return place }
        return "\(place), \(study.state.name)"
    }
}

import Foundation
