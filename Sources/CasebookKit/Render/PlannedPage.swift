/// One page the site will publish: where it goes, which template draws it, and its data.
struct PlannedPage: @unchecked Sendable {
    /// Route relative to the site root (`case-studies/x/`), or a file name (`feed.xml`).
    var route: String
    var template: String
    var title: String
    var description: String
    var breadcrumbs: [(label: String, route: String?)] = []
    /// Include in the sitemap (HTML pages people should find).
    var inSitemap = true
    var lastModified: DayDate?
    /// Slugs of the case studies whose data this page shows; nil when it draws on the whole site
    /// (home, index, feed…). An incremental rebuild re-renders a page only if one of these changed.
    var dependsOn: [String]? = nil
    /// Page-specific data; merged with the site-wide data at render time.
    var data: [String: Any]
}
