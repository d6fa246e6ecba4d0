/// The Atom feed: the newest `paging: feed_entries:` cases, newest first.
struct FeedPages: PageType {
    func pages(_ site: PlanInputs) -> [PlannedPage] {
        [PlannedPage(route: Routes.feed, inSitemap: false) { reader in
            let config = reader.config
            let routes = reader.routes
            let entries = reader.slice(.recent, "", 0..<reader.paging.feedEntries).map(reader.study)
            return PageParts(title: config.title, description: config.description, body: FeedPage(
                feedURL: routes.absolute(Routes.feed),
                updated: (entries.first?.date ?? DayDate(year: 2020, month: 1, day: 1)!).rfc3339,
                entries: entries.map { study in
                    FeedEntry(title: study.title, url: routes.absolute(Routes.caseStudy(study.slug)),
                              updated: study.date.rfc3339, summary: study.summary,
                              category: config.strategy(study.strategy)?.label ?? study.strategy)
                }))
        }]
    }
}

/// The sitemap of every page people should find: one file while the site has at most 50,000 such
/// pages (the protocol's limit for one file), else a sitemap index of files of 50,000 addresses each.
struct SitemapPages {
    static let limit = 50_000

    func pages(listing planned: [PlannedPage], limit: Int = Self.limit) -> [PlannedPage] {
        let listed = planned.filter(\.inSitemap).map { (route: $0.route, subject: $0.subject) }
        @Sendable func urls(_ entries: ArraySlice<(route: String, subject: Int?)>, reader: SiteReader) -> [SitemapURL] {
            reader.noteRouteSet()
            return entries.map { entry in
                SitemapURL(loc: reader.routes.absolute(entry.route), lastmod: entry.subject.map { reader.study($0).date.iso })
            }
        }
        guard listed.count > limit else {
            return [PlannedPage(route: Routes.sitemap, inSitemap: false) { reader in
                PageParts(title: "", description: "", body: SitemapPage(urls: urls(listed[...], reader: reader)))
            }]
        }
        let pager = Pager(total: listed.count, size: limit)
        let index = PlannedPage(route: Routes.sitemap, inSitemap: false) { reader in
            reader.noteRouteSet()
            return PageParts(title: "", description: "", body: SitemapIndexPage(
                sitemaps: pager.pages.map { reader.routes.absolute(Routes.sitemapPart($0)) }))
        }
        return [index] + pager.pages.map { number in
            PlannedPage(route: Routes.sitemapPart(number), inSitemap: false) { reader in
                PageParts(title: "", description: "", body: SitemapPage(urls: urls(listed[pager.range(number)], reader: reader)))
            }
        }
    }
}

struct RobotsPages: PageType {
    func pages(_ site: PlanInputs) -> [PlannedPage] {
        [PlannedPage(route: Routes.robots, inSitemap: false) { reader in
            PageParts(title: "", description: "", body: RobotsPage(sitemapURL: reader.routes.absolute(Routes.sitemap)))
        }]
    }
}
