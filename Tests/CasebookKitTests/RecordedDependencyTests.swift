import Foundation
import Testing
@testable import CasebookKit

/// Every page type, after every kind of edit: an incremental rebuild (`casebook serve`) writes exactly
/// what a clean build of the same content writes, and renders only the pages whose recorded reads
/// the edit changed. The site's paging is set small so that every page type exists in its split
/// form too: listings, the case index, compare and the figure table in pages, the report in parts,
/// the feed cut, the charts cut and the sitemap split into an index and files.
@Suite struct RecordedDependencyTests {
    static let paging = """
      methodology_page: methodology
    paging:
      cards: 2
      compare_rows: 3
      figure_cases: 2
      report_cases: 3
      feed_entries: 3
      chart_bars: 2
      headline_items: 2
      featured: 2
      sitemap_urls: 20
    """

    static let cases: [(file: String, title: String, state: String, strategy: String, tags: String, start: Int)] = [
        ("alpha", "Alpha", "NJ", "tutoring", "[math]", 2020), ("beta", "Beta", "TX", "mentoring", "[math, elementary]", 2021),
        ("charlie", "Charlie", "CA", "mentoring", "[elementary]", 2021), ("delta", "Delta", "NJ", "tutoring", "[math]", 2022),
        ("echo", "Echo", "WA", "mentoring", "[elementary]", 2021), ("foxtrot", "Foxtrot", "OR", "tutoring", "[math]", 2021),
        ("golf", "Golf", "OR", "mentoring", "[math]", 2020),
    ]

    static func caseStudy(_ title: String, state: String, strategy: String, tags: String = "[math]", start: Int = 2021,
                          students: Int = 2000, date: String = "2023-05-01", featured: Bool = false,
                          evidence: String = TestSite.noEvidence, body: String = "## What it is\n\nA program.\n") -> String {
        """
        ---
        title: \(title)
        summary: A summary of \(title).
        organization: \(title) Org
        state: \(state)
        strategy: \(strategy)
        funding: [philanthropy]
        years: {start: \(start), end: 2023}
        tags: \(tags)
        date: \(date)
        featured: \(featured)
        metrics:
          - key: students_served
            value: \(students)
            as_of: 2021
            source: Example News, 2021
            url: https://reports.casebook.test/news
            quote: The program served \(students) students.
            certainty: medium
            highlight: true
          - key: investment
            value: 500000
            as_of: 2021
            source: Example News, 2021
            url: https://reports.casebook.test/news
            quote: It cost $500,000.
            certainty: medium
        \(evidence)
        ---
        \(body)
        """
    }

    static let methodology = """
    ---
    title: Methodology
    summary: How it is done.
    menu: 1
    strategy_table: true
    ---
    ## How

    Carefully.
    """

    static let context = """
    figures:
      - label: Federal relief for schools
        value: 190000000000
        unit: usd
        as_of: 2021
        source: Example Agency, 2021
        url: https://reports.casebook.test/agency
        quote: Schools received $190 billion.
        certainty: high
    """

    func makeSite() throws -> (TestSite, IncrementalBuilder) {
        let site = try TestSite()
        try site.write("content/site.yml", TestSite.siteYAML + "\n" + Self.paging + "\n")
        for c in Self.cases {
            try site.write("content/case-studies/\(c.file).md",
                           Self.caseStudy(c.title, state: c.state, strategy: c.strategy, tags: c.tags, start: c.start,
                                          featured: c.file == "alpha"))
        }
        try site.write("content/pages/methodology.md", Self.methodology)
        try site.write("content/context.yml", Self.context)
        return (site, IncrementalBuilder(options: BuildOptions(root: site.root)))
    }

