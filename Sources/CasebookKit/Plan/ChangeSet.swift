/// What an edit changed, worked out by comparing the site before and after it, and which recorded
/// reads (`Dependency`) it affects. Lists are compared slot by slot, so a case added or moved in a
/// list changes only the positions from the first slot that differs to the last one.
struct ChangeSet {
    var config = false
    var context = false
    var pageList = false
    var pages: Set<String> = []
    var caseFront: Set<String> = []
    var caseStory: Set<String> = []
    var latestYear = false
    var routeSet = false
    var keys: Set<Facet> = []
    /// Cases whose neighbours in site order changed.
    var neighbours: Set<String> = []
    /// For each list that changed: whether its count changed, and the first and last differing slots.
    var lists: [ListKey: ListChange] = [:]

    struct ListKey: Hashable {
        var facet: Facet
        var key: String
    }

    struct ListChange {
        var countChanged: Bool
        var first: Int
        var last: Int
    }

    /// The changes between two sites built with the same templates and assets.
    /// - Parameter reloaded: the case files read again since the old site (their source paths); the
    ///   others were taken from the build cache unchanged, so only these are compared. Nil compares all.
    init(from old: SiteIndex, to new: SiteIndex, oldRoutes: Set<String>, newRoutes: Set<String>, reloaded: Set<String>? = nil) {
        config = old.config != new.config
        context = old.content.context != new.content.context
        let oldPages = old.content.pages, newPages = new.content.pages
        pageList = oldPages.map { [$0.slug, $0.title, String($0.menu ?? -1)] } != newPages.map { [$0.slug, $0.title, String($0.menu ?? -1)] }
        let oldBySlug = Dictionary(oldPages.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        for page in newPages where oldBySlug[page.slug] != page { pages.insert(page.slug) }
        latestYear = old.latestYear != new.latestYear
        routeSet = oldRoutes != newRoutes

        // Cases: by slug, what of each changed.
        var lists: Set<ListKey> = [ListKey(facet: .all, key: ""), ListKey(facet: .recent, key: "")]
        for study in new.cases where reloaded?.contains(study.sourcePath) ?? true || old.positions[study.slug] == nil {
            guard let before = old.positions[study.slug].map({ old.cases[$0] }) else {
                caseFront.insert(study.slug); caseStory.insert(study.slug)
                lists.formUnion(new.memberships(of: study).map { ListKey(facet: $0.0, key: $0.1) })
                continue
            }
            if before.body.text != study.body.text { caseStory.insert(study.slug) }
            var frontBefore = before
            frontBefore.body = study.body
            if frontBefore != study || before.sourcePath != study.sourcePath {
                caseFront.insert(study.slug)
                lists.formUnion(old.memberships(of: before).map { ListKey(facet: $0.0, key: $0.1) })
                lists.formUnion(new.memberships(of: study).map { ListKey(facet: $0.0, key: $0.1) })
            }
        }
        for study in old.cases where new.positions[study.slug] == nil {
            caseFront.insert(study.slug); caseStory.insert(study.slug)
            lists.formUnion(old.memberships(of: study).map { ListKey(facet: $0.0, key: $0.1) })
        }
        if latestYear {
            // Ongoing programs run to the latest year: every year list may change.
            lists.formUnion(Set(old.sortedYears + new.sortedYears).map { ListKey(facet: .year, key: String($0)) })
        }
        for facet in Facet.allCases where old.keys(facet) != new.keys(facet) { keys.insert(facet) }
        for list in lists {
            let before = old.members(list.facet, list.key).map { old.cases[$0].slug }
            let after = new.members(list.facet, list.key).map { new.cases[$0].slug }
            guard before != after else { continue }
            let length = max(before.count, after.count)
            var first = 0
            while first < length, first < before.count, first < after.count, before[first] == after[first] { first += 1 }
            var last = length - 1
            while last > first, last < before.count, last < after.count, before[last] == after[last] { last -= 1 }
            self.lists[list] = ListChange(countChanged: before.count != after.count, first: first, last: last)
            if list.facet == .all { neighbours = Self.neighbourChanges(before, after, from: first, to: last) }
        }
    }

    /// The cases around slots `first...last` of two orders whose previous or next case differs.
    private static func neighbourChanges(_ before: [String], _ after: [String], from first: Int, to last: Int) -> Set<String> {
        func neighbours(_ list: [String], _ positions: [String: Int], of slug: String) -> (String?, String?)? {
            guard let p = positions[slug] else { return nil }
            return (p > 0 ? list[p - 1] : nil, p + 1 < list.count ? list[p + 1] : nil)
        }
        // Only the cases in the slots that differ, and the one on either side, can have new neighbours.
        var around = Set<String>()
        for list in [before, after] where max(0, first - 1) <= min(list.count - 1, last + 1) {
            around.formUnion(list[max(0, first - 1)...min(list.count - 1, last + 1)])
        }
        let oldPositions = Dictionary(before.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let newPositions = Dictionary(after.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return around.filter { slug in
            let old = neighbours(before, oldPositions, of: slug), new = neighbours(after, newPositions, of: slug)
            return old?.0 != new?.0 || old?.1 != new?.1
        }
    }

    /// Whether a page that read `dependency` must be built again.
    func affects(_ dependency: Dependency) -> Bool {
        switch dependency {
        case .config: return config
        case .context: return context
        case .pageList: return pageList
        case .page(let slug): return pages.contains(slug)
        case .caseFront(let slug): return caseFront.contains(slug)
        case .caseStory(let slug): return caseStory.contains(slug)
        case .everyCaseFront: return !caseFront.isEmpty
        case .everyCaseStory: return !caseStory.isEmpty
        case .count(let facet, let key): return lists[ListKey(facet: facet, key: key)]?.countChanged ?? false
        case .slice(let facet, let key, let lower, let upper):
            guard let change = lists[ListKey(facet: facet, key: key)] else { return false }
            // Slots lower..<upper were read; a slice that ran to the end of a list that grew reads the new slots too.
            return (change.first < upper && change.last >= lower) || (change.countChanged && upper >= change.first)
        case .keys(let facet): return keys.contains(facet)
        case .neighbours(let slug): return neighbours.contains(slug)
        case .latestYear: return latestYear
        case .routeSet: return routeSet
        }
    }

    /// Whether any of a page's reads is affected.
    func affects(_ reads: Set<Dependency>) -> Bool {
        reads.contains(where: affects)
    }
}
