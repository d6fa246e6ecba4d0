import Foundation
import Testing
@testable import CasebookKit

/// `casebook serve` rebuilds incrementally. After every kind of change the output must be exactly
/// what a clean build of the same content writes, while rendering fewer pages.
@Suite struct IncrementalBuildTests {
    static let cases: [(file: String, title: String, state: String, strategy: String)] = [
        ("alpha", "Alpha", "NJ", "tutoring"), ("beta", "Beta", "TX", "mentoring"), ("charlie", "Charlie", "CA", "mentoring"),
        ("delta", "Delta", "NJ", "tutoring"), ("echo", "Echo", "WA", "mentoring"), ("foxtrot", "Foxtrot", "OR", "mentoring"),
        ("golf", "Golf", "OR", "mentoring"), ("hotel", "Hotel", "WA", "mentoring"),
    ]

    /// Rebuilds after `change`, then checks the output against a clean build in another folder.
    @discardableResult
    func rebuild(_ builder: IncrementalBuilder, _ site: TestSite, changed: Set<String>,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> IncrementalBuilder.Result {
        try await site.rebuildMatchingACleanBuild(builder, changed: changed, sourceLocation: sourceLocation)
    }

    /// A site with the first `count` cases, and a builder that has not built it yet.
    func makeSite(_ count: Int = cases.count) throws -> (TestSite, IncrementalBuilder) {
        let site = try TestSite()
        for c in Self.cases.prefix(count) {
            try site.write("content/case-studies/\(c.file).md", TestSite.caseStudy(title: c.title, state: c.state, strategy: c.strategy))
        }
        return (site, IncrementalBuilder(options: BuildOptions(root: site.root)))
    }

    @Test func everyKindOfCaseChangeMatchesACleanBuild() async throws {
        let (site, builder) = try makeSite()
        defer { site.remove() }
        let first = try await builder.build(changed: nil)
        #expect(first.full && first.report.succeeded)
        #expect(first.rendered.count == first.pages)

        // A title change: the case moves in the order, so its old and new neighbours change too.
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Zulu", state: "NJ", strategy: "tutoring"))
        let retitled = try await rebuild(builder, site, changed: ["content/case-studies/alpha.md"])
        #expect(!retitled.full)
        #expect(retitled.rendered.contains("case-studies/alpha/"))
        #expect(retitled.rendered.contains("strategies/tutoring/"))
        #expect(!retitled.rendered.contains("case-studies/charlie/"), "Charlie shows nothing of Alpha")
        #expect(!retitled.rendered.contains("states/or/"))
        #expect(retitled.rendered.count < retitled.pages)
        #expect(try site.read("case-studies/alpha/index.html").contains("Zulu"))

        // A strategy change moves the case between listings and changes who is related to whom.
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta", state: "TX", strategy: "tutoring"))
        let moved = try await rebuild(builder, site, changed: ["content/case-studies/beta.md"])
        #expect(moved.rendered.contains("strategies/mentoring/") && moved.rendered.contains("strategies/tutoring/"))

        // A new evidence rating moves the case between evidence listings; the first case of a design
        // creates that design's listing, and the compare page and home page follow.
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta", state: "TX", strategy: "tutoring",
                                                                       evidence: EvidenceTests.beforeAfter))
        let rerated = try await rebuild(builder, site, changed: ["content/case-studies/beta.md"])
        #expect(rerated.rendered.contains("evidence/before-after/") && rerated.rendered.contains("evidence/none/"))
        #expect(rerated.rendered.contains("compare/") && rerated.rendered.contains(""))
        #expect(try site.read("evidence/before-after/index.html").contains("Beta"))

        // A deleted case: its page goes, and so does a listing left empty.
        try FileManager.default.removeItem(atPath: site.root + "/content/case-studies/charlie.md")
        let deleted = try await rebuild(builder, site, changed: ["content/case-studies/charlie.md"])
        #expect(deleted.removed.contains("case-studies/charlie/") && deleted.removed.contains("states/ca/"))
        #expect(!site.exists("case-studies/charlie/index.html"))

        // A new case, in a new state.
        try site.write("content/case-studies/india.md", TestSite.caseStudy(title: "India", state: "MA", strategy: "tutoring"))
        let added = try await rebuild(builder, site, changed: ["content/case-studies/india.md"])
        #expect(added.rendered.contains("case-studies/india/") && added.rendered.contains("states/ma/"))

        // A case turned into a draft disappears from the published site.
        try site.write("content/case-studies/delta.md", TestSite.caseStudy(title: "Delta", state: "NJ", strategy: "tutoring", extra: "draft: true"))
        let drafted = try await rebuild(builder, site, changed: ["content/case-studies/delta.md"])
        #expect(drafted.removed == ["case-studies/delta/"])

