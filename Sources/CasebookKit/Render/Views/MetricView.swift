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

extension MetricView {
    /// A stable `id` for each of a case's figures, from its label (`figure-students-tutored-2021`), so a
    /// figure can be linked to directly; a repeated label gets `-2`, `-3`.
    static func figureIDs(_ metrics: [Metric]) -> [String] {
        var seen = Set<String>()
        return metrics.map { metric in
            let base = "figure-" + Slug.make(from: metric.label)
            var id = base, n = 2
            while !seen.insert(id).inserted { id = "\(base)-\(n)"; n += 1 }
            return id
        }
    }
}
