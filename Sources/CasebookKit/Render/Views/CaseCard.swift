/// A case study as a card, as every listing shows it (`partials/card.mustache`); a case page has all
/// of its fields too.
struct CaseCard: TemplateView {
    var title: String
    var url: String
    var summary: String
    var organization: String
    var place: String
    var stateCode: String
    var strategy: String
    var strategyLabel: String
    var years: String
    /// The years the program ran, up to the site's latest year, for the index's filter: "2021 2022".
    var yearList: String
    var fundingList: String
    var keyMetrics: [MetricCard]
    var evidence: EvidenceBadge?
    var evidenceKey: String
    /// For sorting the index: strongest evidence first (99 for a case with no rating).
    var evidenceRank: Int
    /// The headline count of students, as typed; "" when there is none.
    var studentsSort: String
    var dateISO: String

    static let viewName = "a case card"
    static let fields = TemplateFields<CaseCard>([
        "title": .text(\.title),
        "url": .text(\.url),
        "summary": .text(\.summary),
        "organization": .text(\.organization),
        "place": .text(\.place),
        "state_code": .text(\.stateCode),
        "strategy": .text(\.strategy),
        "strategy_label": .text(\.strategyLabel),
        "years": .text(\.years),
        "year_list": .text(\.yearList),
        "funding_list": .text(\.fundingList),
        "key_metrics": .list(\.keyMetrics),
        "has_key_metrics": .flag { !$0.keyMetrics.isEmpty },
        "evidence": .optional(\.evidence),
        "evidence_key": .text(\.evidenceKey),
        "evidence_rank": .number(\.evidenceRank),
        "students_sort": .text(\.studentsSort),
        "date_iso": .text(\.dateISO),
    ])
}

/// A card with its finished HTML (drawn once with `partials/card`), for `{{{html}}}` in the
/// case page's related cases.
struct RenderedCard: TemplateView {
    var card: CaseCard
    var html: String

    static let viewName = "a drawn case card"
    static let fields = TemplateFields<RenderedCard>([
        "html": .text(\.html),
    ]).including(CaseCard.fields, from: \.card)
}
