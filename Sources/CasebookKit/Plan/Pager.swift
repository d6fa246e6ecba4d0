/// Splits a list of `total` items into pages of `size`: page 1 at the list's own address, page n at
/// `…/page/n/`. A list that fits on one page has one page and shows no page links.
struct Pager: Sendable {
    let total: Int
    let size: Int

    init(total: Int, size: Int) {
        self.total = total
        self.size = max(1, size)
    }

    var pageCount: Int { max(1, (total + size - 1) / size) }
    var pages: ClosedRange<Int> { 1...pageCount }

    /// The items on page `number` (1-based).
    func range(_ number: Int) -> Range<Int> {
        let start = (number - 1) * size
        return min(start, total)..<min(start + size, total)
    }

    /// The page links under a paginated list: previous, next, the first and last pages and the two on
    /// either side of this one (so the links stay few however many pages there are).
    func links(_ number: Int, base: String, routes: Routes, noun: String) -> PageLinks? {
        links(number, routes: routes, noun: noun) { Routes.paged(base, $0) }
    }

    /// The page links, with page n at `route(n)`.
    func links(_ number: Int, routes: Routes, noun: String, route: (Int) -> String) -> PageLinks? {
        guard pageCount > 1 else { return nil }
        func url(_ n: Int) -> String { routes.link(route(n)) }
        var shown: [Int] = []
        for n in [1, number - 2, number - 1, number, number + 1, number + 2, pageCount] where pages.contains(n) && !shown.contains(n) {
            shown.append(n)
        }
        shown.sort()
        var items: [PageLink] = []
        for (i, n) in shown.enumerated() {
            if i > 0, n > shown[i - 1] + 1 { items.append(PageLink(label: "…", url: nil, isCurrent: false)) }
            items.append(PageLink(label: "\(n)", url: n == number ? nil : url(n), isCurrent: n == number))
        }
        let range = self.range(number)
        return PageLinks(
            label: "Page \(number) of \(pageCount)",
            showing: "\(noun.capitalizedFirst) \(CaseCount.grouped(range.lowerBound + 1))–\(CaseCount.grouped(range.upperBound)) of \(CaseCount.grouped(total))",
            previousURL: number > 1 ? url(number - 1) : nil,
            nextURL: number < pageCount ? url(number + 1) : nil,
            items: items)
    }
}
