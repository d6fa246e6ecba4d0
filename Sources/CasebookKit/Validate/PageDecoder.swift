/// Decodes a plain page (about, methodology).
enum PageDecoder {
    static func decode(text: String, path: String) -> (Page?, [Diagnostic]) {
        let front: FrontMatter
        switch FrontMatter.split(text, file: path) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let split): front = split
        }
        var reader = YAMLReader(file: path, firstLine: front.yamlFirstLine)
        let root: YAMLValue?
        switch YAMLDocument.parse(front.yaml, file: path, firstLine: front.yamlFirstLine) {
        case .failure(let diagnostics): return (nil, diagnostics)
        case .success(let node): root = node
        }
        guard let root, let f = reader.fields(of: root, in: "the page", known: ["title", "summary", "menu", "draft", "slug", "strategy_table"],
                                              required: ["title"], hintFor: { _ in "add `title: Page title`" }) else {
            if root == nil { reader.append(.error(SourceLocation(file: path, line: 1, column: 1), "the front matter is empty", hint: "add `title: Page title`", code: .frontMatterEmpty)) }
            return (nil, reader.diagnostics)
        }
        let slug = CaseStudyDecoder.slug(fields: f, path: path, reader: &reader)
        let title = reader.text(f["title"], field: "title")
        let summary = f["summary"].flatMap { reader.text($0, field: "summary") }
        let menu = f["menu"].flatMap { reader.integer($0, field: "menu", range: 0...99) }
        let draft = f["draft"].flatMap { reader.bool($0, field: "draft") } ?? false
        let strategyTable = f["strategy_table"].flatMap { reader.bool($0, field: "strategy_table") } ?? false
        StoryAddresses.check(front, path: path).forEach { reader.append($0) }
        guard let slug, let title, !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics) }
        return (Page(slug: slug, sourcePath: path, title: title, summary: summary, menu: menu, draft: draft,
                     strategyTable: strategyTable,
                     body: MarkdownSource(text: front.body, file: path, firstLine: front.bodyFirstLine), locations: f.locations),
                reader.diagnostics)
    }
}
