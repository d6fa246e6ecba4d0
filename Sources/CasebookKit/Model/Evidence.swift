/// How strong the proof is that a program worked: the design of the strongest study of this program,
/// what it found, and who ran it. Kept apart from a figure's `Certainty`, which only says how well a
/// number is sourced.
public struct Evidence: Sendable, Equatable {
    /// The rating: the study of this program itself.
    public var study: EvidenceStudy
    /// Studies of the same model in another place or an earlier version: context, never the rating.
    public var elsewhere: [EvidenceStudy]
}

public struct EvidenceStudy: Sendable, Equatable {
    /// Key into `SiteConfig.evidenceDesigns`.
    public var design: String
    /// Who commissioned or published the study; nil where no study was found.
    public var studyBy: StudyAuthorship?
    /// One or two plain sentences: what was measured and found, and its limits.
    public var finding: String
    /// One line: what the study cannot show. Travels with the rating wherever it is shown.
    public var caveat: String
    public var note: String?
    public var sources: [SourceLink]
    /// Where each field is written in its file.
    public var locations = FieldLocations()
}

/// "Own": commissioned or published by the program, its funder or its vendor. "Independent": not.
public enum StudyAuthorship: String, Sendable, CaseIterable {
    case own, independent

    public var words: String {
        switch self {
        case .own: "the program's own study"
        case .independent: "an independent study"
        }
    }
}

/// One entry of the `evidence_designs` vocabulary in site.yml, listed strongest first.
public struct EvidenceDesign: Sendable, Hashable {
    public var key: String
    public var label: String
    /// A few words for badges: "Comparison group".
    public var short: String
    public var description: String
    /// 1 for the strongest design; larger is weaker.
    public var rank: Int
    /// "No outcome evidence found": the one design that needs no source.
    public var noEvidence: Bool
    /// Where each field is written in its file.
    public var locations = FieldLocations()
}

/// One entry of the `metric_groups` vocabulary: how figures are grouped on a case page, in order.
public struct MetricGroup: Sendable, Hashable {
    public var key: String
    public var label: String
    public var description: String
    /// Where each field is written in its file.
    public var locations = FieldLocations()
}
