import Foundation

/// The downloadable data: every case and figure with its source (JSON), one row per figure (CSV),
/// and the search index (`SearchIndex`).
enum DataExport {
    /// One case's share of each download, made once per case and kept between rebuilds (`casebook
    /// serve`), so a rebuild after one edit joins finished pieces instead of encoding every case again.
    struct Fragments: Sendable {
        /// The case's object in `case_studies`, pretty-printed and indented for its place in the array.
        var json: String
        /// The case's rows of metrics.csv, each ending in CRLF.
        var csv: String
        /// The case's document in the search index.
        var search: SearchIndex.Document
    }

    /// `bodyHTML` is the case's story as rendered, which search indexes as plain text.
    static func fragments(_ study: CaseStudy, config: SiteConfig, routes: Routes, bodyHTML: String) -> Fragments {
        let record = CaseRecord(
            slug: study.slug, url: routes.absolute(Routes.caseStudy(study.slug)), title: study.title,
            summary: study.summary, organization: study.organization, partners: study.partners,
            place: study.place, state: study.state.code, state_name: study.state.name, strategy: study.strategy,
            strategy_label: config.strategy(study.strategy)?.label ?? study.strategy,
            funding: study.funding, funding_note: study.fundingNote,
            years: Years(start: study.years.start, end: study.years.end), tags: study.tags,
            date: study.date.iso, metrics: study.metrics.map(MetricRecord.init),
            evidence: study.evidence.map { EvidenceRecord($0, config: config) },
            sources: study.sources.map { Source(title: $0.title, url: $0.url) })
        // Elements of `case_studies` sit two levels deep in the document: four spaces on every line.
        let json = "    " + JSONText.encode(record, pretty: true, indent: 4)
        let strategy = config.strategy(study.strategy)?.label ?? study.strategy
        let search = SearchIndex.document(SearchIndex.Fields(
            title: study.title, url: routes.link(Routes.caseStudy(study.slug)),
            place: CaseView.placeLine(study), strategy: strategy,
            evidence: config.evidenceDesign(of: study.evidence)?.label,
            summary: study.summary,
            figures: study.metrics.map { metric in
                // "Cost per student, 2022-23: $1,200": the figure's label, its vocabulary's label where
                // the label does not already say it (so "cost per student" finds it), and its value.
                let kind = metric.key.flatMap { config.metric($0)?.label }
                    .flatMap { metric.label.localizedCaseInsensitiveContains($0) ? nil : $0 }
                return metric.label + (kind.map { " (\($0))" } ?? "") + ": " + FigureFormatter.display(metric).phrase
            }.joined(separator: "; "),
            organization: study.organization,
            partners: study.partners.isEmpty ? nil : study.partners.joined(separator: ", "),
            body: SearchIndex.plainText(bodyHTML), state: study.state.code, stateName: study.state.name,
            keywords: ([study.state.code, study.state.name, study.strategy] + study.tags).joined(separator: " ")))
        return Fragments(json: json, csv: csvRows(study), search: search)
    }

    /// data/case-studies.json: the same bytes as encoding the whole document at once, sorted keys and
    /// all (`case_studies` sorts first), built from each case's fragment.
    static func json(config: SiteConfig, context: [Metric], routes: Routes, fragments: [Fragments]) -> Data {
        let rest = Rest(title: config.title, url: routes.baseURL, context: context.map(MetricRecord.init),
                        certainty_levels: ["high", "medium", "low"],
                        licence: config.licence.map { LicenceRecord(name: $0.name, url: $0.url) })
        guard !fragments.isEmpty else {
            return encode(Document(title: rest.title, url: rest.url, case_studies: [], context: rest.context,
                                   certainty_levels: rest.certainty_levels, licence: rest.licence), pretty: true)
        }
        var document = "{\n  \"case_studies\" : [\n"
        document += fragments.map(\.json).joined(separator: ",\n")
        document += "\n  ],\n"
        document += text(rest, pretty: true).dropFirst(2)  // its opening "{\n"
        document += "\n"
        return Data(document.utf8)
    }

    private struct Rest: Encodable {
        var title, url: String
        var context: [MetricRecord]
        var certainty_levels: [String]
        var licence: LicenceRecord?
    }

    /// What readers may do with the data: the licence site.yml names.
    private struct LicenceRecord: Encodable { var name, url: String }

    // The JSON download's shape. Property names are the JSON keys; optional ones are left out when absent.
    private struct Document: Encodable {
        var title, url: String
        var case_studies: [CaseRecord]
        var context: [MetricRecord]
        var certainty_levels: [String]
        var licence: LicenceRecord?
    }

    private struct CaseRecord: Encodable {
        var slug, url, title, summary, organization: String
        var partners: [String]
        var place: String?
        var state, state_name, strategy, strategy_label: String
        var funding: [String]
        var funding_note: String?
        var years: Years
        var tags: [String]
        var date: String
        var metrics: [MetricRecord]
        var evidence: EvidenceRecord?
        var sources: [Source]
    }

    /// A case's evidence rating: the design's key and label, and the study behind it.
    private struct EvidenceRecord: Encodable {
        struct Study: Encodable {
            var design, design_label, finding, caveat: String
            var study_by, note: String?
            var sources: [Source]
        }
        var rating: Study
        var elsewhere: [Study]

