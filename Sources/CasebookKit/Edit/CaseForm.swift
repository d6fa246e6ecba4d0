/// A case study's values as the editor's form holds them. The JSON keys are the front matter's field
/// names. Numbers, dates and years are kept as the text typed, so "1,200 students" reaches the checker
/// as written and is reported there, at its field. Optional fields absent from the file are nil or empty;
/// an empty text in an optional field means "not given".
public struct CaseForm: Codable, Sendable, Equatable {
    public var title: String
    public var summary: String
    public var organization: String
    public var partners: [String]
    /// The USPS code, e.g. "TN"; the form shows the state's name.
    public var state: String
    public var place: String?
    public var strategy: String
    public var funding: [String]
    public var fundingNote: String?
    public var years: Years
    public var tags: [String]
    public var date: String
    public var featured: Bool
    public var draft: Bool
    public var image: ImageField?
    public var metrics: [MetricField]
    public var evidence: EvidenceField?
    public var sources: [SourceField]
    /// The Markdown after the closing `---`, as written (without the file's final line break).
    public var story: String

    public init(title: String = "", summary: String = "", organization: String = "", partners: [String] = [],
                state: String = "", place: String? = nil, strategy: String = "", funding: [String] = [],
                fundingNote: String? = nil, years: Years = Years(), tags: [String] = [], date: String = "",
                featured: Bool = false, draft: Bool = false, image: ImageField? = nil, metrics: [MetricField] = [],
                evidence: EvidenceField? = nil, sources: [SourceField] = [], story: String = "") {
        self.title = title
        self.summary = summary
        self.organization = organization
        self.partners = partners
        self.state = state
        self.place = place
        self.strategy = strategy
        self.funding = funding
        self.fundingNote = fundingNote
        self.years = years
        self.tags = tags
        self.date = date
        self.featured = featured
        self.draft = draft
        self.image = image
        self.metrics = metrics
        self.evidence = evidence
        self.sources = sources
        self.story = story
    }

    enum CodingKeys: String, CodingKey {
        case title, summary, organization, partners, state, place, strategy, funding
        case fundingNote = "funding_note"
        case years, tags, date, featured, draft, image, metrics, evidence, sources, story
    }

    /// Lenient: a form that leaves a field out sends it empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try c.decodeIfPresent(String.self, forKey: .title) ?? "",
            summary: try c.decodeIfPresent(String.self, forKey: .summary) ?? "",
            organization: try c.decodeIfPresent(String.self, forKey: .organization) ?? "",
            partners: try c.decodeIfPresent([String].self, forKey: .partners) ?? [],
            state: try c.decodeIfPresent(String.self, forKey: .state) ?? "",
            place: try c.decodeIfPresent(String.self, forKey: .place),
            strategy: try c.decodeIfPresent(String.self, forKey: .strategy) ?? "",
            funding: try c.decodeIfPresent([String].self, forKey: .funding) ?? [],
            fundingNote: try c.decodeIfPresent(String.self, forKey: .fundingNote),
            years: try c.decodeIfPresent(Years.self, forKey: .years) ?? Years(),
            tags: try c.decodeIfPresent([String].self, forKey: .tags) ?? [],
            date: try c.typed(.date) ?? "",
            featured: try c.decodeIfPresent(Bool.self, forKey: .featured) ?? false,
            draft: try c.decodeIfPresent(Bool.self, forKey: .draft) ?? false,
            image: try c.decodeIfPresent(ImageField.self, forKey: .image),
            metrics: try c.decodeIfPresent([MetricField].self, forKey: .metrics) ?? [],
            evidence: try c.decodeIfPresent(EvidenceField.self, forKey: .evidence),
            sources: try c.decodeIfPresent([SourceField].self, forKey: .sources) ?? [],
            story: try c.decodeIfPresent(String.self, forKey: .story) ?? "")
    }

    /// `years: {start: 2021, end: 2024}`, as typed.
    public struct Years: Codable, Sendable, Equatable {
        public var start: String
        public var end: String?

        public init(start: String = "", end: String? = nil) {
            self.start = start
            self.end = end
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(start: try c.typed(.start) ?? "",
                      end: try c.typed(.end))
        }
    }
}

/// `image: {src, alt}`.
public struct ImageField: Codable, Sendable, Equatable {
    public var src: String
    public var alt: String

    public init(src: String = "", alt: String = "") {
        self.src = src
        self.alt = alt
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(src: try c.decodeIfPresent(String.self, forKey: .src) ?? "",
                  alt: try c.decodeIfPresent(String.self, forKey: .alt) ?? "")
    }
}

/// `{title, url}`: a further-reading source, or a study behind the evidence rating.
public struct SourceField: Codable, Sendable, Equatable {
    public var title: String
    public var url: String

