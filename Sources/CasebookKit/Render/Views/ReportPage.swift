/// Every case in one printable document.
struct ReportPage: PageView {
    var entries: [ReportEntry]

    static let template = TemplateName.report
    static let viewName = "the report"
    static let fields = TemplateFields<ReportPage>([
        "entries": .list(\.entries),
        "count": .number { $0.entries.count },
        "count_label": .text { SitePlanner.caseStudies($0.entries.count) },
    ])
}

/// One case in the report.
struct ReportEntry: TemplateView {
    var anchor: String
    var title: String
    var url: String
    var canonical: String
    var summary: String
    var organization: String
    var place: String
    var years: String
    var strategyLabel: String
    /// The funding sources' labels, joined; "" for none (then the line says nothing of funding).
    var funding: String
    /// "" for none (then nothing is shown), as `funding`.
    var fundingNote: String
    var evidence: EvidenceDetails?
    var keyFigures: [MetricCard]
    var bodyHTML: String
    var sources: [ReportSource]

    static let viewName = "a case in the report"
    static let fields = TemplateFields<ReportEntry>([
        "anchor": .text(\.anchor),
        "title": .text(\.title),
        "url": .text(\.url),
        "canonical": .text(\.canonical),
        "summary": .text(\.summary),
        "organization": .text(\.organization),
        "place": .text(\.place),
        "years": .text(\.years),
        "strategy_label": .text(\.strategyLabel),
        "funding": .nonEmptyText { $0.funding },
        "funding_note": .nonEmptyText { $0.fundingNote },
        "evidence": .optional(\.evidence),
        "key_figures": .list(\.keyFigures),
        "body_html": .text(\.bodyHTML),
        "sources": .list(\.sources),
    ])
}

/// A distinct source of a case's figures in the report.
struct ReportSource: TemplateView {
    var link: SourceLink

    static let viewName = "a source in the report"
    static let fields = TemplateFields<ReportSource>([
        "source": .text { $0.link.title },
        "url": .text { $0.link.url },
    ])
}
