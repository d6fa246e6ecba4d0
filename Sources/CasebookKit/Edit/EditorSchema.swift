/// What the editor's form offers, built from site.yml's vocabularies (never from Swift lists of the
/// site's words): states by name, strategies, funding sources, tags, metric keys, certainty levels and
/// evidence designs with their descriptions, and for every field its label, help and whether it is required.
public struct EditorSchema: Codable, Sendable, Equatable {
    public struct State: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
    }

    public struct Choice: Codable, Sendable, Equatable {
        public var key: String
        public var label: String
        public var description: String?
    }

    public struct MetricKey: Codable, Sendable, Equatable {
        public var key: String
        public var label: String
        public var unit: String
    }

    public struct Design: Codable, Sendable, Equatable {
        public var key: String
        public var label: String
        public var description: String
        public var noEvidence: Bool

        enum CodingKeys: String, CodingKey {
            case key, label, description
            case noEvidence = "no_evidence"
        }
    }

    public struct Field: Codable, Sendable, Equatable {
        /// The form's key path, `*` standing for any item of a list: "metrics.*.value".
        public var key: String
        public var label: String
        public var help: String
        public var required: Bool
    }

    public var states: [State]
    public var strategies: [Choice]
    public var funding: [Choice]
    /// The tag vocabulary of site.yml; when it has none, the tags the site's cases use.
    public var tags: [Choice]
    public var metrics: [MetricKey]
    public var certainty: [Choice]
    public var evidenceDesigns: [Design]
    public var studyBy: [Choice]
    public var via: [Choice]
    public var qualifiers: [Choice]
    public var fields: [Field]

    enum CodingKeys: String, CodingKey {
        case states, strategies, funding, tags, metrics, certainty
        case evidenceDesigns = "evidence_designs"
        case studyBy = "study_by"
        case via, qualifiers, fields
    }

    public static func make(config: SiteConfig) -> EditorSchema { make(config: config, usedTags: []) }

    /// - Parameter usedTags: the tags the site's cases use, offered when site.yml keeps no tag vocabulary.
    public static func make(config: SiteConfig, usedTags: [String]) -> EditorSchema {
        let tags = config.tags.isEmpty
            ? Array(Set(usedTags)).sorted().map { Choice(key: $0, label: $0, description: nil) }
            : config.tags.map { Choice(key: $0.key, label: $0.label, description: nil) }
        return EditorSchema(
            states: [State(code: USState.national.code, name: USState.national.name)]
                + USState.all.sorted { $0.name < $1.name }.map { State(code: $0.code, name: $0.name) },
            strategies: config.strategies.map { Choice(key: $0.key, label: $0.label, description: $0.description) },
            funding: config.funding.map { Choice(key: $0.key, label: $0.label, description: $0.description.isEmpty ? nil : $0.description) },
            tags: tags,
            metrics: config.metrics.map { MetricKey(key: $0.key, label: $0.label, unit: $0.unit.rawValue) },
            certainty: EditorFieldHelp.certainty,
            evidenceDesigns: config.evidenceDesigns.map {
                Design(key: $0.key, label: $0.label, description: $0.description, noEvidence: $0.noEvidence)
            },
            studyBy: StudyAuthorship.allCases.map { Choice(key: $0.rawValue, label: $0.words, description: nil) },
            via: SecondHand.allCases.map { Choice(key: $0.rawValue, label: $0.words, description: nil) },
            qualifiers: Qualifier.allCases.map { Choice(key: $0.rawValue, label: $0.words, description: nil) },
            fields: EditorFieldHelp.fields)
    }
}
