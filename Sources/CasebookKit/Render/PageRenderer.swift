import Foundation

/// Fills a planned page's template with its data plus the site-wide data every page shares
/// (navigation, base path, canonical URL, breadcrumbs).
struct PageRenderer: Sendable {
    let templates: TemplateSet
    let routes: Routes
    let config: SiteConfig
    let menuPages: [Page]

    func render(_ page: PlannedPage) -> Data {
        var context = page.data
        context["site"] = site(current: page.route)
        context["page"] = pageData(page)
        context["assets"] = ["css": routes.link("assets/site.css"), "js": routes.link("assets/site.js")]
        return Data(templates.render(page.template, context).utf8)
    }

    private func site(current: String) -> [String: Any] {
        var nav: [(String, String)] = [("Case studies", Routes.caseIndex), ("Strategies", Routes.strategyIndex),
                                       ("States", Routes.stateIndex), ("Topics", Routes.tagIndex), ("Data", Routes.data)]
        nav += menuPages.map { ($0.title, Routes.page($0.slug)) }
        nav.append(("Search", Routes.search))
        var site: [String: Any] = [
            "title": config.title, "tagline": config.tagline, "description": config.description,
            "language": config.language, "author": config.author,
            "root": routes.basePath, "base_url": routes.baseURL,
            "feed_url": routes.link("feed.xml"),
            "search_url": routes.link(Routes.search),
            "nav": nav.map { label, route -> [String: Any] in
                var item: [String: Any] = ["label": label, "url": routes.link(route)]
                if current == route { item["current"] = true } else if current.hasPrefix(route) { item["section"] = true }
                return item
            },
            "data_url": routes.link(Routes.data),
        ]
        if let contact = config.contact {
            site["contact_url"] = contact
            site["contact_label"] = contact.hasPrefix("mailto:") ? String(contact.dropFirst("mailto:".count)) : contact
        }
        if let methodology = menuPages.first(where: { $0.slug == "methodology" }) {
            site["methodology_url"] = routes.link(Routes.page(methodology.slug))
        }
        return site
    }

    private func pageData(_ page: PlannedPage) -> [String: Any] {
        let isHome = page.route == Routes.home
        var data: [String: Any] = [
            "title": page.title,
            "full_title": isHome ? "\(config.title): \(config.tagline)" : "\(page.title) · \(config.title)",
            "description": page.description,
            "canonical": routes.absolute(page.route),
            "og_type": page.template == "case" ? "article" : "website",
            "is_home": isHome,
        ]
        if !page.breadcrumbs.isEmpty {
            data["has_breadcrumbs"] = true
            data["breadcrumbs"] = page.breadcrumbs.map { crumb -> [String: Any] in
                crumb.route.map { ["label": crumb.label, "url": routes.link($0)] } ?? ["label": crumb.label, "current": true]
            }
        }
        return data
    }
}
