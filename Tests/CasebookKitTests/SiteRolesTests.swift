import Foundation
import Testing
@testable import CasebookKit

/// What the generator knows of the site's vocabularies is said in site.yml (`roles:`), and how much a
/// page holds (`paging:`); a key that does not exist, or a size out of range, is an error at its line.
@Suite struct SiteRolesTests {
    func decode(_ extra: String) -> (SiteConfig?, [Diagnostic]) {
        SiteConfigDecoder.decode(TestSite.siteYAML + "\n" + extra + "\n")
    }

    func line(of text: String) -> Int {
        (TestSite.siteYAML + "\n").components(separatedBy: "\n").count + text.components(separatedBy: "\n").count - 1
    }

    @Test func rolesNameKeysOfTheVocabularies() throws {
        let (config, diagnostics) = decode("  methodology_page: methodology")
        #expect(diagnostics.isEmpty)
        let roles = try #require(config).roles
        #expect(roles.studentsReached == "students_served" && roles.costPerStudent == ["cost_per_student"])
        #expect(roles.money == ["investment"] && roles.resultsGroup == "outcomes" && roles.trackedFunding == "esser")
        #expect(roles.methodologyPage == "methodology")
    }

    @Test func aMisspeltRoleKeyIsAnErrorWithTheNearestKey() throws {
        let yaml = TestSite.siteYAML.replacingOccurrences(of: "results_group: outcomes", with: "results_group: outcome")
        let (config, diagnostics) = SiteConfigDecoder.decode(yaml)
        #expect(config == nil)
        let lineNumber = yaml.components(separatedBy: "\n").firstIndex { $0.contains("results_group:") }! + 1
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == SourceLocation(file: "content/site.yml", line: lineNumber, column: 18))
        #expect(diagnostics.first?.message == "`results_group` names `outcome`, which is not a key of `metric_groups`")
        #expect(diagnostics.first?.hint == "did you mean `outcomes`?")
    }

    @Test func pagingSizesAreWholeNumbersInRange() throws {
        let (config, diagnostics) = decode("paging:\n  cards: 12\n  feed_entries: 0\n  sitemap_urls: 60000")
        #expect(config == nil)
        #expect(diagnostics.map(\.message) == ["`feed_entries` should be between 1 and 10000, not 0",
                                               "`sitemap_urls` should be between 1 and 50000, not 60000"])
        let (valid, none) = decode("paging:\n  cards: 12")
        #expect(none.isEmpty && valid?.paging.cards == 12 && valid?.paging.feedEntries == 50)
    }
}
