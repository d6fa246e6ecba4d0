/// Template data for one sourced figure (a metric card or a context figure).
enum MetricView {
    static func card(_ metric: Metric, footnote: Int?) -> [String: Any] {
        let display = FigureFormatter.display(metric)
        var card: [String: Any] = [
            "label": metric.label,
            "figure": display.figure,
            "phrase": display.phrase,
            "as_of": metric.asOf.display,
            "as_of_text": metric.asOf.text,
            "certainty": metric.certainty.rawValue,
            "certainty_label": certaintyLabel(metric.certainty),
            "is_\(metric.certainty.rawValue)": true,
            "source": metric.source,
            "url": metric.url,
        ]
        if let qualifier = display.qualifier { card["qualifier"] = qualifier.capitalizedFirst }
        if let note = metric.note { card["note"] = note }
        if let footnote { card["footnote"] = footnote }
        return card
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
