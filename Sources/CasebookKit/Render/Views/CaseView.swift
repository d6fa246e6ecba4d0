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
        ]
    }

    func page(_ position: Int, body: String) -> [String: Any] {
        let study = index.cases[position]
        let config = index.content.config
        let strategy = config.strategy(study.strategy)
        // Number the distinct sources in the order their figures appear: footnote n ↔ source n.
        var footnotes: [String: Int] = [:]
        var sources: [[String: Any]] = []
        let metrics = study.metrics.map { metric -> [String: Any] in
            let key = metric.source + "\u{0}" + metric.url
            if footnotes[key] == nil {
                footnotes[key] = sources.count + 1
                sources.append(["number": sources.count + 1, "source": metric.source, "url": metric.url])
            }
            return MetricView.card(metric, footnote: footnotes[key])
        }
        for i in sources.indices {
            let figures = study.metrics.filter { footnotes[$0.source + "\u{0}" + $0.url] == i + 1 }
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
            "body_html": body,
            "sources": sources,
            "further_reading": study.sources.map { ["title": $0.title, "url": $0.url] },
            "has_further_reading": !study.sources.isEmpty,
            "tags": study.tags.map { ["label": $0, "url": routes.link(Routes.tag($0))] },
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

    func placeLine(_ study: CaseStudy) -> String {
        guard let place = study.place else { return study.state.name }
        if study.state == .national || place.localizedCaseInsensitiveContains(study.state.name) { return place }
        return "\(place), \(study.state.name)"
    }
}

import Foundation
