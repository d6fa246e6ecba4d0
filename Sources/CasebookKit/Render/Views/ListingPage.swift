/// The cases of one strategy, state, topic, funding source, year or evidence design, as cards.
struct ListingPage: PageView {
    var heading: String
    var kind: String
    var intro: String
    /// The cards, drawn once each and joined.
    var cardsHTML: String
    var count: Int
    var countLabel: String
    /// A strategy's NPSS role; nil on other listings and strategies without one.
    var npssRole: String?
    /// Links to the listing's other pages; nil when it fits on one.
    var pageLinks: PageLinks?

    static let template = TemplateName.list
    static let viewName = "a listing page"
    static let fields = TemplateFields<ListingPage>([
        "heading": .text(\.heading),
        "kind": .text(\.kind),
        "intro": .text(\.intro),
        "cards_html": .text(\.cardsHTML),
        "count": .number(\.count),
        "count_label": .text(\.countLabel),
        "npss_role": .optionalText(\.npssRole),
        "page_links": .optional(\.pageLinks),
    ])
}

/// Every case, with the filters and browse links of the index.
struct CaseIndexPage: PageView {
    var cardsHTML: String
    var count: Int
    var countLabel: String
    var filters: [CaseFilter]
    var browse: [BrowseGroup]
    /// The facet index's manifest, which the filters load (`FacetIndexFiles`).
    var facetsURL: String
    var pageLinks: PageLinks?
    var isFirstPage: Bool

    static let template = TemplateName.caseIndex
    static let viewName = "the case index"
    static let fields = TemplateFields<CaseIndexPage>([
        "cards_html": .text(\.cardsHTML),
        "count": .number(\.count),
        "count_label": .text(\.countLabel),
        "filters": .list(\.filters),
        "browse": .list(\.browse),
        "facets_url": .text(\.facetsURL),
        "page_links": .optional(\.pageLinks),
        "is_first_page": .flag(\.isFirstPage),
    ])
}

/// One of the index's filters: a menu of values, each with its number of cases.
struct CaseFilter: TemplateView {
    var name: String
    var label: String
    var options: [FilterOption]

    static let viewName = "a filter"
    static let fields = TemplateFields<CaseFilter>([
        "name": .text(\.name),
        "label": .text(\.label),
        "any_label": .text { "Any " + $0.label.lowercased() },
        "options": .list(\.options),
    ])
}

/// One value of a filter.
struct FilterOption: TemplateView {
    var value: String
    var label: String
    var count: Int

    static let viewName = "a filter's option"
    static let fields = TemplateFields<FilterOption>([
        "value": .text(\.value),
        "label": .text(\.label),
        "count": .number(\.count),
    ])
}

/// One group of the index's browse links: "By strategy", "By state"…
struct BrowseGroup: TemplateView {
    var label: String
    var links: [LabeledLink]

    static let viewName = "a group of browse links"
    static let fields = TemplateFields<BrowseGroup>([
        "label": .text(\.label),
        "links": .list(\.links),
    ])
}
