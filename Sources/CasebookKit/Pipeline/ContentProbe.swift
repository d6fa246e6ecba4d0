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
