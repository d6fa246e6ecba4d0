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
    /// The source's own words that state the figure, verbatim (trimmed with … where long).
    public var quote: String? = nil
    /// Why no quote could be taken (paywall, page gone): a figure without its words is rated low at most.
    public var quoteUnavailable: String? = nil
    /// The arithmetic from quoted numbers, for a figure the source does not state as such.
    public var derived: String? = nil
    /// What the figure counts when that is wider or narrower than its key says.
    public var scope: String? = nil
    /// Read in a reprint or an aggregator rather than the original: rated low at most.
    public var via: SecondHand? = nil
    /// Where each field is written in its file.
    public var locations = FieldLocations()
}

/// Where a figure was read when not in the original: a reprint of the article, or a site that
/// collects figures from others.
public enum SecondHand: String, Sendable, CaseIterable {
    case reprint, aggregator

    public var words: String {
        switch self {
        case .reprint: "read in a reprint, not the original"
        case .aggregator: "read on a site that collects others' figures, not the original"
        }
    }
}

/// What kind of date `as_of` is, from the form it is written in, so a reader of the data knows whether
/// "2022" is a calendar year and "2022-23" a school year.
public enum AsOfKind: String, Sendable, CaseIterable {
    case year
    case schoolYear = "school_year"
    case month
    case date
}

extension AsOf {
    public var kind: AsOfKind {
        switch self {
        case .year: .year
        case .schoolYear: .schoolYear
        case .month: .month
        case .day: .date
        }
    }
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
