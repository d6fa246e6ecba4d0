/// The showcase as a printable report: every case in one document while the site has at most
/// `paging: report_cases:` cases; beyond that a contents page and parts by strategy, each of at most
/// that many cases, so no part grows with the site.
struct ReportPages: PageType {
    static let description = "Every case study in one document, with its key figures, evidence of results, story and sources: for printing."

    func pages(_ site: PlanInputs) -> [PlannedPage] {
        let size = site.paging.reportCases
        guard site.index.cases.count > size else {
            return [PlannedPage(route: Routes.report) { reader in
                // Grouped by strategy, in the vocabulary's order, so a reader meets like with like.
                let groups = reader.keys(.strategy).enumerated().map { index, key in
                    Self.group(index + 1, strategy: key, positions: reader.members(.strategy, key), reader: reader)
                }
                return PageParts(title: "The showcase as a report", description: Self.description,
                                 breadcrumbs: [("Home", Routes.home), ("Report", nil)],
                                 body: Self.report("The showcase as a report", groups: groups, reader: reader))
            }]
        }
        let contents = PlannedPage(route: Routes.report) { reader in
            let config = reader.config
            let parts = reader.keys(.strategy).flatMap { key -> [ReportPart] in
                let label = config.strategy(key)?.label ?? key
                let pager = Pager(total: reader.count(.strategy, key), size: reader.paging.reportCases)
                return pager.pages.map { number in
                    let count = pager.range(number).count
                    return ReportPart(title: pager.pageCount == 1 ? label : "\(label), part \(number) of \(pager.pageCount)",
                                      url: reader.routes.link(Routes.reportPart(key, number)), countLabel: CaseCount.phrase(count))
                }
            }
            return PageParts(title: "The showcase as a report", description: Self.description,
                             breadcrumbs: [("Home", Routes.home), ("Report", nil)],
                             body: ReportContentsPage(count: reader.count(.all), parts: parts))
        }
        return [contents] + site.index.keys(.strategy).flatMap { key -> [PlannedPage] in
            Pager(total: site.index.members(.strategy, key).count, size: size).pages.map { number in
                PlannedPage(route: Routes.reportPart(key, number)) { reader in
                    let label = reader.config.strategy(key)?.label ?? key
                    let pager = Pager(total: reader.count(.strategy, key), size: reader.paging.reportCases)
                    let title = pager.pageCount == 1 ? "Report: \(label)" : "Report: \(label), part \(number) of \(pager.pageCount)"
                    let links = pager.links(number, routes: reader.routes, noun: CaseCount.noun(2)) { Routes.reportPart(key, $0) }
                    let strategyNumber = (reader.keys(.strategy).firstIndex(of: key) ?? 0) + 1
                    let group = Self.group(strategyNumber, strategy: key, positions: reader.slice(.strategy, key, pager.range(number)),
                                           firstCase: pager.range(number).lowerBound + 1, reader: reader)
                    var report = Self.report(title, groups: [group], reader: reader)
                    report.contentsURL = reader.routes.link(Routes.report)
                    report.pageLinks = links
                    return PageParts(title: title, description: Self.description,
                                     breadcrumbs: [("Home", Routes.home), ("Report", Routes.report), (title, nil)], links: links,
                                     body: report)
                }
            }
        }
    }

    /// The report around its groups: the newest update of its cases for the cover, and the evidence key.
    static func report(_ heading: String, groups: [ReportGroup], reader: SiteReader) -> ReportPage {
        let config = reader.config
        let newest = groups.flatMap(\.entries).map(\.updated).max()
        return ReportPage(heading: heading, groups: groups, updated: newest?.display ?? "", updatedISO: newest?.iso ?? "",
                          designs: config.evidenceDesigns.map { EvidenceKey(label: $0.label, description: $0.description) })
    }

    /// One strategy's cases, numbered within the document from `firstCase`.
    static func group(_ number: Int, strategy key: String, positions: [Int], firstCase: Int = 1, reader: SiteReader) -> ReportGroup {
        let entries = positions.enumerated().map { index, position in
            var entry = Self.entry(position, reader: reader)
            entry.number = "\(number).\(firstCase + index)"
            return entry
        }
        return ReportGroup(number: number, title: reader.config.strategy(key)?.label ?? key, anchor: "strategy-\(key)", entries: entries)
    }

    /// One case's entry: its story's headings move down a level and get ids of their own, so the
    /// document has one outline and no repeated ids. Kept between rebuilds until its case changes.
    static func entry(_ position: Int, reader: SiteReader) -> ReportEntry {
        let study = reader.study(position)
        let story = reader.story(position)
        let config = reader.config
        let routes = reader.routes
        return reader.inputs.reportEntries.value(study.sourcePath) {
            let metrics = study.metrics
            let key = metrics.filter(\.highlight)
            return ReportEntry(
                updated: study.date,
                anchor: "case-\(study.slug)", title: study.title, url: routes.link(Routes.caseStudy(study.slug)),
                canonical: routes.absolute(Routes.caseStudy(study.slug)),
                summary: study.summary, organization: study.organization, place: CaseView.placeLine(study),
                years: study.years.display,
                strategyLabel: config.strategy(study.strategy)?.label ?? study.strategy,
                funding: study.funding.compactMap { config.fundingSource($0)?.label }.joined(separator: ", "),
                fundingNote: study.fundingNote ?? "",
                evidence: EvidenceView(config: config, routes: routes).details(study.evidence),
                keyFigures: (key.isEmpty ? Array(metrics.prefix(3)) : key).map { MetricView.card($0, footnote: nil) },
                bodyHTML: Markdown.demotingHeadings(story?.html ?? "", idPrefix: "case-\(study.slug)-"),
                sources: Set(metrics.map { SourceLink(title: $0.source, url: $0.url) })
                    .sorted { ($0.title, $0.url) < ($1.title, $1.url) }
                    .map(ReportSource.init))
        }
    }
}
