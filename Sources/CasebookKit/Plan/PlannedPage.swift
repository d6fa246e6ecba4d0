/// One page the site will publish: where it goes, which template draws it, and how its view is built.
/// The view is built only when the page is rendered, through a `SiteReader` that records what it
/// read, so a rebuild after an edit renders only the pages whose reads the edit changed.
struct PlannedPage: Sendable {
    /// Route relative to the site root (`case-studies/x/`), or a file name (`feed.xml`).
    let route: String
    /// The template that draws the page: its body view's (`PageView.template`).
    let template: TemplateName
    /// Include in the sitemap (HTML pages people should find).
    let inSitemap: Bool
    /// The case the page is about (a case page), whose date the sitemap gives as its last change.
    let subject: Int?
    /// Builds the page's head and view.
    let build: @Sendable (SiteReader) -> PageContent

    init<Body: PageView>(route: String, inSitemap: Bool = true, subject: Int? = nil,
                         build: @escaping @Sendable (SiteReader) -> PageParts<Body>) {
        (self.route, self.template, self.inSitemap, self.subject) = (route, Body.template, inSitemap, subject)
        self.build = { reader in
            let parts = build(reader)
            return PageContent(title: parts.title, description: parts.description, breadcrumbs: parts.breadcrumbs,
                               links: parts.links, body: parts.body)
        }
    }
}

/// What a page type builds for one page: its title, description, breadcrumbs, page links (for
/// `rel="prev"`/`"next"`) and its view.
struct PageParts<Body: PageView> {
    var title: String
    var description: String
    var breadcrumbs: [(label: String, route: String?)] = []
    var links: PageLinks? = nil
    var body: Body
}

/// A built page, its view's type erased.
struct PageContent {
    var title: String
    var description: String
    var breadcrumbs: [(label: String, route: String?)]
    var links: PageLinks?
    var body: any PageView
}

import Foundation

/// Files the site publishes beside its pages (downloads, the facet index, the search index…), made
/// together because they are cut from one whole. Built through a `SiteReader` like a page, so an edit
/// remakes only the groups that read what it changed.
struct PlannedFiles: Sendable {
    /// A name for the group, stable between builds (`search-index`, `data/facets/3.json`).
    let name: String
    let build: @Sendable (SiteReader) -> [MadeFile]
}

/// One file a group made: its path relative to the output folder, its bytes and, where the maker
/// knows it, a fingerprint of the bytes (stable between builds), so a rebuild can tell an unchanged
/// file without hashing it again.
struct MadeFile: Sendable {
    let path: String
    let data: Data
    let fingerprint: UInt64?

    init(_ path: String, _ data: Data, fingerprint: UInt64? = nil) {
        (self.path, self.data, self.fingerprint) = (path, data, fingerprint)
    }
}
