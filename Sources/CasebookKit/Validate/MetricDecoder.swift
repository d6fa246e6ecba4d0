/// Decodes one sourced figure: a case study's metric or a national context figure. Both must say
/// where the number comes from (source, url, certainty), because every number on the site is traceable.
enum MetricDecoder {
    enum Kind {
        /// A case metric: `key` names the vocabulary entry, which gives label and unit.
        case caseMetric
        /// A context figure: no key; `label` and `unit` are given directly.
        case contextFigure
    }

    static let sourcingFields = ["as_of", "source", "url", "certainty"]
    static let valueFields = ["value", "qualifier", "upper", "baseline", "note", "highlight"]

    static func decode(_ node: YAMLValue, kind: Kind, config: SiteConfig, reader: inout YAMLReader) -> Metric? {
        let what = kind == .caseMetric ? "this metric" : "this figure"
        let known = (kind == .caseMetric ? ["key", "label"] : ["label", "unit"]) + valueFields + sourcingFields + FigureWordsDecoder.fields
        let required = (kind == .caseMetric ? ["key", "value"] : ["label", "unit", "value"]) + sourcingFields
        guard let fields = reader.fields(of: node, in: what, known: known, required: required, hintFor: hint) else { return nil }

        var label = reader.text(fields["label"], field: "label")
        var unit: MetricUnit?
        var key: String?
        switch kind {
        case .caseMetric:
            if let raw = reader.text(fields["key"], field: "key") {
                if let definition = config.metric(raw) {
                    key = raw
                    unit = definition.unit
                    label = label ?? definition.label
                } else {
                    reader.error(fields["key"], "unknown metric key `\(raw)`",
                                 hint: Suggestion.hint(for: raw, in: config.metrics.map(\.key), listing: false)
                                    ?? "use a key listed under `metrics:` in content/site.yml, or add it there", code: .metricKey)
                }
            }
        case .contextFigure:
            unit = reader.choice(fields["unit"], field: "unit", as: MetricUnit.self)
        }
        let value = reader.number(fields["value"], field: "value")
        let qualifier = fields["qualifier"].flatMap { reader.choice($0, field: "qualifier", as: Qualifier.self) }
        let upper = fields["upper"].flatMap { reader.number($0, field: "upper") }
        let baseline = fields["baseline"].flatMap { reader.number($0, field: "baseline") }
        let asOf = reader.asOf(fields["as_of"], field: "as_of")
        let source = reader.text(fields["source"], field: "source")
        let url = reader.url(fields["url"], field: "url")
        let certainty = reader.choice(fields["certainty"], field: "certainty", as: Certainty.self)
        let note = fields["note"].flatMap { reader.text($0, field: "note") }
        let highlight = fields["highlight"].flatMap { reader.bool($0, field: "highlight") } ?? false
        if let value, let upper, upper <= value {
            reader.error(fields["upper"], "`upper` (\(upper.plain)) should be larger than `value` (\(value.plain))",
                         hint: "`value` is the low end of the range and `upper` the high end", code: .metricRange)
        }
        if upper != nil, baseline != nil {
            reader.error(fields["baseline"], "a figure can have a range (`upper`) or a change (`baseline`), not both",
                         hint: "keep `upper` for a range such as 6,098–6,099, or `baseline` for a change such as 16% → 40%", code: .metricRangeAndChange)
        }
        let words = FigureWordsDecoder.decode(fields, node: node, what: what, value: value, unit: unit,
                                              certainty: certainty, reader: &reader)
        guard let label, let unit, let value, let asOf, let source, let url, let certainty else { return nil }
        return Metric(key: key, label: label, unit: unit, value: value, qualifier: qualifier, upper: upper,
                      baseline: baseline, asOf: asOf, source: source, url: url, certainty: certainty, note: note,
                      highlight: highlight, quote: words.quote, quoteUnavailable: words.quoteUnavailable,
                      derived: words.derived, scope: words.scope, via: words.via, locations: fields.locations)
    }

    private static func hint(_ field: String) -> String? {
        switch field {
        case "source": "name who published the figure and when, e.g. `source: NJ.com, September 2021`"
        case "url": "add the address of the page that shows the figure, e.g. `url: https://…`"
        case "certainty": "add `certainty: high`, `medium` or `low` (see docs/content-format.md)"
        case "as_of": "add when the figure was true, e.g. `as_of: 2021` or `as_of: 2022-23`"
        case "value": "add the number as published, e.g. `value: 2000`"
        case "key": "add what is measured, e.g. `key: students_served`"
        default: nil
        }
    }
}

extension Double {
    /// A number as an author would type it: no trailing `.0`, and never in exponent form (`8.3e+32`
    /// is written out in digits), so any finite value can be shown, exported and compared.
    var plain: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        guard isFinite else { return String(self) }
        let text = String(abs(self))
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        // Shortest digits and exponent, moved into plain decimal notation.
        let mantissa = text[..<e], exponent = Int(text[text.index(after: e)...]) ?? 0
        let digits = mantissa.filter { $0 != "." }
        let point = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exponent
        var result: String
        if point <= 0 {
            result = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            result = digits + String(repeating: "0", count: point - digits.count)
        } else {
            result = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        if result.contains(".") {
            while result.hasSuffix("0") { result.removeLast() }
            if result.hasSuffix(".") { result.removeLast() }
        }
        return (self < 0 ? "-" : "") + result
    }
}
