/// The case index: the filters (which, with JavaScript, search the compact facet index and show one
/// page of results at a time), the browse links, and the cards of every case in site order, split
/// into pages of `paging: cards:`.
struct CaseIndexPages: PageType {
    func pages(_ site: PlanInputs) -> [PlannedPage] {
        Pager(total: site.index.cases.count, size: site.paging.cards).pages.map { number in
            PlannedPage(route: Routes.paged(Routes.caseIndex, number)) { reader in
                let config = reader.config
                let title = number == 1 ? "Case studies" : "Case studies, page \(number)"
                let total = reader.count(.all)
                let pager = Pager(total: total, size: reader.paging.cards)
                let links = pager.links(number, base: Routes.caseIndex, routes: reader.routes, noun: CaseCount.noun(2))
                return PageParts(
                    title: title,
                    description: "Every case study in \(config.title), filterable by strategy, state, funding, year and evidence of results.",
                    breadcrumbs: number == 1 ? [("Home", Routes.home), ("Case studies", nil)]
                        : [("Home", Routes.home), ("Case studies", Routes.caseIndex), ("Page \(number)", nil)],
                    links: links,
                    body: CaseIndexPage(
                        cardsHTML: reader.slice(.all, "", pager.range(number)).map { reader.card($0).html }.joined(),
                        count: total, countLabel: CaseCount.noun(total),
                        filters: Self.filters(reader), browse: Self.browse(reader),
                        facetsURL: reader.routes.link(FacetIndexFiles.manifest),
                        pageLinks: links, isFirstPage: number == 1))
            }
        }
    }

    private static func filters(_ reader: SiteReader) -> [CaseFilter] {
        let config = reader.config
        func options(_ facet: Facet, _ items: [(key: String, label: String)], value: (String) -> String = { $0 }) -> [FilterOption] {
            items.map { FilterOption(value: value($0.key), label: $0.label, count: reader.count(facet, $0.key)) }
        }
        let strategies = reader.keys(.strategy), funding = reader.keys(.funding), designs = reader.keys(.evidence)
        return [
            CaseFilter(name: "strategy", label: "Strategy", options: options(.strategy, config.strategies.filter { strategies.contains($0.key) }
                .map { ($0.key, $0.label) })),
            CaseFilter(name: "state", label: "State", options: options(.state, reader.keys(.state).compactMap(USState.named)
                .map { ($0.code, $0.name) }, value: { $0.lowercased() })),
            CaseFilter(name: "funding", label: "Funding", options: options(.funding, config.funding.filter { funding.contains($0.key) }
                .map { ($0.key, $0.label) })),
            CaseFilter(name: "year", label: "Year", options: options(.year, reader.keys(.year).map { ($0, $0) })),
            CaseFilter(name: "evidence", label: "Evidence", options: options(.evidence, config.evidenceDesigns
                .filter { designs.contains($0.key) }.map { ($0.key, $0.label) })),
        ].filter { !$0.options.isEmpty }
    }

    private static func browse(_ reader: SiteReader) -> [BrowseGroup] {
        let config = reader.config
        let routes = reader.routes
        return [
            BrowseGroup(label: "By strategy", links: reader.keys(.strategy).compactMap(config.strategy).map {
                LabeledLink(label: $0.label, url: routes.link(Routes.strategy($0.key))) }),
            BrowseGroup(label: "By state", links: reader.keys(.state).compactMap(USState.named).map {
                LabeledLink(label: $0.name, url: routes.link(Routes.state($0.code))) }),
            BrowseGroup(label: "By funding", links: reader.keys(.funding).compactMap(config.fundingSource).map {
                LabeledLink(label: $0.label, url: routes.link(Routes.funding($0.key))) }),
            BrowseGroup(label: "By year", links: reader.keys(.year).map {
                LabeledLink(label: $0, url: routes.link(Routes.year(Int($0) ?? 0))) }),
            BrowseGroup(label: "By evidence of results", links: reader.keys(.evidence).compactMap(config.evidenceDesign).map {
                LabeledLink(label: $0.label, url: routes.link(Routes.evidence($0.key))) }),
        ].filter { !$0.links.isEmpty }
    }
}
