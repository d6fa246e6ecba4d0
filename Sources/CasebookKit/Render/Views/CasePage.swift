/// The body of a case study's page: the template draws everything inside `{{#case}}`.
struct CaseStudyPage: PageView {
    var study: CasePage

    static let template = TemplateName.caseStudy
    static let viewName = "a case study's page"
    static let fields = TemplateFields<CaseStudyPage>([
        "case": .object(\.study),
    ])
}

/// A case study in full: every field of its card, and the page's own.
struct CasePage: TemplateView {
    var card: CaseCard
    var partners: [String]
    var stateName: String
    var stateURL: String
    var strategyURL: String
    var strategyDescription: String
    var dateDisplay: String
    var dateISO: String
    var funding: [FundingLink]
    /// Whether a link to the funding source site.yml's `roles: tracked_funding:` names is documented.
    var trackedFunding: TrackedFunding?
    /// The note on funding, "" when there is none (then nothing is shown).
    var fundingNote: String
    var metrics: [MetricCard]
    var keyFigures: [MetricCard]
    var hasKeyFigures: Bool
    var metricGroups: [FigureGroup]
    var evidenceDetails: EvidenceDetails?
    var bodyHTML: String
    var contents: [ContentsEntry]
    var hasContents: Bool
    var sources: [FootnoteSource]
    var furtherReading: [TitledLink]
    var tags: [LabeledLink]
    /// The related cases' cards, finished.
    var related: [RenderedCard]
    var hasRelated: Bool
    var citation: String
    var image: CaseImage?
    var previous: TitledLink?
    var next: TitledLink?
    /// Marked `draft: true`: shown only in builds with drafts, under a banner saying so.
    var isDraft = false

    static let viewName = "a case page"
    static let fields = TemplateFields<CasePage>([
        "partners": .list(\.partners),
        "has_partners": .flag { !$0.partners.isEmpty },
        "state_name": .text(\.stateName),
        "state_url": .text(\.stateURL),
        "strategy_url": .text(\.strategyURL),
        "strategy_description": .text(\.strategyDescription),
        "date_display": .text(\.dateDisplay),
        "date_iso": .text(\.dateISO),
        "funding": .list(\.funding),
        "has_funding": .flag { !$0.funding.isEmpty },
        "tracked_funding": .optional(\.trackedFunding),
        "funding_note": .nonEmptyText { $0.fundingNote },
        "metrics": .list(\.metrics),
        "key_figures": .list(\.keyFigures),
        "has_key_figures": .flag(\.hasKeyFigures),
        "metric_groups": .list(\.metricGroups),
        "evidence_details": .optional(\.evidenceDetails),
        "body_html": .text(\.bodyHTML),
        "contents": .list(\.contents),
        "has_contents": .flag(\.hasContents),
        "sources": .list(\.sources),
        "further_reading": .list(\.furtherReading),
        "has_further_reading": .flag { !$0.furtherReading.isEmpty },
        "tags": .list(\.tags),
        "related": .list(\.related),
        "has_related": .flag(\.hasRelated),
        "citation": .text(\.citation),
        "image": .optional(\.image),
        "previous": .optional(\.previous),
        "next": .optional(\.next),
        "draft": .flag(\.isDraft),
    ]).including(CaseCard.fields, from: \.card)
}

/// A source of money on a case page, linked to its listing.
struct FundingLink: TemplateView {
    var label: String
    var url: String
    var description: String

    static let viewName = "a funding source"
    static let fields = TemplateFields<FundingLink>([
        "label": .text(\.label),
        "url": .text(\.url),
        "description": .text(\.description),
    ])
}

/// One distinct source of a case's figures, numbered in the order its figures appear (footnote n ↔ source n).
struct FootnoteSource: TemplateView {
    var number: Int
    var source: String
    var url: String
    /// The labels of the figures it gives, joined with "; ".
    var figures: String
    /// Set only when all its figures have the same certainty.
    var certaintyLabel: String?

