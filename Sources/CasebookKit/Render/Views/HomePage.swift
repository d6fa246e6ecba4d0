/// The home page: the strongest evidence, the ways in, the totals, the national picture, the map
/// and the featured cases.
struct HomePage: PageView {
    var context: [MetricCard]
    var allContextURL: String
    var hasContext: Bool
    var totals: [HomeTotal]
    var headlineLines: [HeadlineLine]
    var map: StateMap
    var strategies: [StrategyCard]
    var evidenceLevels: [EvidenceLevel]
    var hasEvidence: Bool
    var strongest: [StrongCase]
    var evidenceIndexURL: String
    var compareURL: String
    var featured: [CaseCard]
    var caseIndexURL: String
    var stateLinks: [StateLink]

    static let template = TemplateName.home
    static let viewName = "the home page"
    static let fields = TemplateFields<HomePage>([
        "context": .list(\.context),
        "all_context_url": .text(\.allContextURL),
        "has_context": .flag(\.hasContext),
        "totals": .list(\.totals),
        "headline_lines": .list(\.headlineLines),
        "has_headline_lines": .flag { !$0.headlineLines.isEmpty },
        "map": .object(\.map),
        "strategies": .list(\.strategies),
        "evidence_levels": .list(\.evidenceLevels),
        "has_evidence": .flag(\.hasEvidence),
        "strongest": .list(\.strongest),
        "has_strongest": .flag { !$0.strongest.isEmpty },
        "evidence_index_url": .text(\.evidenceIndexURL),
        "compare_url": .text(\.compareURL),
        "featured": .list(\.featured),
        "case_index_url": .text(\.caseIndexURL),
        "state_links": .list(\.stateLinks),
    ])
}

/// One of the home page's counts: "16 case studies", "9 states".
struct HomeTotal: TemplateView {
    var figure: String
    var label: String

    static let viewName = "a total"
    static let fields = TemplateFields<HomeTotal>([
        "figure": .text(\.figure),
        "label": .text(\.label),
    ])
}

/// One figure across cases (see `HeadlineTotals`): a total where the figures count alike, otherwise
/// the range; with each case's own figure.
struct HeadlineLine: TemplateView {
    enum Outcome: Sendable {
        /// The total, and "At least" or "About" when it is not exact.
        case sum(figure: String, qualifier: String?)
        /// The smallest and largest figures, as phrases.
        case range(low: String, high: String)
    }

    var label: String
    /// The cases' figures shown: all of them, or the largest `paging: headline_items:`.
    var items: [HeadlineItem]
    /// How many cases give this figure.
    var caseCount: Int
    var outcome: Outcome

    static let viewName = "a figure across cases"
    static let fields = TemplateFields<HeadlineLine>([
        "label": .text(\.label),
        "label_lower": .text { $0.label.lowercased() },
        "items": .list(\.items),
        "cases": .number(\.caseCount),
        "more": .number { $0.caseCount - $0.items.count },
        "has_more": .flag { $0.caseCount > $0.items.count },
        "is_sum": .flag { if case .sum = $0.outcome { true } else { false } },
        "qualifier": .optionalText { if case .sum(_, let qualifier) = $0.outcome { qualifier } else { nil } },
        "figure": .optionalText { if case .sum(let figure, _) = $0.outcome { figure } else { nil } },
        "is_range": .flag { if case .range = $0.outcome { true } else { false } },
        "low": .optionalText { if case .range(let low, _) = $0.outcome { low } else { nil } },
        "high": .optionalText { if case .range(_, let high) = $0.outcome { high } else { nil } },
    ])
}

/// One case's figure under a `HeadlineLine`.
struct HeadlineItem: TemplateView {
    var title: String
    var url: String
    var phrase: String
    var label: String
    var asOf: String

    static let viewName = "a case's figure across cases"
    static let fields = TemplateFields<HeadlineItem>([
        "title": .text(\.title),
        "url": .text(\.url),
        "phrase": .text(\.phrase),
        "label": .text(\.label),
        "as_of": .text(\.asOf),
    ])
}

/// A case with strong evidence of results, and what its study found.
struct StrongCase: TemplateView {
    var title: String
    var url: String
    var place: String
    var strategyLabel: String
    var finding: String
    var evidence: EvidenceBadge?

    static let viewName = "a case with strong evidence"
    static let fields = TemplateFields<StrongCase>([
        "title": .text(\.title),
        "url": .text(\.url),
        "place": .text(\.place),
        "strategy_label": .text(\.strategyLabel),
        "finding": .text(\.finding),
        "evidence": .optional(\.evidence),
    ])
}

/// A state with cases, linked, with their number.
struct StateLink: TemplateView {
    var label: String
    var url: String
    var count: Int

    static let viewName = "a state's link"
    static let fields = TemplateFields<StateLink>([
        "label": .text(\.label),
        "url": .text(\.url),
        "count": .number(\.count),
    ])
}
