/// Every case in one printable document, or, on a large site, one part of the report: a cover, a
/// key to the evidence ratings, then the cases grouped by strategy, numbered (1, 1.1, 1.2…) so a
/// printed contents list can be followed without page numbers, which Chromium cannot print there.
struct ReportPage: PageView {
    var heading: String
    var groups: [ReportGroup]
    /// Set on a part of a report split into parts: the contents page of all the parts.
    var contentsURL: String?
    var pageLinks: PageLinks?
    /// The newest "last updated" date of the cases in it, for the cover.
    var updated: String
    var updatedISO: String
    /// The evidence ratings, strongest first, explained once for the whole document.
    var designs: [EvidenceKey]

    static let template = TemplateName.report
    static let viewName = "the report"
    static let fields = TemplateFields<ReportPage>([
        "heading": .text(\.heading),
        "groups": .list(\.groups),
        "count": .number { $0.caseCount },
        "count_label": .text { CaseCount.phrase($0.caseCount) },
        "contents_url": .optionalText(\.contentsURL),
        "page_links": .optional(\.pageLinks),
        "updated": .nonEmptyText { $0.updated },
        "updated_iso": .text(\.updatedISO),
        "designs": .list(\.designs),
        "has_designs": .flag { !$0.designs.isEmpty },
    ])

    var caseCount: Int { groups.reduce(0) { $0 + $1.entries.count } }
}

/// The cases of one strategy in the report, under a numbered heading.
struct ReportGroup: TemplateView {
    var number: Int
    var title: String
    var anchor: String
    var entries: [ReportEntry]

    static let viewName = "a strategy in the report"
    static let fields = TemplateFields<ReportGroup>([
        "number": .number(\.number),
        "title": .text(\.title),
        "anchor": .text(\.anchor),
        "entries": .list(\.entries),
        "count_label": .text { CaseCount.phrase($0.entries.count) },
    ])
}

/// One rating of the evidence scale, in the report's key.
struct EvidenceKey: TemplateView {
    var label: String
    var description: String

    static let viewName = "a rating in the report's key"
    static let fields = TemplateFields<EvidenceKey>([
        "label": .text(\.label),
        "description": .text(\.description),
    ])
}

/// The report's contents on a site too large for one printable document: its parts, by strategy.
struct ReportContentsPage: PageView {
    var count: Int
    var parts: [ReportPart]

    static let template = TemplateName.reportContents
    static let viewName = "the report's contents"
    static let fields = TemplateFields<ReportContentsPage>([
        "count_label": .text { CaseCount.phrase($0.count) },
        "parts": .list(\.parts),
    ])
}

/// One printable part of the report.
struct ReportPart: TemplateView {
    var title: String
    var url: String
    var countLabel: String

    static let viewName = "a part of the report"
    static let fields = TemplateFields<ReportPart>([
        "title": .text(\.title),
        "url": .text(\.url),
        "count_label": .text(\.countLabel),
    ])
}

/// One case in the report.
struct ReportEntry: TemplateView {
    /// Its number in the document, "2.3": the strategy's, then the case's within it.
    var number = ""
    /// When the case was last updated.
    var updated: DayDate
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
        "number": .text(\.number),
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