    /// Rebuilds after `change`, then checks the output against a clean build in another folder.
    @discardableResult
    func rebuild(_ builder: IncrementalBuilder, _ site: TestSite, changed: Set<String>,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> IncrementalBuilder.Result {
        try await site.rebuildMatchingACleanBuild(builder, changed: changed, sourceLocation: sourceLocation)
    }

    @Test func theFixtureHasEveryPageTypeInItsSplitForm() async throws {
        let (site, builder) = try makeSite()
        defer { site.remove() }
        let first = try await builder.build(changed: nil)
        #expect(first.report.succeeded, "\(first.report.diagnostics.map(\.formatted))")
        for route in ["", "case-studies/", "case-studies/page/2/", "case-studies/alpha/", "strategies/", "strategies/tutoring/",
                      "strategies/mentoring/page/2/", "states/", "states/nj/", "tags/", "tags/math/page/2/", "funding/",
                      "funding/philanthropy/", "years/", "years/2021/page/3/", "evidence/", "evidence/none/", "compare/",
                      "compare/page/3/", "data/", "data/figures/page/2/", "report/", "report/tutoring/",
                      "report/mentoring/part-2/", "search/", "methodology/", "404.html", "feed.xml", "sitemap.xml",
                      "sitemaps/sitemap-1.xml", "sitemaps/sitemap-2.xml", "robots.txt"] {
            #expect(first.rendered.contains(route), "no page \(route)")
        }
        for file in ["data/case-studies.json", "data/metrics.csv", "data/facets/manifest.json", "data/facets/0.json",
                     "data/compare/0.json", "search-index/manifest.json", "data/charts/chart-strategies.csv"] {
            #expect(site.exists(file), "no file \(file)")
        }
        let feed = try site.read("feed.xml")
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 3)
        #expect(try site.read("sitemap.xml").contains("<sitemapindex"))
    }

    @Test func everyKindOfEditMatchesACleanBuild() async throws {
        let (site, builder) = try makeSite()
        defer { site.remove() }
        _ = try await builder.build(changed: nil)
        func edit(_ file: String, _ text: String) async throws -> IncrementalBuilder.Result {
            try site.write(file, text)
            return try await rebuild(builder, site, changed: [file])
        }
        let beta = "content/case-studies/beta.md"

        // The story alone: the case's own page, its report part and the search index.
        let story = try await edit(beta, Self.caseStudy("Beta", state: "TX", strategy: "mentoring", tags: "[math, elementary]",
                                                        body: "## What it is\n\nA program with a quokka.\n"))
        #expect(story.rendered.sorted() == ["case-studies/beta/", "report/mentoring/"])
        #expect(try BuiltSearchIndex(folder: site.output).titles("quokka") == ["Beta"])

        // A figure: every page that shows Beta's figures or its card, and the aggregates.
        let figure = try await edit(beta, Self.caseStudy("Beta", state: "TX", strategy: "mentoring", tags: "[math, elementary]",
                                                         students: 3100, body: "## What it is\n\nA program with a quokka.\n"))
        #expect(figure.rendered.contains("case-studies/beta/") && figure.rendered.contains("data/"))
        #expect(!figure.rendered.contains("states/nj/"), "New Jersey's listing shows nothing of Beta")
        #expect(figure.rendered.count < figure.pages)

        // Strategy, state, tags and evidence: the case moves between listings.
        let strategy = try await edit(beta, Self.caseStudy("Beta", state: "TX", strategy: "tutoring", tags: "[math, elementary]"))
        #expect(strategy.rendered.contains("strategies/tutoring/") && strategy.rendered.contains("methodology/"),
                "the methodology page's strategy table counts cases per strategy")
        try await edit(beta, Self.caseStudy("Beta", state: "WA", strategy: "tutoring", tags: "[math, elementary]"))
        try await edit(beta, Self.caseStudy("Beta", state: "WA", strategy: "tutoring", tags: "[elementary]"))
        let rated = try await edit(beta, Self.caseStudy("Beta", state: "WA", strategy: "tutoring", tags: "[elementary]",
                                                        evidence: EvidenceTests.beforeAfter))
        #expect(rated.rendered.contains("evidence/before-after/"))

