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
        // Every optional part given, and some left out.
        form.place = nil
        form.fundingNote = nil
        form.years.end = "2024"
        form.featured = true
        form.draft = false
        form.image = ImageField(src: "/images/beta.jpg", alt: "Tutors at work")
        form.evidence = EvidenceField(design: "comparison-group", studyBy: "independent", finding: "A finding.", caveat: "A caveat.",
                                      note: "A note.", sources: [SourceField(title: "The study", url: "https://reports.casebook.test/s")])
        form.story = ""
        let full = CaseDocument.newFileText(form, config: check.config)
        #expect(try CaseDocument.open(text: full, path: "content/case-studies/beta.md").get().form == form)
        #expect(!full.contains("# study_by:") && !full.contains("# sources:"))
        #expect(full.hasSuffix("---\n"))
    }

    /// A staffer fills in the file `casebook new` wrote, field by field: each value lands on its line,
    /// and the template's comments stay.
    @Test func fillingInANewFileKeepsItsComments() throws {
        let site = try TestSite(copyTemplates: false)
        defer { site.remove() }
        let scaffolded = try String(contentsOfFile: Self.fixtures + "/newark-tutoring-corps.md", encoding: .utf8)
        let document = try CaseDocument.open(text: scaffolded, path: "content/case-studies/newark-tutoring-corps.md").get()
        var form = document.form
        form.summary = "Tutors in Newark schools."
        form.partners = ["Newark Public Schools"]
        form.funding = ["esser"]
        form.tags = ["math"]
        form.metrics[0].value = "1200"
        form.metrics[0].url = "https://reports.casebook.test/newark"
        form.evidence?.studyBy = "own"
        form.evidence?.design = "before-after"
        form.evidence?.sources = [SourceField(title: "Newark report", url: "https://reports.casebook.test/report")]
        form.draft = false
        let text = document.applying(form)
        #expect(try CaseDocument.open(text: text, path: "content/case-studies/newark-tutoring-corps.md").get().form == form)
        let lines = text.components(separatedBy: "\n")
        #expect(lines.contains("partners: [Newark Public Schools]                      # e.g. [A university, A foundation]"))
        #expect(lines.contains("draft: false"))
        #expect(lines.contains { $0.hasPrefix("    value: 1200                      # the number as published") })
        #expect(lines.contains { $0.hasPrefix("  design: before-after                    # strongest first: randomized,") })
        #expect(lines[lines.firstIndex { $0.hasPrefix("  design:") }! + 1] == "  study_by: own")
        #expect(lines.contains("  sources:") && lines.contains("    - title: Newark report"))
        // Every comment line of the template is still there.
        for comment in scaffolded.components(separatedBy: "\n") where comment.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            #expect(lines.contains(comment), "\(comment)")
        }
    }
}
