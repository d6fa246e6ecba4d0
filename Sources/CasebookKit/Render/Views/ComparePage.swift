/// Every case in one table, side by side.
struct ComparePage: PageView {
    /// This page's rows: every case, or one page of them on a large site.
    var rows: [CompareRow]
    /// How many cases the site has.
    var count: Int
    var methodologyHint: Bool
    var pageLinks: PageLinks?
    /// The facet index the chooser searches, and the folder of the rows it fetches when a case is chosen.
    var facetsURL: String
    var rowsURL: String
    /// The chooser's first choices, as its script lists them before anything is typed (the first
    /// `optionLimit` cases of the site), so the chooser has its height from the first paint.
    var options: [CompareOption]
    var optionLimit: Int
    /// The script that notes, before the first paint, that the address chooses cases (`?cases=`).
    var choiceScriptURL: String

    static let template = TemplateName.compare
    static let viewName = "the comparison page"
    static let fields = TemplateFields<ComparePage>([
        "rows": .list(\.rows),
        "count": .number(\.count),
        "methodology_hint": .flag(\.methodologyHint),
        "page_links": .optional(\.pageLinks),
        "facets_url": .text(\.facetsURL),
        "rows_url": .text(\.rowsURL),
        "options": .list(\.options),
        "option_limit": .number(\.optionLimit),
        "more_options": .number { max($0.count - $0.options.count, 0) },
        "has_more_options": .flag { $0.count > $0.options.count },
        "choice_script_url": .text(\.choiceScriptURL),
    ])
}

/// A case the compare chooser offers: a checkbox with its title.
struct CompareOption: TemplateView {
    var slug: String
    var title: String

    static let viewName = "a choice in the compare chooser"
    static let fields = TemplateFields<CompareOption>([
        "slug": .text(\.slug),
        "title": .text(\.title),
    ])
}

/// One case in the comparison table.
struct CompareRow: TemplateView {
    var slug: String
    var title: String
    var url: String
    var strategyLabel: String
    var strategy: String
    var place: String
    var years: String
    var funding: String
    var evidence: EvidenceBadge?
    var evidenceRank: Int
    /// The headline count of students; nil when none was published.
    var students: CompareFigure?
    var costs: [CompareFigure]
    /// The case's headline money figure (what was spent or granted), beside the cost.
    var money: [CompareFigure]
    var outcomes: [CompareFigure]

    static let viewName = "a row of the comparison"
    static let fields = TemplateFields<CompareRow>([
        "slug": .text(\.slug),
        "title": .text(\.title),
        "url": .text(\.url),
        "strategy_label": .text(\.strategyLabel),
        "strategy": .text(\.strategy),
        "place": .text(\.place),
        "years": .text(\.years),
        "funding": .nonEmptyText { $0.funding },
        "evidence": .optional(\.evidence),
        "evidence_rank": .number(\.evidenceRank),
        "students": .optional(\.students),
        "costs": .list(\.costs),
        "has_costs": .flag { !$0.costs.isEmpty },
        "money": .list(\.money),
        "has_money": .flag { !$0.money.isEmpty },
        "outcomes": .list(\.outcomes),
        "has_outcomes": .flag { !$0.outcomes.isEmpty },
    ])
}

/// A figure in the comparison, linked to its card on the case page.
struct CompareFigure: TemplateView {
    var phrase: String
    var label: String
    var asOf: String
    var certainty: Certainty
    var url: String
    /// Who published the figure, and where.
    var source: String
    var sourceURL: String
    /// The value, for sorting.
    var sort: Double

    static let viewName = "a figure in the comparison"
    static let fields = TemplateFields<CompareFigure>([
        "phrase": .text(\.phrase),
        "label": .text(\.label),
        "as_of": .text(\.asOf),
        "certainty_label": .text { MetricView.certaintyLabel($0.certainty) },
        "certainty": .text { $0.certainty.rawValue },
        "url": .text(\.url),
        "source": .text(\.source),
        "source_url": .text(\.sourceURL),
        "sort": .text { String(describing: $0.sort) },
    ])
}