        // A title: the case moves in site order, and only the slots it passed change.
        let retitled = try await edit("content/case-studies/alpha.md",
                                      Self.caseStudy("Zulu", state: "NJ", strategy: "tutoring", start: 2020, featured: true))
        #expect(retitled.rendered.contains("case-studies/alpha/"))

        // A date into a new year: the latest year moves, so every year listing and card may change.
        try await edit("content/case-studies/golf.md", Self.caseStudy("Golf", state: "OR", strategy: "mentoring", start: 2020,
                                                                       date: "2026-02-01"))

        // A case added, drafted and deleted.
        try await edit("content/case-studies/hotel.md", Self.caseStudy("Hotel", state: "MA", strategy: "mentoring"))
        try await edit("content/case-studies/charlie.md", Self.caseStudy("Charlie", state: "CA", strategy: "mentoring")
            .replacingOccurrences(of: "featured: false", with: "featured: false\ndraft: true"))
        try FileManager.default.removeItem(atPath: site.root + "/content/case-studies/echo.md")
        let deleted = try await rebuild(builder, site, changed: ["content/case-studies/echo.md"])
        #expect(deleted.removed.contains("case-studies/echo/"))

        // Plain pages, context and site.yml's vocabularies.
        let page = try await edit("content/pages/methodology.md", Self.methodology.replacingOccurrences(of: "Carefully.", with: "With care."))
        #expect(page.rendered == ["methodology/"])
        try await edit("content/pages/methodology.md", Self.methodology.replacingOccurrences(of: "title: Methodology", with: "title: Our method"))
        let context = try await edit("content/context.yml", Self.context.replacingOccurrences(of: "190000000000", with: "189500000000")
            .replacingOccurrences(of: "$190 billion", with: "$189.5 billion"))
        #expect(context.rendered.sorted() == ["", "data/"])
        try await edit("content/site.yml", (TestSite.siteYAML + "\n" + Self.paging + "\n")
            .replacingOccurrences(of: "label: Mentoring", with: "label: Mentoring programs"))
        try await edit("content/site.yml", (TestSite.siteYAML + "\n" + Self.paging + "\n")
            .replacingOccurrences(of: "cards: 2", with: "cards: 3"))

        // A template: every page.
        let layout = site.root + "/templates/layout.mustache"
        try (try String(contentsOfFile: layout, encoding: .utf8)).replacingOccurrences(of: "</footer>", with: "<p>Preview</p></footer>")
            .write(toFile: layout, atomically: true, encoding: .utf8)
        let template = try await rebuild(builder, site, changed: ["templates/layout.mustache"])
        #expect(template.full)
    }

    @Test func noPageGrowsWithTheSite() throws {
        // The same site at two sizes: the largest page stays the same size (within a few hundred
        // bytes of longer numbers) when the site has four times the cases.
        func largestPage(cases: Int) throws -> (name: String, bytes: Int) {
            let site = try TestSite()
            defer { site.remove() }
            try site.write("content/site.yml", TestSite.siteYAML + "\n" + Self.paging + "\n")
            try site.write("content/pages/methodology.md", Self.methodology)
            for n in 0..<cases {
                let c = Self.cases[n % Self.cases.count]
                try site.write("content/case-studies/case-\(n).md",
                               Self.caseStudy("Case \(n) \(c.title)", state: c.state, strategy: c.strategy, tags: c.tags, start: c.start,
                                              students: 1000 + n, featured: n % 3 == 0))
            }
            let report = try site.build()
            #expect(report.succeeded)
            let pages = try site.snapshot().filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix(".xml") }
            let largest = try #require(pages.max { $0.value.count < $1.value.count })
            return (largest.key, largest.value.count)
        }
        let small = try largestPage(cases: 30), large = try largestPage(cases: 120)
        #expect(large.bytes < small.bytes + 2_000, "\(large.name): \(large.bytes) bytes at 120 cases, \(small.name): \(small.bytes) at 30")
    }
}
