/// The tile-grid map: one square per state, linked when it has cases, grey when it has none.
enum StateMapView {
    static let tile = 40.0
    static let step = 44.0

    static func make(index: SiteIndex, routes: Routes) -> [String: Any] {
        let columns = (USState.all.map(\.column).max() ?? 0) + 1
        let rows = (USState.all.map(\.row).max() ?? 0) + 1
        let tiles: [[String: Any]] = USState.all.map { state in
            let count = index.byState[state.code]?.count ?? 0
            let x = Double(state.column) * step, y = Double(state.row) * step
            var tile: [String: Any] = [
                "code": state.code, "name": state.name,
                "x": x.plain, "y": y.plain,
                "text_x": (x + tile / 2).plain, "text_y": (y + tile / 2 + 5).plain,
                "size": tile.plain,
                "count": count,
                "label": count == 0 ? "\(state.name): no case studies yet"
                    : "\(state.name): \(count) case \(count == 1 ? "study" : "studies")",
            ]
            if count > 0 { tile["url"] = routes.link(Routes.state(state.code)) }
            return tile
        }
        return [
            "width": (Double(columns) * step).plain,
            "height": (Double(rows) * step).plain,
            "linked": tiles.filter { $0["url"] != nil },
            "unlinked": tiles.filter { $0["url"] == nil },
            "states_with_cases": index.statesWithCases.map { state in
                ["name": state.name, "url": routes.link(Routes.state(state.code)), "count": index.byState[state.code]?.count ?? 0]
            },
        ]
    }
}
