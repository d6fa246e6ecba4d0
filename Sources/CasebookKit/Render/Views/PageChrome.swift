/// What every page template sees around the page's own fields: the site (`site.nav`, `site.root`…),
/// the page itself (`page.title`, `page.breadcrumbs`…) and the stylesheet and script (`assets.css`).
struct PageChrome: TemplateView {
    var site: SiteChrome
    var page: PageMeta
    var assets: PageAssets

    static let viewName = "the page's surroundings"
    static let fields = TemplateFields<PageChrome>([
        "site": .object(\.site),
        "page": .object(\.page),
        "assets": .object(\.assets),
    ])
}

/// The site-wide part of every page: its name, navigation and links.
struct SiteChrome: TemplateView {
    var title: String
    var tagline: String
    var description: String
    var language: String
    var author: String
    var root: String
    var baseURL: String
    var feedURL: String
    var searchURL: String
    var nav: [NavItem]
    var dataURL: String
    /// Set only when the site has a contact address.
    var contactURL: String?
    var contactLabel: String?
    /// Set only when the menu has a page called `methodology`.
    var methodologyURL: String?
    /// The licence site.yml names for the text and data; nil when it names none.
    var licenceName: String? = nil
    var licenceURL: String? = nil

    static let viewName = "the site"
    static let fields = TemplateFields<SiteChrome>([
        "title": .text(\.title),
        "tagline": .text(\.tagline),
        "description": .text(\.description),
        "language": .text(\.language),
        "author": .text(\.author),
        "root": .text(\.root),
        "base_url": .text(\.baseURL),
        "feed_url": .text(\.feedURL),
        "search_url": .text(\.searchURL),
        "nav": .list(\.nav),
        "data_url": .text(\.dataURL),
        "contact_url": .optionalText(\.contactURL),
        "contact_label": .optionalText(\.contactLabel),
        "methodology_url": .optionalText(\.methodologyURL),
        "licence_name": .optionalText(\.licenceName),
        "licence_url": .optionalText(\.licenceURL),
    ])
}

/// One entry of the main navigation.
struct NavItem: TemplateView {
    var label: String
    var url: String
    /// This entry is the page being drawn.
    var isCurrent: Bool
    /// The page being drawn is under this entry.
    var isSection: Bool

    static let viewName = "a navigation entry"
    static let fields = TemplateFields<NavItem>([
        "label": .text(\.label),
        "url": .text(\.url),
        "current": .flag(\.isCurrent),
        "section": .flag(\.isSection),
    ])
}

/// The page being drawn, as the layout shows it in its head and breadcrumbs.
struct PageMeta: TemplateView {
    var title: String
    var fullTitle: String
    var description: String
    var canonical: String
    var ogType: String
    var isHome: Bool
    var breadcrumbs: [Breadcrumb]
    /// The neighbouring pages of a paginated list, for `<link rel="prev">` and `rel="next"`.
    var previousURL: String?
    var nextURL: String?

    static let viewName = "the page's details"
    static let fields = TemplateFields<PageMeta>([
        "title": .text(\.title),
        "full_title": .text(\.fullTitle),
        "description": .text(\.description),
        "canonical": .text(\.canonical),
        "og_type": .text(\.ogType),
        "is_home": .flag(\.isHome),
        "has_breadcrumbs": .flag { !$0.breadcrumbs.isEmpty },
        "breadcrumbs": .list(\.breadcrumbs),
        "prev_url": .optionalText(\.previousURL),
        "next_url": .optionalText(\.nextURL),
    ])
}

/// One step of the breadcrumb trail: a link, or the current page (the last step, unlinked).
struct Breadcrumb: TemplateView {
    var label: String
    /// Nil for the current page.
    var url: String?

    static let viewName = "a breadcrumb"
    static let fields = TemplateFields<Breadcrumb>([
        "label": .text(\.label),
        "url": .optionalText(\.url),
        "current": .flag { $0.url == nil },
    ])
}

/// The site's stylesheet, script and icon.
struct PageAssets: TemplateView {
    var css: String
    var js: String
    /// The site's icon (templates/assets/favicon.svg), linked from every page's head.
    var icon: String = ""

    static let viewName = "the page's assets"
    static let fields = TemplateFields<PageAssets>([
        "css": .text(\.css),
        "js": .text(\.js),
        "icon": .text(\.icon),
    ])
}

extension TemplateName {
    /// The view each template is drawn from, so the loader can compile each template against it.
    var viewType: any PageView.Type {
        switch self {
        case .home: HomePage.self
        case .caseIndex: CaseIndexPage.self
        case .caseStudy: CaseStudyPage.self
        case .list: ListingPage.self
        case .terms: TermsPage.self
        case .page: PlainPage.self
        case .data: DataPage.self
        case .search: SearchPage.self
        case .notFound: NotFoundPage.self
        case .feed: FeedPage.self
        case .sitemap: SitemapPage.self
        case .robots: RobotsPage.self
        case .compare: ComparePage.self
        case .report: ReportPage.self
        case .reportContents: ReportContentsPage.self
        case .figures: FigureTablePage.self
        case .sitemapIndex: SitemapIndexPage.self
        }
    }
}
