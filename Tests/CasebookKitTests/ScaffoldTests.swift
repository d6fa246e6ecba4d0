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
        #expect(diagnostics.contains(.error(CasebookKit.SourceLocation(file: path, line: 1, column: 1),
                                            "this case study still has REPLACE placeholders from `casebook new`",
                                            hint: "fill in every REPLACE value, or keep `draft: true` until it is finished", code: .casePlaceholder)))
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
