import Foundation
import Testing
@testable import CasebookKit

@Suite("Building a site end to end")
struct BuildTests {
    @Test func writesEveryPageTypeAndDataFile() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(body: "## What it is\n\nSee [the other one](/case-studies/beta/).\n"))
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta Mentoring", state: "TX", strategy: "mentoring"))
        try site.write("content/pages/about.md", "---\ntitle: About\nmenu: 1\n---\nAbout us.\n")
        let report = try site.build()
        #expect(report.succeeded)
        #expect(report.diagnostics.isEmpty)
        for path in ["index.html", "case-studies/index.html", "case-studies/alpha/index.html", "case-studies/beta/index.html",
                     "strategies/index.html", "strategies/tutoring/index.html", "strategies/mentoring/index.html",
                     "states/index.html", "states/nj/index.html", "states/tx/index.html", "tags/math/index.html",
                     "funding/philanthropy/index.html", "years/2022/index.html", "about/index.html", "data/index.html",
                     "search/index.html", "data/case-studies.json", "data/metrics.csv", "feed.xml", "sitemap.xml",
                     "robots.txt", "404.html", "search-index/manifest.json", "search-index/docs/0.json", "assets/site.css",
                     "assets/site.js", "assets/search.js"] {
            #expect(site.exists(path), "missing \(path)")
        }
        // A strategy with no case gets no page; a state with no case neither.
        #expect(!site.exists("states/ca/index.html"))

        let casePage = try site.read("case-studies/alpha/index.html")
        #expect(casePage.contains("<h1>Alpha Tutoring</h1>"))
        #expect(casePage.contains("2,000"))
        #expect(casePage.contains(#"<a href="https://reports.casebook.test/news">Example News, 2021</a>"#))
        #expect(casePage.contains("Medium certainty"))
        #expect(casePage.contains(##"href="#source-1""##))
        #expect(casePage.contains(#"<a href="/case-studies/beta/">the other one</a>"#))
        #expect(casePage.contains("No direct ESSER funding is documented"))

        let json = try JSONSerialization.jsonObject(with: Data(try site.read("data/case-studies.json").utf8)) as! [String: Any]
        let cases = json["case_studies"] as! [[String: Any]]
        #expect(cases.map { $0["slug"] as! String } == ["alpha", "beta"])
        let metric = (cases[0]["metrics"] as! [[String: Any]])[0]
        #expect(metric["source"] as? String == "Example News, 2021")
        #expect(metric["url"] as? String == "https://reports.casebook.test/news")
        #expect(metric["certainty"] as? String == "medium")
        #expect(metric["value"] as? Double == 2000)

        let csv = try site.read("data/metrics.csv").split(separator: "\r\n")
        #expect(csv.count == 3)
        #expect(csv[1].hasPrefix("alpha,Alpha Tutoring,NJ,tutoring,students_served,Students served,count,2000,"))

        let feed = try site.read("feed.xml")
        #expect(feed.components(separatedBy: "<entry>").count == 3)
        #expect(feed.contains("<id>https://casebook.test/case-studies/alpha/</id>"))
        #expect(try site.read("sitemap.xml").contains("<loc>https://casebook.test/case-studies/beta/</loc>"))
        #expect(try site.read("robots.txt").contains("Sitemap: https://casebook.test/sitemap.xml"))

        let home = try site.read("index.html")
        #expect(home.contains("4,000"), "home adds the highlighted students_served figures")
        #expect(home.contains(#"aria-label="New Jersey: 1 case study""#))
    }

    @Test func honoursBaseURLSubPath() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(body: "Read the [method](/case-studies/alpha/#x)."))
        let report = try site.build { $0.baseURL = "https://casebook.test/showcase/" }
        #expect(report.succeeded)
        let page = try site.read("case-studies/alpha/index.html")
        #expect(page.contains(#"href="/showcase/assets/site.css""#))
        #expect(page.contains(#"<link rel="canonical" href="https://casebook.test/showcase/case-studies/alpha/">"#))
        #expect(page.contains(#"<a href="/showcase/case-studies/alpha/#x">method</a>"#))
        #expect(!page.contains(#"href="/case-studies/"#), "no link escapes the sub-path")
        #expect(try site.read("feed.xml").contains("https://casebook.test/showcase/case-studies/alpha/"))
    }

    @Test func draftsBuildOnlyWhenAskedFor() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try site.write("content/case-studies/draft-one.md", TestSite.caseStudy(title: "Draft One", extra: "draft: true"))
        _ = try site.build()
        #expect(!site.exists("case-studies/draft-one/index.html"))
        _ = try site.build { $0.includeDrafts = true }
        #expect(site.exists("case-studies/draft-one/index.html"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TestSite()
        defer { site.remove() }
        for (index, name) in ["alpha", "beta", "gamma", "delta"].enumerated() {
            try site.write("content/case-studies/\(name).md", TestSite.caseStudy(title: "Case \(name)", state: ["NJ", "TX", "CA", "US"][index]))
        }
        _ = try site.build()
        let first = try site.snapshot()
        _ = try site.build()
        let second = try site.snapshot()
        #expect(first.keys.sorted() == second.keys.sorted())
        #expect(first == second)
        #expect(first.count > 20)
    }

    @Test func failedBuildLeavesPreviousSiteUntouched() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        #expect(try site.build().succeeded)
        let before = try site.snapshot()
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy().replacingOccurrences(of: "value: 2000", with: "value: lots"))
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta"))
        let report = try site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.hasErrors)
        #expect(try site.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.contains("staging") || $0.contains(".old-") }
        #expect(leftovers.isEmpty)
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(extra: "colour: blue"))
        let lenient = try site.build()
        #expect(lenient.succeeded)
        #expect(lenient.diagnostics.warningCount == 1)
        let strict = try site.build { $0.strict = true }
        #expect(!strict.succeeded)
        #expect(strict.diagnostics.errorCount == 1)
    }

    @Test func refusesUnsafeOutputFolders() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        for output in [site.root, site.root + "/content", site.root + "/templates", "/"] {
            #expect(throws: BuildError.self) { try site.build { $0.output = output } }
        }
        // A folder holding files Casebook did not write is kept unless --force.
        try site.write("elsewhere/keep-me.txt", "precious")
        #expect(throws: BuildError.self) { try site.build { $0.output = site.root + "/elsewhere" } }
        #expect(FileManager.default.fileExists(atPath: site.root + "/elsewhere/keep-me.txt"))
        #expect(try site.build { $0.output = site.root + "/elsewhere"; $0.force = true }.succeeded)
        // A folder Casebook built itself is replaced without --force.
        #expect(try site.build { $0.output = site.root + "/elsewhere" }.succeeded)
    }

    @Test func contentCannotInjectScript() throws {
        let site = try TestSite()
        defer { site.remove() }
        let body = """
        <script>alert("body")</script>

        [click](javascript:alert(1)) and <img src=x onerror=alert(2)>
        """
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "<script>alert('title')</script>", body: body))
        let report = try site.build()
        #expect(report.succeeded)
        let page = try site.read("case-studies/alpha/index.html")
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("javascript:alert"))
        #expect(!page.contains("onerror=alert"))
        #expect(page.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
        #expect(page.contains("Content-Security-Policy"))
    }

    @Test func acceptsByteOrderMarkAndWindowsLineEndings() throws {
        let site = try TestSite()
        defer { site.remove() }
        let text = TestSite.caseStudy().replacingOccurrences(of: "\n", with: "\r\n")
        try site.write("content/case-studies/alpha.md", Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        let report = try site.build()
        #expect(report.succeeded)
        #expect(report.diagnostics.isEmpty)
        #expect(try site.read("case-studies/alpha/index.html").contains("<h1>Alpha Tutoring</h1>"))
    }
}

