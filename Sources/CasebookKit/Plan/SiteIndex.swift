/// Lookups derived once from the content: which cases belong to each strategy, state, tag, funding
/// source, year and evidence design, the newest-first order, and each case's figure anchors.
/// Everything is sorted, so output is stable. Pages read these through a `SiteReader`, which records
/// what they read.
struct SiteIndex: Sendable {
    let content: SiteContent
    let byStrategy: [String: [Int]]
    let byState: [String: [Int]]
    let byTag: [String: [Int]]
    let byFunding: [String: [Int]]
    let byYear: [Int: [Int]]
    /// Cases by the design of their evidence rating (`evidence: design:`).
    let byEvidence: [String: [Int]]
    /// Every case, newest first (by date, then title): the feed's order.
    let recent: [Int]
    /// Each case's figure anchors (`figure-…`), by case position and then metric position: made once,
    /// for the case page and every page that links to a figure.
    let figureIDs: [[String]]
    /// The newest year any case speaks of; ongoing programs run "to" it. Derived from content, not the
    /// clock, so two builds of the same input are identical.
    let latestYear: Int
    /// Each case's position, by slug.
    let positions: [String: Int]

    /// - Parameter figureIDs: each case's figure anchors from an earlier build, by source path.
    init(_ content: SiteContent, figureIDs kept: PathMemo<[String]> = PathMemo()) {
        self.content = content
        var strategy: [String: [Int]] = [:], state: [String: [Int]] = [:], tag: [String: [Int]] = [:]
        var funding: [String: [Int]] = [:], year: [Int: [Int]] = [:], evidence: [String: [Int]] = [:]
        let cases = content.caseStudies
        let latest = cases.map { max($0.date.year, $0.years.end ?? $0.years.start) }.max() ?? 2020
        for (index, study) in cases.enumerated() {
            strategy[study.strategy, default: []].append(index)
            state[study.state.code, default: []].append(index)
            for t in study.tags { tag[t, default: []].append(index) }
            for f in study.funding { funding[f, default: []].append(index) }
            for y in study.years.years(through: latest) { year[y, default: []].append(index) }
            if let design = study.evidence?.study.design { evidence[design, default: []].append(index) }
        }
        byEvidence = evidence
        figureIDs = cases.map { study in kept.value(study.sourcePath) { MetricView.figureIDs(study.metrics) } }
        (byStrategy, byState, byTag, byFunding, byYear, latestYear) = (strategy, state, tag, funding, year, latest)
        (sortedTags, sortedYears) = (tag.keys.sorted(), year.keys.sorted())
        recent = cases.indices.sorted { (cases[$0].date, cases[$1].title, $1) > (cases[$1].date, cases[$0].title, $0) }
        positions = Dictionary(cases.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var cases: [CaseStudy] { content.caseStudies }
    var config: SiteConfig { content.config }
    let sortedTags: [String]
    let sortedYears: [Int]
    var statesWithCases: [USState] { (USState.all.sorted { $0.name < $1.name } + [.national]).filter { byState[$0.code] != nil } }

    /// The positions of one list's cases, in its order (`Facet`). Keys are as written in the content;
    /// a state by its code, a year as digits.
    func members(_ facet: Facet, _ key: String) -> [Int] {
        switch facet {
        case .all: return Array(cases.indices)
        case .recent: return recent
        case .strategy: return byStrategy[key] ?? []
        case .state: return byState[key] ?? []
        case .tag: return byTag[key] ?? []
        case .funding: return byFunding[key] ?? []
        case .year: return Int(key).flatMap { byYear[$0] } ?? []
        case .evidence: return byEvidence[key] ?? []
        }
    }

    /// The keys of a facet that have cases, in the order the site lists them: strategies, funding
    /// sources and evidence designs in the vocabulary's order, states by name, tags and years sorted.
    func keys(_ facet: Facet) -> [String] {
        switch facet {
        case .all, .recent: return [""]
        case .strategy: return config.strategies.map(\.key).filter { byStrategy[$0] != nil }
        case .state: return statesWithCases.map(\.code)
        case .tag: return sortedTags
        case .funding: return config.funding.map(\.key).filter { byFunding[$0] != nil }
        case .year: return sortedYears.map(String.init)
        case .evidence: return config.evidenceDesigns.map(\.key).filter { byEvidence[$0] != nil }
        }
    }

    /// The facet values a case is listed under, for working out which lists an edit can change.
    func memberships(of study: CaseStudy) -> [(Facet, String)] {
        var lists: [(Facet, String)] = [(.all, ""), (.recent, ""), (.strategy, study.strategy), (.state, study.state.code)]
        lists += study.tags.map { (.tag, $0) } + study.funding.map { (.funding, $0) }
        lists += study.years.years(through: latestYear).map { (.year, String($0)) }
        if let design = study.evidence?.study.design { lists.append((.evidence, design)) }
        return lists
    }

    /// Up to `limit` other cases sharing the strategy or the state, those sharing both first, then
    /// strategy, then state; earlier cases (by title) first within each group. Walks only the case's
    /// own strategy and state lists, and says how far into each it looked (`strategyRead`,
    /// `stateRead`), so a page records only the part of those lists its choice depended on.
    func related(to index: Int, limit: Int = 3) -> (cases: [Int], strategyRead: Int, stateRead: Int) {
        let study = cases[index]
        let sameStrategy = byStrategy[study.strategy] ?? []
        let sameState = byState[study.state.code] ?? []
        var picked: [Int] = []
        var read: [Bool: Int] = [true: 0, false: 0]   // true: the strategy list
        func take(_ candidates: [Int], isStrategy: Bool, where keep: (Int) -> Bool) {
            for (n, other) in candidates.enumerated() {
                if picked.count == limit { return }
                read[isStrategy] = max(read[isStrategy]!, n + 1)
                if other != index && keep(other) { picked.append(other) }
            }
        }
        let strategyIsShorter = sameStrategy.count <= sameState.count
        take(strategyIsShorter ? sameStrategy : sameState, isStrategy: strategyIsShorter) {
            cases[$0].strategy == study.strategy && cases[$0].state == study.state
        }
        take(sameStrategy, isStrategy: true) { cases[$0].state != study.state }
        take(sameState, isStrategy: false) { cases[$0].strategy != study.strategy }
        return (picked, read[true]!, read[false]!)
    }
}
