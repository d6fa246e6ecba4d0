/// Every address the site publishes, in one place, honouring the base URL so a site hosted at
/// `https://example.org/showcase/` links correctly from that sub-path.
public struct Routes: Sendable {
    /// Absolute base URL, always ending in `/`: `https://example.org/showcase/`.
    public let baseURL: String
    /// The path part of the base URL, always starting and ending in `/`: `/showcase/`.
    public let basePath: String

    public init(baseURL: String) {
        var base = baseURL.trimmingCharacters(in: .whitespaces)
        if !base.hasSuffix("/") { base += "/" }
        self.baseURL = base
        let path = URLComponents(string: base)?.path ?? "/"
        self.basePath = path.hasSuffix("/") ? path : path + "/"
    }

    // Paths relative to the site root, as written into the output folder (folders end in `/`).
    static let home = ""
    static let caseIndex = "case-studies/"
    static let strategyIndex = "strategies/"
    static let stateIndex = "states/"
    static let tagIndex = "tags/"
    static let data = "data/"
    static let search = "search/"
    static let evidenceIndex = "evidence/"
    static let fundingIndex = "funding/"
    static let yearIndex = "years/"
    static let compare = "compare/"
    static let report = "report/"
    // Files at fixed places.
    public static let feed = "feed.xml"
    static let sitemap = "sitemap.xml"
    static let robots = "robots.txt"
    static let notFound = "404.html"
    static let jsonDownload = "data/case-studies.json"
    static let csvDownload = "data/metrics.csv"
    static let stylesheet = "assets/site.css"
    static let script = "assets/site.js"
    static let favicon = "assets/favicon.svg"
    static let searchScript = "assets/search.js"
    static let compareChoiceScript = "assets/compare-choice.js"
    static func caseStudy(_ slug: String) -> String { "case-studies/\(slug)/" }
    static func strategy(_ key: String) -> String { "strategies/\(key)/" }
    static func state(_ code: String) -> String { "states/\(code.lowercased())/" }
    static func tag(_ tag: String) -> String { "tags/\(tag)/" }
    static func funding(_ key: String) -> String { "funding/\(key)/" }
    static func year(_ year: Int) -> String { "years/\(year)/" }
    static func evidence(_ design: String) -> String { "evidence/\(design)/" }
    /// A figure on its case page: `case-studies/x/#figure-students-served`.
    static func figure(_ slug: String, id: String) -> String { caseStudy(slug) + "#" + id }
    static func page(_ slug: String) -> String { "\(slug)/" }
    /// Page `number` of a paginated list at `base`: page 1 is the list's own address.
    static func paged(_ base: String, _ number: Int) -> String { number <= 1 ? base : base + "page/\(number)/" }
    /// The table of every figure, beyond its first page (which is on the data page).
    static let figures = "data/figures/"
    /// The report's parts, when the site is too large for one printable document.
    static func reportPart(_ strategy: String, _ number: Int) -> String {
        number <= 1 ? "report/\(strategy)/" : "report/\(strategy)/part-\(number)/"
    }
    /// The compact index of every case the case index and compare filter over (`FacetIndex`).
    static let facetFolder = "data/facets/"
    /// Each case's row of the compare table, in shards fetched when a case is chosen.
    static let compareFolder = "data/compare/"
    /// The sitemap files a sitemap index lists, once the site has more addresses than one file holds.
    static func sitemapPart(_ number: Int) -> String { "sitemaps/sitemap-\(number).xml" }

    /// Root-relative link for use in pages: `/showcase/case-studies/x/`.
    public func link(_ relative: String) -> String { basePath + relative }
    /// Absolute URL for canonical links, feeds and sitemaps.
    public func absolute(_ relative: String) -> String { baseURL + relative }

    /// The file a folder route is written to: `case-studies/x/` → `case-studies/x/index.html`.
    static func file(for relative: String) -> String {
        relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
    }
}

import Foundation
