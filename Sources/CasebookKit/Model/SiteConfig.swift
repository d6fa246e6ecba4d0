/// `content/site.yml`: the site's settings and the vocabularies every case study is checked against.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    public var tagline: String
    public var description: String
    public var baseURL: String
    /// Where `base_url` is written, for the warning about a placeholder address.
    public var baseURLLocation = SourceLocation(file: "content/site.yml", line: 1, column: 1)
    /// How readers reach the editors: a `mailto:` or web link; nil when site.yml gives none.
    public var contact: String?
    /// site.yml itself, for problems about a field that is missing.
    public var location = SourceLocation(file: "content/site.yml", line: 1, column: 1)
    /// Where each field of site.yml is written.
    public var locations = FieldLocations()
    public var language: String
    public var author: String
    public var strategies: [Strategy]
    public var funding: [FundingSource]
    public var metrics: [MetricDefinition]
    /// Study designs, strongest first; empty when the site does not rate evidence.
    public var evidenceDesigns: [EvidenceDesign] = []
    /// Labels of topic tags, by slug; empty when the site keeps no tag vocabulary.
    public var tags: [TopicTag] = []
    /// Groups of figures on a case page, in order; empty when figures are not grouped.
    public var metricGroups: [MetricGroup] = []
    /// What the generator needs to know about these vocabularies (`roles:`).
    public var roles = SiteRoles()
    /// How many items a page holds before it is split (`paging:`).
    public var paging = Paging()
    /// How pictures are resized and when an original is too large (`images:`).
    public var images = ImageSettings()
    /// What readers may do with the text and data (`licence:`); nil when site.yml names none.
    public var licence: Licence?

    public func strategy(_ key: String) -> Strategy? { strategies.first { $0.key == key } }
    public func fundingSource(_ key: String) -> FundingSource? { funding.first { $0.key == key } }
    public func metric(_ key: String) -> MetricDefinition? { metrics.first { $0.key == key } }
    /// A tag's label from the vocabulary, or the tag itself.
    public func tagLabel(_ slug: String) -> String { tags.first { $0.key == slug }?.label ?? slug }
    public func evidenceDesign(_ key: String) -> EvidenceDesign? { evidenceDesigns.first { $0.key == key } }
    /// The design a case's rating names; nil for a case without one.
    public func evidenceDesign(of evidence: Evidence?) -> EvidenceDesign? { evidence.flatMap { evidenceDesign($0.study.design) } }
    /// A rating's place in the evidence order: 1 for the strongest design; unrated cases last.
    public func evidenceRank(of evidence: Evidence?) -> Int { evidenceDesign(of: evidence)?.rank ?? Int.max }
    public func metricGroup(_ key: String) -> MetricGroup? { metricGroups.first { $0.key == key } }
}

/// The licence the site's text and data are published under: its name and the address of its terms.
public struct Licence: Sendable, Hashable {
    public var name: String
    public var url: String
}

public struct Strategy: Sendable, Hashable {
    public var key: String
    public var label: String
    public var description: String
    /// The matching student-support role of the National Partnership for Student Success, if any.
    public var npssRole: String?
    /// Where each field is written in its file.
    public var locations = FieldLocations()
}

public struct TopicTag: Sendable, Hashable {
    public var key: String
    public var label: String
    /// Where each field is written in its file.
    public var locations = FieldLocations()
}

public struct FundingSource: Sendable, Hashable {
    public var key: String
    public var label: String
    public var description: String
    /// Where each field is written in its file.
    public var locations = FieldLocations()
}

public struct MetricDefinition: Sendable, Hashable {
    public enum Aggregation: String, Sendable, CaseIterable {
        /// Adding this figure up across cases means something (with a caveat).
        case sum
        case none
    }

    public var key: String
    public var label: String
    public var unit: MetricUnit
    public var aggregate: Aggregation
    /// Key into `SiteConfig.metricGroups`.
    public var group: String?
    /// The data page charts each case's headline figure of this key: only for keys whose figures count
    /// the same thing from case to case.
    public var chart = false
    /// Where each field is written in its file.
    public var locations = FieldLocations()
}

public enum MetricUnit: String, Sendable, CaseIterable {
    case count, usd, percent
    case percentagePoints = "percentage_points"
    case hours, minutes, weeks, number
}
