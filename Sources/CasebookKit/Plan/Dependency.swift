/// One thing a page read while its view was built. A page's dependencies are recorded by the
/// `SiteReader` it is built through (never declared by hand), so an edit re-renders exactly the
/// pages that read what the edit changed (`ChangeSet.affects`).
enum Dependency: Hashable, Sendable {
    /// site.yml: settings and vocabularies (and `--contact`/`--base-url`, which override them).
    case config
    /// context.yml's national figures.
    case context
    /// Which plain pages exist, with their titles and menu places (the navigation shows them).
    case pageList
    /// One plain page's text.
    case page(String)
    /// One case's front matter (everything but its story), by slug.
    case caseFront(String)
    /// One case's story, by slug.
    case caseStory(String)
    /// Something made from every case's front matter at once (totals, charts, the facet index).
    case everyCaseFront
    /// Something made from every case's story (the search index).
    case everyCaseStory
    /// Which cases stand just before and after one case in site order (its page's "previous" and
    /// "next"), by slug: unlike a `slice`, untouched when cases elsewhere shift its position.
    case neighbours(String)
    /// How many cases one list holds (`Facet`, key).
    case count(Facet, String)
    /// Which cases stand at positions `lower..<upper` of one list, in order.
    case slice(Facet, String, lower: Int, upper: Int)
    /// Which keys of a facet have cases at all (the strategies, states, years… that have listings).
    case keys(Facet)
    /// The newest year any case speaks of (ongoing programs run to it).
    case latestYear
    /// Which pages and files the site publishes (the sitemap, the link check).
    case routeSet
}

/// The ordered lists of cases the site is browsed by. Every list is in site order (by title) except
/// `recent`, newest first.
enum Facet: String, Hashable, Sendable, CaseIterable {
    case all, recent, strategy, state, tag, funding, year, evidence
}
