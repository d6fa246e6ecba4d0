/// Template data for a case's evidence rating: the badge on cards and at the top of the case page,
/// and the full account on the case page. Worded as "evidence of results", never as certainty.
struct EvidenceView {
    let config: SiteConfig
    let routes: Routes

    /// The badge: the design's short name, its full name for the tooltip and listing link, and who ran
    /// the study. Nil on a site that rates no evidence.
    func badge(_ evidence: Evidence?) -> [String: Any]? {
        guard let evidence, let design = config.evidenceDesign(of: evidence) else { return nil }
        var badge: [String: Any] = [
            "key": design.key,
            "short": design.short,
            "label": design.label,
            "rank": design.rank,
            "url": routes.link(Routes.evidence(design.key)),
            "is_none": design.noEvidence,
        ]
        if let by = evidence.study.studyBy {
            badge["study_by"] = by.rawValue
            badge["study_by_short"] = by == .own ? "own study" : "independent"
        }
        return badge
    }

    /// The case page's account: the rating with its finding and sources, then studies of the same
    /// model elsewhere, marked as context.
    func details(_ evidence: Evidence?) -> [String: Any]? {
        guard let evidence, var data = badge(evidence), let design = config.evidenceDesign(of: evidence) else { return nil }
        data["description"] = design.description
        data["finding"] = evidence.study.finding
        data["study_by_words"] = evidence.study.studyBy?.words.capitalizedFirst ?? ""
        if let note = evidence.study.note { data["note"] = note }
        data["sources"] = evidence.study.sources.map { ["title": $0.title, "url": $0.url] }
        data["has_sources"] = !evidence.study.sources.isEmpty
        data["elsewhere"] = evidence.elsewhere.compactMap { study -> [String: Any]? in
            guard let other = config.evidenceDesign(study.design) else { return nil }
            var item: [String: Any] = [
                "label": other.label, "short": other.short, "finding": study.finding,
                "study_by_words": study.studyBy?.words.capitalizedFirst ?? "",
                "sources": study.sources.map { ["title": $0.title, "url": $0.url] },
            ]
            if let note = study.note { item["note"] = note }
            return item
        }
        data["has_elsewhere"] = !evidence.elsewhere.isEmpty
        return data
    }
}