    public init(title: String = "", url: String = "") {
        self.title = title
        self.url = url
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(title: try c.decodeIfPresent(String.self, forKey: .title) ?? "",
                  url: try c.decodeIfPresent(String.self, forKey: .url) ?? "")
    }
}

/// One figure of `metrics:`. `value`, `upper` and `baseline` are the text typed.
public struct MetricField: Codable, Sendable, Equatable {
    public var key: String
    public var label: String
    public var value: String
    public var qualifier: String?
    public var upper: String?
    public var baseline: String?
    public var asOf: String
    public var source: String
    public var url: String
    public var certainty: String
    public var note: String?
    public var highlight: Bool
    public var quote: String?
    public var quoteUnavailable: String?
    public var derived: String?
    public var scope: String?
    public var via: String?

    public init(key: String = "", label: String = "", value: String = "", qualifier: String? = nil,
                upper: String? = nil, baseline: String? = nil, asOf: String = "", source: String = "",
                url: String = "", certainty: String = "", note: String? = nil, highlight: Bool = false,
                quote: String? = nil, quoteUnavailable: String? = nil, derived: String? = nil,
                scope: String? = nil, via: String? = nil) {
        self.key = key
        self.label = label
        self.value = value
        self.qualifier = qualifier
        self.upper = upper
        self.baseline = baseline
        self.asOf = asOf
        self.source = source
        self.url = url
        self.certainty = certainty
        self.note = note
        self.highlight = highlight
        self.quote = quote
        self.quoteUnavailable = quoteUnavailable
        self.derived = derived
        self.scope = scope
        self.via = via
    }

    enum CodingKeys: String, CodingKey {
        case key, label, value, qualifier, upper, baseline
        case asOf = "as_of"
        case source, url, certainty, note, highlight, quote
        case quoteUnavailable = "quote_unavailable"
        case derived, scope, via
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(key: try c.decodeIfPresent(String.self, forKey: .key) ?? "",
                  label: try c.decodeIfPresent(String.self, forKey: .label) ?? "",
                  value: try c.typed(.value) ?? "",
                  qualifier: try c.decodeIfPresent(String.self, forKey: .qualifier),
                  upper: try c.typed(.upper),
                  baseline: try c.typed(.baseline),
                  asOf: try c.typed(.asOf) ?? "",
                  source: try c.decodeIfPresent(String.self, forKey: .source) ?? "",
                  url: try c.decodeIfPresent(String.self, forKey: .url) ?? "",
                  certainty: try c.decodeIfPresent(String.self, forKey: .certainty) ?? "",
                  note: try c.decodeIfPresent(String.self, forKey: .note),
                  highlight: try c.decodeIfPresent(Bool.self, forKey: .highlight) ?? false,
                  quote: try c.decodeIfPresent(String.self, forKey: .quote),
                  quoteUnavailable: try c.decodeIfPresent(String.self, forKey: .quoteUnavailable),
                  derived: try c.decodeIfPresent(String.self, forKey: .derived),
                  scope: try c.decodeIfPresent(String.self, forKey: .scope),
                  via: try c.decodeIfPresent(String.self, forKey: .via))
    }
}

/// `evidence:`: the rating of how strong the proof is that the program worked. Studies of the model
/// elsewhere (`elsewhere:`) are not in the form and are kept as written.
public struct EvidenceField: Codable, Sendable, Equatable {
    public var design: String
    public var studyBy: String?
    public var finding: String
    public var caveat: String
    public var note: String?
    public var sources: [SourceField]

    public init(design: String = "", studyBy: String? = nil, finding: String = "", caveat: String = "",
                note: String? = nil, sources: [SourceField] = []) {
        self.design = design
        self.studyBy = studyBy
        self.finding = finding
        self.caveat = caveat
        self.note = note
        self.sources = sources
    }

    enum CodingKeys: String, CodingKey {
        case design
        case studyBy = "study_by"
        case finding, caveat, note, sources
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(design: try c.decodeIfPresent(String.self, forKey: .design) ?? "",
                  studyBy: try c.decodeIfPresent(String.self, forKey: .studyBy),
                  finding: try c.decodeIfPresent(String.self, forKey: .finding) ?? "",
                  caveat: try c.decodeIfPresent(String.self, forKey: .caveat) ?? "",
                  note: try c.decodeIfPresent(String.self, forKey: .note),
                  sources: try c.decodeIfPresent([SourceField].self, forKey: .sources) ?? [])
    }
}

extension KeyedDecodingContainer {
    /// A number, date or year as typed: text, or a JSON number a script sent as one (written as typed
    /// digits, without a trailing `.0`).
    func typed(_ key: Key) throws -> String? {
        if let text = try? decodeIfPresent(String.self, forKey: key) { return text }
        if let number = try? decodeIfPresent(Int.self, forKey: key) { return String(number) }
        if let number = try decodeIfPresent(Double.self, forKey: key) { return number.plain }
        return nil
    }
}
