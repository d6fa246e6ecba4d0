/// The view a whole page is drawn from. Its template is named by its type, so the planner, the
/// renderer and the loader agree on every template name from this one place; the site's chrome
/// (`site`, `page`, `assets`, see `PageChrome`) is visible to every page template around the page's own fields.
protocol PageView: TemplateView {
    static var template: TemplateName { get }
}

/// Every template a site needs, by its file name under `templates/` (without `.mustache`).
enum TemplateName: String, CaseIterable, Sendable {
    case home, caseIndex = "case-index", caseStudy = "case", list, terms, page, data, search
    case notFound = "not-found", feed, sitemap, robots, compare, report
    case reportContents = "report-contents", figures, sitemapIndex = "sitemap-index"
}
