/// Decodes `content/context.yml`: the national figures shown on the home page.
enum ContextDecoder {
    static let file = "content/context.yml"

    static func decode(_ text: String, config: SiteConfig) -> ([Metric], [Diagnostic]) {
        var reader = YAMLReader(file: file, firstLine: 1)
        switch YAMLDocument.parse(text, file: file, firstLine: 1) {
        case .failure(let diagnostics): return ([], diagnostics)
        case .success(nil): return ([], [])
        case .success(let node?):
            guard let f = reader.fields(of: node, in: "context.yml", known: ["figures"], required: ["figures"]),
                  let items = reader.list(f["figures"], field: "figures") else { return ([], reader.diagnostics) }
            let figures = items.compactMap { MetricDecoder.decode($0, kind: .contextFigure, config: config, reader: &reader) }
            return (figures, reader.diagnostics)
        }
    }
}
