/// Decodes what ties a figure to its source's own words — `quote` (or `quote_unavailable`),
/// `derived`, `scope` and `via` — and checks the rules between them and `certainty`: the value must
/// be written in the quote unless `derived` gives the arithmetic, and a figure whose words could not
/// be read, or that was read second-hand, is rated low at most.
enum FigureWordsDecoder {
    static let fields = ["quote", "quote_unavailable", "derived", "scope", "via"]

    struct Words {
        var quote: String?
        var quoteUnavailable: String?
        var derived: String?
        var scope: String?
        var via: SecondHand?
    }

    static func decode(_ f: YAMLReader.Fields, node: YAMLValue, what: String, value: Double?, unit: MetricUnit?,
                       certainty: Certainty?, reader: inout YAMLReader) -> Words {
        let words = Words(
            quote: f["quote"].flatMap { reader.text($0, field: "quote") },
            quoteUnavailable: f["quote_unavailable"].flatMap { reader.text($0, field: "quote_unavailable") },
            derived: f["derived"].flatMap { reader.text($0, field: "derived") },
            scope: f["scope"].flatMap { reader.text($0, field: "scope") },
            via: f["via"].flatMap { reader.choice($0, field: "via", as: SecondHand.self) })

        switch (f["quote"], f["quote_unavailable"]) {
        case (nil, nil):
            reader.error(node, "\(what) has no `quote`: the source's own words that state the figure",
                         hint: "copy the source's sentence that gives the number, verbatim and short, e.g. `quote: More than 2,000 students were tutored.`; "
                            + "if the source cannot be read, say why with `quote_unavailable: …` instead")
        case (.some, .some(let unavailable)):
            reader.error(unavailable, "\(what) has both `quote` and `quote_unavailable`",
                         hint: "keep `quote` when you have the source's words, and remove `quote_unavailable`")
        case (.some(let node), nil):
            if let quote = words.quote, let value, let unit, words.derived == nil,
               !QuoteCheck.states(value, unit: unit, in: quote) {
                reader.error(node, "the value \(value.plain) is not written in the quote",
                             hint: "quote the source's sentence that states \(example(value, unit: unit)), "
                                + "or add `derived:` with the arithmetic from the quoted numbers, e.g. `derived: 75,000 ÷ 150 students = 500`")
            }
        case (nil, .some(let unavailable)):
            if let reason = words.quoteUnavailable {
                reader.warning(unavailable, "\(what) has no quote from its source (\(reason))",
                               hint: "find the source's sentence that states the figure and put it in `quote:`; until then it is rated low at most")
            }
            capAtLow(certainty, because: "without its source's words", f: f, reader: &reader,
                     hint: "set `certainty: low`, or add the source's own words in `quote:`")
        }
        if let via = words.via {
            capAtLow(certainty, because: via == .reprint ? "read in a reprint" : "read on an aggregator site", f: f, reader: &reader,
                     hint: "set `certainty: low`, or cite the original publication and remove `via`")
        }
        return words
    }

    private static func capAtLow(_ certainty: Certainty?, because reason: String, f: YAMLReader.Fields,
                                 reader: inout YAMLReader, hint: String) {
        guard let certainty, certainty != .low else { return }
        reader.error(f["certainty"], "a figure \(reason) can be rated `low` at most, not `\(certainty.rawValue)`", hint: hint)
    }

    /// The value as a source might write it, for the hint: "2,000", "$25 million", "37%".
    private static func example(_ value: Double, unit: MetricUnit) -> String {
        let digits = value.plain
        let grouped: String
        if value == value.rounded(), abs(value) >= 1000, abs(value) < 1e15 {
            var text = String(Int64(abs(value)))
            var parts: [String] = []
            while text.count > 3 { parts.insert(String(text.suffix(3)), at: 0); text.removeLast(3) }
            parts.insert(text, at: 0)
            grouped = (value < 0 ? "-" : "") + parts.joined(separator: ",")
        } else {
            grouped = digits
        }
        switch unit {
        case .percent: return abs(value) < 1 ? "\((value * 100).plain)%" : "\(digits)%"
        case .usd: return "$" + grouped
        default: return grouped
        }
    }
}
