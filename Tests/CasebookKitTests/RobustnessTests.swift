import Foundation
import Testing
@testable import CasebookKit

/// Large and odd inputs must not crash or hang the build.
@Suite("Large and odd inputs")
struct RobustnessTests {
    @Test func fiveMegabyteCaseStudyWithVeryLongLines() throws {
        let site = try TestSite()
        defer { site.remove() }
        let longLine = String(repeating: "word ", count: 200_000)  // one 1 MB line
        let paragraphs = (0..<4).map { _ in longLine }.joined(separator: "\n\n")
        let body = "## What it is\n\n" + paragraphs + "\n\n" + String(repeating: "A line of text.\n", count: 5_000)
        try site.write("content/case-studies/big.md", TestSite.caseStudy(body: body))
        let report = try site.build()
        #expect(report.succeeded)
        let size = try Data(contentsOf: URL(fileURLWithPath: site.output + "/case-studies/big/index.html")).count
        #expect(size > 4_000_000)
    }

    /// Tags per case are limited (`ContentLimits`): ten thousand is one error, quickly, not 10,000 pages.
    @Test func tenThousandTags() throws {
        let site = try TestSite()
        defer { site.remove() }
        let tags = (0..<10_000).map { "topic-\($0)" }.joined(separator: ", ")
        try site.write("content/case-studies/tags.md", TestSite.caseStudy().replacingOccurrences(of: "tags: [math, elementary]", with: "tags: [\(tags)]"))
        let report = try site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.message) == ["this case has 10000 tags; a case can have at most 20"])
        #expect(!site.exists("tags/topic-9999/index.html"))
    }

    @Test func deeplyNestedMarkdown() throws {
        let site = try TestSite()
        defer { site.remove() }
        let lists = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n")
        let quotes = String(repeating: "> ", count: 5_000) + "deep"
        let emphasis = String(repeating: "*", count: 20_000) + "x" + String(repeating: "*", count: 20_000)
        try site.write("content/case-studies/nested.md", TestSite.caseStudy(body: lists + "\n\n" + quotes + "\n\n" + emphasis + "\n"))
        #expect(try site.build().succeeded)
    }

    @Test func deeplyNestedYAMLIsAnErrorNotACrash() throws {
        let site = try TestSite()
        defer { site.remove() }
        let nested = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        try site.write("content/case-studies/yaml.md", TestSite.caseStudy().replacingOccurrences(of: "tags: [math, elementary]", with: "tags: \(nested)"))
        let diagnostics = try site.check()
        #expect(diagnostics.hasErrors)
    }
}
