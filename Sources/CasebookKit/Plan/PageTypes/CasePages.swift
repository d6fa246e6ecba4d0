/// One page per case study.
struct CasePages: PageType {
    func pages(_ site: PlanInputs) -> [PlannedPage] {
        site.index.cases.indices.map { position in
            PlannedPage(route: Routes.caseStudy(site.index.cases[position].slug), subject: position) { reader in
                let study = reader.study(position)
                return PageParts(title: study.title, description: study.summary,
                                 breadcrumbs: [("Home", Routes.home), ("Case studies", Routes.caseIndex), (study.title, nil)],
                                 body: CaseStudyPage(study: CaseView.page(position, reader: reader)))
            }
        }
    }
}
