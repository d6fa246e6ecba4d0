/// The home page's figures across cases, added up only where adding means something. Each case's
/// headline figure of one metric key (`highlight: true`, not a before→after change) is a candidate;
/// they are summed only when every one counts the same thing (the same key, whose vocabulary says
/// `aggregate: sum`) over the same period (the same `as_of`) in places that cannot overlap (different
/// states, none national). Otherwise the home page shows the range and the list, never a sum.
struct HeadlineTotals {
    struct Entry {
        /// The case's place in site order.
        var position: Int
        /// The figure's place among the case's metrics.
        var index: Int
        var metric: Metric
    }

    enum Outcome {
        /// Like with like: one total.
        case sum(Double, atLeast: Bool)
        /// Unlike counts: the smallest and largest, and each figure.
        case range(low: Metric, high: Metric)
    }

    struct Line {
        var definition: MetricDefinition
        var entries: [Entry]
        var outcome: Outcome
    }

    let cases: [CaseStudy]
    let config: SiteConfig

    var lines: [Line] {
        config.metrics.filter { $0.aggregate == .sum }.compactMap(line)
    }

    func line(_ definition: MetricDefinition) -> Line? {
        let entries = cases.indices.compactMap { position -> Entry? in
            cases[position].headlineFigure(definition.key)
                .map { Entry(position: position, index: $0, metric: cases[position].metrics[$0]) }
        }
        guard entries.count >= 2 else { return nil }
        if Self.addable(entries.map { ($0.metric, cases[$0.position].state) }) {
            let total = entries.reduce(0) { $0 + $1.metric.value }
            let atLeast = entries.contains { [.moreThan, .atLeast].contains($0.metric.qualifier) }
            return Line(definition: definition, entries: entries, outcome: .sum(total, atLeast: atLeast))
        }
        let sorted = entries.sorted { $0.metric.value < $1.metric.value }
        return Line(definition: definition, entries: sorted, outcome: .range(low: sorted.first!.metric, high: sorted.last!.metric))
    }

    /// Whether these figures may be added: same period, no ranges or vague upper bounds, and places
    /// that cannot hold the same students.
    static func addable(_ figures: [(Metric, USState)]) -> Bool {
        guard let first = figures.first else { return false }
        var states = Set<String>()
        for (metric, state) in figures {
            guard metric.asOf == first.0.asOf, metric.upper == nil, metric.qualifier != .upTo,
                  metric.qualifier != .nearly, metric.qualifier != .under, state != .national,
                  states.insert(state.code).inserted else { return false }
        }
        return true
    }
}
