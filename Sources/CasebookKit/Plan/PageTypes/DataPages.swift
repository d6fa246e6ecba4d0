/// The data page (charts of the largest figures, the downloads, the national figures and the first
/// page of the table of every figure) and the table's further pages, each holding the figures of
/// `paging: figure_cases:` cases in site order.
struct DataPages: PageType {
    func pages(_ site: PlanInputs) -> [PlannedPage] {
        let pager = Pager(total: site.index.cases.count, size: site.paging.figureCases)
        let data = PlannedPage(route: Routes.data) { reader in
            PageParts(title: "Data and charts",
                      description: "Charts of the case studies' figures, and every figure with its source as JSON and CSV.",
                      breadcrumbs: [("Home", Routes.home), ("Data", nil)], body: Self.dataPage(reader))
        }
        return [data] + pager.pages.dropFirst().map { number in
            PlannedPage(route: Self.route(number)) { reader in
                let title = "Every figure, page \(number)"
                let (rows, links) = Self.figures(page: number, reader: reader)
                return PageParts(title: title, description: "The figures of the case studies, each with its source, date and certainty.",
                                 breadcrumbs: [("Home", Routes.home), ("Data", Routes.data), (title, nil)], links: links,
                                 body: FigureTablePage(heading: title, figures: rows, pageLinks: links,
                                                       dataURL: reader.routes.link(Routes.data)))
            }
        }
    }

    /// Page 1 of the table is on the data page itself.
    static func route(_ number: Int) -> String {
        number <= 1 ? Routes.data : Routes.paged(Routes.figures, number)
    }

    private static func dataPage(_ reader: SiteReader) -> DataPage {
        let routes = reader.routes
        let limit = reader.paging.chartBars
        let charts = Charts(reader: reader).all.map { BarChartView.make($0, routes: routes, limit: limit) }
        let (rows, links) = figures(page: 1, reader: reader)
        let context = reader.context
        return DataPage(
            charts: charts,
            jsonURL: routes.link(Routes.jsonDownload),
            csvURL: routes.link(Routes.csvDownload),
            metricCount: reader.everyCase.reduce(0) { $0 + $1.metrics.count },
            context: context.map { MetricView.card($0, footnote: nil) },
            hasContext: !context.isEmpty,
            caseCount: reader.count(.all),
            figures: rows, pageLinks: links)
    }

    /// The rows of one page of the table: every figure of its cases, each linking to its card.
    private static func figures(page number: Int, reader: SiteReader) -> ([FigureRow], PageLinks?) {
        let pager = Pager(total: reader.count(.all), size: reader.paging.figureCases)
        let config = reader.config
        let routes = reader.routes
        let rows = reader.slice(.all, "", pager.range(number)).flatMap { casePosition -> [FigureRow] in
            let study = reader.study(casePosition)
            let ids = reader.figureIDs(casePosition)
            return study.metrics.indices.map { position in
                let metric = study.metrics[position]
                let definition = metric.key.flatMap(config.metric)
                return FigureRow(
                    caseTitle: study.title, caseURL: routes.link(Routes.caseStudy(study.slug)),
                    label: metric.label, url: routes.link(Routes.figure(study.slug, id: ids[position])),
                    kind: [definition?.label, definition?.group.flatMap { config.metricGroup($0)?.label }]
                        .compactMap { $0 }.joined(separator: " · "),
                    phrase: FigureFormatter.display(metric).phrase, value: metric.value.plain,
                    asOf: metric.asOf.display, asOfSort: metric.asOf.text,
                    certainty: metric.certainty,
                    source: metric.source, sourceURL: metric.url)
            }
        }
        let links = pager.links(number, routes: routes, noun: "case studies' figures") { n in
            n == 1 ? Routes.data + "#every-figure" : route(n)
        }
        return (rows, links)
    }
}
