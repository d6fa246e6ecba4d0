/// The tile-grid map (`partials/state-map.mustache`): one square per state, linked when it has
/// cases, grey when it has none.
struct StateMap: TemplateView {
    var width: String
    var height: String
    var linked: [MapTile]
    var unlinked: [MapTile]
    var statesWithCases: [MapState]

    static let viewName = "the map of the states"
    static let fields = TemplateFields<StateMap>([
        "width": .text(\.width),
        "height": .text(\.height),
        "linked": .list(\.linked),
        "unlinked": .list(\.unlinked),
        "states_with_cases": .list(\.statesWithCases),
    ])
}

/// One state's square on the map; coordinates as the SVG shows them.
struct MapTile: TemplateView {
    var code: String
    var name: String
    var x: String
    var y: String
    var textX: String
    var textY: String
    var size: String
    var count: Int
    var label: String
    /// The state's page; nil for a state with no cases.
    var url: String?

    static let viewName = "a state on the map"
    static let fields = TemplateFields<MapTile>([
        "code": .text(\.code),
        "name": .text(\.name),
        "x": .text(\.x),
        "y": .text(\.y),
        "text_x": .text(\.textX),
        "text_y": .text(\.textY),
        "size": .text(\.size),
        "count": .number(\.count),
        "label": .text(\.label),
        "url": .optionalText(\.url),
    ])
}

/// A state with cases, in the map's caption.
struct MapState: TemplateView {
    var name: String
    var url: String
    var count: Int

    static let viewName = "a state with case studies"
    static let fields = TemplateFields<MapState>([
        "name": .text(\.name),
        "url": .text(\.url),
        "count": .number(\.count),
    ])
}

/// Builds the map from the site's cases.
enum StateMapView {
    static let tile = 40.0
    static let step = 44.0

    /// Reads each state's number of cases, and which states have any.
    static func make(reader: SiteReader) -> StateMap {
        let routes = reader.routes
        let columns = (USState.all.map(\.column).max() ?? 0) + 1
        let rows = (USState.all.map(\.row).max() ?? 0) + 1
        let tiles = USState.all.map { state in
            let count = reader.count(.state, state.code)
            let x = Double(state.column) * step, y = Double(state.row) * step
            return MapTile(
                code: state.code, name: state.name,
                x: x.plain, y: y.plain,
                textX: (x + tile / 2).plain, textY: (y + tile / 2 + 5).plain,
                size: tile.plain,
                count: count,
                label: count == 0 ? "\(state.name): no case studies yet"
                    : "\(state.name): \(count) case \(count == 1 ? "study" : "studies")",
                url: count > 0 ? routes.link(Routes.state(state.code)) : nil)
        }
        return StateMap(
            width: (Double(columns) * step).plain,
            height: (Double(rows) * step).plain,
            linked: tiles.filter { $0.url != nil },
            unlinked: tiles.filter { $0.url == nil },
            statesWithCases: reader.keys(.state).compactMap(USState.named).map { state in
                MapState(name: state.name, url: routes.link(Routes.state(state.code)), count: reader.count(.state, state.code))
            })
    }
}
