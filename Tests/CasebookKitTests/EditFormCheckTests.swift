import Foundation
import Testing
@testable import CasebookKit

/// The form is checked by the same code as `casebook check`, and each problem shows at its field.
@Suite("Editor: the checker's problems at their fields")
struct EditFormCheckTests {
    /// A finished new case study as the form holds it: no problems.
    static func goodForm(_ check: FormCheck) -> CaseForm {
        var form = CaseForm(title: "Beta Tutoring", summary: "A summary of Beta.", organization: "Beta Org",
                            state: "NJ", strategy: "tutoring", years: CaseForm.Years(start: "2021"),
                            date: "2023-05-01", draft: false)
        form.metrics = [MetricField(key: "students_served", value: "1200", asOf: "2021", source: "Example News, 2021",
                                    url: "https://reports.casebook.test/news", certainty: "medium", highlight: true,
                                    quote: "About 1,200 students were tutored.")]
        form.evidence = EvidenceField(design: "none", finding: "No study was found.", caveat: "Only counts are known.")
        form.story = "## What it is\n\nA program."
        return form
    }

    @Test func aGoodFormHasNoProblems() throws {
        let site = try TestSite()
        defer { site.remove() }
        let check = try FormCheck(root: site.root)
        let problems = check.check(Self.goodForm(check), path: "content/case-studies/beta-tutoring.md", original: nil)
        #expect(problems.filter(\.isError) == [])
    }

    /// The mistakes of the publishing issue's authoring list, each at its field with its hint.
    @Test func theAuthoringMistakesShowAtTheirFields() throws {
        let site = try TestSite()
        defer { site.remove() }
        let check = try FormCheck(root: site.root)
        var form = Self.goodForm(check)
        form.metrics[0].value = "1,200 students"
        form.metrics[0].asOf = "Fall 2023"
        form.strategy = "tutorng"
        form.sources = [SourceField(title: "Beta's own page", url: "")]
        let problems = check.check(form, path: "content/case-studies/beta-tutoring.md", original: nil)
        let errors = Dictionary(grouping: problems.filter(\.isError), by: \.field)
        #expect(Set(errors.keys) == ["metrics.0.value", "metrics.0.as_of", "strategy", "sources.0.url"], "\(problems)")
        #expect(errors["metrics.0.value"]?.first?.hint?.contains("1200") == true)
        #expect(errors["metrics.0.as_of"]?.first?.message.contains("as_of") == true)
        #expect(errors["strategy"]?.first?.hint == "did you mean `tutoring`?")
        #expect(errors["sources.0.url"]?.first?.code == DiagnosticCode.fieldEmpty.rawValue)
        // Each problem's line is where the field is written in the file the form would save.
        let text = CaseDocument.newFileText(form, config: check.config)
        let lines = text.components(separatedBy: "\n")
        #expect(lines[errors["strategy"]![0].line - 1].hasPrefix("strategy: tutorng"))
        #expect(lines[errors["metrics.0.as_of"]![0].line - 1].contains("as_of: Fall 2023"))
    }

    /// A field missing from the file (not just empty) is given to that field, in the set of fields that lacks it.
    @Test func aMissingFieldBelongsToTheFieldThatIsMissing() throws {
        let site = try TestSite()
        defer { site.remove() }
        let check = try FormCheck(root: site.root)
        let text = TestSite.caseStudy(extra: "sources:\n  - title: A page without its address")
        let document = try CaseDocument.open(text: text, path: "content/case-studies/alpha.md").get()
        let problems = check.check(document.form, path: "content/case-studies/alpha.md", original: document)
        #expect(problems.filter(\.isError).map(\.field) == ["sources.0.url"], "\(problems)")
        #expect(problems.filter(\.isError).first?.message.contains("has no `url`") == true)
    }

    /// Problems said where a set of fields starts go to the field they are about, not to its first field.
    @Test func problemsAboutASetOfFieldsGoToTheFieldTheyName() throws {
        let site = try TestSite()
        defer { site.remove() }
        let check = try FormCheck(root: site.root)
        var form = Self.goodForm(check)
        form.metrics[0].quote = nil
        form.evidence = nil
        let problems = check.check(form, path: "content/case-studies/beta.md", original: nil)
        #expect(problems.first { $0.message.contains("has no `quote`") }?.field == "metrics.0.quote", "\(problems)")
        #expect(problems.first { $0.code == DiagnosticCode.caseEvidenceMissing.rawValue }?.field == "evidence", "\(problems)")
        // A field the form does not know is reported at the set of fields it is written in.
        let text = TestSite.caseStudy().replacingOccurrences(of: "  - key: students_served", with: "  - colour: blue\n    key: students_served")
        let document = try CaseDocument.open(text: text, path: "content/case-studies/alpha.md").get()
        let unknown = check.check(document.form, path: "content/case-studies/alpha.md", original: document)
        #expect(unknown.first { $0.code == DiagnosticCode.fieldUnknown.rawValue }?.field == "metrics.0", "\(unknown)")
    }

