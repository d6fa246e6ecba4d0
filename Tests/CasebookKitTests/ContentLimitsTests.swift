import Foundation
import Testing
@testable import CasebookKit

/// The fields whose size multiplies through the site have limits, reported where they are written.
@Suite("Limits on tags, summaries and years")
struct ContentLimitsTests {
    let site: TestSite

    init() throws { site = try TestSite() }

    private func errors(_ study: String, file: String = "content/case-studies/alpha.md") throws -> [Diagnostic] {
        try site.write(file, study)
        defer { site.remove() }
        return try site.check().filter { $0.severity == .error }
    }

    @Test func moreTagsThanTheLimitIsAnErrorAtTheFirstTagTooMany() throws {
        let tags = (1...1_000).map { "topic-\($0)" }.joined(separator: ", ")
        let study = TestSite.caseStudy().replacingOccurrences(of: "tags: [math, elementary]", with: "tags: [\(tags)]")
        let found = try errors(study)
        let error = try #require(found.first { $0.message.contains("1000 tags") })
        #expect(error.location.file == "content/case-studies/alpha.md")
        #expect(error.location.line == 9)
        // `tags: [` is 7 characters; the 21st tag follows 20 tags of "topic-N, ".
        let column = 7 + (1...20).map { "topic-\($0), ".count }.reduce(0, +) + 1
        #expect(error.location.column == column)
        #expect(error.hint?.contains("20") == true)
    }

    @Test func twentyTagsAreAccepted() throws {
        let tags = (1...20).map { "topic-\($0)" }.joined(separator: ", ")
        let study = TestSite.caseStudy().replacingOccurrences(of: "tags: [math, elementary]", with: "tags: [\(tags)]")
        #expect(try errors(study).isEmpty)
    }

    @Test func aLongSummaryIsAnErrorAtTheSummary() throws {
        let long = String(repeating: "word ", count: 10_000)
        let study = TestSite.caseStudy().replacingOccurrences(of: "summary: A summary of Alpha Tutoring.", with: "summary: \(long)x")
        let found = try errors(study)
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "content/case-studies/alpha.md", line: 3, column: 10))
        #expect(found.first?.message == "the summary is 50001 characters long; it can be at most 600")
    }

    @Test(arguments: [
        ("{start: 1900, end: 2200}", "ends in 2200"),
        ("{start: 1900}", "spans 124 years"),
        ("{start: 1950, end: 2023}", "spans 74 years"),
        ("2200", "starts in 2200"),
    ])
    func yearSpansBeyondTheLimitAreErrorsAtTheYears(years: String, expected: String) throws {
        let study = TestSite.caseStudy().replacingOccurrences(of: "years: {start: 2021, end: 2023}", with: "years: \(years)")
        let error = try #require(try errors(study).first { $0.message.contains(expected) })
        #expect(error.location == SourceLocation(file: "content/case-studies/alpha.md", line: 8, column: 8))
    }

    @Test func casesFarApartInTimeAreAnErrorAtTheLaterOne() throws {
        try site.write("content/case-studies/early.md", TestSite.caseStudy(title: "Early")
            .replacingOccurrences(of: "years: {start: 2021, end: 2023}", with: "years: {start: 2000, end: 2001}")
            .replacingOccurrences(of: "date: 2023-05-01", with: "date: 2001-05-01"))
        let late = TestSite.caseStudy(title: "Late").replacingOccurrences(of: "date: 2023-05-01", with: "date: 2199-05-01")
            .replacingOccurrences(of: "years: {start: 2021, end: 2023}", with: "years: {start: 2190}")
        let found = try errors(late, file: "content/case-studies/late.md").filter { $0.message.contains("the site can span") }
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "content/case-studies/late.md", line: 10, column: 7))  // date:
        #expect(found.first?.message.contains("up to 2199, 200 years after the earliest start (2000)") == true)
    }
}
