/// One kind of page (case pages, strategy listings, the feed…): which pages of it the site has, each
/// with its address and the way its view is built. Listed once, in `PageRegistry`.
protocol PageType: Sendable {
    func pages(_ site: PlanInputs) -> [PlannedPage]
}

/// One kind of file published beside the pages (downloads, the facet index, the search index…).
protocol FileType: Sendable {
    func files(_ site: PlanInputs) -> [PlannedFiles]
}

/// "1 case study", "16 case studies".
enum CaseCount {
    static func phrase(_ count: Int) -> String { "\(count) \(noun(count))" }
    static func noun(_ count: Int) -> String { count == 1 ? "case study" : "case studies" }
}