        // A word only in the story: the search index finds it after the rebuild, in the case's document.
        try site.write("content/case-studies/hotel.md", TestSite.caseStudy(title: "Hotel", state: "WA", strategy: "mentoring",
                                                                        body: "A story about a quokka.\n"))
        // Only the story changed: only the pages that show stories are rendered.
        let story = try await rebuild(builder, site, changed: ["content/case-studies/hotel.md"])
        #expect(story.rendered == ["case-studies/hotel/", Routes.report])
        #expect(try BuiltSearchIndex(folder: site.output).titles("quokka") == ["Hotel"])

        // Two files saved together.
        try site.write("content/case-studies/echo.md", TestSite.caseStudy(title: "Echo Two", state: "WA", strategy: "mentoring"))
        try site.write("content/case-studies/golf.md", TestSite.caseStudy(title: "Golf", state: "ID", strategy: "mentoring"))
        try await rebuild(builder, site, changed: ["content/case-studies/echo.md", "content/case-studies/golf.md"])
    }

    @Test func aFailedRebuildWritesNothingAndTheNextOneCatchesUp() async throws {
        let (site, builder) = try makeSite()
        defer { site.remove() }
        _ = try await builder.build(changed: nil)
        let before = try site.snapshot()

        // Renamed and broken in one save: nothing is written.
        try site.write("content/case-studies/echo.md", TestSite.caseStudy(title: "Echo Renamed", state: "WA", strategy: "mentorng"))
        let broken = try await builder.build(changed: ["content/case-studies/echo.md"])
        #expect(!broken.report.succeeded)
        #expect(broken.report.diagnostics.contains { $0.location.file == "content/case-studies/echo.md" && $0.message.contains("mentorng") })
        #expect(try site.snapshot() == before)

        // Fixed: the rebuild still knows Echo changed (its title), and the output matches a clean build.
        try site.write("content/case-studies/echo.md", TestSite.caseStudy(title: "Echo Renamed", state: "WA", strategy: "mentoring"))
        let fixed = try await rebuild(builder, site, changed: ["content/case-studies/echo.md"])
        #expect(!fixed.full)
        #expect(try site.read("case-studies/hotel/index.html").contains("Echo Renamed"), "Hotel lists Echo as related")
    }

    @Test func aStoryWithABrokenLinkWritesNothingUnderStrictAndItsFixCatchesUp() async throws {
        let (site, _) = try makeSite()
        defer { site.remove() }
        let builder = IncrementalBuilder(options: BuildOptions(root: site.root, strict: true))
        _ = try await builder.build(changed: nil)
        let before = try site.snapshot()
        let hotel = "content/case-studies/hotel.md"
        try site.write(hotel, TestSite.caseStudy(title: "Hotel", state: "WA", strategy: "mentoring",
                                                 body: "See [the other one](/case-studies/nowhere/).\n"))
        let broken = try await builder.build(changed: [hotel])
        #expect(!broken.report.succeeded)
        #expect(broken.report.diagnostics.contains { $0.location.file == hotel && $0.severity == .error })
        #expect(try site.snapshot() == before)

        // Fixed with a link to another case: the story alone changed since the last good build.
        try site.write(hotel, TestSite.caseStudy(title: "Hotel", state: "WA", strategy: "mentoring",
                                                 body: "See [Golf](/case-studies/golf/), a kookaburra.\n"))
        let fixed = try await rebuild(builder, site, changed: [hotel])
        #expect(fixed.rendered == ["case-studies/hotel/", Routes.report])
        #expect(fixed.report.diagnostics.isEmpty)
        #expect(try BuiltSearchIndex(folder: site.output).titles("kookaburra") == ["Hotel"])
    }

    @Test func changesOutsideCaseStudiesRebuildEverything() async throws {
        let (site, builder) = try makeSite(3)
        defer { site.remove() }
        _ = try await builder.build(changed: nil)
        try site.write("content/site.yml", TestSite.siteYAML.replacingOccurrences(of: "A tagline", with: "A new tagline"))
        let config = try await rebuild(builder, site, changed: ["content/site.yml"])
        #expect(config.rendered.count == config.pages, "every page reads site.yml (its chrome at least)")
        let layout = site.root + "/templates/layout.mustache"
        try (try String(contentsOfFile: layout, encoding: .utf8)).replacingOccurrences(of: "</footer>", with: "<p>Preview footer</p></footer>")
            .write(toFile: layout, atomically: true, encoding: .utf8)
        let template = try await rebuild(builder, site, changed: ["templates/layout.mustache"])
        #expect(template.full)
        #expect(try site.read("case-studies/beta/index.html").contains("Preview footer"))

        // Cards are drawn once and kept between rebuilds; a change to the card template redraws them.
        let card = site.root + "/templates/partials/card.mustache"
        try (try String(contentsOfFile: card, encoding: .utf8)).replacingOccurrences(of: "<p class=\"card-years\">", with: "<p class=\"card-years\">Years: ")
            .write(toFile: card, atomically: true, encoding: .utf8)
        try await rebuild(builder, site, changed: ["templates/partials/card.mustache"])
        #expect(try site.read("strategies/tutoring/index.html").contains("Years: "))
    }
}