    @Test func aFileWithWindowsLineBreaksIsCheckedAtItsFields() throws {
        let site = try TestSite()
        defer { site.remove() }
        let check = try FormCheck(root: site.root)
        let text = TestSite.caseStudy().replacingOccurrences(of: "\n", with: "\r\n")
        let document = try CaseDocument.open(text: text, path: "content/case-studies/alpha.md").get()
        var form = document.form
        form.strategy = "tutorng"
        let problems = check.check(form, path: "content/case-studies/alpha.md", original: document)
        #expect(problems.filter(\.isError).map(\.field) == ["strategy"], "\(problems)")
    }

    /// What only the whole site can tell: a story link to a page that does not exist, a second case at one address.
    @Test func siteWideChecksRunToo() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/beta-tutoring.md", TestSite.caseStudy(title: "Beta Tutoring"))
        let check = try FormCheck(root: site.root)
        var form = Self.goodForm(check)
        form.story = "## What it is\n\nSee [the other](/case-studies/beta-tutorin/)."
        let problems = check.check(form, path: "content/case-studies/gamma.md", original: nil)
        let link = try #require(problems.first { $0.code == DiagnosticCode.linkBroken.rawValue })
        #expect(link.field == "story")
        #expect(link.hint == "did you mean `/case-studies/beta-tutoring/`?")
        // A picture that is not in content/images/.
        form.image = ImageField(src: "/images/missing.jpg", alt: "Tutors at work")
        let image = check.check(form, path: "content/case-studies/gamma.md", original: nil)
        #expect(image.first { $0.code == DiagnosticCode.caseImageMissing.rawValue }?.field == "image.src", "\(image)")
    }

    /// One checker kept for many checks (as the form is typed in) reuses the rest of the site's work,
    /// and says exactly what a fresh checker says: nothing of one check's text is left for the next,
    /// and what changed on disk in between is seen.
    @Test func aKeptCheckerSaysWhatAFreshOneSays() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        let kept = try FormCheck(root: site.root)
        let alpha = try CaseDocument.open(text: TestSite.caseStudy(), path: "content/case-studies/alpha.md").get()
        var broken = alpha.form
        broken.strategy = "tutorng"
        broken.story = "See [beta](/case-studies/beta/)."
        var gamma = Self.goodForm(kept)
        gamma.story = "See [alpha](/case-studies/alpha/) and [beta](/case-studies/beta/)."
        let steps: [(CaseForm, String, CaseDocument?)] = [
            (broken, "content/case-studies/alpha.md", alpha), (gamma, "content/case-studies/gamma.md", nil),
            (alpha.form, "content/case-studies/alpha.md", alpha), (broken, "content/case-studies/alpha.md", alpha),
        ]
        for (form, path, original) in steps {
            let fresh = try FormCheck(root: site.root).check(form, path: path, original: original)
            #expect(kept.check(form, path: path, original: original) == fresh, "\(path)")
        }
        #expect(kept.check(gamma, path: "content/case-studies/gamma.md", original: nil).contains { $0.code == DiagnosticCode.linkBroken.rawValue })
        // beta appears on disk: the link to it is no longer broken.
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta"))
        let after = kept.check(gamma, path: "content/case-studies/gamma.md", original: nil)
        #expect(!after.contains { $0.code == DiagnosticCode.linkBroken.rawValue }, "\(after)")
        #expect(after == (try FormCheck(root: site.root).check(gamma, path: "content/case-studies/gamma.md", original: nil)))
        // Until site.yml changes, when the server makes a new checker.
        #expect(kept.isCurrent)
        try site.write("content/site.yml", TestSite.siteYAML + "\n# changed\n")
        #expect(!kept.isCurrent)
    }

    /// `warm` (the editor's page opening) and checks from several requests at once take turns over the
    /// kept work: each answer is what a fresh checker says.
    @Test func aWarmedCheckerAnsweredFromManyThreadsSaysWhatAFreshOneSays() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta"))
        let kept = try FormCheck(root: site.root)
        let alpha = try CaseDocument.open(text: TestSite.caseStudy(), path: "content/case-studies/alpha.md").get()
        var misspelt = alpha.form
        misspelt.strategy = "tutorng"
        var linked = alpha.form
        linked.story = "See [gamma](/case-studies/gamma/)."
        let forms = [alpha.form, misspelt, linked]
        let fresh = try forms.map { try FormCheck(root: site.root).check($0, path: "content/case-studies/alpha.md", original: alpha) }
        #expect(fresh[0].filter(\.isError).isEmpty, "\(fresh[0])")
        #expect(fresh[1].contains { $0.field == "strategy" && $0.isError }, "\(fresh[1])")
        #expect(fresh[2].contains { $0.field == "story" && $0.code == DiagnosticCode.linkBroken.rawValue }, "\(fresh[2])")
        let answers = await withTaskGroup(of: (Int, [FieldProblem]).self) { group in
            group.addTask { kept.warm(); return (-1, []) }
            for n in 0..<9 {
                group.addTask { (n % 3, kept.check(forms[n % 3], path: "content/case-studies/alpha.md", original: alpha)) }
            }
            var found: [(Int, [FieldProblem])] = []
            for await answer in group where answer.0 >= 0 { found.append(answer) }
            return found
        }
        #expect(answers.count == 9)
        for (which, problems) in answers { #expect(problems == fresh[which]) }
    }

    /// A picture uploaded after the checker first looked (the editor's upload, then "use as the case
    /// study's picture") is found by the kept checker, as by a fresh one; and one removed is missed.
    @Test func aKeptCheckerSeesPicturesComeAndGo() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        let kept = try FormCheck(root: site.root)
        let alpha = try CaseDocument.open(text: TestSite.caseStudy(), path: "content/case-studies/alpha.md").get()
        var pictured = alpha.form
        pictured.image = ImageField(src: "/images/tutors.png", alt: "Two tutors at a table")
        let path = "content/case-studies/alpha.md"
        let missing = kept.check(pictured, path: path, original: alpha)
        #expect(missing.contains { $0.field.hasPrefix("image") && $0.isError }, "\(missing)")
        try site.write("content/images/tutors.png", TestPictures.png(width: 40, height: 30))
        let found = kept.check(pictured, path: path, original: alpha)
        #expect(!found.contains { $0.isError }, "\(found)")
        #expect(found == (try FormCheck(root: site.root).check(pictured, path: path, original: alpha)))
        // Replaced by a file of exactly the same size that is no picture: seen, as by a fresh checker.
        let size = try Data(contentsOf: URL(fileURLWithPath: site.root + "/content/images/tutors.png")).count
        try site.write("content/images/tutors.png", Data(repeating: UInt8(ascii: "x"), count: size))
        let damaged = kept.check(pictured, path: path, original: alpha)
        #expect(damaged.contains { $0.field.hasPrefix("image") && $0.isError }, "\(damaged)")
        #expect(damaged == (try FormCheck(root: site.root).check(pictured, path: path, original: alpha)))
        try FileManager.default.removeItem(atPath: site.root + "/content/images/tutors.png")
        #expect(kept.check(pictured, path: path, original: alpha) == missing)
    }

    @Test func everyProblemOfARealCaseHasAField() throws {
        let check = try FormCheck(root: TestSite.repositoryRoot)
        for name in EditRoundTripTests.files {
            let document = try EditRoundTripTests.open(name)
            var form = document.form
            form.metrics[0].value = "12,345 students"
            let problems = check.check(form, path: "content/case-studies/" + name, original: document)
            #expect(problems.contains { $0.field == "metrics.0.value" && $0.isError }, "\(name): \(problems)")
            #expect(problems.filter { $0.field.isEmpty }.isEmpty, "\(name): \(problems.filter { $0.field.isEmpty })")
        }
    }

    @Test func storyPreviewIsTheSitesSafeMarkdown() {
        let html = StoryPreview.html(markdown: "## Heading\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) *em*")
        #expect(html.contains("<h2"))
        #expect(html.contains("<em>em</em>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
    }

    @Test func schemaComesFromSiteYml() throws {
        let site = try TestSite()
        defer { site.remove() }
        let schema = try FormCheck(root: site.root).schema
        #expect(schema.strategies.map(\.key) == ["tutoring", "mentoring"])
        #expect(schema.strategies.first?.description == "Small groups, same tutor.")
        #expect(schema.states.first == EditorSchema.State(code: "US", name: "National"))
        #expect(schema.states.contains(EditorSchema.State(code: "OH", name: "Ohio")))
        #expect(schema.evidenceDesigns.first?.key == "randomized")
        #expect(schema.evidenceDesigns.contains { $0.noEvidence })
        #expect(schema.certainty.map(\.key) == Certainty.allCases.map(\.rawValue))
        let json = String(decoding: try JSONEncoder().encode(schema), as: UTF8.self)
        #expect(json.contains("\"evidence_designs\""))
        #expect(json.contains("\"no_evidence\""))
        #expect(json.contains("\"study_by\""))
        // The test site keeps no tag vocabulary: the tags its cases use are offered.
        #expect(schema.tags.isEmpty)
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        #expect(try FormCheck(root: site.root).schema.tags.map(\.key) == ["elementary", "math"])
        // The real site's vocabulary, by label.
        let real = try FormCheck(root: TestSite.repositoryRoot).schema.tags
        #expect(real.contains(EditorSchema.Choice(key: "elementary", label: "Elementary school", description: nil)))
        // Every field of the form has its help.
        for key in ["title", "metrics.*.value", "metrics.*.as_of", "evidence.caveat", "story"] {
            #expect(schema.fields.contains { $0.key == key && !$0.help.isEmpty }, "\(key)")
        }
    }
}
