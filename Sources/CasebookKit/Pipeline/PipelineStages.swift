import Foundation

/// The pipeline's stages one at a time, on text in memory: front-matter decoding, Markdown
/// rendering, planning and template rendering. The benchmarks (`Benchmarks/`) time each on its own;
/// a whole build is `SiteBuilder.build`.
public struct PipelineStages: Sendable {
    let config: SiteConfig
    let templates: TemplateSet
    let routes: Routes

    /// Reads `content/site.yml` and `templates/` under `root`; nil if either has errors.
    public init?(root: String, fileSystem: any FileSystem = LocalFileSystem()) {
        guard let data = try? fileSystem.readFile(at: root + "/content/site.yml"),
              let config = SiteConfigDecoder.decode(String(decoding: data, as: UTF8.self)).0,
              let templates = (try? TemplateSet.load(fileSystem: fileSystem, root: root))?.0 else { return nil }
        self.config = config
        self.templates = templates
        self.routes = Routes(baseURL: config.baseURL)
    }

    /// Decodes one case-study file (front matter and body split, YAML read, fields checked).
    /// Returns the number of diagnostics; 0 for a clean file.
    public func decodeCaseStudy(_ text: String, path: String = "content/case-studies/x.md") -> Int {
        CaseStudyDecoder.decode(text: text, path: path, config: config).1.count
    }

    /// Renders one Markdown body with cmark; returns the length of the HTML.
    public func renderMarkdown(_ text: String) -> Int {
        Markdown.render(MarkdownSource(text: text, file: "x.md", firstLine: 1), basePath: routes.basePath).html.utf8.count
    }

    /// Decodes the given case-study files, plans the site and renders every page with the templates,
    /// writing nothing, through the same phases a build runs. Returns the number of pages and the
    /// bytes they would take.
    public func renderSite(caseStudies texts: [String]) -> (pages: Int, bytes: Int) {
        let cases = texts.enumerated().compactMap { i, text in
            CaseStudyDecoder.decode(text: text, path: "content/case-studies/case-\(i).md", config: config).0
        }.inSiteOrder()
        let content = SiteContent(config: config, context: [], caseStudies: cases, pages: [], images: [])
        let cache = BuildCache()
        let index = SiteIndex(content)
        let bodies = SiteBuilder.renderBodies(of: content, routes: routes, cache: cache)
        let inputs = SiteBuilder.inputs(index, routes: routes, bodies: bodies, templates: templates, cache: cache)
        let plan = PageRegistry.plan(inputs)
        let renderer = PageRenderer(templates: templates, inputs: inputs, contact: nil)
        let sizes = parallelMap(plan.pages) { (try? renderer.render($0))?.data.count ?? 0 }
        let files = parallelMap(plan.files) { renderer.make($0).files.reduce(0) { $0 + $1.data.count } }
        return (plan.pages.count, sizes.reduce(0, +) + files.reduce(0, +))
    }
}
