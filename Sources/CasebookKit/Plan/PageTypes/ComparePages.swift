/// The compare page: every case in one table while the site is small; on a large site the table is
/// split into pages of `paging: compare_rows:`, and (with JavaScript) the visitor finds cases by
/// name and each chosen case's row is fetched on its own (`CompareRowFiles`).
struct ComparePages: PageType {
    /// How many cases the chooser lists at a time (site.js reads it from the page).
    static let chooserOptions = 20

    func pages(_ site: PlanInputs) -> [PlannedPage] {
        Pager(total: site.index.cases.count, size: site.paging.compareRows).pages.map { number in
            PlannedPage(route: Routes.paged(Routes.compare, number)) { reader in
                let total = reader.count(.all)
                let pager = Pager(total: total, size: reader.paging.compareRows)
                let links = pager.links(number, base: Routes.compare, routes: reader.routes, noun: CaseCount.noun(2))
                let title = number == 1 ? "Compare case studies" : "Compare case studies, page \(number)"
                return PageParts(
                    title: title,
                    description: "Strategy, place, funding, evidence of results, students reached, cost per student, money and headline results of every case study, side by side.",
                    breadcrumbs: [("Home", Routes.home), ("Case studies", Routes.caseIndex), (title == "Compare case studies" ? "Compare" : title, nil)],
                    links: links,
                    body: ComparePage(rows: reader.slice(.all, "", pager.range(number)).map { Self.row($0, reader: reader) },
                                      count: total, methodologyHint: true, pageLinks: links,
                                      facetsURL: reader.routes.link(FacetIndexFiles.manifest),
                                      rowsURL: reader.routes.link(Routes.compareFolder),
                                      options: reader.slice(.all, "", 0..<min(Self.chooserOptions, total)).map { position in
                                          let study = reader.study(position)
                                          return CompareOption(slug: study.slug, title: study.title)
                                      },
                                      optionLimit: Self.chooserOptions,
                                      choiceScriptURL: reader.routes.link(Routes.compareChoiceScript)))
            }
        }
    }

    /// One case's row: strategy, place, years, funding, evidence, students reached, cost per student,
    /// money and headline results, each figure linking to its card on the case page. A figure that was
    /// not published says so; nothing is computed (no dollars divided by another source's students).
    static func row(_ position: Int, reader: SiteReader) -> CompareRow {
        let study = reader.study(position)
        let config = reader.config
        let routes = reader.routes
        let ids = reader.figureIDs(position)
        let metrics = study.metrics
        func cell(_ index: Int) -> CompareFigure {
            let metric = metrics[index]
            return CompareFigure(phrase: FigureFormatter.display(metric).phrase, label: metric.label, asOf: metric.asOf.display,
                                 certainty: metric.certainty, url: routes.link(Routes.figure(study.slug, id: ids[index])),
                                 source: metric.source, sourceURL: metric.url, sort: metric.value)
        }
        let roles = config.roles
        let resultKeys = Set(config.metrics.filter { $0.group != nil && $0.group == roles.resultsGroup }.map(\.key))
        func isResult(_ index: Int) -> Bool { resultKeys.contains(metrics[index].key ?? "") }
        let costs = metrics.indices.filter { roles.costPerStudent.contains(metrics[$0].key ?? "") }
        // The headline money figure: a highlighted one if the case marks one, else the first.
        let moneyFigures = metrics.indices.filter { roles.money.contains(metrics[$0].key ?? "") }
        let money = moneyFigures.first { metrics[$0].highlight } ?? moneyFigures.first
        let highlightedOutcomes = metrics.indices.filter { metrics[$0].highlight && isResult($0) }
        let outcomes = highlightedOutcomes.isEmpty ? Array(metrics.indices.filter(isResult).prefix(2)) : highlightedOutcomes
        return CompareRow(
            slug: study.slug, title: study.title, url: routes.link(Routes.caseStudy(study.slug)),
            strategyLabel: config.strategy(study.strategy)?.label ?? study.strategy,
            strategy: study.strategy,
            place: CaseView.placeLine(study), years: study.years.display,
            funding: study.funding.compactMap { config.fundingSource($0)?.label }.joined(separator: ", "),
            evidence: EvidenceView(config: config, routes: routes).badge(study.evidence),
            evidenceRank: config.evidenceRank(of: study.evidence),
            students: CaseView.studentsReached(study, config: config).map(cell),
            costs: costs.map(cell),
            money: money.map { [cell($0)] } ?? [],
            outcomes: outcomes.map(cell))
    }
}
