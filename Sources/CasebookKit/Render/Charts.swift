import Foundation

/// The data page's charts, and the CSV of each chart's own numbers. A chart compares only figures
/// that count the same thing: the cases per strategy or per evidence design, and, for each metric key
/// that site.yml marks `chart: true`, each case's headline figure of that key. Every bar carries its
/// figure's own label, date, certainty and source, and links to the figure on its case page.
struct Charts {
    struct Bar: Sendable {
        var label: String
        /// The case the figure belongs to; nil for a count of cases.
        var caseTitle: String?
        var value: Double
        var display: String
        var url: String
        var asOf: String?
        var certainty: Certainty?
        var source: String?
        var sourceURL: String?
    }

    struct Chart: Sendable {
        var id: String
        var title: String
        var description: String
        /// Keep the bars in the order given (an ordinal scale) instead of sorting by value.
        var keepsOrder = false
        var bars: [Bar]

        var csvFile: String { "data/charts/\(id).csv" }
    }

    let reader: SiteReader

    /// Every chart, made from every case's front matter.
    var all: [Chart] {
        let config = reader.config
        let routes = reader.routes
        let cases = reader.everyCase
        var charts: [Chart] = []
        if !config.evidenceDesigns.isEmpty {
            charts.append(Chart(
                id: "chart-evidence", title: "Case studies by evidence of results",
                description: "How many case studies have each kind of evidence that the program worked, strongest first.",
                keepsOrder: true,
                bars: config.evidenceDesigns.map { design in
                    let count = reader.count(.evidence, design.key)
                    return Bar(label: design.label, value: Double(count), display: "\(count)",
                               url: routes.link(Routes.evidence(design.key)))
                }.filter { $0.value > 0 }))
        }
        charts.append(Chart(
            id: "chart-strategies", title: "Case studies per strategy",
            description: "How many case studies use each strategy as their main approach.",
            bars: config.strategies.compactMap { s in
                let count = reader.count(.strategy, s.key)
                return count == 0 ? nil : Bar(label: s.label, value: Double(count), display: "\(count)",
                                              url: routes.link(Routes.strategy(s.key)))
            }))
        for definition in config.metrics where definition.chart {
            let bars: [Bar] = cases.indices.compactMap { casePosition in
                let study = cases[casePosition]
                guard let position = study.headlineFigure(definition.key) else { return nil }
                let metric = study.metrics[position]
                let id = reader.inputs.index.figureIDs[casePosition][position]
                return Bar(label: metric.label, caseTitle: study.title, value: metric.value,
                           display: FigureFormatter.display(metric).phrase, url: routes.link(Routes.figure(study.slug, id: id)),
                           asOf: metric.asOf.display, certainty: metric.certainty, source: metric.source, sourceURL: metric.url)
            }
            guard bars.count >= 2 else { continue }
            charts.append(Chart(
                id: "chart-\(Slug.make(from: definition.key))", title: "\(definition.label): each case's headline figure",
                description: "Each bar is one case's own headline figure for “\(definition.label)”, with what exactly it counts and when. They come from different years and count in different ways, so read each label before comparing; they are not added up.",
                bars: bars))
        }
        return charts.map { chart in
            var chart = chart
            if !chart.keepsOrder { chart.bars.sort { ($0.value, $1.label) > ($1.value, $0.label) } }
            return chart
        }
    }

    /// The CSV files `all` makes, without drawing a bar: for checking links before the build.
    static func csvFiles(config: SiteConfig, cases: [CaseStudy]) -> [String] {
        var ids = config.evidenceDesigns.isEmpty ? [] : ["chart-evidence"]
        ids.append("chart-strategies")
        for definition in config.metrics where definition.chart {
            var count = 0
            for study in cases where study.headlineFigure(definition.key) != nil {
                count += 1
                if count == 2 { break }
            }
            if count >= 2 { ids.append("chart-\(Slug.make(from: definition.key))") }
        }
        return ids.map { Chart(id: $0, title: "", description: "", bars: []).csvFile }
    }

    static let csvColumns = ["chart", "label", "case_study", "value", "display", "as_of", "certainty", "source", "url"]

    /// One chart's numbers, one row per bar, in the chart's order.
    static func csv(_ chart: Chart) -> Data {
        var text = DataExport.byteOrderMark + csvColumns.joined(separator: ",") + "\r\n"
        for bar in chart.bars {
            let fields = [chart.title, bar.label, bar.caseTitle ?? "", bar.value.plain, bar.display, bar.asOf ?? "",
                          bar.certainty?.rawValue ?? "", bar.source ?? "", bar.sourceURL ?? ""]
            text += fields.map(DataExport.csvField).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }
}
