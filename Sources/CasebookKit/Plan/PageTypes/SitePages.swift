/// The search page, the plain pages of content/pages/ and the page-not-found page.
struct SearchPages: PageType {
    func pages(_ site: PlanInputs) -> [PlannedPage] {
        [PlannedPage(route: Routes.search) { reader in
            let routes = reader.routes
            return PageParts(title: "Search", description: "Search the case studies by program, place, organisation or topic.",
                             breadcrumbs: [("Home", Routes.home), ("Search", nil)],
                             body: SearchPage(indexURL: routes.link(SearchIndex.manifest), scriptURL: routes.link(Routes.searchScript),
                                              caseIndexURL: routes.link(Routes.caseIndex)))
        }]
    }
}

struct PlainPages: PageType {
    func pages(_ site: PlanInputs) -> [PlannedPage] {
        site.index.content.pages.indices.map { position in
            PlannedPage(route: Routes.page(site.index.content.pages[position].slug)) { reader in
                let page = reader.plainPages[position]
                let config = reader.config
                return PageParts(
                    title: page.title, description: page.summary ?? config.description,
                    breadcrumbs: [("Home", Routes.home), (page.title, nil)],
                    body: PlainPage(bodyHTML: reader.body(of: page)?.html ?? "", summary: page.summary ?? "",
                                    isMethodology: page.slug == config.roles.methodologyPage,
                                    hasStrategyTable: page.strategyTable,
                                    strategyRows: page.strategyTable ? HomePages.strategyCards(reader) : []))
            }
        }
    }
}

struct NotFoundPages: PageType {
    func pages(_ site: PlanInputs) -> [PlannedPage] {
        [PlannedPage(route: Routes.notFound, inSitemap: false) { reader in
            PageParts(title: "Page not found", description: "This page does not exist.",
                      body: NotFoundPage(strategies: HomePages.strategyCards(reader).filter(\.term.hasCases)))
        }]
    }
}
