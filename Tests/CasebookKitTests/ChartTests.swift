import Foundation
import Testing
@testable import CasebookKit

/// Charts say what they show: each bar is labelled with its figure's own label, date and certainty,
/// only keys marked `chart: true` are compared, and each chart has a CSV of its own numbers.
@Suite("Charts that say what they show")
struct ChartLabelTests {
    func site() throws -> TestSite {
        let site = try TestSite()
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha Tutoring")
            .replacingOccurrences(of: "  - key: students_served\n", with: "  - key: students_served\n    label: Students tutored, summer 2021\n"))
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta Mentoring", state: "TX", strategy: "mentoring")
            .replacingOccurrences(of: "value: 2000", with: "value: 500")
            .replacingOccurrences(of: "More than 2,000 students", with: "More than 500 students")
            .replacingOccurrences(of: "  - key: students_served\n", with: "  - key: investment\n    value: 750000\n    as_of: 2021\n    source: A gift\n    url: https://casebook.test/gift\n    certainty: high\n    highlight: true\n    quote: A gift of $750,000.\n  - key: students_served\n"))
        return site
    }

    @Test func barsCarryTheirFiguresOwnLabelDateAndCertainty() throws {
        let site = try site()
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let data = try site.read("data/index.html")
        let chart = try #require(data.components(separatedBy: #"id="chart-students-served""#).dropFirst().first?
            .components(separatedBy: "</figure>").first)
        #expect(chart.contains(#"<a class="bar-label" href="/case-studies/alpha/#figure-students-tutored-summer-2021">Students tutored, summer 2021</a> <span class="bar-case">Alpha Tutoring</span> <strong class="bar-value">2,000</strong>"#))
        #expect(chart.contains("2021 · <span class=\"certainty certainty-medium\">"))
        // Bars are drawn as shares of the largest, largest first.
        #expect(chart.contains(#"width="100%""#) && chart.contains(#"width="25%""#))
        #expect(chart.range(of: "Alpha Tutoring")!.lowerBound < chart.range(of: "Beta Mentoring")!.lowerBound)
        // Charts come first on the page, and a key not marked `chart: true` (investment) has none.
        #expect(data.range(of: #"id="charts-heading""#)!.lowerBound < data.range(of: #"id="every-figure""#)!.lowerBound)
        #expect(!data.contains(#"id="chart-investment""#))
        // A permalink and the chart's own CSV.
        #expect(chart.contains(##"<a href="#chart-students-served">Link to this chart</a>"##))
        #expect(chart.contains(#"<a href="/data/charts/chart-students-served.csv">"#))
    }

    @Test func eachChartHasACSVOfItsOwnNumbers() throws {
        let site = try site()
        defer { site.remove() }
        _ = try site.build()
        let csv = try site.read("data/charts/chart-students-served.csv")
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == Charts.csvColumns.joined(separator: ","))
        #expect(rows.count == 3)
        #expect(rows[1] == "Students served: each case's headline figure,\"Students tutored, summer 2021\",Alpha Tutoring,2000,\"2,000\",2021,medium,\"Example News, 2021\",https://reports.casebook.test/news")
        #expect(site.exists("data/charts/chart-strategies.csv") && site.exists("data/charts/chart-evidence.csv"))
    }
}

/// The link check knows the chart CSVs before anything is drawn; it must name the same files the
/// charts are written to, on the real site and on sites with fewer figures.
@Suite struct ChartFileNameTests {
    @Test func theLinkCheckNamesTheFilesTheChartsAreWrittenTo() throws {
        let prepared = try SiteBuilder().prepare(BuildOptions(root: TestSite.repositoryRoot), cache: BuildCache(),
                                                 timer: PhaseTimer(onProgress: nil))
        let site = try #require(prepared.site)
        let cases = site.content.caseStudies
        for subset in [cases, Array(cases.prefix(1)), []] {
            var content = site.content
            content.caseStudies = subset
            let inputs = SiteBuilder.inputs(SiteIndex(content), routes: site.routes, bodies: site.inputs.bodies,
                                            templates: site.renderer.templates, cache: BuildCache())
            let drawn = Charts(reader: SiteReader(inputs, recording: false)).all.map(\.csvFile)
            #expect(Charts.csvFiles(config: content.config, cases: subset) == drawn, "with \(subset.count) cases")
        }
    }
}