    static let viewName = "a case's source"
    static let fields = TemplateFields<FootnoteSource>([
        "number": .number(\.number),
        "source": .text(\.source),
        "url": .text(\.url),
        "figures": .text(\.figures),
        "certainty_label": .optionalText(\.certaintyLabel),
    ])
}

/// A case's figures under one of the site's metric groups.
struct FigureGroup: TemplateView {
    var id: String
    var label: String
    /// The group's description; "" for none (then nothing is shown).
    var description: String
    var metrics: [MetricCard]

    static let viewName = "a group of figures"
    static let fields = TemplateFields<FigureGroup>([
        "id": .text(\.id),
        "label": .text(\.label),
        "description": .nonEmptyText { $0.description },
        "metrics": .list(\.metrics),
    ])
}

/// One entry of a long case page's contents list.
struct ContentsEntry: TemplateView {
    var id: String
    var label: String

    static let viewName = "an entry of the contents"
    static let fields = TemplateFields<ContentsEntry>([
        "id": .text(\.id),
        "label": .text(\.label),
    ])
}

/// A case's picture: its resized copies by width, and the whole `<picture>` drawn as stories draw
/// theirs (`PictureMarkup`). Loaded lazily: the case template shows it after the facts, below the
/// first screen on a phone (about 2,100 px down) and on a desktop (about 1,250 px).
struct CaseImage: TemplateView {
    /// The copy for browsers that read no `srcset` (the original when there are no copies).
    var src: String
    var alt: String
    /// The fallback copies' `srcset` and the WebP copies' (empty when there are none).
    var srcset: String
    var webpSrcset: String
    var sizes: String
    /// The size of `src` in pixels; 0 when unknown (an SVG).
    var width: Int
    var height: Int
    var pictureHTML: String

    static let viewName = "a case's image"
    static let fields = TemplateFields<CaseImage>([
        "src": .text(\.src),
        "alt": .text(\.alt),
        "srcset": .text(\.srcset),
        "webp_srcset": .text(\.webpSrcset),
        "sizes": .text(\.sizes),
        "width": .number(\.width),
        "height": .number(\.height),
        "picture_html": .text(\.pictureHTML),
    ])
}

extension CaseImage {
    init(_ image: Image, picture: Picture?, routes: Routes, sizes: String) {
        let fallback = picture?.fallbackCopy
        let original = routes.link("images/" + image.path)
        src = fallback.map { routes.link($0.route) } ?? original
        alt = image.alt
        let format = picture?.fallbackFormat
        srcset = format.flatMap { format in picture.map { PictureMarkup.srcset($0.copies(in: format), routes: routes) } } ?? ""
        webpSrcset = format == .webp ? "" : picture.map { PictureMarkup.srcset($0.copies(in: .webp), routes: routes) } ?? ""
        self.sizes = sizes
        let size = fallback?.size ?? picture?.size
        width = size?.width ?? 0
        height = size?.height ?? 0
        var escapedAlt: [UInt8] = []
        escapedAlt.appendEscaped(image.alt)
        let shown = PictureMarkup.Shown(alt: String(decoding: escapedAlt, as: UTF8.self), title: nil, lazy: true, className: "case-image")
        pictureHTML = picture.flatMap { PictureMarkup.html($0, shown, routes: routes, sizes: sizes) }
            ?? "<img class=\"case-image\" src=\"\(HTMLText.escaped(original.replacingOccurrences(of: " ", with: "%20")))\" alt=\"\(shown.alt)\">"
    }
}

/// The funding source every case page speaks of (site.yml's `roles: tracked_funding:`), and whether
/// this case's sources document a link to it.
struct TrackedFunding: TemplateView {
    var label: String
    var documented: Bool

    static let viewName = "the tracked funding source"
    static let fields = TemplateFields<TrackedFunding>([
        "label": .text(\.label),
        "documented": .flag(\.documented),
    ])
}