        init(_ evidence: Evidence, config: SiteConfig) {
            func study(_ s: EvidenceStudy) -> Study {
                Study(design: s.design, design_label: config.evidenceDesign(s.design)?.label ?? s.design, finding: s.finding,
                      caveat: s.caveat, study_by: s.studyBy?.rawValue, note: s.note, sources: s.sources.map { Source(title: $0.title, url: $0.url) })
            }
            rating = study(evidence.study)
            elsewhere = evidence.elsewhere.map(study)
        }
    }

    private struct Years: Encodable { var start: Int; var end: Int? }
    private struct Source: Encodable { var title, url: String }

    private struct MetricRecord: Encodable {
        var key: String?
        var label, unit: String
        var value: Double
        var qualifier: String?
        var upper, baseline: Double?
        var display, as_of, as_of_kind, source, url, certainty: String
        var note, quote, quote_unavailable, derived, scope, via: String?

        init(_ metric: Metric) {
            key = metric.key
            label = metric.label
            unit = metric.unit.rawValue
            value = metric.value
            qualifier = metric.qualifier?.rawValue
            upper = metric.upper
            baseline = metric.baseline
            display = FigureFormatter.display(metric).phrase
            as_of = metric.asOf.text
            as_of_kind = metric.asOf.kind.rawValue
            source = metric.source
            url = metric.url
            certainty = metric.certainty.rawValue
            note = metric.note
            quote = metric.quote
            quote_unavailable = metric.quoteUnavailable
            derived = metric.derived
            scope = metric.scope
            via = metric.via?.rawValue
        }
    }

    static let csvColumns = ["case_slug", "case_title", "state", "strategy", "metric_key", "metric_label", "unit",
                             "value", "qualifier", "upper", "baseline", "as_of", "source", "url", "certainty", "note",
                             "as_of_kind", "scope", "quote", "quote_unavailable", "derived", "via"]

    /// Starts with a UTF-8 byte-order mark, so a spreadsheet that guesses the encoding (Excel)
    /// reads "–", "→" and accented letters right; the data page says so.
    static func csv(fragments: [Fragments]) -> Data {
        Data((byteOrderMark + csvColumns.joined(separator: ",") + "\r\n" + fragments.map(\.csv).joined()).utf8)
    }

    static let byteOrderMark = "\u{FEFF}"

    private static func csvRows(_ study: CaseStudy) -> String {
        var rows = ""
        for metric in study.metrics {
            let fields: [String] = [
                study.slug, study.title, study.state.code, study.strategy, metric.key ?? "", metric.label,
                metric.unit.rawValue, metric.value.plain, metric.qualifier?.rawValue ?? "",
                metric.upper?.plain ?? "", metric.baseline?.plain ?? "", metric.asOf.text, metric.source,
                metric.url, metric.certainty.rawValue, metric.note ?? "",
                metric.asOf.kind.rawValue, metric.scope ?? "", metric.quote ?? "", metric.quoteUnavailable ?? "",
                metric.derived ?? "", metric.via?.rawValue ?? "",
            ]
            rows += fields.map(csvField).joined(separator: ",") + "\r\n"
        }
        return rows
    }

    /// RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with an apostrophe.
    static func csvField(_ value: String) -> String {
        var value = value
        if let first = value.utf8.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40, Double(value) == nil {
            value = "'" + value
        }
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A list of cases search can find by its name (a strategy's or a state's listing).
    struct Listing {
        var title, url, summary: String
    }

    /// The search index's files (see `SearchIndex`): the cases in the order given, then the plain
    /// pages, then the strategy and state listings.
    /// - Parameters:
    ///   - addresses: each fragment's case address, in order.
    ///   - previous: the index as the last build left it (`casebook serve`); only what changed is redone.
    static func searchFiles(pages: [Page], routes: Routes, fragments: [Fragments], addresses: [String],
                            pageBodies: [String: String], listings: [Listing] = [],
                            previous: SearchShards) -> (files: [MadeFile], state: SearchShards) {
        let documents = pages.map { page in
            SearchIndex.document(SearchIndex.Fields(
                title: page.title, url: routes.link(Routes.page(page.slug)), summary: page.summary ?? "",
                body: SearchIndex.plainText(pageBodies[page.sourcePath] ?? ""), keywords: ""))
        }
        let lists = listings.map { listing in
            SearchIndex.document(SearchIndex.Fields(title: listing.title, url: listing.url, summary: listing.summary,
                                                    body: "", keywords: "", kind: "listing"))
        }
        return previous.updated(to: fragments.map(\.search) + documents + lists,
                                addresses: addresses + pages.map { routes.link(Routes.page($0.slug)) } + listings.map(\.url),
                                cases: fragments.count)
    }

    static func jsonText(_ value: some Encodable) -> String {
        text(value, pretty: false)
    }

    /// Sorted keys and unescaped slashes, so the files are stable and readable; one newline at the end.
    private static func encode(_ value: some Encodable, pretty: Bool) -> Data {
        Data((text(value, pretty: pretty) + "\n").utf8)
    }

    private static func text(_ value: some Encodable, pretty: Bool) -> String {
        JSONText.encode(value, pretty: pretty)
    }
}
