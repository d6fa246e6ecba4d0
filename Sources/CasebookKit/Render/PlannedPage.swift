/// One page the site will publish: where it goes, which template draws it, and its view.
struct PlannedPage: Sendable {
    /// Route relative to the site root (`case-studies/x/`), or a file name (`feed.xml`).
    var route: String
    /// The template that draws the page: its body view's (`PageView.template`).
    let template: TemplateName
    var title: String
    var description: String
    var breadcrumbs: [(label: String, route: String?)] = []
    /// Include in the sitemap (HTML pages people should find).
    var inSitemap = true
    var lastModified: DayDate?
    /// Slugs of the case studies whose data this page shows; nil when it draws on the whole site
    /// (home, index, feed…). An incremental rebuild re-renders a page only if one of these changed.
    var dependsOn: [String]?
    /// The page's own view, drawn inside the site-wide chrome at render time. Built only when the page
    /// is rendered: a rebuild after one edit plans every page but renders only the few it affects.
    let body: @Sendable () -> any PageView

    init<Body: PageView>(route: String, title: String, description: String,
                         breadcrumbs: [(label: String, route: String?)] = [], inSitemap: Bool = true, lastModified: DayDate? = nil,
                         dependsOn: [String]? = nil, body: @autoclosure @escaping @Sendable () -> Body) {
        (self.route, self.template, self.title, self.description) = (route, Body.template, title, description)
        (self.breadcrumbs, self.inSitemap, self.lastModified, self.dependsOn) = (breadcrumbs, inSitemap, lastModified, dependsOn)
        self.body = { body() }
    }
}
