import Foundation
import Testing
@testable import CasebookKit

@Suite("casebook new")
struct ScaffoldTests {
    @Test func newCaseStudyBuildsAsADraftAndCannotBePublishedUnfinished() throws {
        let site = try TestSite()
        defer { site.remove() }
        let path = try Scaffold(root: site.root).newCaseStudy(title: "Alpha Program", state: "tx", strategy: "mentoring")
        #expect(path == "content/case-studies/alpha-program.md")
        let text = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
        for field in CaseStudyDecoder.knownFields where !["image", "slug", "featured"].contains(field) {
            #expect(text.contains("\n\(field):"), "the template shows `\(field)`")
        }
        // As a draft it builds cleanly, even under --strict.
        let draftBuild = try site.build { $0.includeDrafts = true; $0.strict = true }
        #expect(draftBuild.succeeded)
        #expect(site.exists("case-studies/alpha-program/index.html"))
        // Published with its placeholders still in, it is an error.
        try site.write(path, text.replacingOccurrences(of: "draft: true", with: "draft: false"))
        let diagnostics = try site.check()
        // Each placeholder at its own line (the template's comments hold none), then the template's zero and address.
        let lines = text.components(separatedBy: "\n")
        let expectedLines = lines.indices.filter { lines[$0].contains("REPLACE") }.map { $0 + 1 }
        let mine = diagnostics.filter { $0.location.file == path }
        #expect(mine.filter { $0.code == .casePlaceholder }.map(\.location.line) == expectedLines)
        #expect(mine.first { $0.code == .casePlaceholder }
                == .error(CasebookKit.SourceLocation(file: path, line: 5, column: 10),
                          "this line still has a REPLACE placeholder from `casebook new`",
                          hint: "replace it with the real text, or keep `draft: true` until the case study is finished", code: .casePlaceholder))
        #expect(Set(mine.map(\.code)) == [.casePlaceholder, .metricZeroValue, .sourceExampleAddress])
    }

    @Test func refusesToOverwriteAndChecksVocabularies() throws {
        let site = try TestSite()
        defer { site.remove() }
        let scaffold = Scaffold(root: site.root)
        _ = try scaffold.newCaseStudy(title: "Alpha", state: nil, strategy: nil)
        #expect(throws: BuildError("content/case-studies/alpha.md already exists; nothing was written",
                                   hint: "choose another name, or edit the existing file")) {
            try scaffold.newCaseStudy(title: "Alpha", state: nil, strategy: nil)
        }
        #expect(throws: BuildError("unknown strategy `tutorng`", hint: "did you mean `tutoring`?")) {
            try scaffold.newCaseStudy(title: "Beta", state: "NJ", strategy: "tutorng")
        }
    }

    /// `casebook new case-study --strategy tutorng` is a mistake on the command line (exit 64, like a
    /// bad --state), told with the nearest key before anything is written.
    @Test func anUnknownStrategyIsACommandLineMistakeWithTheNearestKey() throws {
        let site = try TestSite()
        defer { site.remove() }
        let scaffold = Scaffold(root: site.root)
        #expect(scaffold.strategyMistake("tutorng") == BuildError("unknown strategy `tutorng`", hint: "did you mean `tutoring`?"))
        #expect(scaffold.strategyMistake("tutoring") == nil)
        try FileManager.default.removeItem(atPath: site.root + "/content/site.yml")
        #expect(scaffold.strategyMistake("tutorng") == nil)  // no site.yml: `new` itself says so (exit 2)
    }

    @Test func newPageBuildsAsADraft() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        let path = try Scaffold(root: site.root).newPage(name: "Our Partners")
        #expect(path == "content/pages/our-partners.md")
        #expect(try site.build { $0.includeDrafts = true }.succeeded)
        #expect(site.exists("our-partners/index.html"))
        _ = try site.build()
        #expect(!site.exists("our-partners/index.html"))
    }
}
