import Foundation
import Testing
@testable import CasebookKit

/// Text fields refuse the invisible characters that change the direction text is shown in, and
/// accept letters of every script.
@Suite("Direction controls and letters of every script")
struct TextFieldTests {
    static let controls: [UInt32] = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]

    @Test(arguments: controls)
    func aDirectionControlInATitleIsRefusedWhereItStands(control: UInt32) throws {
        let site = try TestSite()
        defer { site.remove() }
        let character = String(Character(Unicode.Scalar(control)!))
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "Alpha \(character)gnirotuT"))
        // The test site's summary repeats the title, so the summary is refused too.
        let errors = try site.check().filter { $0.severity == .error }
        #expect(errors.map(\.location.line) == [2, 3])
        let error = try #require(errors.first)
        // `title: ` is 7 characters, `Alpha ` 6 more: the control is the 14th character of line 2.
        #expect(error.location == SourceLocation(file: "content/case-studies/alpha.md", line: 2, column: 14))
        #expect(error.message.contains("U+\(String(control, radix: 16, uppercase: true))"))
        #expect(error.message.contains("after `Alpha `"))
        #expect(error.hint != nil)
    }

    @Test func inAQuotedSummaryTheColumnCountsTheQuote() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy()
            .replacingOccurrences(of: "summary: A summary of Alpha Tutoring.", with: "summary: \"Works\\u202E well\""))
        let errors = try site.check().filter { $0.severity == .error }
        #expect(errors.map(\.location) == [SourceLocation(file: "content/case-studies/alpha.md", line: 3, column: 16)])
    }

    @Test func aCJKTagAndACJKTitleAreAccepted() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: "東京の学校")
            .replacingOccurrences(of: "tags: [math, elementary]", with: "tags: [日本, math]"))
        let report = try site.build()
        #expect(report.succeeded)
        #expect(!report.diagnostics.contains { $0.message.contains("no letters or digits") })
        #expect(site.exists("tags/ri-ben/index.html"))
        #expect(try site.read("case-studies/alpha/index.html").contains("東京の学校"))
    }

    @Test(arguments: [("日本", "ri-ben"), ("Москва", "moskva"), ("Ελληνικά", "ellenika"), ("Tennessee ALL Corps", "tennessee-all-corps"),
                      ("Zoë's café", "zoe-s-cafe"), ("𓀀", "u13000"), ("!!!", "")])
    func slugsOfEveryScript(text: String, slug: String) {
        #expect(Slug.make(from: text) == slug)
    }

    @Test func aNewCaseStudyWithACJKTitle() throws {
        let site = try TestSite()
        defer { site.remove() }
        let path = try Scaffold(fileSystem: LocalFileSystem(), root: site.root).newCaseStudy(title: "日本の学校", state: "NJ", strategy: "tutoring")
        #expect(path.hasSuffix("ri-benno-xue-xiao.md"))
    }
}
