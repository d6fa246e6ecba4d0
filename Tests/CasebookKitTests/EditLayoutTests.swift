import Foundation
import Testing
@testable import CasebookKit

/// `casebook new case-study` and the editor's new files share one layout; the files `casebook new`
/// writes must not change by a byte (the fixtures were written by it before the layout was shared).
@Suite("New case-study layout")
struct EditLayoutTests {
    static let fixtures = TestSite.repositoryRoot + "/Tests/CasebookKitTests/Fixtures/scaffold"

    @Test(arguments: [("Newark Tutoring Corps", "NJ", "tutoring", "newark-tutoring-corps.md"),
                      ("Año \"Quoted\" \\ Program — 🎓", "Ohio", "mentoring", "ano-quoted-program.md")])
    func casebookNewWritesTheSameBytesAsBefore(_ title: String, _ state: String, _ strategy: String, _ file: String) throws {
        let site = try TestSite(copyTemplates: false)
        defer { site.remove() }
        let path = try Scaffold(root: site.root).newCaseStudy(title: title, state: state, strategy: strategy)
        let written = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
        let expected = try String(contentsOfFile: Self.fixtures + "/" + file, encoding: .utf8)
        #expect(written == expected)
    }

    @Test func aNewFileOpensAsTheFormItWasWrittenFrom() throws {
        let site = try TestSite(copyTemplates: false)
        defer { site.remove() }
        let check = try FormCheck(root: site.root)
        var form = Scaffold(root: site.root).startingForm(title: "Beta: a \"test\"", state: "TX", strategy: "mentoring", config: check.config)
        form.partners = ["A university", "Boys & Girls Clubs, Inc."]
        form.tags = ["math"]
        form.metrics.append(MetricField(key: "investment", value: "1000000", asOf: "2022-23", source: "A source",
                                        url: "https://reports.casebook.test/x", certainty: "high", note: "yes", quote: "$1 million"))
        form.sources = [SourceField(title: "Report: the first year", url: "https://reports.casebook.test/r")]
        let text = CaseDocument.newFileText(form, config: check.config)
        let reopened = try CaseDocument.open(text: text, path: "content/case-studies/beta.md").get()
        #expect(reopened.form == form)
    }
}
