/// One kind of page (case pages, strategy listings, the feed…): which pages of it the site has, each
/// with its address and the way its view is built. Listed once, in `PageRegistry`.
protocol PageType: Sendable {
    func pages(_ site: PlanInputs) -> [PlannedPage]
}

/// One kind of file published beside the pages (downloads, the facet index, the search index…).
protocol FileType: Sendable {
    func files(_ site: PlanInputs) -> [PlannedFiles]
}

/// "1 case study", "16 case studies", "10,000 case studies".
enum CaseCount {
    static func phrase(_ count: Int) -> String { "\(grouped(count)) \(noun(count))" }

    /// A whole number with its thousands marked: 10000 → "10,000".
    static func grouped(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var out = ""
        for (n, digit) in digits.enumerated() {
            if n > 0 && (digits.count - n) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (count < 0 ? "-" : "") + out
    }
    static func noun(_ count: Int) -> String { count == 1 ? "case study" : "case studies" }
}
