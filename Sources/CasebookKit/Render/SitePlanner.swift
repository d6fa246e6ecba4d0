/// Derives every page of the site from the content: home, case index and pages, strategy, state,
/// tag, funding and year listings, the dashboard, search, plain pages, 404, feed, sitemap and robots.
struct SitePlanner {
    let index: SiteIndex
    let routes: Routes
    /// Rendered Markdown bodies, by source path.
    let bodies: [String: Markdown.Rendered]

    /// A case's card: its listing data, with its `html`. It shows the years the program ran up to the
    /// site's latest year, so a kept card is redrawn when that changes.
    struct Card: Sendable {
        var latestYear: Int
        var rendered: RenderedCard
    }

    /// Each case's card, built once: a case appears on many listings (index, strategy, state, every
    /// tag, year and funding source). Each card is also rendered once with `partials/card.mustache`
    /// (its `html`), so a listing joins finished cards instead of re-rendering the partial per listing.
    private let cards: [RenderedCard]
    /// Report entries kept from an earlier build of the same settings.
    private let reportCache: PathMemo<ReportEntry>

    /// - Parameters:
    ///   - cardCache: cards from an earlier build of the same templates and settings; only cases it
    ///     does not hold are drawn again.
    ///   - reportCache: the same for the cases' entries in the report.
    init(index: SiteIndex, routes: Routes, bodies: [String: Markdown.Rendered], templates: TemplateSet,
         cardCache: PathMemo<Card> = PathMemo(), reportCache: PathMemo<ReportEntry> = PathMemo()) {
        self.index = index
        self.routes = routes
        self.bodies = bodies
        self.reportCache = reportCache
        let view = CaseView(index: index, routes: routes)
        let latest = index.latestYear
        let drawn = parallelMap(Array(index.cases.indices)) { position -> Card in
            let study = index.cases[position]
            return cardCache.value(study.sourcePath, isCurrent: { $0.latestYear == latest }) {
                let card = view.card(position)
                return Card(latestYear: latest, rendered: RenderedCard(card: card, html: templates.renderCard(card)))
            }
        }
        self.cards = drawn.map(\.rendered)
    }

    /// The finished cards of these cases, in order, for `{{{cards_html}}}`.
    private func cardsHTML(_ members: [Int]) -> String {
        members.map { cards[$0].html }.joined()
    }

    var config: SiteConfig { index.content.config }

    /// "1 case study", "16 case studies".
    static func caseStudies(_ count: Int) -> String { "\(count) \(caseStudyNoun(count))" }
    static func caseStudyNoun(_ count: Int) -> String { count == 1 ? "case study" : "case studies" }
    private var cases: CaseView { CaseView(index: index, routes: routes) }

    func plan() -> [PlannedPage] {
        var pages: [PlannedPage] = [home(), caseIndex()]
        pages += index.cases.indices.map(casePage)
        pages += strategyPages() + statePages() + tagPages() + fundingPages() + yearPages() + evidencePages()
        pages += [dashboard(), compare(), report(), searchPage()]
        pages += index.content.pages.map(plainPage)
        pages += [notFound(), feed(), sitemap(pages), robots()]
        return pages
    }

    // MARK: Home and index

    private func home() -> PlannedPage {
        PlannedPage(route: Routes.home, title: config.title, description: config.description, body: homePage())
    }

