import Foundation
import Testing
@testable import CasebookKit

/// Evidence of results: validated against the vocabulary, shown on cards, case pages, listings, the
/// index filter, the compare page and the figure table; kept apart from a figure's certainty.
@Suite("Evidence ratings, key findings, compare and the figure table")
struct EvidenceTests {
    static let file = "content/case-studies/x.md"

    static let beforeAfter = """
    evidence:
      design: before-after
      study_by: own
      finding: The share of tutored students at grade level rose from 16% to 40%.
      caveat: No comparison group, so the rise may not be the program's doing.
      note: No comparison group.
      sources:
        - title: Funder's report, 2023
          url: https://reports.casebook.test/report
      elsewhere:
        - design: randomized
          study_by: independent
          finding: A trial of the same model in another city raised math scores.
          caveat: Another city and an earlier version of the program.
          sources:
            - title: Journal article
              url: https://reports.casebook.test/trial
    """

    func at(_ line: Int, _ column: Int) -> CasebookKit.SourceLocation { .init(file: Self.file, line: line, column: column) }

    func diagnose(evidence: String) throws -> [Diagnostic] {
        let site = try TestSite()
        defer { site.remove() }
        try site.write(Self.file, TestSite.caseStudy(evidence: evidence))
        return try site.check().filter { $0.location.file == Self.file }
    }

    // MARK: Validation

    @Test func unknownDesignSuggestsTheNearestKey() throws {
        let diagnostics = try diagnose(evidence: "evidence:\n  design: before-afer\n  finding: Rose.\n  caveat: C.\n  study_by: own\n  sources: [{title: R, url: https://reports.casebook.test/r}]")
        #expect(diagnostics == [.error(at(21, 11), "unknown evidence design `before-afer`", hint: "did you mean `before-after`?", code: .evidenceDesign)])
    }

