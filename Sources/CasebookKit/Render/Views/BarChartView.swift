/// Template data for a bar chart: each bar's width as a share of the largest, so the partial can draw
/// it with a percentage (the text around it is HTML, which wraps and keeps its size on a phone).
enum BarChartView {
    static func make(_ chart: Charts.Chart, routes: Routes) -> [String: Any] {
        let largest = chart.bars.map(\.value).max() ?? 0
        let rows: [[String: Any]] = chart.bars.map { bar in
            // At least a sliver, so a small value still shows a bar; widths to a tenth of a percent.
            let share = largest > 0 ? max(0.5, (bar.value / largest * 1000).rounded() / 10) : 0.5
            var row: [String: Any] = ["label": bar.label, "display": bar.display, "url": bar.url, "width": share.plain + "%"]
            if let title = bar.caseTitle { row["case_title"] = title }
            if let asOf = bar.asOf { row["as_of"] = asOf }
            if let certainty = bar.certainty {
                row["certainty"] = certainty.rawValue
                row["certainty_label"] = MetricView.certaintyLabel(certainty)
            }
            if let source = bar.source, let url = bar.sourceURL { row["source"] = ["title": source, "url": url] }
            return row
        }
        return [
            "id": chart.id, "title": chart.title, "description": chart.description, "rows": rows,
            "csv_url": routes.link(chart.csvFile), "is_figures": chart.bars.contains { $0.caseTitle != nil },
        ]
    }
}
