/// Builds the views of case studies: the card used in every listing, and the full case page.
struct CaseView {
    let index: SiteIndex
    let routes: Routes

    func card(_ position: Int) -> CaseCard {
        let study = index.cases[position]
        let config = index.content.config
        let highlighted = study.metrics.filter(\.highlight)
        let keyMetrics = (highlighted.isEmpty ? study.metrics : highlighted).prefix(2)
        return CaseCard(
            title: study.title,
            url: routes.link(Routes.caseStudy(study.slug)),
            summary: study.summary,
            organization: study.organization,
            place: placeLine(study),
            stateCode: study.state.code.lowercased(),
            strategy: study.strategy,
            strategyLabel: config.strategy(study.strategy)?.label ?? study.strategy,
            years: study.years.display,
            yearList: study.years.years(through: index.latestYear).map(String.init).joined(separator: " "),
            fundingList: study.funding.joined(separator: " "),
            keyMetrics: keyMetrics.map { MetricView.card($0, footnote: nil) },
            evidence: EvidenceView(config: config, routes: routes).badge(study.evidence),
            evidenceKey: study.evidence?.study.design ?? "",
            // For sorting the index: strongest evidence first, then the headline count of students.
            evidenceRank: config.evidenceDesign(of: study.evidence)?.rank ?? 99,
            studentsSort: study.headlineFigure("students_served").map { study.metrics[$0].value.plain } ?? "",
            dateISO: study.date.iso)
    }

    /// - Parameter related: the finished cards of the cases `index.related(to: position)` names.
    func page(_ position: Int, body: String, headings: [Markdown.Heading] = [], related: [RenderedCard] = []) -> CasePage {
        let study = index.cases[position]
        let config = index.content.config
        let strategy = config.strategy(study.strategy)
        // Number the distinct sources in the order their figures appear: footnote n ↔ source n.
        var footnotes: [String: Int] = [:]
        var sources: [FootnoteSource] = []
        let ids = index.figureIDs[position]
        let metrics = study.metrics.indices.map { position -> MetricCard in
            let metric = study.metrics[position]
            let key = metric.source + "\u{0}" + metric.url
            if footnotes[key] == nil {
                footnotes[key] = sources.count + 1
                sources.append(FootnoteSource(number: sources.count + 1, source: metric.source, url: metric.url, figures: ""))
            }
            var card = MetricView.card(metric, footnote: footnotes[key])
            card.id = ids[position]
            return card
        }
        // Each source's figures, gathered in one pass (a case with thousands of figures stays linear).
        var bySource = Array(repeating: [Metric](), count: sources.count)
        for metric in study.metrics {
            if let number = footnotes[metric.source + "\u{0}" + metric.url] { bySource[number - 1].append(metric) }
        }
        for i in sources.indices {
            let figures = bySource[i]
            sources[i].figures = figures.map(\.label).joined(separator: "; ")
            sources[i].certaintyLabel = Set(figures.map(\.certainty)).count == 1 ? MetricView.certaintyLabel(figures[0].certainty) : nil
        }
        let url = Routes.caseStudy(study.slug)
        return CasePage(
            card: card(position),
            partners: study.partners,
            stateName: study.state.name,
            stateURL: routes.link(Routes.state(study.state.code)),
            strategyURL: routes.link(Routes.strategy(study.strategy)),
            strategyDescription: strategy?.description ?? "",
            dateDisplay: study.date.display,
            dateISO: study.date.iso,
            funding: study.funding.compactMap { key in config.fundingSource(key).map {
                FundingLink(label: $0.label, url: routes.link(Routes.funding(key)), description: $0.description)
            } },
            esserDocumented: study.funding.contains("esser"),
            fundingNote: study.fundingNote ?? "",
            metrics: metrics,
            keyFigures: study.metrics.indices.filter { study.metrics[$0].highlight }.prefix(4).map { metrics[$0] },
            hasKeyFigures: study.metrics.contains(where: \.highlight),
            metricGroups: groups(study, cards: metrics),
            evidenceDetails: EvidenceView(config: config, routes: routes).details(study.evidence),
            bodyHTML: body,
            contents: contents(study, headings: headings),
            hasContents: headings.count >= 2 || study.metrics.count > 6,
            sources: sources,
            furtherReading: study.sources.map(TitledLink.init),
            tags: study.tags.map { LabeledLink(label: config.tagLabel($0), url: routes.link(Routes.tag($0))) },
            related: related,
            hasRelated: !index.related(to: position).isEmpty,
            citation: "\(config.author). “\(study.title).” \(config.title), updated \(study.date.display). \(routes.absolute(url))",
            image: study.image.map { CaseImage(src: routes.link("images/" + $0.path), alt: $0.alt) },
            previous: position > 0 ? neighbour(position - 1) : nil,
            next: position + 1 < index.cases.count ? neighbour(position + 1) : nil,
            isDraft: study.draft)
    }

    /// The previous or next case, for the pager.
    private func neighbour(_ position: Int) -> TitledLink {
        TitledLink(title: index.cases[position].title, url: routes.link(Routes.caseStudy(index.cases[position].slug)))
    }

    /// The in-page contents list of a long case: the fixed sections and the story's own headings.
    private func contents(_ study: CaseStudy, headings: [Markdown.Heading]) -> [ContentsEntry] {
        var items: [(String, String)] = [("key-findings", "Key findings")]
        if study.evidence != nil { items.append(("evidence", "Evidence of results")) }
        items.append(("figures", "All figures"))
        items += headings.map { ($0.id, $0.text) }
        items += [("funding", "How this was funded"), ("sources", "Sources"), ("cite", "Cite this case study")]
        return items.map { ContentsEntry(id: $0.0, label: $0.1) }
    }

    /// The case's figures under the site's `metric_groups`, in the vocabulary's order; figures whose
    /// key has no group come last under "Other figures". Empty groups are left out.
    private func groups(_ study: CaseStudy, cards: [MetricCard]) -> [FigureGroup] {
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
        var result: [FigureGroup] = config.metricGroups.compactMap { group in
            guard let positions = members[group.key] else { return nil }
            return FigureGroup(id: "figures-\(group.key)", label: group.label, description: group.description,
                               metrics: positions.map { cards[$0] })
        }
        if !other.isEmpty {
            result.append(FigureGroup(id: "figures-other", label: result.isEmpty ? "Figures" : "Other figures", description: "",
                                      metrics: other.map { cards[$0] }))
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