@Suite("Charts compare only headline figures")
struct ChartTests {
    @Test func nonHighlightedFiguresStayOutOfComparisons() throws {
        let site = try TestSite()
        defer { site.remove() }
        let target = """
          - key: students_served
            label: Students the broadcasts were aimed at
            value: 700000
            as_of: 2020
            source: Station release
            url: https://reports.casebook.test/target
            certainty: high
            quote: The broadcasts were aimed at 700,000 students.
        """
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta"))
        try site.write("content/case-studies/gamma.md", TestSite.caseStudy(title: "Gamma").replacingOccurrences(of: "metrics:\n", with: "metrics:\n" + target + "\n")
            .replacingOccurrences(of: "    highlight: true\n", with: ""))
        #expect(try site.build().succeeded)
        // The charts only: the table of every figure below them lists the target too, as a figure.
        let data = try site.read("data/index.html").components(separatedBy: #"id="every-figure""#)[0]
        let chart = try #require(data.components(separatedBy: #"<figure class="chart" id="chart-students-served""#).dropFirst().first?
            .components(separatedBy: "</figure>").first)
        #expect(!data.contains("700,000"))
        #expect(chart.components(separatedBy: #"<rect class="bar""#).count - 1 == 2, "two cases in the comparison")
    }
}

@Suite("Images")
struct ImageTests {
    @Test func imagesUnderContentAreCopiedWithStableNames() throws {
        let site = try TestSite()
        defer { site.remove() }
        let png = TestPictures.png(width: 40, height: 30)
        try site.write("content/images/tutors.png", png)
        try site.write("content/images/team/photo.png", png)
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(
            extra: "image: {src: team/photo.png, alt: A tutor with two students}",
            body: "![Tutors at work](/images/tutors.png)\n"))
        let report = try site.build { $0.baseURL = "https://casebook.test/sub/" }
        #expect(report.succeeded)
        #expect(report.diagnostics.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: site.output + "/images/tutors.png")) == png)
        #expect(site.exists("images/team/photo.png"))
        // The pictures are shown through their resized copies (one width: 40 px is below every width),
        // under the base path, in the folder of their original.
        let page = try site.read("case-studies/alpha/index.html")
        #expect(page.contains(#/<img src="/sub/images/tutors-40-[0-9a-f]{16}\.png" srcset="/sub/images/tutors-40-[0-9a-f]{16}\.png 40w" sizes="[^"]+" width="40" height="30" alt="Tutors at work" loading="lazy" decoding="async">/#))
        #expect(page.contains(#/<picture class="case-image"><source type="image/webp" srcset="/sub/images/team/photo-40-[0-9a-f]{16}\.webp 40w"/#))
        #expect(page.contains(#/<img src="/sub/images/team/photo-40-[0-9a-f]{16}\.png" [^>]* alt="A tutor with two students" loading="lazy" decoding="async">/#))
    }
}
