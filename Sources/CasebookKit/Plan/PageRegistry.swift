/// Every kind of page and file the site publishes, in one place. Adding a kind of page is one entry
/// here, its type (which owns its routes and builds its view through a recording `SiteReader`), its
/// view and its template.
enum PageRegistry {
    static let pageTypes: [any PageType] = [
        HomePages(), CaseIndexPages(), CasePages(),
    ] + ListingPages.all + [
        DataPages(), ComparePages(), ReportPages(), SearchPages(), PlainPages(), NotFoundPages(), FeedPages(), RobotsPages(),
    ]

    static let fileTypes: [any FileType] = [DownloadFiles(), SearchIndexFiles(), FacetIndexFiles(), CompareRowFiles()]

    /// Every page and file of the site, each built later, when it is rendered.
    static func plan(_ site: PlanInputs) -> SitePlan {
        var pages = pageTypes.flatMap { $0.pages(site) }
        pages += SitemapPages().pages(listing: pages, limit: site.paging.sitemapURLs)
        return SitePlan(pages: pages, files: fileTypes.flatMap { $0.files(site) })
    }
}

/// The site's pages and files, planned.
struct SitePlan: Sendable {
    var pages: [PlannedPage]
    var files: [PlannedFiles]
}
