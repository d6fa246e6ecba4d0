/// The site as one page sees it while its view is built: every read goes through here and is
/// recorded (`Dependency`), so what a page depends on is what it actually read, never a list typed
/// in by hand. One reader per page; not shared between threads.
final class SiteReader {
    let inputs: PlanInputs
    private let recorder: DependencyRecorder

    init(_ inputs: PlanInputs, recording: Bool) {
        self.inputs = inputs
        self.recorder = DependencyRecorder(recording: recording)
    }

    /// What this page read so far.
    var reads: Set<Dependency> { recorder.reads }

    /// Addresses. The base URL is a setting (site.yml or `--base-url`), read by every page's chrome.
    var routes: Routes { inputs.routes }

    // MARK: Settings and vocabularies

    var config: SiteConfig {
        recorder.note(.config)
        return inputs.config
    }

    var paging: Paging { config.paging }

    /// The pictures of content/images/. Not recorded: a change to a picture rebuilds every page.
    var pictures: PictureCatalog { inputs.pictures }

    var context: [Metric] {
        recorder.note(.context)
        return inputs.index.content.context
    }

    /// The plain pages, with their titles and menu places (not their text).
    var plainPages: [Page] {
        recorder.note(.pageList)
        return inputs.index.content.pages
    }

    /// A plain page's rendered text.
    func body(of page: Page) -> Markdown.Rendered? {
        recorder.note(.page(page.slug))
        return inputs.bodies[page.sourcePath]
    }

    var latestYear: Int {
        recorder.note(.latestYear)
        return inputs.index.latestYear
    }

    // MARK: Cases

    /// One case's front matter.
    func study(_ position: Int) -> CaseStudy {
        let study = inputs.index.cases[position]
        recorder.note(.caseFront(study.slug))
        return study
    }

    /// One case's story, rendered.
    func story(_ position: Int) -> Markdown.Rendered? {
        let study = inputs.index.cases[position]
        recorder.note(.caseStory(study.slug))
        return inputs.bodies[study.sourcePath]
    }

    /// One case's finished card (drawn from its front matter and the latest year).
    func card(_ position: Int) -> RenderedCard {
        recorder.note(.caseFront(inputs.index.cases[position].slug))
        recorder.note(.latestYear)
        return inputs.cards[position]
    }

    /// One case's figure anchors.
    func figureIDs(_ position: Int) -> [String] {
        recorder.note(.caseFront(inputs.index.cases[position].slug))
        return inputs.index.figureIDs[position]
    }

    /// Every case's front matter at once, for what is made from all of them (totals, charts, the
    /// facet index). Pages that show only some cases read those through `slice` and `study`.
    var everyCase: [CaseStudy] {
        recorder.note(.everyCaseFront)
        return inputs.index.cases
    }

    /// Every case's story at once (the search index).
    var everyStory: [String: Markdown.Rendered] {
        recorder.note(.everyCaseStory)
        return inputs.bodies
    }

    // MARK: Lists

    /// How many cases one list holds.
    func count(_ facet: Facet, _ key: String = "") -> Int {
        recorder.note(.count(facet, key))
        return inputs.index.members(facet, key).count
    }

    /// The cases at `range` of one list (clamped to it), in the list's order.
    func slice(_ facet: Facet, _ key: String = "", _ range: Range<Int>) -> [Int] {
        let members = inputs.index.members(facet, key)
        let clamped = range.clamped(to: 0..<members.count)
        recorder.note(.slice(facet, key, lower: clamped.lowerBound, upper: clamped.upperBound))
        return Array(members[clamped])
    }

    /// A whole list. Only for lists the page shows whole because they are bounded by something other
    /// than the size of the site; paginated pages read a `slice`.
    func members(_ facet: Facet, _ key: String = "") -> [Int] {
        let members = inputs.index.members(facet, key)
        recorder.note(.count(facet, key))
        recorder.note(.slice(facet, key, lower: 0, upper: members.count))
        return members
    }

    /// The keys of a facet that have cases (see `SiteIndex.keys`).
    func keys(_ facet: Facet) -> [String] {
        recorder.note(.keys(facet))
        return inputs.index.keys(facet)
    }

    /// The cases related to one (`SiteIndex.related`), recording only the part of the strategy and
    /// state lists that the choice looked at.
    func related(to position: Int) -> [Int] {
        let study = inputs.index.cases[position]
        let (related, strategyRead, stateRead) = inputs.index.related(to: position)
        recorder.note(.caseFront(study.slug))
        recorder.note(.slice(.strategy, study.strategy, lower: 0, upper: strategyRead))
        recorder.note(.slice(.state, study.state.code, lower: 0, upper: stateRead))
        // Whether a looked-at case shares the strategy or the state is part of its front matter.
        for facet in [(Facet.strategy, study.strategy), (.state, study.state.code)] {
            let read = facet.0 == .strategy ? strategyRead : stateRead
            for other in inputs.index.members(facet.0, facet.1).prefix(read) {
                recorder.note(.caseFront(inputs.index.cases[other].slug))
            }
        }
        return related
    }

    /// The cases just before and after one in site order (nil at either end), recording who they are.
    func neighbours(of position: Int) -> (previous: Int?, next: Int?) {
        let cases = inputs.index.cases
        recorder.note(.neighbours(cases[position].slug))
        let previous = position > 0 ? position - 1 : nil
        let next = position + 1 < cases.count ? position + 1 : nil
        for other in [previous, next].compactMap({ $0 }) { recorder.note(.caseFront(cases[other].slug)) }
        return (previous, next)
    }

    /// Which pages and files the site publishes.
    func noteRouteSet() { recorder.note(.routeSet) }
}
