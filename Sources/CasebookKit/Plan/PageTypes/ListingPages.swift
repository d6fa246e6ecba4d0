/// The ways of browsing the cases (strategies, states, topics, funding, years, evidence): for each,
/// an overview of its terms and, for each term with cases, a listing of their cards, split into pages
/// of `paging: cards:` in site order (a case added moves only the cards after its place).
struct ListingPages: PageType {
    let facet: Facet

    /// What a facet's pages are called and say, and where they are.
    struct Wording: Sendable {
        var overviewRoute: String
        var overviewTitle: String
        var overviewIntro: String
        var kind: String
        var route: @Sendable (String) -> String
    }

    static let all: [ListingPages] = [.init(facet: .strategy), .init(facet: .state), .init(facet: .tag),
                                      .init(facet: .funding), .init(facet: .year), .init(facet: .evidence)]

    var wording: Wording {
        switch facet {
        case .strategy:
            Wording(overviewRoute: Routes.strategyIndex, overviewTitle: "Strategies",
                    overviewIntro: "The ways schools and their partners used recovery money, with the case studies for each.",
                    kind: "Strategy", route: Routes.strategy)
        case .state:
            Wording(overviewRoute: Routes.stateIndex, overviewTitle: "States",
                    overviewIntro: "Case studies by state. States in colour on the map have at least one case study.",
                    kind: "State", route: Routes.state)
        case .tag:
            Wording(overviewRoute: Routes.tagIndex, overviewTitle: "Topics", overviewIntro: "Every topic the case studies are tagged with.",
                    kind: "Topic", route: Routes.tag)
        case .funding:
            Wording(overviewRoute: Routes.fundingIndex, overviewTitle: "Funding",
                    overviewIntro: "What paid for the programs. A case study is labelled with a source of money only where its own sources document it.",
                    kind: "Funding", route: Routes.funding)
        case .year:
            Wording(overviewRoute: Routes.yearIndex, overviewTitle: "Years",
                    overviewIntro: "The school years the programs ran. A program appears under every year it was running.",
                    kind: "Year", route: { Routes.year(Int($0) ?? 0) })
        case .evidence, .all, .recent:
            Wording(overviewRoute: Routes.evidenceIndex, overviewTitle: "Evidence of results",
                    overviewIntro: "How strong the proof is that each program worked, strongest first. This is separate from the certainty of a figure, which says only how well a number is sourced.",
                    kind: "Evidence of results", route: Routes.evidence)
        }
    }

    func pages(_ site: PlanInputs) -> [PlannedPage] {
        if facet == .evidence && site.config.evidenceDesigns.isEmpty { return [] }
        let wording = self.wording
        let facet = self.facet
        let overview = PlannedPage(route: wording.overviewRoute) { reader in
            PageParts(title: wording.overviewTitle, description: wording.overviewIntro,
                      breadcrumbs: [("Home", Routes.home), (wording.overviewTitle, nil)],
                      body: TermsPage(heading: wording.overviewTitle, intro: wording.overviewIntro,
                                      items: Self.terms(facet, reader: reader),
                                      map: facet == .state ? StateMapView.make(reader: reader) : nil))
        }
        let size = site.paging.cards
        return [overview] + site.index.keys(facet).flatMap { key -> [PlannedPage] in
            let pager = Pager(total: site.index.members(facet, key).count, size: size)
            let base = wording.route(key)
            return pager.pages.map { number in
                PlannedPage(route: Routes.paged(base, number)) { reader in
                    let term = Self.term(facet, key, reader: reader)
                    let title = number == 1 ? term.title : "\(term.title), page \(number)"
                    let total = reader.count(facet, key)
                    let pager = Pager(total: total, size: reader.paging.cards)
                    let cards = reader.slice(facet, key, pager.range(number)).map(reader.card)
                    let links = pager.links(number, base: base, routes: reader.routes, noun: CaseCount.noun(2))
                    return PageParts(
                        title: title, description: term.description,
                        breadcrumbs: [("Home", Routes.home), (wording.overviewTitle, wording.overviewRoute), (title, nil)],
                        links: links,
                        body: ListingPage(heading: term.title, kind: wording.kind, intro: term.description,
                                          cardsHTML: cards.map(\.html).joined(), count: total,
                                          countLabel: CaseCount.phrase(total), npssRole: term.npssRole, pageLinks: links))
                }
            }
        }
    }

    /// A term's title, description and (for strategies) NPSS role.
    private static func term(_ facet: Facet, _ key: String, reader: SiteReader) -> (title: String, description: String, npssRole: String?) {
        let config = reader.config
        switch facet {
        case .strategy:
            let strategy = config.strategy(key)
            return (strategy?.label ?? key, strategy?.description ?? "", strategy?.npssRole)
        case .state:
            let state = USState.named(key) ?? .national
            return state == .national ? ("National and multi-state programs", "Programs that work across many states.", nil)
                : (state.name, "Case studies of programs in \(state.name).", nil)
        case .tag:
            let label = config.tagLabel(key)
            return ("Topic: \(label)", "Case studies tagged “\(label)”.", nil)
        case .funding:
            let source = config.fundingSource(key)
            return ("Funding: \(source?.label ?? key)", source?.description ?? "", nil)
        case .year:
            return ("Programs active in \(key)", "Case studies of programs that were running in \(key).", nil)
        case .evidence, .all, .recent:
            let design = config.evidenceDesign(key)
            return (design?.label ?? key, design?.description ?? "", nil)
        }
    }

    /// The overview's entries: every term with cases (strategies and evidence designs: every term of
    /// the vocabulary, those without cases unlinked).
    static func terms(_ facet: Facet, reader: SiteReader) -> [TermsItem] {
        let config = reader.config
        let routes = reader.routes
        func item(_ key: String, label: String, url: String, description: String? = nil) -> TermsItem {
            let count = reader.count(facet, key)
            return TermsItem(label: label, url: routes.link(url), count: count, countLabel: CaseCount.phrase(count),
                             hasCases: count > 0, description: description)
        }
        switch facet {
        case .strategy:
            return config.strategies.map { item($0.key, label: $0.label, url: Routes.strategy($0.key), description: $0.description) }
        case .evidence:
            return config.evidenceDesigns.map { item($0.key, label: $0.label, url: Routes.evidence($0.key), description: $0.description) }
        case .state:
            return reader.keys(.state).compactMap(USState.named).map { item($0.code, label: $0.name, url: Routes.state($0.code)) }
        case .tag:
            return reader.keys(.tag).map { item($0, label: config.tagLabel($0), url: Routes.tag($0)) }
        case .funding:
            return reader.keys(.funding).compactMap { config.fundingSource($0) }
                .map { item($0.key, label: $0.label, url: Routes.funding($0.key), description: $0.description) }
        case .year:
            return reader.keys(.year).map { item($0, label: $0, url: Routes.year(Int($0) ?? 0)) }
        case .all, .recent:
            return []
        }
    }
}
