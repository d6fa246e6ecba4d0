import Foundation
import Testing
@testable import CasebookKit

/// The compare page's chooser is in the page as built, with the cases its script lists before
/// anything is typed, so it has its height from the first paint and nothing moves when the script
/// arrives. Its size is bounded: however large the site, it lists `ComparePages.chooserOptions`.
@Suite("The compare chooser as built")
struct CompareChooserTests {
    /// 25 cases whose titles sort differently from their files, with the compare table in pages of 10.
    func makeSite() throws -> TestSite {
        let site = try TestSite()
        try site.write("content/site.yml", TestSite.siteYAML + "\npaging:\n  compare_rows: 10\n")
        for n in 0..<25 {
            let title = "Case \(String(UnicodeScalar(UInt8(ascii: "y") - UInt8(n)))) & \(n)"
            try site.write("content/case-studies/case-\(n).md",
                           TestSite.caseStudy(title: title)
                               .replacingOccurrences(of: "date: 2023-05-01", with: "date: 2023-0\(n % 9 + 1)-1\(n % 10)"))
        }
        return site
    }

    /// The slugs of `name="cases"` boxes in a page, in order, with the titles beside them.
    func choices(_ html: String) throws -> [(slug: String, title: String)] {
        let pattern = try NSRegularExpression(pattern: #"<input type="checkbox" name="cases" value="([^"]+)"> ([^<]+)</label>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            (String(html[Range(match.range(at: 1), in: html)!]), String(html[Range(match.range(at: 2), in: html)!]))
        }
    }

    @Test func everyComparePageListsTheFirstCasesOfTheFacetIndexInItsOrder() throws {
        let site = try makeSite()
        defer { site.remove() }
        let report = try site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        // What the script lists first: the facet index's first records, in its order.
        let shard = try JSONSerialization.jsonObject(with: Data(try site.read("data/facets/0.json").utf8)) as! [[Any]]
        let firstRecords = shard.prefix(ComparePages.chooserOptions).map { ($0[0] as! String, $0[1] as! String) }
        #expect(firstRecords.count == 20)
        for page in ["compare/index.html", "compare/page/2/index.html", "compare/page/3/index.html"] {
            let html = try site.read(page)
            let listed = try choices(html)
            #expect(listed.map(\.slug) == firstRecords.map(\.0), "\(page)")
            #expect(listed.map(\.title) == firstRecords.map { HTMLText.escaped($0.1) }, "\(page)")
            #expect(html.contains("5 more match; type more of a name to narrow the list."), "\(page)")
            #expect(html.contains(#"data-options="20""#), "\(page)")
            // On a paged table the status says so from the start, as the script will.
            #expect(html.contains("Showing one page of the table; choose two to four case studies to see them side by side."))
        }
    }

    @Test func aSmallSiteListsEveryCaseAndNoMore() throws {
        let site = try TestSite()
        defer { site.remove() }
        for name in ["alpha", "beta", "gamma"] {
            try site.write("content/case-studies/\(name).md", TestSite.caseStudy(title: name.capitalized))
        }
        #expect(try site.build().succeeded)
        let html = try site.read("compare/index.html")
        #expect(try choices(html).map(\.slug).sorted() == ["alpha", "beta", "gamma"])
        #expect(!html.contains("more match"))
        #expect(html.contains(">Showing every case study.</p>"))
        // The script that lays out a shared comparison before the first paint is loaded without defer.
        #expect(html.contains(#"<script src="/assets/compare-choice.js"></script>"#))
        #expect(site.exists("assets/compare-choice.js"))
    }
}
