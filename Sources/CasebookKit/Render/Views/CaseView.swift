/// Builds the views of case studies: the card used in every listing, and the full case page.
enum CaseView {
    /// A case's card. Drawn once per case before pages are built (cards are shared by many pages);
    /// a page that shows one reads it through `SiteReader.card`, which records the read.
    static func card(_ position: Int, index: SiteIndex, routes: Routes) -> CaseCard {
        let study = index.cases[position]
        let config = index.config
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
            studentsSort: studentsReached(study, config: config).map { study.metrics[$0].value.plain } ?? "",
            dateISO: study.date.iso)
    }

    /// The case's headline figure of the metric site.yml's `roles: students_reached:` names.
    static func studentsReached(_ study: CaseStudy, config: SiteConfig) -> Int? {
        config.roles.studentsReached.flatMap(study.headlineFigure)
    }

    /// A case's page, built through `reader` (its own case, its story, the related cases' cards and
    /// its neighbours' titles are what it reads).
    static func page(_ position: Int, reader: SiteReader) -> CasePage {
        let study = reader.study(position)
        let story = reader.story(position)
        let config = reader.config
        let routes = reader.routes
        let strategy = config.strategy(study.strategy)
        // Number the distinct sources in the order their figures appear: footnote n ↔ source n.
        var footnotes: [String: Int] = [:]
        var sources: [FootnoteSource] = []
        let ids = reader.figureIDs(position)
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
        let related = reader.related(to: position)
        // The neighbours in site order, for the pager.
        let neighbours = reader.neighbours(of: position)
        func neighbour(_ other: Int?) -> TitledLink? {
            guard let other else { return nil }
            let study = reader.study(other)
            return TitledLink(title: study.title, url: routes.link(Routes.caseStudy(study.slug)))
        }
        let url = Routes.caseStudy(study.slug)
        let headings = story?.headings ?? []
        return CasePage(
            card: reader.card(position).card,
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
            trackedFunding: config.roles.trackedFunding.flatMap { key in
                config.fundingSource(key).map { TrackedFunding(label: $0.label, documented: study.funding.contains(key)) }
            },
            fundingNote: study.fundingNote ?? "",
            metrics: metrics,
            keyFigures: study.metrics.indices.filter { study.metrics[$0].highlight }.prefix(4).map { metrics[$0] },
            hasKeyFigures: study.metrics.contains(where: \.highlight),
            metricGroups: groups(study, cards: metrics, config: config),
            evidenceDetails: EvidenceView(config: config, routes: routes).details(study.evidence),
            bodyHTML: story?.html ?? "",
            contents: contents(study, headings: headings),
            hasContents: headings.count >= 2 || study.metrics.count > 6,
            sources: sources,
            furtherReading: study.sources.map(TitledLink.init),
            tags: study.tags.map { LabeledLink(label: config.tagLabel($0), url: routes.link(Routes.tag($0))) },
            related: related.map(reader.card),
            hasRelated: !related.isEmpty,
            citation: "\(config.author). “\(study.title).” \(config.title), updated \(study.date.display). \(routes.absolute(url))",
            image: study.image.map { CaseImage($0, picture: reader.pictures.picture(at: $0.path), routes: routes, sizes: config.images.sizes) },
            previous: neighbour(neighbours.previous),
            next: neighbour(neighbours.next),
            isDraft: study.draft)
    }

    /// The in-page contents list of a long case: the fixed sections and the story's own headings.
    private static func contents(_ study: CaseStudy, headings: [Markdown.Heading]) -> [ContentsEntry] {
        // In the page's order: the key findings, then the story, then the evidence and every figure.
        var items: [(String, String)] = [("key-findings", "Key findings")]
        items += headings.map { ($0.id, $0.text) }
        if study.evidence != nil { items.append(("evidence", "Evidence of results")) }
        items.append(("figures", "All figures (\(study.metrics.count))"))
        items += [("funding", "How this was funded"), ("sources", "Sources"), ("cite", "Cite this case study")]
        return items.map { ContentsEntry(id: $0.0, label: $0.1) }
    }

    /// The case's figures under the site's `metric_groups`, in the vocabulary's order; figures whose
    /// key has no group come last under "Other figures". Empty groups are left out.
    private static func groups(_ study: CaseStudy, cards: [MetricCard], config: SiteConfig) -> [FigureGroup] {
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

    static func placeLine(_ study: CaseStudy) -> String {
        guard let place = study.place else { return study.state.name }
        if study.state == .national || place.localizedCaseInsensitiveContains(study.state.name) { return place }
        return "\(place), \(study.state.name)"
    }
}

import Foundation
