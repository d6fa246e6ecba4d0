/// One sourced figure as a card: a case's figure, or a context figure (see `MetricView.card`).
struct MetricCard: TemplateView {
    var label: String
    var figure: String
    var phrase: String
    var asOf: String
    var asOfText: String
    var certainty: Certainty
    var source: String
    var url: String
    /// "About", "Nearly"…; nil for a figure given exactly.
    var qualifier: String?
    var note: String?
    /// The source's own words that state the figure; shown on demand.
    var quote: String?
    /// Why the source's words could not be taken, where they could not.
    var quoteUnavailable: String?
    /// The arithmetic from quoted numbers, for a figure the source does not state as such.
    var derived: String?
    /// What the figure counts, where that differs from its label's plain meaning.
    var scope: String?
    /// "Read in a reprint, not the original", where the figure was read second-hand.
    var via: String?
    /// The number of the figure's source in the case's source list; nil outside a case page.
    var footnote: Int?
    /// The figure's anchor on its case page; nil outside a case page.
    var id: String?

    static let viewName = "a figure card"
    static let fields = TemplateFields<MetricCard>([
        "label": .text(\.label),
        "figure": .text(\.figure),
        "phrase": .text(\.phrase),
        "as_of": .text(\.asOf),
        "as_of_text": .text(\.asOfText),
        "certainty": .text { $0.certainty.rawValue },
        "certainty_label": .text { MetricView.certaintyLabel($0.certainty) },
        "is_high": .flag { $0.certainty == .high },
        "is_medium": .flag { $0.certainty == .medium },
        "is_low": .flag { $0.certainty == .low },
        "source": .text(\.source),
        "url": .text(\.url),
        "qualifier": .optionalText(\.qualifier),
        "note": .optionalText(\.note),
        "quote": .optionalText(\.quote),
        "quote_unavailable": .optionalText(\.quoteUnavailable),
        "derived": .optionalText(\.derived),
        "scope": .optionalText(\.scope),
        "via": .optionalText(\.via),
        "footnote": .optionalText { $0.footnote.map(String.init) },
        "id": .optionalText(\.id),
    ])
}

/// Builds the card of one sourced figure (a metric card or a context figure).
enum MetricView {
    static func card(_ metric: Metric, footnote: Int?) -> MetricCard {
        let display = FigureFormatter.display(metric)
        return MetricCard(label: metric.label, figure: display.figure, phrase: display.phrase, asOf: metric.asOf.display,
                          asOfText: metric.asOf.text, certainty: metric.certainty, source: metric.source, url: metric.url,
                          qualifier: display.qualifier?.capitalizedFirst, note: metric.note, quote: metric.quote,
                          quoteUnavailable: metric.quoteUnavailable, derived: metric.derived, scope: metric.scope,
                          via: metric.via?.words.capitalizedFirst, footnote: footnote)
    }

    static func certaintyLabel(_ certainty: Certainty) -> String {
        switch certainty {
        case .high: "High certainty"
        case .medium: "Medium certainty"
        case .low: "Low certainty"
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension MetricView {
    /// A stable `id` for each of a case's figures, from its label (`figure-students-tutored-2021`), so a
    /// figure can be linked to directly; a repeated label gets `-2`, `-3`.
    static func figureIDs(_ metrics: [Metric]) -> [String] {
        var ids = UniqueIDs()
        return metrics.map { ids.claim("figure-" + Slug.make(from: $0.label)) }
    }
}