    private func homePage() -> HomePage {
        let all = index.cases
        let featured = all.indices.filter { all[$0].featured }
        let highlighted = index.content.context.filter(\.highlight)
        let homeContext = highlighted.isEmpty ? Array(index.content.context.prefix(4)) : highlighted
        let evidence = EvidenceView(config: config, routes: routes)
        // The cases with the strongest evidence of results, strongest first; never one with none.
        let strongest = all.indices.filter { position in
            config.evidenceDesign(of: all[position].evidence).map { !$0.noEvidence } ?? false
        }.sorted { (rank(all[$0]), $0) < (rank(all[$1]), $1) }.prefix(3)
        return HomePage(
            context: homeContext.map { MetricView.card($0, footnote: nil) },
            allContextURL: routes.link(Routes.data) + "#national-figures",
            hasContext: !index.content.context.isEmpty,
            totals: [
                HomeTotal(figure: "\(all.count)", label: Self.caseStudyNoun(all.count)),
                HomeTotal(figure: "\(index.statesWithCases.filter { $0 != .national }.count)", label: "states"),
                HomeTotal(figure: "\(index.byStrategy.count)", label: "strategies"),
            ],
            headlineLines: headlineLines(),
            map: StateMapView.make(index: index, routes: routes),
            strategies: strategyCards().filter(\.term.hasCases),
            evidenceLevels: evidenceLevels().filter(\.term.hasCases),
            hasEvidence: !config.evidenceDesigns.isEmpty,
            strongest: strongest.map { position in
                let study = all[position]
                return StrongCase(
                    title: study.title, url: routes.link(Routes.caseStudy(study.slug)),
                    place: cases.placeLine(study),
                    strategyLabel: config.strategy(study.strategy)?.label ?? study.strategy,
                    finding: study.evidence?.study.finding ?? "",
                    evidence: evidence.badge(study.evidence))
            },
            evidenceIndexURL: routes.link(Routes.evidenceIndex),
            compareURL: routes.link(Routes.compare),
            featured: (featured.isEmpty ? Array(all.indices.prefix(3)) : featured).map { cards[$0].card },
            caseIndexURL: routes.link(Routes.caseIndex),
            stateLinks: index.statesWithCases.map { state in
                let count = index.byState[state.code]!.count
                return StateLink(label: state == .national ? "National" : state.name, url: routes.link(Routes.state(state.code)), count: count)
            })
    }

    /// A case's place in the evidence order: 1 for the strongest design; unrated cases last.
    private func rank(_ study: CaseStudy) -> Int {
        config.evidenceDesign(of: study.evidence)?.rank ?? Int.max
    }

