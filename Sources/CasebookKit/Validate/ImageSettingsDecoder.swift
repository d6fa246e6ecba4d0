/// Decodes site.yml's `images:` section (every field optional; see `ImageSettings` for the defaults).
enum ImageSettingsDecoder {
    static let known = ["widths", "quality", "sizes", "warn_bytes", "warn_width", "largest_pixels"]

    static func decode(_ node: YAMLValue?, reader: inout YAMLReader) -> ImageSettings {
        var settings = ImageSettings()
        guard let node, let f = reader.fields(of: node, in: "`images`", known: known, required: []) else { return settings }
        if let list = reader.list(f["widths"], field: "widths") {
            let widths = list.compactMap { reader.integer($0, field: "widths", range: 16...8_000) }
            if widths.count == list.count, !widths.isEmpty {
                settings.widths = Array(Set(widths)).sorted()
            } else if list.isEmpty {
                reader.error(f["widths"], "`widths` should list at least one width in pixels",
                             hint: "for example: widths: [480, 960, 1440]")
            }
        }
        if let quality = reader.integer(f["quality"], field: "quality", range: 1...100) { settings.quality = quality }
        if let sizes = reader.text(f["sizes"], field: "sizes") { settings.sizes = sizes }
        if let bytes = reader.integer(f["warn_bytes"], field: "warn_bytes", range: 1...1_000_000_000) { settings.warnBytes = bytes }
        if let width = reader.integer(f["warn_width"], field: "warn_width", range: 1...100_000) { settings.warnWidth = width }
        if let pixels = reader.integer(f["largest_pixels"], field: "largest_pixels", range: 1...1_000_000_000) {
            settings.largestPixels = pixels
        }
        return settings
    }
}
