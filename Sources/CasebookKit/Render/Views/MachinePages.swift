/// The Atom feed of case studies, newest first.
struct FeedPage: PageView {
    var feedURL: String
    var updated: String
    var entries: [FeedEntry]

    static let template = TemplateName.feed
    static let viewName = "the feed"
    static let fields = TemplateFields<FeedPage>([
        "feed_url": .text(\.feedURL),
        "updated": .text(\.updated),
        "entries": .list(\.entries),
    ])
}

/// One case in the feed.
struct FeedEntry: TemplateView {
    var title: String
    var url: String
    var updated: String
    var summary: String
    var category: String

    static let viewName = "an entry of the feed"
    static let fields = TemplateFields<FeedEntry>([
        "title": .text(\.title),
        "url": .text(\.url),
        "updated": .text(\.updated),
        "summary": .text(\.summary),
        "category": .text(\.category),
    ])
}

/// The sitemap: every page people should find.
struct SitemapPage: PageView {
    var urls: [SitemapURL]

    static let template = TemplateName.sitemap
    static let viewName = "the sitemap"
    static let fields = TemplateFields<SitemapPage>([
        "urls": .list(\.urls),
    ])
}

/// One page in the sitemap.
struct SitemapURL: TemplateView {
    var loc: String
    /// Set only for pages with a date (case studies).
    var lastmod: String?

    static let viewName = "an address in the sitemap"
    static let fields = TemplateFields<SitemapURL>([
        "loc": .text(\.loc),
        "lastmod": .optionalText(\.lastmod),
    ])
}

/// robots.txt, pointing at the sitemap.
struct RobotsPage: PageView {
    var sitemapURL: String

    static let template = TemplateName.robots
    static let viewName = "robots.txt"
    static let fields = TemplateFields<RobotsPage>([
        "sitemap_url": .text(\.sitemapURL),
    ])
}

/// The sitemap index, once the site has more addresses than one sitemap file may hold.
struct SitemapIndexPage: PageView {
    var sitemaps: [String]

    static let template = TemplateName.sitemapIndex
    static let viewName = "the sitemap index"
    static let fields = TemplateFields<SitemapIndexPage>([
        "sitemaps": .list { $0.sitemaps.map(SitemapFile.init) },
    ])
}

/// One sitemap file in the index.
struct SitemapFile: TemplateView {
    var loc: String

    static let viewName = "a sitemap file"
    static let fields = TemplateFields<SitemapFile>([
        "loc": .text(\.loc),
    ])
}
