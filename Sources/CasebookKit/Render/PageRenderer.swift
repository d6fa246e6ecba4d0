import Foundation

/// Draws a planned page's view inside the chrome every page shares (navigation, base path,
/// canonical URL, breadcrumbs), recording what the page read.
struct PageRenderer: Sendable {
    let templates: TemplateSet
    let inputs: PlanInputs
    /// `--contact`, when given: it replaces site.yml's contact on every page.
    let contact: String?

    var routes: Routes { inputs.routes }

    /// The page's bytes, and what it read (empty unless `recording`).
    func render(_ page: PlannedPage, recording: Bool = false) throws(BuildError) -> (data: Data, reads: Set<Dependency>) {
        let (content, chrome, reads) = build(page, recording: recording)
        return (Data(try templates.render(content.body, chrome: chrome)), reads)
    }

    /// The page's view and the chrome around it, and what building them read.
    func build(_ page: PlannedPage, recording: Bool = false) -> (content: PageContent, chrome: PageChrome, reads: Set<Dependency>) {
        let reader = SiteReader(inputs, recording: recording)
        let content = page.build(reader)
        let chrome = chrome(for: page, content: content, reader: reader)
        return (content, chrome, reader.reads)
    }

    /// A group of files, and what they read.
    func make(_ files: PlannedFiles, recording: Bool = false) -> (files: [MadeFile], reads: Set<Dependency>) {
        let reader = SiteReader(inputs, recording: recording)
        return (files.build(reader), reader.reads)
    }

    /// What the layout shows around the page: the site, the page itself and the assets.
    private func chrome(for page: PlannedPage, content: PageContent, reader: SiteReader) -> PageChrome {
        PageChrome(site: site(current: page.route, reader: reader), page: pageMeta(page, content: content, config: reader.config),
                   assets: PageAssets(css: routes.link(Routes.stylesheet), js: routes.link(Routes.script), icon: routes.link(Routes.favicon)))
    }

    private func site(current: String, reader: SiteReader) -> SiteChrome {
        let config = reader.config
        let menuPages = reader.plainPages.filter { $0.menu != nil }
        var nav: [(String, String)] = [("Case studies", Routes.caseIndex), ("Compare", Routes.compare)]
        if !config.evidenceDesigns.isEmpty { nav.append(("Evidence", Routes.evidenceIndex)) }
        nav += [("Strategies", Routes.strategyIndex), ("States", Routes.stateIndex), ("Topics", Routes.tagIndex),
                ("Data", Routes.data), ("Report", Routes.report)]
        nav += menuPages.map { ($0.title, Routes.page($0.slug)) }
        nav.append(("Search", Routes.search))
        let contact = self.contact.flatMap(SiteSettingsCheck.contactLink) ?? config.contact
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
            methodologyURL: Self.methodologyURL(config: config, pages: reader.plainPages, routes: routes),
            licenceName: config.licence?.name, licenceURL: config.licence?.url)
    }

    /// The page site.yml's `roles: methodology_page:` names, if the site has it.
    static func methodologyURL(config: SiteConfig, pages: [Page], routes: Routes) -> String? {
        guard let slug = config.roles.methodologyPage, pages.contains(where: { $0.slug == slug }) else { return nil }
        return routes.link(Routes.page(slug))
    }

    private func pageMeta(_ page: PlannedPage, content: PageContent, config: SiteConfig) -> PageMeta {
        let isHome = page.route == Routes.home
        return PageMeta(
            title: content.title,
            fullTitle: isHome ? "\(config.title): \(config.tagline)" : "\(content.title) · \(config.title)",
            description: content.description,
            canonical: routes.absolute(page.route),
            ogType: page.template == .caseStudy ? "article" : "website",
            isHome: isHome,
            breadcrumbs: content.breadcrumbs.map { crumb in Breadcrumb(label: crumb.label, url: crumb.route.map(routes.link)) },
            previousURL: content.links?.previousURL, nextURL: content.links?.nextURL)
    }
}
