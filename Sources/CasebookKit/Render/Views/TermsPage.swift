/// An overview of one way of browsing (strategies, states, topics, funding, years, evidence): each
/// term with its number of cases; the states' overview has the map too.
struct TermsPage: PageView {
    var heading: String
    var intro: String
    var items: [TermsItem]
    var map: StateMap?

    static let template = TemplateName.terms
    static let viewName = "an overview page"
    static let fields = TemplateFields<TermsPage>([
        "heading": .text(\.heading),
        "intro": .text(\.intro),
        "items": .list(\.items),
        "map": .optional(\.map),
    ])
}

/// One term of an overview, linked to its listing.
struct TermsItem: TemplateView {
    var label: String
    var url: String
    var count: Int
    var countLabel: String
    var hasCases: Bool
    /// Strategies, funding sources and evidence designs have one (an empty one shows nothing);
    /// states, topics and years none.
    var description: String?

    static let viewName = "an overview's entry"
    static let fields = TemplateFields<TermsItem>([
        "label": .text(\.label),
        "url": .text(\.url),
        "count": .number(\.count),
        "count_label": .text(\.countLabel),
        "has_cases": .flag(\.hasCases),
        "description": .optionalText { $0.description.flatMap { $0.isEmpty ? nil : $0 } },
    ])
}

/// A strategy with its number of cases and the NPSS role it matches.
struct StrategyCard: TemplateView {
    var term: TermsItem
    var npssRole: String?

    static let viewName = "a strategy"
    static let fields = TemplateFields<StrategyCard>([
        "npss_role": .text { $0.npssRole ?? "" },
        "has_npss_role": .flag { $0.npssRole != nil },
    ]).including(TermsItem.fields, from: \.term)
}

/// An evidence design with its number of cases, strongest first.
struct EvidenceLevel: TemplateView {
    var term: TermsItem
    var key: String
    var short: String

    static let viewName = "a level of evidence"
    static let fields = TemplateFields<EvidenceLevel>([
        "key": .text(\.key),
        "short": .text(\.short),
    ]).including(TermsItem.fields, from: \.term)
}
