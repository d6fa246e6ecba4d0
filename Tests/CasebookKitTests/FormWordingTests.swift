@testable import CasebookServe
import Testing
@testable import CasebookKit

/// The form names a field by its label, not by its key in the file: the checker's problems reworded
/// for the person at the form (issue 26: the same diagnostics, at the field, in the form's words).
struct FormWordingTests {
    @Test func theAuthoringMistakesAreSaidInTheFormsWords() throws {
        let site = try TestSite()
        defer { site.remove() }
        let check = try FormCheck(root: site.root)
        var form = EditFormCheckTests.goodForm(check)
        form.metrics[0].value = "1,200 students"
        form.metrics[0].asOf = "Fall 2023"
        form.strategy = "tutorng"
        form.sources = [SourceField(title: "Beta's own page", url: "")]
        let raw = check.check(form, path: "content/case-studies/beta-tutoring.md", original: nil).filter(\.isError)
        let said = FormWording(schema: check.schema).reworded(raw)
        let byField = Dictionary(grouping: said, by: \.field).mapValues { $0[0] }
        // The same problems at the same fields and places: only the words change.
        #expect(said.map(\.field) == raw.map(\.field) && said.map(\.line) == raw.map(\.line) && said.map(\.code) == raw.map(\.code))
        let address = try #require(byField["sources.0.url"])
        #expect(address.message == "“Address” is empty")
        #expect(address.hint == "fill it in: the page's address (http or https).")
        let asOf = try #require(byField["metrics.0.as_of"])
        #expect(asOf.message.hasPrefix("“As of” should be"), "\(asOf.message)")
        #expect(!asOf.message.contains("`as_of`") && asOf.message.contains("`Fall 2023`"))
        #expect(asOf.hint?.contains("`2022-23`") == true && asOf.hint?.contains("as_of") == false, "\(asOf.hint ?? "")")
        let value = try #require(byField["metrics.0.value"])
        #expect(value.message.hasPrefix("“Value” should be a number"), "\(value.message)")
        // A value in backticks is the person's own text or a suggestion: kept, so the "Use" button still finds it.
        #expect(byField["strategy"]?.hint == "did you mean `tutoring`?")
    }

    @Test func aMissingFieldIsNamedByItsLabel() throws {
        let site = try TestSite()
        defer { site.remove() }
        let check = try FormCheck(root: site.root)
        let text = TestSite.caseStudy(extra: "sources:\n  - title: A page without its address")
        let document = try CaseDocument.open(text: text, path: "content/case-studies/alpha.md").get()
        let raw = check.check(document.form, path: "content/case-studies/alpha.md", original: document).filter(\.isError)
        let said = FormWording(schema: check.schema).reworded(raw)
        #expect(said.map(\.message) == ["“Address” is missing"], "\(raw.map(\.message))")
    }
}
