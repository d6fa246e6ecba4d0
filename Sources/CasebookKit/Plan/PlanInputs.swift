/// What pages are built from: the site's lookups, its addresses, the rendered Markdown and each
/// case's finished card. Shared, read-only, by every page built in parallel; each page reads it
/// through a `SiteReader` of its own, which records what it read.
struct PlanInputs: Sendable {
    let index: SiteIndex
    let routes: Routes
    /// Rendered Markdown bodies, by source path.
    let bodies: [String: Markdown.Rendered]
    /// Each case's card, drawn once with `partials/card.mustache` (a case appears on many listings).
    let cards: [RenderedCard]
    /// Report entries kept from an earlier build (their stories' headings already moved down a level).
    let reportEntries: PathMemo<ReportEntry>
    /// Each case's share of the downloads and the search index, kept from an earlier build.
    let exports: PathMemo<DataExport.Fragments>
    /// The search index as the last build left it (one entry, `index`).
    let searchShards: PathMemo<SearchShards>
    /// Every file of content/images/ with its resized copies.
    var pictures = PictureCatalog.empty

    var config: SiteConfig { index.config }
    var paging: Paging { index.config.paging }
}

/// A case's card with the site's latest year it was drawn for: a kept card is drawn again when that
/// changes, since it lists the years an ongoing program ran.
struct KeptCard: Sendable {
    var latestYear: Int
    var rendered: RenderedCard
}

extension PlanInputs {
    /// Every case's card, drawing only those `cache` does not hold.
    static func drawCards(_ index: SiteIndex, routes: Routes, templates: TemplateSet, cache: PathMemo<KeptCard>) -> [RenderedCard] {
        let latest = index.latestYear
        return parallelMap(Array(index.cases.indices)) { position -> RenderedCard in
            let study = index.cases[position]
            return cache.value(study.sourcePath, isCurrent: { $0.latestYear == latest }) {
                let card = CaseView.card(position, index: index, routes: routes)
                return KeptCard(latestYear: latest, rendered: RenderedCard(card: card, html: templates.renderCard(card)))
            }.rendered
        }
    }
}
