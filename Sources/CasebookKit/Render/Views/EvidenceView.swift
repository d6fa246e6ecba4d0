import Foundation

/// A case's evidence rating as a badge, on cards and at the top of the case page.
struct EvidenceBadge: TemplateView {
    var key: String
    var short: String
    var label: String
    var rank: Int
    var url: String
    var isNone: Bool
    /// Who ran the study (`own`, `independent`); nil where no study was found.
    var studyBy: StudyAuthorship?
    /// What the study cannot show: it travels with the rating wherever the badge is shown.
    var caveat: String

    static let viewName = "an evidence badge"
    static let fields = TemplateFields<EvidenceBadge>([
        "key": .text(\.key),
        "short": .text(\.short),
        "label": .text(\.label),
        "rank": .number(\.rank),
        "url": .text(\.url),
        "is_none": .flag(\.isNone),
        "study_by": .optionalText { $0.studyBy?.rawValue },
        "study_by_short": .optionalText { $0.studyBy.map { $0 == .own ? "own study" : "independent" } },
        "caveat": .text(\.caveat),
    ])
}

/// The case page's full account of a rating: the badge's fields, the finding and its sources, and
/// studies of the same model elsewhere.
struct EvidenceDetails: TemplateView {
    var badge: EvidenceBadge
    var description: String
    var finding: String
    /// "The program's own study", or "" where no study was found (shown as an empty section, as it always was).
    var studyByWords: String
    var note: String?
    var sources: [TitledLink]
    var elsewhere: [EvidenceElsewhere]
    /// Whether the case lists studies elsewhere, counting any whose design the site does not rate.
    var hasElsewhere: Bool

    static let viewName = "an evidence rating's details"
    static let fields = TemplateFields<EvidenceDetails>([
        "description": .text(\.description),
        "finding": .text(\.finding),
        "study_by_words": .nonEmptyText { $0.studyByWords },
        "note": .optionalText(\.note),
        "sources": .list(\.sources),
        "has_sources": .flag { !$0.sources.isEmpty },
        "elsewhere": .list(\.elsewhere),
        "has_elsewhere": .flag(\.hasElsewhere),
    ]).including(EvidenceBadge.fields, from: \.badge)
}

/// A study of the same model in another place: context, not the rating.
struct EvidenceElsewhere: TemplateView {
    var label: String
    var short: String
    var finding: String
    var caveat: String
    /// As `EvidenceDetails.studyByWords`: always there, "" where unknown.
    var studyByWords: String
    var sources: [TitledLink]
    var note: String?

    static let viewName = "a study of the same model elsewhere"
    static let fields = TemplateFields<EvidenceElsewhere>([
        "label": .text(\.label),
        "short": .text(\.short),
        "finding": .text(\.finding),
        "caveat": .text(\.caveat),
        "study_by_words": .nonEmptyText { $0.studyByWords },
        "sources": .list(\.sources),
        "note": .optionalText(\.note),
    ])
}

/// Builds a case's evidence views. Worded as "evidence of results", never as certainty.
struct EvidenceView {
    let config: SiteConfig
    let routes: Routes

    /// The badge: the design's short name, its full name for the tooltip and listing link, and who ran
    /// the study. Nil on a site that rates no evidence.
    func badge(_ evidence: Evidence?) -> EvidenceBadge? {
        guard let evidence, let design = config.evidenceDesign(of: evidence) else { return nil }
        return EvidenceBadge(key: design.key, short: design.short, label: design.label, rank: design.rank,
                             url: routes.link(Routes.evidence(design.key)), isNone: design.noEvidence,
                             studyBy: evidence.study.studyBy, caveat: evidence.study.caveat)
    }

    /// The case page's account: the rating with its finding and sources, then studies of the same
    /// model elsewhere, marked as context.
    func details(_ evidence: Evidence?) -> EvidenceDetails? {
        guard let evidence, let badge = badge(evidence), let design = config.evidenceDesign(of: evidence) else { return nil }
        return EvidenceDetails(
            badge: badge, description: design.description, finding: evidence.study.finding,
            studyByWords: evidence.study.studyBy?.words.capitalizedFirst ?? "", note: evidence.study.note,
            sources: evidence.study.sources.map(TitledLink.init),
            elsewhere: evidence.elsewhere.compactMap { study -> EvidenceElsewhere? in
                guard let other = config.evidenceDesign(study.design) else { return nil }
                return EvidenceElsewhere(label: other.label, short: other.short, finding: study.finding, caveat: study.caveat,
                                         studyByWords: study.studyBy?.words.capitalizedFirst ?? "",
                                         sources: study.sources.map(TitledLink.init), note: study.note)
            },
            hasElsewhere: !evidence.elsewhere.isEmpty)
    }
}
