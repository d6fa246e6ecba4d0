import Foundation
import Testing
@testable import CasebookKit

/// Names readers see are labels, never keys; tables that Markdown cannot draw are caught; every
/// listing has an index page.
@Suite("Pages and names")
struct PagesAndNamesTests {
    @Test func aPipeTableInMarkdownIsAWarningAtItsLine() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try site.write("content/pages/about.md", "---\ntitle: About\n---\nIntro.\n\n| Role | Strategy |\n|---|:--:|\n| Tutors | Tutoring |\n\nA | not a table.\n")
        let problems = try site.check().filter { $0.location.file == "content/pages/about.md" }
        #expect(problems == [.warning(SourceLocation(file: "content/pages/about.md", line: 6, column: 1),
                                      "this looks like a table, but Markdown here has no tables: it would show as lines of `|` characters",
                                      hint: "write it as a list (one item per row), or describe it in sentences", code: .storyTable)])
        #expect(try site.check(strict: true).hasErrors)
    }

    @Test func delimiterRows() {
        for row in ["|---|---|", "--- | ---", "| :-- | --: |", "|:---:|"] { #expect(Markdown.isTableDelimiterRow(Substring(row)), "\(row)") }
        for row in ["---", "a | b", "| - x |", "||", "text"] { #expect(!Markdown.isTableDelimiterRow(Substring(row)), "\(row)") }
    }

    @Test func theStrategyTableIsMadeFromTheVocabulary() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/site.yml", TestSite.siteYAML.replacingOccurrences(
            of: "    label: Tutoring\n", with: "    label: Tutoring\n    npss_role: Tutors\n"))
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try site.write("content/pages/methodology.md", "---\ntitle: Methodology\nstrategy_table: true\n---\nHow we work.\n")
        #expect(try site.build().succeeded)
        let page = try site.read("methodology/index.html")
        #expect(page.contains(#"<tr><th scope="row"><a href="/strategies/tutoring/">Tutoring</a></th><td>Tutors</td><td>1 case study</td></tr>"#))
        #expect(page.contains(#"<tr><th scope="row">Mentoring</th><td><span class="muted">Not one of the five roles</span></td><td>0 case studies</td></tr>"#))
    }

    @Test func tagsShowTheirLabelsAndUnlistedTagsAreWarnings() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/site.yml", TestSite.siteYAML + "\ntags:\n  math:\n    label: Math\n  elementary:\n    label: Elementary school\n")
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy().replacingOccurrences(of: "tags: [math, elementary]", with: "tags: [math, elementry, esser-iii]"))
        let problems = try site.check()
        #expect(problems.map(\.message) == ["the tag `elementry` is not in the tag list of content/site.yml",
                                            "the tag `esser-iii` is not in the tag list of content/site.yml"])
        #expect(problems.first?.hint == "did you mean `elementary`?")
        #expect(problems.first?.location == SourceLocation(file: "content/case-studies/alpha.md", line: 9, column: 14))
        _ = try site.build()
        #expect(try site.read("tags/math/index.html").contains("<h1>Topic: Math</h1>"))
        #expect(try site.read("tags/index.html").contains(">Math</a>"))
        #expect(try site.read("case-studies/alpha/index.html").contains(#"<a class="tag" href="/tags/math/">Math</a>"#))
        #expect(try site.read("index.html").contains(#"<a href="/tags/">Topics</a>"#))
    }

    @Test func fundingAndYearsHaveIndexPagesAndFiltersSayAnyInLowerCase() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        #expect(try site.build().succeeded)
        let funding = try site.read("funding/index.html")
        #expect(funding.contains(#"<a href="/funding/philanthropy/">Philanthropy</a>"#))
        #expect(!funding.contains("ESSER"), "a source no case uses is not listed")
        #expect(try site.read("years/index.html").contains(#"<a href="/years/2022/">2022</a>"#))
        #expect(try site.read("funding/philanthropy/index.html").contains(#"<a href="/funding/">Funding</a>"#))
        let index = try site.read("case-studies/index.html")
        #expect(index.contains(#"<option value="">Any strategy</option>"#))
        #expect(index.contains("1 case study") && !index.contains("1 case studies"))
    }
}

/// The report prints every case in one document; a case page prints as a brief.
@Suite("The report and the printed brief")
struct ReportTests {
    @Test func theReportHasEveryCaseOnceWithAContentsListAndNoRepeatedIDs() throws {
        let site = try TestSite()
        defer { site.remove() }
        let body = "## What it is\n\nA program.\n\n### Detail\n\nMore.\n"
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha", body: body))
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta", state: "TX", body: body))
        #expect(try site.build().succeeded)
        let report = try site.read("report/index.html")
        #expect(report.contains(##"<li><a href="#case-alpha"><span class="toc-number">1.1</span> Alpha</a>"##)
                && report.contains(##"<li><a href="#case-beta"><span class="toc-number">1.2</span> Beta</a>"##))
        #expect(report.contains(#"<h3 id="case-alpha-section-what-it-is">What it is</h3>"#))
        #expect(report.contains("<h4>Detail</h4>"))
        #expect(report.contains("Online: <a href=\"/case-studies/alpha/\">https://casebook.test/case-studies/alpha/</a>"))
        let ids = report.matches(of: /id="([^"]+)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count, "repeated ids: \(ids)")
        // The home page leads to it, and lists no strategy without cases.
        let home = try site.read("index.html")
        #expect(home.contains(#"<a href="/report/">"#))
        #expect(!home.contains("0 case studies"))
    }

    @Test func theReportGroupsCasesByStrategyNumbersThemAndExplainsTheEvidenceScaleOnce() throws {
        let site = try TestSite()
        defer { site.remove() }
        // Alphabetically the mentoring case comes between the two tutoring cases; the report groups them.
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha"))
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta", strategy: "mentoring"))
        try site.write("content/case-studies/gamma.md", TestSite.caseStudy(title: "Gamma"))
        #expect(try site.build().succeeded)
        let report = try site.read("report/index.html")
        let order = ["1</span> Tutoring</h2>", "1.1</span> Alpha</h2>", "1.2</span> Gamma</h2>", "2</span> Mentoring</h2>", "2.1</span> Beta</h2>"]
        let positions = order.map { report.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(positions)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        // The evidence ratings are explained once, before the cases; each key figure names its source.
        #expect(report.components(separatedBy: #"<dl class="report-key-list">"#).count == 2)
        #expect(report.contains("<dt>Randomized study</dt>"))
        #expect(report.range(of: "report-key-list")!.lowerBound < report.range(of: #"class="report-case""#)!.lowerBound)
        #expect(report.contains(#"<td class="report-figure-source" data-label="Source">"#))
        // A cover with the address and the newest update of the cases in it.
        #expect(report.contains(#"<dd class="report-address">https://casebook.test/report/</dd>"#))
        #expect(report.contains("Content last updated"))
    }

    @Test func aCasePageCarriesWhatItsPrintedBriefNeeds() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha"))
        _ = try site.build()
        let page = try site.read("case-studies/alpha/index.html")
        // A print header with the site's name and the page's address; the date is added when printed.
        #expect(page.contains(#"<p class="print-header">Test Showcase · https://casebook.test/case-studies/alpha/<span class="print-date"></span></p>"#))
        #expect(page.contains(#"data-copy="citation-text""#))
    }
}
