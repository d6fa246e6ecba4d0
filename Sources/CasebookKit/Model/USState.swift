import Foundation

/// The states, DC and territories, by USPS code, with their place in the tile-grid map.
public struct USState: Sendable, Hashable {
    public let code: String
    public let name: String
    /// Row and column in the tile grid (one square per state, roughly where it lies).
    public let row: Int
    public let column: Int

    /// `US` stands for national or multi-state programs; it has no tile on the map.
    public static let national = USState(code: "US", name: "National", row: -1, column: -1)

    public static let all: [USState] = [
        .init(code: "AK", name: "Alaska", row: 0, column: 0),
        .init(code: "ME", name: "Maine", row: 0, column: 10),
        .init(code: "WI", name: "Wisconsin", row: 1, column: 5),
        .init(code: "VT", name: "Vermont", row: 1, column: 9),
        .init(code: "NH", name: "New Hampshire", row: 1, column: 10),
        .init(code: "WA", name: "Washington", row: 2, column: 0),
        .init(code: "ID", name: "Idaho", row: 2, column: 1),
        .init(code: "MT", name: "Montana", row: 2, column: 2),
        .init(code: "ND", name: "North Dakota", row: 2, column: 3),
        .init(code: "MN", name: "Minnesota", row: 2, column: 4),
        .init(code: "IL", name: "Illinois", row: 2, column: 5),
        .init(code: "MI", name: "Michigan", row: 2, column: 6),
        .init(code: "NY", name: "New York", row: 2, column: 8),
        .init(code: "MA", name: "Massachusetts", row: 2, column: 9),
        .init(code: "OR", name: "Oregon", row: 3, column: 0),
        .init(code: "NV", name: "Nevada", row: 3, column: 1),
        .init(code: "WY", name: "Wyoming", row: 3, column: 2),
        .init(code: "SD", name: "South Dakota", row: 3, column: 3),
        .init(code: "IA", name: "Iowa", row: 3, column: 4),
        .init(code: "IN", name: "Indiana", row: 3, column: 5),
        .init(code: "OH", name: "Ohio", row: 3, column: 6),
        .init(code: "PA", name: "Pennsylvania", row: 3, column: 7),
        .init(code: "NJ", name: "New Jersey", row: 3, column: 8),
        .init(code: "CT", name: "Connecticut", row: 3, column: 9),
        .init(code: "RI", name: "Rhode Island", row: 3, column: 10),
        .init(code: "CA", name: "California", row: 4, column: 0),
        .init(code: "UT", name: "Utah", row: 4, column: 1),
        .init(code: "CO", name: "Colorado", row: 4, column: 2),
        .init(code: "NE", name: "Nebraska", row: 4, column: 3),
        .init(code: "MO", name: "Missouri", row: 4, column: 4),
        .init(code: "KY", name: "Kentucky", row: 4, column: 5),
        .init(code: "WV", name: "West Virginia", row: 4, column: 6),
        .init(code: "VA", name: "Virginia", row: 4, column: 7),
        .init(code: "MD", name: "Maryland", row: 4, column: 8),
        .init(code: "DE", name: "Delaware", row: 4, column: 9),
        .init(code: "AZ", name: "Arizona", row: 5, column: 1),
        .init(code: "NM", name: "New Mexico", row: 5, column: 2),
        .init(code: "KS", name: "Kansas", row: 5, column: 3),
        .init(code: "AR", name: "Arkansas", row: 5, column: 4),
        .init(code: "TN", name: "Tennessee", row: 5, column: 5),
        .init(code: "NC", name: "North Carolina", row: 5, column: 6),
        .init(code: "SC", name: "South Carolina", row: 5, column: 7),
        .init(code: "DC", name: "District of Columbia", row: 5, column: 8),
        .init(code: "OK", name: "Oklahoma", row: 6, column: 3),
        .init(code: "LA", name: "Louisiana", row: 6, column: 4),
        .init(code: "MS", name: "Mississippi", row: 6, column: 5),
        .init(code: "AL", name: "Alabama", row: 6, column: 6),
        .init(code: "GA", name: "Georgia", row: 6, column: 7),
        .init(code: "HI", name: "Hawaii", row: 7, column: 0),
        .init(code: "TX", name: "Texas", row: 7, column: 3),
        .init(code: "FL", name: "Florida", row: 7, column: 8),
        .init(code: "AS", name: "American Samoa", row: 8, column: 0),
        .init(code: "GU", name: "Guam", row: 8, column: 1),
        .init(code: "MP", name: "Northern Mariana Islands", row: 8, column: 2),
        .init(code: "PR", name: "Puerto Rico", row: 8, column: 9),
        .init(code: "VI", name: "U.S. Virgin Islands", row: 8, column: 10),
    ]

    private static let byCode: [String: USState] = Dictionary(
        uniqueKeysWithValues: (all + [national]).map { ($0.code, $0) })

    private static let byName: [String: USState] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name.lowercased(), $0) } + [("washington, d.c.", byCode["DC"]!), ("washington dc", byCode["DC"]!)])

    public static func named(_ code: String) -> USState? { byCode[code] }
    public static var codes: [String] { (all + [national]).map(\.code) }

    /// A state written as its USPS code in any case (`oh`) or its full name (`Ohio`, `new jersey`).
    public static func from(codeOrName text: String) -> USState? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return byCode[trimmed.uppercased()] ?? byName[trimmed.lowercased()]
    }

    /// What to say about text that is not a state code: the code of the state it names, or the nearest code.
    public static func hint(for text: String) -> String {
        if let state = from(codeOrName: text), state.code != text {
            return "did you mean `\(state.code)`? (\(state.name)'s two-letter USPS code)"
        }
        // A misspelt name (`Ohiio`, `New Jersy`): the code of the nearest name.
        if text.count > 3, let near = Suggestion.closest(to: text, in: all.map(\.name)), let state = from(codeOrName: near) {
            return "did you mean `\(state.code)`? (\(state.name)'s two-letter USPS code)"
        }
        return Suggestion.hint(for: text.uppercased(), in: codes, listing: false)
            .map { $0 + " (states use their two-letter USPS code; US means national)" }
            ?? "use the two-letter USPS code, such as NJ or TX, or US for national programs"
    }
}
