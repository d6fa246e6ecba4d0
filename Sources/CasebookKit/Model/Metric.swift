/// A sourced figure: a case study's metric, or a national context figure.
public struct Metric: Sendable, Equatable {
    /// Vocabulary key (case metrics); nil for context figures, which carry their own unit and label.
    public var key: String?
    public var label: String
    public var unit: MetricUnit
    public var value: Double
    public var qualifier: Qualifier?
    public var upper: Double?
    public var baseline: Double?
    public var asOf: AsOf
    public var source: String
    public var url: String
    public var certainty: Certainty
    public var note: String?
    public var highlight: Bool
    /// Where each field is written in its file.
    public var locations = FieldLocations()
}

public enum Certainty: String, Sendable, CaseIterable {
    case high, medium, low
}

/// Words a source puts before a number: "about 2,000", "more than 3,000".
public enum Qualifier: String, Sendable, CaseIterable {
    case about, nearly
    case moreThan = "more_than"
    case atLeast = "at_least"
    case upTo = "up_to"
    case under

    public var words: String {
        switch self {
        case .about: "about"
        case .nearly: "nearly"
        case .moreThan: "more than"
        case .atLeast: "at least"
        case .upTo: "up to"
        case .under: "under"
        }
    }
}
