/// Geometry for a horizontal bar chart; the SVG itself is drawn by `templates/partials/bar-chart.mustache`.
/// Bars are sorted by value, and each carries its printed value so the chart reads without colour.
enum BarChartView {
    struct Row {
        var label: String
        var value: Double
        var display: String
        var url: String?
        var note: String?
    }

    static let width = 640.0
    static let rowHeight = 44.0
    static let barHeight = 16.0
    static let barArea = 470.0

    static func make(id: String, title: String, description: String, caption: String? = nil, rows: [Row]) -> [String: Any] {
        let sorted = rows.sorted { ($0.value, $1.label) > ($1.value, $0.label) }
        let largest = sorted.map(\.value).max() ?? 1
        let drawn: [[String: Any]] = sorted.enumerated().map { offset, row in
            let top = Double(offset) * rowHeight
            let barWidth = largest > 0 ? max(2, (row.value / largest * barArea).rounded()) : 2
            var item: [String: Any] = [
                "label": row.label, "display": row.display,
                "label_y": number(top + 15),
                "bar_y": number(top + 21),
                "bar_width": number(barWidth),
                "value_x": number(barWidth + 8),
                "value_y": number(top + 21 + barHeight - 3),
            ]
            if let url = row.url { item["url"] = url }
            if let note = row.note { item["note"] = note }
            return item
        }
        var chart: [String: Any] = [
            "id": id, "title": title, "description": description,
            "width": number(width), "height": number(Double(rows.count) * rowHeight + 6),
            "bar_height": number(barHeight),
            "rows": drawn,
        ]
        if let caption { chart["caption"] = caption }
        return chart
    }

    /// Coordinates printed without needless decimals, so the SVG is small and stable.
    static func number(_ value: Double) -> String { value.plain }
}
