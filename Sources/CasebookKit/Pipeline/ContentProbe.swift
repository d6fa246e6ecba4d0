/// Runs the content loader and the Markdown renderer on bytes in memory, touching no disk: the entry
/// point for the fuzzer (`Fuzz/`) and for anything else that wants to check one file on its own.
public struct ContentProbe: Sendable {
    let config: SiteConfig

    /// Nil when the site settings themselves have errors.
    public init?(siteYAML: String) {
        guard let config = SiteConfigDecoder.decode(siteYAML).0 else { return nil }
        self.config = config
    }

    /// Every diagnostic for one case-study file, as the build would report it.
    public func diagnose(caseStudy bytes: [UInt8]) -> [Diagnostic] {
        let path = "content/case-studies/probe.md"
        switch SourceText.decode(bytes, file: path) {
        case .failure(let diagnostic):
            return [diagnostic]
        case .success(let text):
            let (study, diagnostics) = CaseStudyDecoder.decode(text: text, path: path, config: config)
            // Render whatever body there is, and the whole text as Markdown too, so cmark sees every input.
            if let study { _ = Markdown.render(study.body, basePath: "/sub/") }
            _ = Markdown.render(MarkdownSource(text: text, file: path, firstLine: 1), basePath: "/")
            return diagnostics
        }
    }
}

/// Loads templates from memory, compiles them and renders the `page` template, touching no disk:
/// the entry point for the template fuzzer (`Fuzz/`). Loops, missing partials and syntax errors must
/// come back as diagnostics; rendering must finish.
public enum TemplateProbe {
    /// - Parameter templates: name (`layout`, `partials/card`) → text.
    public static func diagnose(templates: [(name: String, text: String)]) -> [Diagnostic] {
        let (set, diagnostics) = TemplateSet.assemble(
            templates.map { ($0.name, "templates/\($0.name).mustache", $0.text) }, requireAll: false)
        guard let set else { return diagnostics }
        // The `page` template (with its layout and partials) drawn with text that needs escaping.
        let text = "<script>alert(1)</script> & \"quotes\""
        let site = SiteChrome(title: "S & S", tagline: text, description: "d", language: "en", author: "A", root: "/sub/",
                              baseURL: "https://example.org/sub/", feedURL: "/sub/feed.xml", searchURL: "/sub/search/",
                              nav: [NavItem(label: "<N>", url: "/sub/x/", isCurrent: true, isSection: false)],
                              dataURL: "/sub/data/", contactURL: nil, contactLabel: nil, methodologyURL: "/sub/methodology/")
        let page = PageMeta(title: text, fullTitle: "P | S", description: text, canonical: "https://example.org/sub/p/",
                            ogType: "website", isHome: false,
                            breadcrumbs: [Breadcrumb(label: "Home", url: "/sub/"), Breadcrumb(label: text, url: nil)])
        let chrome = PageChrome(site: site, page: page, assets: PageAssets(css: "/sub/assets/site.css", js: "/sub/assets/site.js"))
        let body = PlainPage(bodyHTML: "<p>body</p>", summary: text, isMethodology: true, hasStrategyTable: true, strategyRows: [])
        _ = try? set.render(body, chrome: chrome)  // without a `page` template there is nothing to draw
        return diagnostics
    }
}
