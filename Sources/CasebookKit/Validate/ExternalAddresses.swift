/// Every web address the site's content cites, with each place it is written: the figures' `url`,
/// the further-reading and evidence sources of each case study, the national context figures, and
/// the links in stories and plain pages. What `casebook check --external-links` asks the web about.
public struct ExternalAddress: Sendable, Hashable {
    /// The address as written (`http:` or `https:` only).
    public var url: String
    /// Where it is written, in file order; one request answers for all of them.
    public var locations: [SourceLocation]
}

public enum ExternalAddresses {
    /// The addresses in `site`, each once, in the order of their first place (file, line, column).
    public static func collect(from site: SiteContent) -> [ExternalAddress] {
        var places: [String: [SourceLocation]] = [:]
        func add(_ url: String, _ location: SourceLocation?, or fallback: SourceLocation?) {
            guard isWeb(url), let location = location ?? fallback else { return }
            places[url, default: []].append(location)
        }
        func addSources(_ sources: [SourceLink], fallback: SourceLocation?) {
            for source in sources { add(source.url, source.locations["url"], or: source.locations.start ?? fallback) }
        }
        func addStory(_ body: MarkdownSource) {
            for link in Markdown.render(body, basePath: "/").links { add(link.url, link.location, or: nil) }
        }
        for metric in site.context { add(metric.url, metric.locations["url"], or: metric.locations.start) }
        for study in site.caseStudies {
            let start = study.locations.start ?? SourceLocation(file: study.sourcePath, line: 1, column: 1)
            for metric in study.metrics { add(metric.url, metric.locations["url"], or: metric.locations.start ?? start) }
            if let evidence = study.evidence {
                for item in [evidence.study] + evidence.elsewhere { addSources(item.sources, fallback: item.locations.start ?? start) }
            }
            addSources(study.sources, fallback: start)
            addStory(study.body)
        }
        for page in site.pages { addStory(page.body) }
        return places
            .map { ExternalAddress(url: $0.key, locations: $0.value.sorted()) }
            .sorted { ($0.locations[0], $0.url) < ($1.locations[0], $1.url) }
    }

    static func isWeb(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
