/// A bar chart on the data page (`partials/bar-chart.mustache`).
struct BarChart: TemplateView {
    var id: String
    var title: String
    var description: String
    var rows: [BarRow]
    var csvURL: String
    /// The bars are case figures (with their case, date, certainty and source), not counts of cases.
    var isFigures: Bool
    /// How many bars the chart has; only the largest `rows.count` are drawn, the CSV holds them all.
    var total: Int

    static let viewName = "a bar chart"
    static let fields = TemplateFields<BarChart>([
        "id": .text(\.id),
        "title": .text(\.title),
        "description": .text(\.description),
        "rows": .list(\.rows),
        "csv_url": .text(\.csvURL),
        "is_figures": .flag(\.isFigures),
        "shown": .number { $0.rows.count },
        "total": .number(\.total),
        "has_more": .flag { $0.total > $0.rows.count },
    ])
}

/// One bar of a chart, with its width as a share of the largest ("42.5%").
struct BarRow: TemplateView {
    var label: String
    var display: String
    var url: String
    var width: String
    var caseTitle: String?
    var asOf: String?
    var certainty: Certainty?
    /// Set only when the bar has both a source and its address.
    var source: TitledLink?

    static let viewName = "a bar of a chart"
    static let fields = TemplateFields<BarRow>([
        "label": .text(\.label),
        "display": .text(\.display),
        "url": .text(\.url),
        "width": .text(\.width),
        "case_title": .optionalText(\.caseTitle),
        "as_of": .optionalText(\.asOf),
        "certainty": .optionalText { $0.certainty?.rawValue },
        "certainty_label": .optionalText { $0.certainty.map(MetricView.certaintyLabel) },
        "source": .optional(\.source),
    ])
}

/// Builds a chart's view: each bar's width as a share of the largest, so the partial can draw it with
/// a percentage (the text around it is HTML, which wraps and keeps its size on a phone).
enum BarChartView {
    /// - Parameter limit: the most bars drawn (the first, largest ones); the chart's CSV has them all.
    static func make(_ chart: Charts.Chart, routes: Routes, limit: Int = .max) -> BarChart {
        let largest = chart.bars.map(\.value).max() ?? 0
        let rows = chart.bars.prefix(limit).map { bar in
            // At least a sliver, so a small value still shows a bar; widths to a tenth of a percent.
            let share = largest > 0 ? max(0.5, (bar.value / largest * 1000).rounded() / 10) : 0.5
            var source: TitledLink?
            if let title = bar.source, let url = bar.sourceURL { source = TitledLink(title: title, url: url) }
            return BarRow(label: bar.label, display: bar.display, url: bar.url, width: share.plain + "%",
                          caseTitle: bar.caseTitle, asOf: bar.asOf, certainty: bar.certainty, source: source)
        }
        return BarChart(id: chart.id, title: chart.title, description: chart.description, rows: rows,
                        csvURL: routes.link(chart.csvFile), isFigures: chart.bars.contains { $0.caseTitle != nil },
                        total: chart.bars.count)
    }
}
