/// Everything under `content/`, decoded and checked: what the render step works from.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var context: [Metric]
    /// Published case studies (drafts removed unless asked for), sorted by title.
    public var caseStudies: [CaseStudy]
    public var pages: [Page]
    /// Files under `content/images/`, relative to it, copied to `/images/` in the output.
    public var images: [String]
    /// Slugs of case-study files that failed to load. Their own errors are reported; links to them
    /// are not reported again as broken.
    public var failedCaseSlugs: [String] = []
}
