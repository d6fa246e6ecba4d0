/// One case study, decoded and checked against the site's vocabularies.
public struct CaseStudy: Sendable, Equatable {
    public var slug: String
    /// Path of the source file relative to the site root.
    public var sourcePath: String
    public var title: String
    public var summary: String
    public var organization: String
    public var partners: [String]
    public var state: USState
    public var place: String?
    public var strategy: String
    public var funding: [String]
    public var fundingNote: String?
    public var years: YearSpan
    public var tags: [String]
    public var date: DayDate
    public var featured: Bool
    public var draft: Bool
    public var metrics: [Metric]
    /// The evidence rating; nil only on a site without `evidence_designs`.
    public var evidence: Evidence?
    public var sources: [SourceLink]
    public var image: Image?
    public var body: MarkdownSource
    /// Where each front-matter field is written in `sourcePath`.
    public var locations = FieldLocations()
}

extension CaseStudy {
    /// Where the case's headline figure of `key` is among its metrics: the first one marked
    /// `highlight: true` that is a single figure, not a before→after change. Other figures of the same
    /// key may be targets, older counts or parts, so only this one is compared, charted or added up.
    public func headlineFigure(_ key: String) -> Int? {
        metrics.firstIndex { $0.key == key && $0.highlight && $0.baseline == nil }
    }
}

public struct YearSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int?

    /// Every year the program ran, up to `currentYear` when it is ongoing.
    public func years(through currentYear: Int) -> [Int] {
        let last = end ?? max(start, currentYear)
        return last >= start ? Array(start...last) : [start]
    }

    public var display: String {
        guard let end else { return "\(start)–present" }
        return end == start ? "\(start)" : "\(start)–\(end)"
    }
}

public struct SourceLink: Sendable, Hashable {
    public var title: String
    public var url: String
    /// Where each field is written in its file.
    public var locations = FieldLocations()
}

/// A picture from front matter (`image: {src, alt}`), kept under `content/`.
public struct Image: Sendable, Hashable {
    public var source: String
    public var alt: String
    /// Where each field is written in its file.
    public var locations = FieldLocations()

    /// The file's path under `content/images/` (and under `/images/` in the output), however the
    /// author wrote it: `photo.jpg`, `images/photo.jpg` or `/images/photo.jpg`.
    public var path: String {
        var path = source.hasPrefix("/") ? String(source.dropFirst()) : source
        if path.hasPrefix("images/") { path.removeFirst("images/".count) }
        return path
    }
}

/// Markdown text with the line where it starts in its file, so links found in it can be located.
public struct MarkdownSource: Sendable, Equatable {
    public var text: String
    public var file: String
    public var firstLine: Int
}

/// A plain page such as About or Methodology.
public struct Page: Sendable, Equatable {
    public var slug: String
    public var sourcePath: String
    public var title: String
    public var summary: String?
    public var menu: Int?
    public var draft: Bool
    /// Show the table of strategies (with their NPSS roles and cases) after the text.
    public var strategyTable = false
    public var body: MarkdownSource
    /// Where each front-matter field is written in `sourcePath`.
    public var locations = FieldLocations()
}

extension Array where Element == CaseStudy {
    /// The order cases appear in everywhere on the site: by title, case-insensitively, then by slug.
    /// Each key is computed once, and each (large) case value moved once.
    func inSiteOrder() -> [CaseStudy] {
        let keys = map { ($0.title.lowercased(), $0.slug) }
        return indices.sorted { keys[$0] < keys[$1] }.map { self[$0] }
    }
}