    /// The home page's figures across cases: a total where the figures count alike, otherwise the
    /// range and each case's own figure (see `HeadlineTotals`).
    private func headlineLines() -> [HeadlineLine] {
        HeadlineTotals(cases: index.cases, config: config).lines.map { line in
            let items = line.entries.map { entry in
                let study = index.cases[entry.position]
                let id = index.figureIDs[entry.position][entry.index]
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
            return HeadlineLine(label: line.definition.label, items: items, outcome: outcome)
        }
    }

    /// Each evidence design with its cases, strongest first, for the home page and the index.
    private func evidenceLevels() -> [EvidenceLevel] {
        config.evidenceDesigns.map { design in
            let count = index.byEvidence[design.key]?.count ?? 0
            return EvidenceLevel(
                term: TermsItem(label: design.label, url: routes.link(Routes.evidence(design.key)), count: count,
                                countLabel: Self.caseStudies(count), hasCases: count > 0, description: design.description),
                key: design.key, short: design.short)
        }
    }

    private func strategyCards() -> [StrategyCard] {
        config.strategies.map { strategy in
            let count = index.byStrategy[strategy.key]?.count ?? 0
            return StrategyCard(
                term: TermsItem(label: strategy.label, url: routes.link(Routes.strategy(strategy.key)), count: count,
                                countLabel: Self.caseStudies(count), hasCases: count > 0, description: strategy.description),
                npssRole: strategy.npssRole)
        }
    }

    private func caseIndex() -> PlannedPage {
        PlannedPage(route: Routes.caseIndex, title: "Case studies",
                    description: "Every case study in \(config.title), filterable by strategy, state, funding, year and evidence of results.",
                    breadcrumbs: [("Home", Routes.home), ("Case studies", nil)], body: caseIndexPage())
    }

    private func caseIndexPage() -> CaseIndexPage {
        func options(_ items: [(String, String, Int)]) -> [FilterOption] {
            // (value, label, count)
            items.map { FilterOption(value: $0.0, label: $0.1, count: $0.2) }
        }
        return CaseIndexPage(
            cardsHTML: cardsHTML(Array(index.cases.indices)),
            count: index.cases.count,
            countLabel: Self.caseStudyNoun(index.cases.count),
            filters: [
                CaseFilter(name: "strategy", label: "Strategy", options: options(config.strategies.compactMap { s in
                    index.byStrategy[s.key].map { (s.key, s.label, $0.count) } })),
                CaseFilter(name: "state", label: "State", options: options(index.statesWithCases.map {
                    ($0.code.lowercased(), $0.name, index.byState[$0.code]!.count) })),
                CaseFilter(name: "funding", label: "Funding", options: options(config.funding.compactMap { f in
                    index.byFunding[f.key].map { (f.key, f.label, $0.count) } })),
                CaseFilter(name: "year", label: "Year", options: options(index.sortedYears.map {
                    ("\($0)", "\($0)", index.byYear[$0]!.count) })),
                CaseFilter(name: "evidence", label: "Evidence", options: options(config.evidenceDesigns.compactMap { d in
                    index.byEvidence[d.key].map { (d.key, d.label, $0.count) } })),
            ].filter { !$0.options.isEmpty },
            browse: [
                BrowseGroup(label: "By strategy", links: config.strategies.compactMap { s in index.byStrategy[s.key].map { _ in
                    LabeledLink(label: s.label, url: routes.link(Routes.strategy(s.key))) } }),
                BrowseGroup(label: "By state", links: index.statesWithCases.map {
                    LabeledLink(label: $0.name, url: routes.link(Routes.state($0.code))) }),
                BrowseGroup(label: "By funding", links: config.funding.compactMap { f in index.byFunding[f.key].map { _ in
                    LabeledLink(label: f.label, url: routes.link(Routes.funding(f.key))) } }),
                BrowseGroup(label: "By year", links: index.sortedYears.map {
                    LabeledLink(label: "\($0)", url: routes.link(Routes.year($0))) }),
                BrowseGroup(label: "By evidence of results", links: config.evidenceDesigns.compactMap { d in index.byEvidence[d.key].map { _ in
                    LabeledLink(label: d.label, url: routes.link(Routes.evidence(d.key))) } }),
            ].filter { !$0.links.isEmpty })
    }

    func casePage(_ position: Int) -> PlannedPage {
        let study = index.cases[position]
        let rendered = bodies[study.sourcePath]
        // The page shows its own case, cards of related cases, and its neighbours' titles.
        let neighbours = [position - 1, position + 1].filter(index.cases.indices.contains)
        let related = index.related(to: position)
        let shown = [position] + related + neighbours
        return PlannedPage(route: Routes.caseStudy(study.slug), title: study.title,
                           description: study.summary,
                           breadcrumbs: [("Home", Routes.home), ("Case studies", Routes.caseIndex), (study.title, nil)],
                           lastModified: study.date, dependsOn: shown.map { index.cases[$0].slug },
                           body: CaseStudyPage(study: cases.page(position, body: rendered?.html ?? "", headings: rendered?.headings ?? [],
                                                                 related: related.map { cards[$0] })))  // the finished cards, with their html
    }

    // MARK: Listings

    private func listing(route: String, title: String, kind: String, description: String, members: [Int],
                         parent: (String, String), npssRole: String? = nil) -> PlannedPage {
        PlannedPage(route: route, title: title, description: description,
                    breadcrumbs: [("Home", Routes.home), (parent.0, parent.1), (title, nil)],
                    dependsOn: members.map { index.cases[$0].slug },
                    body: ListingPage(heading: title, kind: kind, intro: description, cardsHTML: cardsHTML(members),
                                      count: members.count, countLabel: Self.caseStudies(members.count), npssRole: npssRole))
    }

    private func terms(route: String, title: String, intro: String, items: [TermsItem], map: StateMap? = nil) -> PlannedPage {
        PlannedPage(route: route, title: title, description: intro,
                    breadcrumbs: [("Home", Routes.home), (title, nil)],
                    body: TermsPage(heading: title, intro: intro, items: items, map: map))
    }

    private func strategyPages() -> [PlannedPage] {
        let overview = terms(route: Routes.strategyIndex, title: "Strategies",
                             intro: "The ways schools and their partners used recovery money, with the case studies for each.",
                             items: strategyCards().map(\.term))
        return [overview] + config.strategies.compactMap { strategy in
            guard let members = index.byStrategy[strategy.key] else { return nil }
            return listing(route: Routes.strategy(strategy.key), title: strategy.label, kind: "Strategy",
                           description: strategy.description, members: members,
                           parent: ("Strategies", Routes.strategyIndex), npssRole: strategy.npssRole)
        }
    }

    private func statePages() -> [PlannedPage] {
        let states = index.statesWithCases
        let overview = terms(route: Routes.stateIndex, title: "States",
                             intro: "Case studies by state. States in colour on the map have at least one case study.",
                             items: states.map { state in
                                 let count = index.byState[state.code]!.count
                                 return TermsItem(label: state.name, url: routes.link(Routes.state(state.code)), count: count,
                                                  countLabel: Self.caseStudies(count), hasCases: true) },
                             map: StateMapView.make(index: index, routes: routes))
        return [overview] + states.map { state in
            let name = state == .national ? "National and multi-state programs" : state.name
            return listing(route: Routes.state(state.code), title: name, kind: "State",
                           description: state == .national ? "Programs that work across many states."
                               : "Case studies of programs in \(state.name).",
                           members: index.byState[state.code]!, parent: ("States", Routes.stateIndex))
        }
    }

    private func tagPages() -> [PlannedPage] {
        let overview = terms(route: Routes.tagIndex, title: "Topics",
                             intro: "Every topic the case studies are tagged with.",
                             items: index.sortedTags.map { tag in
                                 let count = index.byTag[tag]!.count
                                 return TermsItem(label: config.tagLabel(tag), url: routes.link(Routes.tag(tag)), count: count,
                                                  countLabel: Self.caseStudies(count), hasCases: true) })
        return [overview] + index.sortedTags.map { tag in
            let label = config.tagLabel(tag)
            return listing(route: Routes.tag(tag), title: "Topic: \(label)", kind: "Topic",
                           description: "Case studies tagged “\(label)”.", members: index.byTag[tag]!, parent: ("Topics", Routes.tagIndex))
        }
    }

    private func fundingPages() -> [PlannedPage] {
        let sources = config.funding.filter { index.byFunding[$0.key] != nil }
        let overview = terms(route: Routes.fundingIndex, title: "Funding",
                             intro: "What paid for the programs. A case study is labelled with a source of money only where its own sources document it.",
                             items: sources.map { source in
                                 let count = index.byFunding[source.key]!.count
                                 return TermsItem(label: source.label, url: routes.link(Routes.funding(source.key)), count: count,
                                                  countLabel: Self.caseStudies(count), hasCases: true, description: source.description) })
        return [overview] + sources.map { source in
            listing(route: Routes.funding(source.key), title: "Funding: \(source.label)", kind: "Funding",
                    description: source.description, members: index.byFunding[source.key]!, parent: ("Funding", Routes.fundingIndex))
        }
    }

    private func yearPages() -> [PlannedPage] {
        let overview = terms(route: Routes.yearIndex, title: "Years",
                             intro: "The school years the programs ran. A program appears under every year it was running.",
                             items: index.sortedYears.map { year in
                                 let count = index.byYear[year]!.count
                                 return TermsItem(label: "\(year)", url: routes.link(Routes.year(year)), count: count,
                                                  countLabel: Self.caseStudies(count), hasCases: true) })
        return [overview] + index.sortedYears.map { year in
            listing(route: Routes.year(year), title: "Programs active in \(year)", kind: "Year",
                    description: "Case studies of programs that were running in \(year).",
                    members: index.byYear[year]!, parent: ("Years", Routes.yearIndex))
        }
    }

    private func evidencePages() -> [PlannedPage] {
        guard !config.evidenceDesigns.isEmpty else { return [] }
        let overview = terms(route: Routes.evidenceIndex, title: "Evidence of results",
                             intro: "How strong the proof is that each program worked, strongest first. This is separate from the certainty of a figure, which says only how well a number is sourced.",
                             items: evidenceLevels().map(\.term))
        return [overview] + config.evidenceDesigns.compactMap { design in
            guard let members = index.byEvidence[design.key] else { return nil }
            return listing(route: Routes.evidence(design.key), title: design.label, kind: "Evidence of results",
                           description: design.description, members: members,
                           parent: ("Evidence of results", Routes.evidenceIndex))
        }
    }

    // MARK: Compare

    /// Every case in one table: strategy, place, years, funding, evidence, students reached, cost and
    /// headline results, each figure linking to its card on the case page. A figure that was not
    /// published says so; nothing is computed (no dollars divided by another source's students).
    private func compare() -> PlannedPage {
        PlannedPage(route: Routes.compare, title: "Compare case studies",
                    description: "Strategy, place, funding, evidence of results, students reached, cost per student and headline results of every case study, side by side.",
                    breadcrumbs: [("Home", Routes.home), ("Case studies", Routes.caseIndex), ("Compare", nil)],
                    body: ComparePage(rows: compareRows(), methodologyHint: true))
    }

    private func compareRows() -> [CompareRow] {
        let evidence = EvidenceView(config: config, routes: routes)
        let outcomeKeys = Set(config.metrics.filter { $0.group == "outcomes" }.map(\.key))
        @Sendable func cell(_ study: CaseStudy, _ position: Int, ids: [String]) -> CompareFigure {
            let metric = study.metrics[position]
            return CompareFigure(phrase: FigureFormatter.display(metric).phrase, label: metric.label, asOf: metric.asOf.display,
                                 certainty: metric.certainty, url: routes.link(Routes.figure(study.slug, id: ids[position])),
                                 sort: metric.value)
        }
        return parallelMap(Array(index.cases.indices)) { casePosition in
            let study = index.cases[casePosition]
            let ids = index.figureIDs[casePosition]
            let metrics = study.metrics
            let students = study.headlineFigure("students_served")
            let costs = metrics.indices.filter { metrics[$0].key?.hasPrefix("cost_per_") == true }
            let highlightedOutcomes = metrics.indices.filter { metrics[$0].highlight && outcomeKeys.contains(metrics[$0].key ?? "") }
            let outcomes = highlightedOutcomes.isEmpty
                ? Array(metrics.indices.filter { outcomeKeys.contains(metrics[$0].key ?? "") }.prefix(2)) : highlightedOutcomes
            return CompareRow(
                slug: study.slug, title: study.title, url: routes.link(Routes.caseStudy(study.slug)),
                strategyLabel: config.strategy(study.strategy)?.label ?? study.strategy,
                strategy: study.strategy,
                place: cases.placeLine(study), years: study.years.display,
                funding: study.funding.compactMap { config.fundingSource($0)?.label }.joined(separator: ", "),
                evidence: evidence.badge(study.evidence),
                evidenceRank: rank(study),
                students: students.map { cell(study, $0, ids: ids) },
                costs: costs.map { cell(study, $0, ids: ids) },
                outcomes: outcomes.map { cell(study, $0, ids: ids) })
        }
    }

    /// Every case figure, one row each, for the data page's table: each row links to the figure's
    /// card on its case page.
    private func figureRows() -> [FigureRow] {
        parallelMap(Array(index.cases.indices)) { casePosition -> [FigureRow] in
            let study = index.cases[casePosition]
            let ids = index.figureIDs[casePosition]
            return study.metrics.indices.map { position in
                let metric = study.metrics[position]
                return FigureRow(
                    caseTitle: study.title, caseURL: routes.link(Routes.caseStudy(study.slug)),
                    label: metric.label, url: routes.link(Routes.figure(study.slug, id: ids[position])),
                    kind: [metric.key.flatMap { config.metric($0)?.label },
                           metric.key.flatMap { config.metric($0)?.group }.flatMap { config.metricGroup($0)?.label }]
                        .compactMap { $0 }.joined(separator: " · "),
                    phrase: FigureFormatter.display(metric).phrase, value: metric.value.plain,
                    asOf: metric.asOf.display, asOfSort: metric.asOf.text,
                    certainty: metric.certainty,
                    source: metric.source, sourceURL: metric.url)
            }
        }.flatMap { $0 }
    }

    // MARK: Report

    /// Every case in one printable document with a contents list: the showcase as a report to hand
    /// to a board. Each case's story keeps its text; its headings move down a level and get ids of
    /// their own, so the document has one outline and no repeated ids.
    func report() -> PlannedPage {
        PlannedPage(route: Routes.report, title: "The showcase as a report",
                    description: "Every case study in one document, with its key figures, evidence of results, story and sources: for printing.",
                    breadcrumbs: [("Home", Routes.home), ("Report", nil)],
                    body: ReportPage(entries: reportEntries()))
    }

    private func reportEntries() -> [ReportEntry] {
        let view = EvidenceView(config: config, routes: routes)
        return parallelMap(Array(index.cases.indices)) { position in
            let study = index.cases[position]
            return reportCache.value(study.sourcePath) { reportEntry(study, view: view) }
        }
    }

    private func reportEntry(_ study: CaseStudy, view: EvidenceView) -> ReportEntry {
        let html = bodies[study.sourcePath]?.html ?? ""
        let metrics = study.metrics
        let key = metrics.filter(\.highlight)
        return ReportEntry(
            anchor: "case-\(study.slug)", title: study.title, url: routes.link(Routes.caseStudy(study.slug)),
            canonical: routes.absolute(Routes.caseStudy(study.slug)),
            summary: study.summary, organization: study.organization, place: cases.placeLine(study),
            years: study.years.display,
            strategyLabel: config.strategy(study.strategy)?.label ?? study.strategy,
            funding: study.funding.compactMap { config.fundingSource($0)?.label }.joined(separator: ", "),
            fundingNote: study.fundingNote ?? "",
            evidence: view.details(study.evidence),
            keyFigures: (key.isEmpty ? Array(metrics.prefix(3)) : key).map { MetricView.card($0, footnote: nil) },
            bodyHTML: Markdown.demotingHeadings(html, idPrefix: "case-\(study.slug)-"),
            sources: Set(metrics.map { SourceLink(title: $0.source, url: $0.url) })
                .sorted { ($0.title, $0.url) < ($1.title, $1.url) }
                .map(ReportSource.init))
    }

    // MARK: Dashboard, search, pages

    private func dashboard() -> PlannedPage {
        PlannedPage(route: Routes.data, title: "Data and charts",
                    description: "Charts of the case studies' figures, and every figure with its source as JSON and CSV.",
                    breadcrumbs: [("Home", Routes.home), ("Data", nil)], body: dataPage())
    }

    private func dataPage() -> DataPage {
        let charts = Charts(index: index, routes: routes).all.map { BarChartView.make($0, routes: routes) }
        return DataPage(
            charts: charts,
            jsonURL: routes.link(Routes.jsonDownload),
            csvURL: routes.link(Routes.csvDownload),
            metricCount: index.cases.reduce(0) { $0 + $1.metrics.count },
            context: index.content.context.map { MetricView.card($0, footnote: nil) },
            hasContext: !index.content.context.isEmpty,
            caseCount: index.cases.count,
            figures: figureRows())
    }

    private func searchPage() -> PlannedPage {
        PlannedPage(route: Routes.search, title: "Search",
                    description: "Search the case studies by program, place, organisation or topic.",
                    breadcrumbs: [("Home", Routes.home), ("Search", nil)], dependsOn: [],
                    body: SearchPage(indexURL: routes.link(SearchIndex.manifest), scriptURL: routes.link(Routes.searchScript),
                                     caseIndexURL: routes.link(Routes.caseIndex)))
    }

    private func plainPage(_ page: Page) -> PlannedPage {
        PlannedPage(route: Routes.page(page.slug), title: page.title,
                    description: page.summary ?? config.description,
                    breadcrumbs: [("Home", Routes.home), (page.title, nil)], dependsOn: [],
                    body: PlainPage(bodyHTML: bodies[page.sourcePath]?.html ?? "", summary: page.summary ?? "",
                                    isMethodology: page.slug == "methodology",
                                    hasStrategyTable: page.strategyTable, strategyRows: page.strategyTable ? strategyCards() : []))
    }

    private func notFound() -> PlannedPage {
        PlannedPage(route: Routes.notFound, title: "Page not found",
                    description: "This page does not exist.", inSitemap: false,
                    body: NotFoundPage(strategies: strategyCards().filter(\.term.hasCases)))
    }

    // MARK: Machine-readable files

    private func feed() -> PlannedPage {
        PlannedPage(route: Routes.feed, title: config.title, description: config.description, inSitemap: false, body: feedPage())
    }

    private func feedPage() -> FeedPage {
        let entries = index.cases.sorted { ($0.date, $1.title) > ($1.date, $0.title) }
        return FeedPage(
            feedURL: routes.absolute(Routes.feed),
            updated: (entries.first?.date ?? DayDate(year: 2020, month: 1, day: 1)!).rfc3339,
            entries: entries.map { study in
                FeedEntry(title: study.title, url: routes.absolute(Routes.caseStudy(study.slug)),
                          updated: study.date.rfc3339, summary: study.summary,
                          category: config.strategy(study.strategy)?.label ?? study.strategy)
            })
    }

    private func sitemap(_ pages: [PlannedPage]) -> PlannedPage {
        let listed = pages.filter(\.inSitemap).map { ($0.route, $0.lastModified) }
        let routes = self.routes
        return PlannedPage(route: Routes.sitemap, title: "", description: "", inSitemap: false,
                           body: SitemapPage(urls: listed.map { SitemapURL(loc: routes.absolute($0.0), lastmod: $0.1?.iso) }))
    }

    private func robots() -> PlannedPage {
        PlannedPage(route: Routes.robots, title: "", description: "", inSitemap: false,
                    dependsOn: [], body: RobotsPage(sitemapURL: routes.absolute(Routes.sitemap)))
    }
}
