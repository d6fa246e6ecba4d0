import Foundation
import Testing
@testable import CasebookKit

/// Files a hostile author could write, each small, that once made a step take time or memory out of
/// all proportion to its size. The tests check what the step gives; the time limit is only there so
/// that a step gone quadratic again fails instead of hanging (on the old code, minutes to hours).
@Suite("Every step linear in its input", .timeLimit(.minutes(1)))
struct LinearStepsTests {
    @Test func repeatedHeadingsGetNumberedIDs() {
        let body = String(repeating: "## a\n\ntext\n\n", count: 3_000) + "## a-2\n\n## Other\n"
        let rendered = Markdown.render(MarkdownSource(text: body, file: "x.md", firstLine: 1), basePath: "/")
        let ids = rendered.headings.map(\.id)
        #expect(ids.count == 3_002)
        #expect(Set(ids).count == ids.count)
        #expect(Array(ids.prefix(3)) == ["section-a", "section-a-2", "section-a-3"])
        // A heading written as `a-2` after `a-2` was handed out gets the next free number.
        #expect(ids[3_000] == "section-a-2-2")
        #expect(ids.last == "section-other")
        #expect(rendered.html.contains("<h2 id=\"section-a-3000\">a</h2>"))
    }

    @Test func uniqueIDsSkipTakenNumbersAndStayLinear() {
        var ids = UniqueIDs()
        #expect(ids.claim("x-3") == "x-3")
        #expect(ids.claim("x") == "x")
        #expect(ids.claim("x") == "x-2")
        #expect(ids.claim("x") == "x-4")  // x-3 was taken by name
        #expect(ids.claim("x-2") == "x-2-2")
        // 20,000 of the same base: each claim ends at the first number it tries.
        var many = UniqueIDs()
        let claimed = (0..<20_000).map { _ in many.claim("figure-students") }
        #expect(Set(claimed).count == 20_000)
        #expect(claimed.last == "figure-students-20000")
    }

    @Test func twentyThousandFiguresWithOneLabel() throws {
        let metric = Metric(key: "students", label: "Students tutored", unit: .count, value: 1, asOf: .year(2022),
                            source: "s", url: "https://example.org/", certainty: .high, highlight: false)
        let ids = MetricView.figureIDs(Array(repeating: metric, count: 20_000))
        #expect(Set(ids).count == 20_000)
        #expect(ids.first == "figure-students-tutored")
        #expect(ids.last == "figure-students-tutored-20000")
    }
}

extension LinearStepsTests {
    /// Autolinks whose text cmark unescapes (`&amp;`) cannot be found again by their text on the line;
    /// each such search once rescanned the rest of the line.
    @Test func aLineOfAutolinksThatCannotBeFoundByTheirText() {
        let line = String(repeating: "<http://x.org/&amp;> ", count: 20_000)
        let rendered = Markdown.render(MarkdownSource(text: "Intro.\n\n" + line + "\n", file: "x.md", firstLine: 1), basePath: "/")
        #expect(rendered.links.count == 20_000)
        #expect(rendered.links.allSatisfy { $0.location.line == 3 && $0.url == "http://x.org/&" })
    }
}

extension LinearStepsTests {
    /// A body of broken links: one warning each (the pipeline caps what is printed), the costly
    /// "did you mean" only for the first `suggestionsPerFile` addresses.
    @Test func aBodyOfFiftyThousandBrokenLinks() {
        let body = (0..<50_000).map { "[x](/case-studies/missing-\($0)/)" }.joined(separator: " ")
        let rendered = Markdown.render(MarkdownSource(text: body + "\n", file: "x.md", firstLine: 5), basePath: "/")
        let checker = LinkChecker(published: ["case-studies/missing-/", "case-studies/alpha/"], images: [])
        let warnings = checker.check(rendered)
        #expect(warnings.count == 50_000)
        #expect(warnings.allSatisfy { $0.location.line == 5 && $0.message.hasSuffix("points to a page that does not exist") })
        #expect(warnings[0].hint == "did you mean `/case-studies/missing-/`?")
        #expect(warnings[49_999].hint == "check the address against the site's pages")
        #expect(warnings[49_999].location.column == body.count - "[x](/case-studies/missing-49999/)".count + 1)
    }
}
