/// A plain Markdown page (`content/pages/`); the methodology page can have the strategy table.
struct PlainPage: PageView {
    var bodyHTML: String
    /// The page's summary, "" for none (then no lede is shown).
    var summary: String
    var isMethodology: Bool
    var hasStrategyTable: Bool
    var strategyRows: [StrategyCard]

    static let template = TemplateName.page
    static let viewName = "a plain page"
    static let fields = TemplateFields<PlainPage>([
        "body_html": .text(\.bodyHTML),
        "summary": .nonEmptyText { $0.summary },
        "is_methodology": .flag(\.isMethodology),
        "has_strategy_table": .flag(\.hasStrategyTable),
        "strategy_rows": .list(\.strategyRows),
    ])
}

/// The search page: its script loads the index.
struct SearchPage: PageView {
    var indexURL: String
    var scriptURL: String
    var caseIndexURL: String

    static let template = TemplateName.search
    static let viewName = "the search page"
    static let fields = TemplateFields<SearchPage>([
        "index_url": .text(\.indexURL),
        "script_url": .text(\.scriptURL),
        "case_index_url": .text(\.caseIndexURL),
    ])
}

/// The 404 page, with the strategies to browse.
struct NotFoundPage: PageView {
    var strategies: [StrategyCard]

    static let template = TemplateName.notFound
    static let viewName = "the page-not-found page"
    static let fields = TemplateFields<NotFoundPage>([
        "strategies": .list(\.strategies),
    ])
}
