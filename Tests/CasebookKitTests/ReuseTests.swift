import Foundation
import Testing
@testable import CasebookKit

/// What a reader may do with the text and data (`licence:` in site.yml), and files a spreadsheet
/// opens right (issue 25).
@Suite("Reuse: the licence and the data files")
struct ReuseTests {
    func site(licence: String) throws -> TestSite {
        let site = try TestSite()
        let yaml = TestSite.siteYAML.replacingOccurrences(of: "contact: editors@casebook.test",
                                                          with: "contact: editors@casebook.test\n" + licence)
        try site.write("content/site.yml", yaml)
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        return site
    }

    @Test func theLicenceIsShownInTheFooterOnTheDataPageAndInTheJSON() throws {
        let site = try site(licence: "licence:\n  name: CC BY 4.0\n  url: https://creativecommons.org/licenses/by/4.0/")
        defer { site.remove() }
        let report = try site.build { $0.strict = true }
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics)")
        let link = #"<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>"#
        for page in ["index.html", "case-studies/alpha/index.html", "about/index.html", "404.html"] where site.exists(page) {
            #expect(try site.read(page).contains(link), "\(page)")
        }
        let data = try site.read("data/index.html")
        let notes = try #require(data.components(separatedBy: #"<ul class="data-notes">"#).dropFirst().first?
            .components(separatedBy: "</ul>").first)
        #expect(notes.contains(link))
        #expect(notes.contains("byte-order mark") && notes.contains("Not published"))
        let json = try JSONSerialization.jsonObject(with: Data(try site.read("data/case-studies.json").utf8)) as! [String: Any]
        #expect(json["licence"] as? [String: String] == ["name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"])
    }

    @Test func withoutALicenceTheDataPageSaysSoAndTheJSONNamesNone() throws {
        let site = try site(licence: "")
        defer { site.remove() }
        #expect(try site.build().succeeded)
        #expect(try site.read("data/index.html").contains("No licence has been chosen for this site yet"))
        #expect(!(try site.read("index.html")).contains(#"rel="license""#))
        let json = try JSONSerialization.jsonObject(with: Data(try site.read("data/case-studies.json").utf8)) as! [String: Any]
        #expect(json["licence"] == nil)
    }

    @Test func aLicenceWithoutAnAddressIsAnErrorAtItsLine() throws {
        let site = try site(licence: "licence:\n  name: CC BY 4.0")
        defer { site.remove() }
        let problems = try site.check()
        let problem = try #require(problems.first { $0.message.contains("`url`") })
        #expect(problem.severity == .error)
        #expect(problem.location.file == "content/site.yml" && problem.location.line == 9)
        #expect(problem.hint?.contains("https://creativecommons.org/licenses/by/4.0/") == true)
    }

    @Test func aLicenceAddressMustBeAWebAddress() throws {
        let site = try site(licence: "licence:\n  name: CC BY 4.0\n  url: creativecommons.org/by")
        defer { site.remove() }
        let problems = try site.check()
        let problem = try #require(problems.first { $0.location.line == 10 })
        #expect(problem.severity == .error)
        #expect(problem.location.column == 8)
    }

    @Test func everyCSVStartsWithAByteOrderMarkForSpreadsheets() throws {
        let site = try site(licence: "")
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let csvs = try FileManager.default.subpathsOfDirectory(atPath: site.output + "/data").filter { $0.hasSuffix(".csv") }
        #expect(csvs.count >= 2)
        for csv in csvs {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: site.output + "/data/" + csv))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(csv)")
            #expect(bytes.dropFirst(3).first != 0xEF, "one mark, not two: \(csv)")
            // Reading it as text (as the other tests do) drops the mark and leaves the header whole.
            #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix(csv.hasPrefix("charts/") ? "chart," : "case_slug,"))
        }
    }
}
