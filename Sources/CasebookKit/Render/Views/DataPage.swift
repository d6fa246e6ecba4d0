/// The data page: charts, downloads, every figure in one table, and the national figures.
struct DataPage: PageView {
    var charts: [BarChart]
    var jsonURL: String
    var csvURL: String
    var metricCount: Int
    var context: [MetricCard]
    var hasContext: Bool
    var caseCount: Int
    /// The table's first page: the figures of the first `paging: figure_cases:` cases.
    var figures: [FigureRow]
    var pageLinks: PageLinks?

    static let template = TemplateName.data
    static let viewName = "the data page"
    static let fields = TemplateFields<DataPage>([
        "charts": .list(\.charts),
        "json_url": .text(\.jsonURL),
        "csv_url": .text(\.csvURL),
        "metric_count": .number(\.metricCount),
        "context": .list(\.context),
        "has_context": .flag(\.hasContext),
        "case_count": .number(\.caseCount),
        "figures": .list(\.figures),
        "page_links": .optional(\.pageLinks),
        "figure_caption": .text { data in
            data.pageLinks.map { "Figures of " + $0.showing.lowercased() } ?? "\(data.metricCount) figures from \(data.caseCount) case studies"
        },
        "certainty_levels": .list { _ in Certainty.allCases.map(CertaintyLevel.init) },
    ])
}

/// A further page of the table of every figure (the first is on the data page).
struct FigureTablePage: PageView {
    var heading: String
    var figures: [FigureRow]
    var pageLinks: PageLinks?
    var dataURL: String

    static let template = TemplateName.figures
    static let viewName = "a page of the table of figures"
    static let fields = TemplateFields<FigureTablePage>([
        "heading": .text(\.heading),
        "figures": .list(\.figures),
        "page_links": .optional(\.pageLinks),
        "data_url": .text(\.dataURL),
        "figure_caption": .text { "Figures of " + ($0.pageLinks?.showing.lowercased() ?? "case studies") },
        "certainty_levels": .list { _ in Certainty.allCases.map(CertaintyLevel.init) },
    ])
}

/// One case figure in the data page's table, linked to its card on its case page.
struct FigureRow: TemplateView {
    var caseTitle: String
    var caseURL: String
    var label: String
    var url: String
    /// The figure's vocabulary label and group, joined with " · "; "" when it has none (then nothing is shown).
    var kind: String
    var phrase: String
    /// The value as typed, for sorting.
    var value: String
    var asOf: String
    var asOfSort: String
    var certainty: Certainty
    var source: String
    var sourceURL: String

    static let viewName = "a row of the table of figures"
    static let fields = TemplateFields<FigureRow>([
        "case_title": .text(\.caseTitle),
        "case_url": .text(\.caseURL),
        "label": .text(\.label),
        "url": .text(\.url),
        "kind": .nonEmptyText { $0.kind },
        "phrase": .text(\.phrase),
        "value": .text(\.value),
        "as_of": .text(\.asOf),
        "as_of_sort": .text(\.asOfSort),
        "certainty": .text { $0.certainty.rawValue },
        "certainty_label": .text { MetricView.certaintyLabel($0.certainty) },
        "certainty_sort": .number { Certainty.allCases.firstIndex(of: $0.certainty)! },
        "source": .text(\.source),
        "source_url": .text(\.sourceURL),
    ])
}

/// One certainty, for the table's filter.
struct CertaintyLevel: TemplateView {
    var certainty: Certainty

    static let viewName = "a certainty"
    static let fields = TemplateFields<CertaintyLevel>([
        "value": .text { $0.certainty.rawValue },
        "label": .text { MetricView.certaintyLabel($0.certainty) },
    ])
}
