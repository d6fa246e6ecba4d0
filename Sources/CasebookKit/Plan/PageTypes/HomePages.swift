/// The home page: where the evidence is strongest, the ways in, the counts, the national picture, the
/// map and a few featured cases — never every case.
struct HomePages: PageType {
    func pages(_ site: PlanInputs) -> [PlannedPage] {
        [PlannedPage(route: Routes.home) { reader in
            let config = reader.config
            return PageParts(title: config.title, description: config.description, body: Self.view(reader))
        }]
    }

    private static func view(_ reader: SiteReader) -> HomePage {
        let config = reader.config
        let routes = reader.routes
        // The home page's choices (featured, strongest, totals) are made from every case's front matter.
        let all = reader.everyCase
        let context = reader.context
        let highlighted = context.filter(\.highlight)
        let evidence = EvidenceView(config: config, routes: routes)
        func rank(_ study: CaseStudy) -> Int { config.evidenceRank(of: study.evidence) }
        // The cases with the strongest evidence of results, strongest first; never one with none.
        let strongest = all.indices.filter { position in
            config.evidenceDesign(of: all[position].evidence).map { !$0.noEvidence } ?? false
        }.sorted { (rank(all[$0]), $0) < (rank(all[$1]), $1) }.prefix(3)
        let featured = all.indices.filter { all[$0].featured }
        let states = reader.keys(.state).compactMap(USState.named)
        return HomePage(
            context: (highlighted.isEmpty ? Array(context.prefix(4)) : highlighted).map { MetricView.card($0, footnote: nil) },
            allContextURL: routes.link(Routes.data) + "#national-figures",
            hasContext: !context.isEmpty,
            totals: [
                HomeTotal(figure: CaseCount.grouped(all.count), label: CaseCount.noun(all.count)),
                HomeTotal(figure: "\(states.filter { $0 != .national }.count)", label: "states"),
                HomeTotal(figure: "\(reader.keys(.strategy).count)", label: "strategies"),
            ],
            headlineLines: headlineLines(reader),
            map: StateMapView.make(reader: reader),
            strategies: strategyCards(reader).filter(\.term.hasCases),
            evidenceLevels: evidenceLevels(reader).filter(\.term.hasCases),
            hasEvidence: !config.evidenceDesigns.isEmpty,
            strongest: strongest.map { position in
                let study = all[position]
                return StrongCase(
                    title: study.title, url: routes.link(Routes.caseStudy(study.slug)),
                    place: CaseView.placeLine(study),
                    strategyLabel: config.strategy(study.strategy)?.label ?? study.strategy,
                    finding: study.evidence?.study.finding ?? "",
                    evidence: evidence.badge(study.evidence))
            },
            evidenceIndexURL: routes.link(Routes.evidenceIndex),
            compareURL: routes.link(Routes.compare),
            featured: (featured.isEmpty ? Array(all.indices.prefix(3)) : Array(featured.prefix(config.paging.featured)))
                .map { reader.card($0).card },
            caseIndexURL: routes.link(Routes.caseIndex),
            stateLinks: states.map { state in
                StateLink(label: state == .national ? "National" : state.name, url: routes.link(Routes.state(state.code)),
                          count: reader.count(.state, state.code))
            })
    }

    /// The home page's figures across cases: a total where the figures count alike, otherwise the
    /// range and the largest figures (see `HeadlineTotals`).
    private static func headlineLines(_ reader: SiteReader) -> [HeadlineLine] {
        let all = reader.everyCase
        let config = reader.config
        let routes = reader.routes
        let shown = config.paging.headlineItems
        return HeadlineTotals(cases: all, config: config).lines.map { line in
            let entries = line.entries.count > shown
                ? line.entries.sorted { ($0.metric.value, $1.position) > ($1.metric.value, $0.position) }.prefix(shown)
                    .sorted { ($0.metric.value, $0.position) < ($1.metric.value, $1.position) }
                : line.entries
            let items = entries.map { entry in
                let study = all[entry.position]
                let id = reader.inputs.index.figureIDs[entry.position][entry.index]
                return HeadlineItem(title: study.title, url: routes.link(Routes.figure(study.slug, id: id)),
                                    phrase: FigureFormatter.display(entry.metric).phrase, label: entry.metric.label,
                                    asOf: entry.metric.asOf.display)
            }
            let outcome: HeadlineLine.Outcome
            switch line.outcome {
            case .sum(let total, let atLeast):
                let about = line.entries.contains { $0.metric.qualifier == .about }
                outcome = .sum(figure: FigureFormatter.format(total, unit: line.definition.unit),
                               qualifier: atLeast || about ? (atLeast ? "At least" : "About") : nil)
            case .range(let low, let high):
                outcome = .range(low: FigureFormatter.display(low).phrase, high: FigureFormatter.display(high).phrase)
            }
            return HeadlineLine(label: line.definition.label, items: items, caseCount: line.entries.count, outcome: outcome)
        }
    }

    /// Each evidence design with its number of cases, strongest first.
    static func evidenceLevels(_ reader: SiteReader) -> [EvidenceLevel] {
        let terms = ListingPages.terms(.evidence, reader: reader)
        return zip(reader.config.evidenceDesigns, terms).map { design, term in
            EvidenceLevel(term: term, key: design.key, short: design.short)
        }
    }

    /// Each strategy with its number of cases, in the vocabulary's order.
    static func strategyCards(_ reader: SiteReader) -> [StrategyCard] {
        let terms = ListingPages.terms(.strategy, reader: reader)
        return zip(reader.config.strategies, terms).map { strategy, term in StrategyCard(term: term, npssRole: strategy.npssRole) }
    }
}
