/// What the generator needs to know about the site's own vocabularies (`roles:` in site.yml): which
/// metric counts the students a program reached, which are costs per student or money, which group of
/// figures holds results, which funding source the case pages speak of, and which page explains the
/// method. Swift code names none of these keys; each is said here, in the site's words.
public struct SiteRoles: Sendable, Equatable {
    /// The metric compared as "students reached" and used to sort cases by reach.
    public var studentsReached: String?
    /// Metrics shown as "cost per student" (only where a source gives one).
    public var costPerStudent: [String] = []
    /// Metrics that are a case's money (what was spent or granted), shown beside cost on compare.
    public var money: [String] = []
    /// The metric group whose figures are measured results.
    public var resultsGroup: String?
    /// The funding source whose documented link (or its absence) every case page states.
    public var trackedFunding: String?
    /// The plain page (its slug) that explains how figures and evidence are rated.
    public var methodologyPage: String?

    public init() {}
}

/// How many items a page holds before it is split (`paging:` in site.yml), so that no page grows with
/// the site. A site whose lists fit on one page shows no page links at all.
public struct Paging: Sendable, Equatable {
    /// Case cards on one page of a listing or of the case index.
    public var cards = 24
    /// Cases in one page of the compare table.
    public var compareRows = 50
    /// Cases whose figures share one page of the table of every figure.
    public var figureCases = 25
    /// Cases in one printable part of the report; a site with more is split into parts by strategy.
    public var reportCases = 40
    /// Entries in the feed: the newest ones.
    public var feedEntries = 50
    /// Bars in one chart on the data page (the largest); the chart's CSV holds them all.
    public var chartBars = 20
    /// Cases named under each figure across cases on the home page (the largest).
    public var headlineItems = 12
    /// Featured cases on the home page.
    public var featured = 6
    /// Addresses in one sitemap file: at most 50,000, the sitemap protocol's limit. A site with more
    /// pages gets a sitemap index.
    public var sitemapURLs = 50_000

    public init() {}

    /// The names written in site.yml, with the setting each sets.
    static let fields: [(name: String, set: @Sendable (inout Paging, Int) -> Void)] = [
        ("cards", { $0.cards = $1 }), ("compare_rows", { $0.compareRows = $1 }), ("figure_cases", { $0.figureCases = $1 }),
        ("report_cases", { $0.reportCases = $1 }), ("feed_entries", { $0.feedEntries = $1 }), ("chart_bars", { $0.chartBars = $1 }),
        ("headline_items", { $0.headlineItems = $1 }), ("featured", { $0.featured = $1 }), ("sitemap_urls", { $0.sitemapURLs = $1 }),
    ]
}
