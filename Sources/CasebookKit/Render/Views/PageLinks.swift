/// The links between the pages of a paginated list: "Page 2 of 9", previous, next and a few numbers.
struct PageLinks: TemplateView {
    var label: String
    /// "Case studies 25–48 of 210".
    var showing: String
    var previousURL: String?
    var nextURL: String?
    var items: [PageLink]

    static let viewName = "the page links"
    static let fields = TemplateFields<PageLinks>([
        "label": .text(\.label),
        "showing": .text(\.showing),
        "previous_url": .optionalText(\.previousURL),
        "next_url": .optionalText(\.nextURL),
        "items": .list(\.items),
    ])
}

/// One number among the page links; the current page and the gaps have no address.
struct PageLink: TemplateView {
    var label: String
    var url: String?
    var isCurrent: Bool

    static let viewName = "a page link"
    static let fields = TemplateFields<PageLink>([
        "label": .text(\.label),
        "url": .optionalText(\.url),
        "current": .flag(\.isCurrent),
    ])
}
