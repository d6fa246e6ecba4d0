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

/// Loads templates from memory and renders each with data shaped like a page's, touching no disk:
/// the entry point for the template fuzzer (`Fuzz/`). Loops, missing partials and syntax errors must
/// come back as diagnostics; rendering must finish.
public enum TemplateProbe {
    /// - Parameter templates: name (`layout`, `partials/card`) → text.
    public static func diagnose(templates: [(name: String, text: String)]) -> [Diagnostic] {
        let (set, diagnostics) = TemplateSet.assemble(
            templates.map { ($0.name, "templates/\($0.name).mustache", $0.text) }, requireAll: false)
        guard let set else { return diagnostics }
        let item: [String: Any] = ["title": "<T>", "url": "/x/", "figure": "1,000", "note": "n", "footnote": 1]
        let context: [String: Any] = [
            "site": ["title": "S & S", "language": "en", "base_url": "https://example.org/"],
            "page": ["title": "P", "full_title": "P | S", "description": "d"],
            "items": [item, item], "metrics": [item], "map": ["tiles": [item]], "empty": [] as [Any],
            "flag": true, "text": "<script>alert(1)</script>",
        ]
        for template in templates { _ = set.render(template.name, context) }
        return diagnostics
    }
}
