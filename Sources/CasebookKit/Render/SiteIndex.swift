/// Lookups derived once from the content: which cases belong to each strategy, state, tag, funding
/// source and year, and the neighbours of each case. Everything is sorted, so output is stable.
struct SiteIndex: Sendable {
    private(set) var content: SiteContent
    let byStrategy: [String: [Int]]
    let byState: [String: [Int]]
    let byTag: [String: [Int]]
    let byFunding: [String: [Int]]
    let byYear: [Int: [Int]]
    /// Cases by the design of their evidence rating (`evidence: design:`).
    let byEvidence: [String: [Int]]
    /// Each case's figure anchors (`figure-…`), by case position and then metric position: made once,
    /// for the case page and every page that links to a figure.
    let figureIDs: [[String]]
    /// The newest year any case speaks of; ongoing programs run "to" it. Derived from content, not the
    /// clock, so two builds of the same input are identical.
    let latestYear: Int

    init(_ content: SiteContent) {
        self.content = content
        var strategy: [String: [Int]] = [:], state: [String: [Int]] = [:], tag: [String: [Int]] = [:]
        var funding: [String: [Int]] = [:], year: [Int: [Int]] = [:], evidence: [String: [Int]] = [:]
        let latest = content.caseStudies.map { max($0.date.year, $0.years.end ?? $0.years.start) }.max() ?? 2020
        for (index, study) in content.caseStudies.enumerated() {
            strategy[study.strategy, default: []].append(index)
            state[study.state.code, default: []].append(index)
            for t in study.tags { tag[t, default: []].append(index) }
            for f in study.funding { funding[f, default: []].append(index) }
            for y in study.years.years(through: latest) { year[y, default: []].append(index) }
            if let design = study.evidence?.study.design { evidence[design, default: []].append(index) }
        }
        byEvidence = evidence
        figureIDs = content.caseStudies.map { MetricView.figureIDs($0.metrics) }
        (byStrategy, byState, byTag, byFunding, byYear, latestYear) = (strategy, state, tag, funding, year, latest)
        (sortedTags, sortedYears) = (tag.keys.sorted(), year.keys.sorted())
    }

    /// The same lookups over content that differs from this one only in the cases' stories (nothing
    /// the lookups are made from), so nothing needs sorting again.
    func withStories(of content: SiteContent) -> SiteIndex {
        var index = self
        index.content = content
        return index
    }

    var cases: [CaseStudy] { content.caseStudies }
    let sortedTags: [String]
    let sortedYears: [Int]
    var statesWithCases: [USState] { (USState.all.sorted { $0.name < $1.name } + [.national]).filter { byState[$0.code] != nil } }

    /// Up to `limit` other cases sharing the strategy or the state, those sharing both first, then
    /// strategy, then state; earlier cases (by title) first within each group. Walks only the case's
    /// own strategy and state lists, so the whole site costs far less than comparing every pair.
    func related(to index: Int, limit: Int = 3) -> [Int] {
        let study = cases[index]
        let sameStrategy = byStrategy[study.strategy] ?? []
        let sameState = byState[study.state.code] ?? []
        var picked: [Int] = []
        func take(_ candidates: [Int], where keep: (Int) -> Bool) {
            for other in candidates {
                if picked.count == limit { return }
                if other != index && keep(other) { picked.append(other) }
            }
        }
        let shorter = sameStrategy.count <= sameState.count ? sameStrategy : sameState
        take(shorter) { cases[$0].strategy == study.strategy && cases[$0].state == study.state }
        take(sameStrategy) { cases[$0].state != study.state }
        take(sameState) { cases[$0].strategy != study.strategy }
        return picked
    }
}
