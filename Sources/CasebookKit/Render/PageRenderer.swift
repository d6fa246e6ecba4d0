import Foundation

/// Draws a planned page's view inside the chrome every page shares (navigation, base path,
/// canonical URL, breadcrumbs).
struct PageRenderer: Sendable {
    let templates: TemplateSet
    let routes: Routes
    let config: SiteConfig
    let menuPages: [Page]

    func render(_ page: PlannedPage) throws(BuildError) -> Data {
        Data(try templates.render(page.body(), chrome: chrome(for: page)))
    }

    /// What the layout shows around the page: the site, the page itself and the assets.
    func chrome(for page: PlannedPage) -> PageChrome {
        PageChrome(site: site(current: page.route), page: pageMeta(page),
                   assets: PageAssets(css: routes.link(Routes.stylesheet), js: routes.link(Routes.script)))
    }

    private func site(current: String) -> SiteChrome {
        var nav: [(String, String)] = [("Case studies", Routes.caseIndex), ("Strategies", Routes.strategyIndex),
                                       ("States", Routes.stateIndex), ("Topics", Routes.tagIndex), ("Data", Routes.data)]
        nav += menuPages.map { ($0.title, Routes.page($0.slug)) }
        nav.append(("Search", Routes.search))
        let contact = config.contact
        return SiteChrome(
            title: config.title, tagline: config.tagline, description: config.description,
            language: config.language, author: config.author,
            root: routes.basePath, baseURL: routes.baseURL,
            feedURL: routes.link(Routes.feed),
            searchURL: routes.link(Routes.search),
            nav: nav.map { label, route in
                NavItem(label: label, url: routes.link(route),
                        isCurrent: current == route, isSection: current != route && current.hasPrefix(route))
            },
            dataURL: routes.link(Routes.data),
            contactURL: contact,
            contactLabel: contact.map { $0.hasPrefix("mailto:") ? String($0.dropFirst("mailto:".count)) : $0 },
            methodologyURL: menuPages.first(where: { $0.slug == "methodology" }).map { routes.link(Routes.page($0.slug)) })
    }

    private func pageMeta(_ page: PlannedPage) -> PageMeta {
        let isHome = page.route == Routes.home
        return PageMeta(
            title: page.title,
            fullTitle: isHome ? "\(config.title): \(config.tagline)" : "\(page.title) · \(config.title)",
            description: page.description,
            canonical: routes.absolute(page.route),
            ogType: page.template == .caseStudy ? "article" : "website",
            isHome: isHome,
            breadcrumbs: page.breadcrumbs.map { crumb in Breadcrumb(label: crumb.label, url: crumb.route.map(routes.link)) })
    }
}
