import Foundation
import Mustache
import Testing
@testable import CasebookKit

/// Every page of a real site, drawn by the compiled templates and by swift-mustache from the same
/// views: the bytes must be the same. Run on the repository's own content and on a generated corpus.
@Suite struct ReferenceRenderTests {
    /// The repository's templates, parsed by swift-mustache.
    static func referenceLibrary() throws -> MustacheLibrary {
        let folder = TestSite.repositoryRoot + "/templates"
        var templates: [String: String] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder) where name.hasSuffix(".mustache") {
            templates[String(name.dropLast(".mustache".count))] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return try MustacheReference.library(templates)
    }

    /// Prepares the site at `root` and compares every page and every card with the reference.
    /// Returns the number of pages compared.
    func compareEveryPage(root: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        var options = BuildOptions(root: root)
        options.baseURL = "https://casebook.test/sub/"
        options.contact = "editors@casebook.test"
        let prepared = try SiteBuilder().prepare(options, cache: BuildCache(), timer: PhaseTimer(onProgress: nil))
        let site = try #require(prepared.site, sourceLocation: sourceLocation)
        #expect(!prepared.diagnostics.hasErrors, sourceLocation: sourceLocation)
        let library = try Self.referenceLibrary()
        var differing: [String] = []
        for page in site.plan.pages {
            let compiled = String(decoding: try site.renderer.render(page).data, as: UTF8.self)
            let (content, chrome, _) = site.renderer.build(page)
            var context = MustacheReference.context(content.body)
            for (key, value) in MustacheReference.context(chrome) { context[key] = value }
            let reference = MustacheReference.render(library, page.template.rawValue, context)
            if compiled != reference { differing.append(page.route.isEmpty ? "/" : page.route) }
        }
        for position in site.index.cases.indices {
            let card = CaseView.card(position, index: site.index, routes: site.routes)
            let reference = MustacheReference.render(library, TemplateSet.cardPartial, MustacheReference.context(card))
            if site.renderer.templates.renderCard(card) != reference { differing.append("card of \(site.index.cases[position].slug)") }
        }
        #expect(differing.isEmpty, "pages that differ from swift-mustache: \(differing.prefix(10))", sourceLocation: sourceLocation)
        return site.plan.pages.count
    }

    @Test func theRealSiteIsByteIdenticalToSwiftMustache() throws {
        let pages = try compareEveryPage(root: TestSite.repositoryRoot)
        #expect(pages > 90)
    }

    @Test func aGeneratedCorpusIsByteIdenticalToSwiftMustache() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-reference-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", TestSite.repositoryRoot + "/Benchmarks/scripts/generate-corpus.py", folder, "60", "--seed", "7"]
        generator.standardOutput = FileHandle.nullDevice
        generator.standardError = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0, "the corpus generator failed")
        let pages = try compareEveryPage(root: folder + "/casebook")
        #expect(pages > 60)
    }
}
