import Foundation
import Testing
@testable import CasebookKit

/// A page whose template the set cannot draw it with is an error, never an empty page.
@Suite("Pages the templates cannot draw")
struct TemplateSetRenderTests {
    static let chrome = PageChrome(
        site: SiteChrome(title: "S", tagline: "T", description: "D", language: "en", author: "A", root: "/", baseURL: "https://casebook.test/",
                         feedURL: "/feed.xml", searchURL: "/search/", nav: [], dataURL: "/data/", contactURL: nil, contactLabel: nil,
                         methodologyURL: nil),
        page: PageMeta(title: "P", fullTitle: "P · S", description: "D", canonical: "https://casebook.test/p/", ogType: "website",
                       isHome: false, breadcrumbs: []),
        assets: PageAssets(css: "/assets/site.css", js: "/assets/site.js"))
    static let body = PlainPage(bodyHTML: "<p>body</p>", summary: "s", isMethodology: false, hasStrategyTable: false, strategyRows: [])

    @Test func aPageWithoutItsTemplateIsABuildError() throws {
        let (set, diagnostics) = TemplateSet.assemble([("robots", "templates/robots.mustache", "User-agent: *\n")], requireAll: false)
        #expect(diagnostics.isEmpty)
        let templates = try #require(set)
        let error = try #require(throws: BuildError.self) { try templates.render(Self.body, chrome: Self.chrome) }
        #expect(error.message == "the template `page.mustache` cannot draw \(PlainPage.viewName): it is not loaded")
        #expect(error.hint == "check that templates/page.mustache exists and has no errors")
    }

    @Test func aPageWithItsTemplateIsDrawn() throws {
        let (set, _) = TemplateSet.assemble([("page", "templates/page.mustache", "<h1>{{page.title}}</h1>{{{body_html}}}")], requireAll: false)
        let templates = try #require(set)
        let html = String(decoding: try templates.render(Self.body, chrome: Self.chrome), as: UTF8.self)
        #expect(html == "<h1>P</h1><p>body</p>")
    }
}