    @Test func aDesignOtherThanNoneNeedsASourceAndWhoRanIt() throws {
        let diagnostics = try diagnose(evidence: "evidence:\n  design: comparison-group\n  finding: Better grades.\n  caveat: C.")
        #expect(diagnostics.map(\.message) == [
            "say who ran the study behind `comparison-group`",
            "the evidence design `comparison-group` needs a source: a rating is only as strong as what backs it",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location == at(21, 11) && $0.hint != nil })
    }

    @Test func noneNeedsNoSourceButCannotNameWhoRanAStudy() throws {
        #expect(try diagnose(evidence: TestSite.noEvidence).isEmpty)
        let diagnostics = try diagnose(evidence: TestSite.noEvidence + "\n  study_by: independent")
        #expect(diagnostics.map(\.message) == ["`study_by` says who ran a study, but the design `none` means none was found"])
        #expect(diagnostics.first?.location == at(24, 13))
    }

    @Test func aMissingRatingIsAnErrorWithTheFixInTheHint() throws {
        let diagnostics = try diagnose(evidence: "")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "the case study has no `evidence` rating, which is required")
        #expect(diagnostics.first?.hint?.contains("design: none") == true)
    }

    @Test func studiesElsewhereMustExist() throws {
        let diagnostics = try diagnose(evidence: TestSite.noEvidence + "\n  elsewhere:\n    - design: none\n      finding: Nothing.\n      caveat: C.\n      sources: [{title: R, url: https://reports.casebook.test/r}]")
        #expect(diagnostics.map(\.message) == ["a study listed under `elsewhere` cannot be `none`"])
    }

    @Test func anEvidenceSourceMustBeAWebAddress() throws {
        let diagnostics = try diagnose(evidence: "evidence:\n  design: before-after\n  study_by: own\n  finding: Rose.\n  caveat: C.\n  sources:\n    - title: R\n      url: javascript:alert(1)")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 27)
    }

    @Test func anUnknownMetricGroupInSiteSettingsIsReported() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/site.yml", TestSite.siteYAML.replacingOccurrences(of: "group: reach", with: "group: rech"))
        try site.write(Self.file, TestSite.caseStudy())
        let problems = try site.check().filter { $0.location.file == "content/site.yml" && $0.message.hasPrefix("unknown") }
        #expect(problems.map(\.message) == ["unknown metric group `rech`"])
        #expect(problems.first?.hint == "did you mean `reach`?")
    }

    // MARK: What visitors see

    /// Two cases: one with a before-and-after study, a cost per student and a result; one with none.
    func evidenceSite() throws -> TestSite {
        let site = try TestSite()
        let metrics = """
        metrics:
          - key: students_served
            label: Students tutored, 2022-23
            value: 500
            as_of: 2022-23
            source: Funder's report
            url: https://reports.casebook.test/report
            certainty: high
            highlight: true
            quote: We tutored 500 students this year.
          - key: cost_per_student
            label: Cost per student, 2022-23
            value: 1200
            as_of: 2022-23
            source: District budget
            url: https://reports.casebook.test/budget
            certainty: medium
            quote: Tutoring costs $1,200 per student.
          - key: proficiency
            label: Students at grade level in math (start → end of year)
            baseline: 16
            value: 40
            as_of: 2022-23
            source: Funder's report
            url: https://reports.casebook.test/report
            certainty: medium
            highlight: true
            quote: The share at grade level rose from 16% to 40%.
        """
        var alpha = TestSite.caseStudy(title: "Alpha Tutoring", evidence: Self.beforeAfter,
                                       body: "## What it is\n\nA program.\n\n## How it works\n\nWeekly.\n")
        let start = alpha.range(of: "metrics:")!.lowerBound
        let end = alpha.range(of: "evidence:")!.lowerBound
        alpha.replaceSubrange(start..<end, with: metrics + "\n")
        try site.write("content/case-studies/alpha.md", alpha)
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta Mentoring", state: "TX", strategy: "mentoring"))
        return site
    }

    @Test func theRatingShowsOnCardsCasePagesAndListings() throws {
        let site = try evidenceSite()
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.diagnostics.hasErrors)

        let index = try site.read("case-studies/index.html")
        #expect(index.contains(#"data-evidence="before-after""#))
        #expect(index.contains(#"<option value="before-after" data-label="Before and after, no comparison group">Before and after, no comparison group (1)</option>"#))
        #expect(index.contains(#"<span class="evidence-text"><span class="evidence-design">Before and after</span> <span class="evidence-by">· own study</span></span>"#))

        let page = try site.read("case-studies/alpha/index.html")
        // Key findings come before the figures and link to each headline figure's own card.
        let findings = try #require(page.range(of: #"id="key-findings""#))
        let figures = try #require(page.range(of: #"id="figures""#))
        #expect(findings.lowerBound < figures.lowerBound)
        #expect(page.contains(##"<a class="key-figure" href="#figure-students-tutored-2022-23">"##))
        #expect(page.contains(#"<li class="metric" id="figure-students-tutored-2022-23">"#))
        #expect(page.contains("The share of tutored students at grade level rose from 16% to 40%."))
        #expect(page.contains("The same model elsewhere"))
        #expect(page.contains("A trial of the same model in another city raised math scores."))
        // Figures are grouped by kind, results before money.
        let results = try #require(page.range(of: #"id="figures-outcomes""#))
        let money = try #require(page.range(of: #"id="figures-money""#))
        #expect(results.lowerBound < money.lowerBound)
        // The story's headings get ids, and the contents list links them.
        #expect(page.contains(#"<h2 id="section-how-it-works">How it works</h2>"#))
        #expect(page.contains(##"<a href="#section-how-it-works">How it works</a>"##))

        let listing = try site.read("evidence/before-after/index.html")
        #expect(listing.contains("Alpha Tutoring") && !listing.contains("Beta Mentoring"))
        let none = try site.read("evidence/none/index.html")
        #expect(none.contains("Beta Mentoring") && !none.contains("Alpha Tutoring"))
        #expect(!site.exists("evidence/randomized/index.html"))  // no case: no empty listing
        let overview = try site.read("evidence/index.html")
        #expect(overview.contains("Randomized study") && overview.contains("0 case studies"))

        // The home page leads with the strongest evidence, and never lists a case with none there.
        let home = try site.read("index.html")
        let worked = try #require(home.range(of: "Where the evidence is strongest"))
        let afterWorked = home[worked.upperBound...]
        let nextSection = afterWorked.range(of: "</section>")!.lowerBound
        #expect(afterWorked[..<nextSection].contains("Alpha Tutoring"))
        #expect(!afterWorked[..<nextSection].contains("Beta Mentoring"))

        // The JSON download carries the rating.
        let json = try JSONSerialization.jsonObject(with: Data(try site.read("data/case-studies.json").utf8)) as! [String: Any]
        let cases = json["case_studies"] as! [[String: Any]]
        let alpha = cases.first { $0["slug"] as? String == "alpha" }!
        let rating = (alpha["evidence"] as! [String: Any])["rating"] as! [String: Any]
        #expect(rating["design"] as? String == "before-after" && rating["study_by"] as? String == "own")
        // Search finds a case by its figures' labels.
        let search = try BuiltSearchIndex(folder: site.output)
        #expect(search.titles("cost").contains("Alpha Tutoring") && search.titles("student").contains("Alpha Tutoring"))
        #expect(search.documents.contains { ($0["figures"] as? String)?.contains("Cost per student, 2022-23") == true })
    }

    @Test func compareShowsCostOnlyWhereASourceGivesIt() throws {
        let site = try evidenceSite()
        defer { site.remove() }
        _ = try site.build()
        let compare = try site.read("compare/index.html")
        let alphaRow = try #require(compare.components(separatedBy: #"<tr data-case="alpha">"#).dropFirst().first?
            .components(separatedBy: "</tr>").first)
        #expect(alphaRow.contains(##"<a class="figure-value" href="/case-studies/alpha/#figure-cost-per-student-2022-23">$1,200</a>"##))
        #expect(alphaRow.contains(##"<a class="figure-value" href="/case-studies/alpha/#figure-students-tutored-2022-23">500</a>"##))
        #expect(alphaRow.contains("16% → 40%"))
        let betaRow = try #require(compare.components(separatedBy: #"<tr data-case="beta">"#).dropFirst().first?
            .components(separatedBy: "</tr>").first)
        // No cost per student and no results: said, never blank or zero, and in the same words as every
        // other absent value (issue 25: "one rule for absent values in every table").
        let absent = betaRow.components(separatedBy: #"<span class="not-published">Not published</span>"#).count - 1
        #expect(absent >= 3)  // cost per student, money and results (Beta has none of them)
        #expect(!betaRow.contains("None published"))
        #expect(!betaRow.contains("\"></td>"))  // no blank cell
        #expect(!betaRow.contains("$0"))
    }

    @Test func everyFigureIsInTheDataTableLinkedToItsCard() throws {
        let site = try evidenceSite()
        defer { site.remove() }
        _ = try site.build()
        let data = try site.read("data/index.html")
        let table = try #require(data.components(separatedBy: #"<table class="figure-table stack-table""#).dropFirst().first)
        let rows = table.components(separatedBy: "<tr data-certainty=").count - 1
        #expect(rows == 4)  // three of Alpha's figures and Beta's one
        for id in ["figure-students-tutored-2022-23", "figure-cost-per-student-2022-23"] {
            #expect(table.contains(#"href="/case-studies/alpha/#\#(id)""#))
            #expect(try site.read("case-studies/alpha/index.html").contains(#"id="\#(id)""#))
        }
    }

    // MARK: Figure anchors

    @Test func figureIDsAreStableAndUnique() {
        func metric(_ label: String) -> Metric {
            Metric(key: "students_served", label: label, unit: .count, value: 1, asOf: .year(2021), source: "S",
                   url: "https://reports.casebook.test", certainty: .high, highlight: false)
        }
        let ids = MetricView.figureIDs([metric("Students, 2021"), metric("Students, 2021"), metric("Tutors (K–5)")])
        #expect(ids == ["figure-students-2021", "figure-students-2021-2", "figure-tutors-k-5"])
    }
}
