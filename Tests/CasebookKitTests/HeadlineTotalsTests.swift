import Foundation
import Testing
@testable import CasebookKit

/// The home page adds up figures only when they count the same thing over the same period in places
/// that cannot overlap; otherwise it shows the range and each case's figure.
@Suite("Home-page totals add only like with like")
struct HeadlineTotalsTests {
    func site(_ cases: [(slug: String, state: String, asOf: String, value: Int)]) throws -> TestSite {
        let site = try TestSite()
        for item in cases {
            let text = TestSite.caseStudy(title: "Case \(item.slug)", state: item.state)
                .replacingOccurrences(of: "value: 2000\n    as_of: 2021", with: "value: \(item.value)\n    as_of: \(item.asOf)")
                .replacingOccurrences(of: "More than 2,000 students", with: "More than \(item.value) students")
            try site.write("content/case-studies/\(item.slug).md", text)
        }
        return site
    }

    @Test func figuresFromDifferentPeriodsAreNotAddedUp() throws {
        let site = try site([("a", "NJ", "2021", 2000), ("b", "TX", "2022-23", 500), ("c", "CA", "2021", 90)])
        defer { site.remove() }
        _ = try site.build()
        let home = try site.read("index.html")
        #expect(!home.contains("added up across"))
        #expect(home.contains("<strong>Students served:</strong> from 90 to 2,000 in the 3 case studies"))
        #expect(home.contains("they are not added up"))
        // Each figure is listed, linked to its card.
        #expect(home.contains(##"<a href="/case-studies/b/#figure-students-served">Case b</a>: 500"##))
    }

    @Test func figuresOfOneStateMayOverlapSoAreNotAddedUp() throws {
        let site = try site([("a", "NJ", "2021", 2000), ("b", "NJ", "2021", 500)])
        defer { site.remove() }
        _ = try site.build()
        #expect(!(try site.read("index.html")).contains("added up across"))
    }

    @Test func likeFiguresAreAddedUp() throws {
        let site = try site([("a", "NJ", "2021", 2000), ("b", "TX", "2021", 500)])
        defer { site.remove() }
        _ = try site.build()
        let home = try site.read("index.html")
        #expect(home.contains(#"<span class="total-figure">2,500</span> <span class="total-label">students served, added up across 2 case studies"#))
    }

    @Test func theRuleItself() {
        func metric(_ asOf: AsOf, _ qualifier: Qualifier? = nil) -> Metric {
            Metric(key: "students_served", label: "S", unit: .count, value: 1, qualifier: qualifier, asOf: asOf, source: "S",
                   url: "https://reports.casebook.test", certainty: .high, highlight: true)
        }
        let nj = USState.named("NJ")!, tx = USState.named("TX")!
        #expect(HeadlineTotals.addable([(metric(.year(2021)), nj), (metric(.year(2021)), tx)]))
        #expect(!HeadlineTotals.addable([(metric(.year(2021)), nj), (metric(.schoolYear(2021)), tx)]))
        #expect(!HeadlineTotals.addable([(metric(.year(2021)), nj), (metric(.year(2021)), .national)]))
        #expect(!HeadlineTotals.addable([(metric(.year(2021)), nj), (metric(.year(2021), .upTo), tx)]))
    }
}
