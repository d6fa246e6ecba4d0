import Foundation
import Testing
@testable import CasebookKit

/// What a search result shows and what search can find (issue 25): figures with their values, no
/// heading running into the text, the strategy and state lists by name, cases told from pages.
@Suite("Search snippets and what search finds")
struct SearchSnippetTests {
    @Test func aHeadingEndsBeforeTheTextAfterIt() {
        #expect(SearchIndex.plainText(#"<h2 id="section-what-it-is">What it is</h2>\#n<p>iMentor is a program.</p>"#)
                == "What it is. iMentor is a program.")
        // A heading that ends in its own punctuation keeps it, and other tags still only separate words.
        #expect(SearchIndex.plainText("<h3>Why so few?</h3><p>Because.</p>") == "Why so few? Because.")
        #expect(SearchIndex.plainText("<p>One <em>two</em></p><p>three</p>") == "One two three")
    }

    @Test func figuresCarryTheirValuesListsAreFoundAndCasesAreCounted() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha Tutoring"))
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta Mentoring", state: "TX", strategy: "mentoring"))
        #expect(try site.build().succeeded)
        let index = try BuiltSearchIndex(folder: site.output)
        // The cases come first, and the manifest says how many, so search.js can rank a case above a page.
        #expect(index.manifest["cases"] as? Int == 2)
        #expect(index.documents.prefix(2).allSatisfy { $0["place"] != nil })
        // A figure in a snippet shows its value beside its label.
        let alpha = try #require(index.documents.first { $0["title"] as? String == "Alpha Tutoring" })
        let figures = try #require(alpha["figures"] as? String)
        #expect(figures.contains("Students served: 2,000"), "\(figures)")
        // Each strategy and state with cases has a list search finds by its name.
        let lists = index.documents.filter { $0["kind"] as? String == "listing" }
        #expect(Set(lists.compactMap { $0["url"] as? String }) == ["/strategies/tutoring/", "/strategies/mentoring/", "/states/nj/", "/states/tx/"])
        #expect(index.titles("texas").contains("Texas") && index.weight("texas", in: "Texas") == 3)
        #expect(index.titles("mentoring").contains("Mentoring"))
        let texas = try #require(lists.first { $0["title"] as? String == "Texas" })
        #expect(texas["summary"] as? String == "1 case study in Texas.")
    }
}
