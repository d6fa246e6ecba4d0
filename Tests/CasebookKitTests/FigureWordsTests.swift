import Foundation
import Testing
@testable import CasebookKit

/// Every figure carries its source's own words, and every rating its caveat: checked when the
/// content is read, shown on the page, and carried in the downloads.
@Suite("A figure's own words and a rating's caveat")
struct FigureWordsTests {
    static let file = "content/case-studies/x.md"
    static let quoteLine = "    quote: More than 2,000 students were tutored.\n"

    func at(_ line: Int, _ column: Int) -> CasebookKit.SourceLocation { .init(file: Self.file, line: line, column: column) }

    func diagnose(_ text: String) throws -> [Diagnostic] {
        let site = try TestSite()
        defer { site.remove() }
        try site.write(Self.file, text)
        return try site.check().filter { $0.location.file == Self.file }
    }

    /// The fixture's case with its metric's quote line replaced.
    func caseWith(quote replacement: String) -> String {
        let text = TestSite.caseStudy()
        precondition(text.contains(Self.quoteLine))
        return text.replacingOccurrences(of: Self.quoteLine, with: replacement)
    }

    // MARK: Checks when the content is read

    @Test func aFigureWithoutItsWordsIsAnErrorAtTheFigure() throws {
        let diagnostics = try diagnose(caseWith(quote: ""))
        #expect(diagnostics.map(\.message) == ["this metric has no `quote`: the source's own words that state the figure"])
        #expect(diagnostics.first?.location == at(12, 5))
        #expect(diagnostics.first?.hint?.contains("quote_unavailable") == true)
    }

    @Test func aQuoteThatDoesNotStateTheValueIsAnErrorAtTheQuote() throws {
        let diagnostics = try diagnose(caseWith(quote: "    quote: More than 20,000 students were tutored.\n"))
        #expect(diagnostics == [.error(at(19, 12), "the value 2000 is not written in the quote",
                                       hint: "quote the source's sentence that states 2,000, or add `derived:` with the arithmetic from the quoted numbers, e.g. `derived: 75,000 ÷ 150 students = 500`")])
    }

    @Test func derivedArithmeticStandsInForTheValueInTheQuote() throws {
        let text = caseWith(quote: "    quote: Forty classes of fifty students each were tutored.\n    derived: 40 classes × 50 students = 2,000\n")
        #expect(try diagnose(text).isEmpty)
    }

    @Test func anUnreadableSourceIsAWarningAndCapsCertaintyAtLow() throws {
        let text = caseWith(quote: "    quote_unavailable: the page is behind a paywall\n")
        let diagnostics = try diagnose(text)
        // Sorted by position: the certainty (line 17), then the reason (line 19).
        #expect(diagnostics.map(\.severity) == [.error, .warning])
        #expect(diagnostics.last?.location == at(19, 24))
        #expect(diagnostics.last?.message == "this metric has no quote from its source (the page is behind a paywall)")
        #expect(diagnostics.first == .error(at(17, 16), "a figure without its source's words can be rated `low` at most, not `medium`",
                                           hint: "set `certainty: low`, or add the source's own words in `quote:`"))
        let rated = text.replacingOccurrences(of: "certainty: medium", with: "certainty: low")
        #expect(try diagnose(rated).map(\.severity) == [.warning])
    }

    @Test func aQuoteAndAReasonForNoQuoteCannotBothBeGiven() throws {
        let diagnostics = try diagnose(caseWith(quote: Self.quoteLine + "    quote_unavailable: paywall\n"))
        #expect(diagnostics.contains { $0.severity == .error && $0.message == "this metric has both `quote` and `quote_unavailable`" && $0.location == at(20, 24) })
    }

    @Test(arguments: ["reprint", "aggregator"])
    func aSecondHandFigureIsRatedLowAtMost(via: String) throws {
        let text = caseWith(quote: Self.quoteLine + "    via: \(via)\n")
        let diagnostics = try diagnose(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == at(17, 16))
        #expect(diagnostics.first?.message.hasSuffix("can be rated `low` at most, not `medium`") == true)
        #expect(try diagnose(text.replacingOccurrences(of: "certainty: medium", with: "certainty: low")).isEmpty)
        #expect(try diagnose(caseWith(quote: Self.quoteLine + "    via: hearsay\n")).first?.message == "`hearsay` is not a valid `via`")
    }

    @Test func aRatingWithoutItsCaveatIsAnError() throws {
        let text = TestSite.caseStudy(evidence: "evidence:\n  design: none\n  finding: Nothing was found.")
        let diagnostics = try diagnose(text)
        #expect(diagnostics.map(\.message) == ["`evidence` has no `caveat`, which is required"])
        #expect(diagnostics.first?.hint?.hasPrefix("add `caveat:`") == true)
    }

    static func rated(_ design: String, by: String, sourceTitle: String) -> String {
        TestSite.caseStudy(evidence: """
        evidence:
          design: \(design)
          study_by: \(by)
          finding: Tutored students did better.
          caveat: One district only.
          sources:
            - title: \(sourceTitle)
              url: https://reports.casebook.test/s
        """)
    }

    @Test func aRatingAboveBeforeAndAfterNeedsAnIndependentOrANamedStudy() throws {
        let own = try diagnose(Self.rated("comparison-group", by: "own", sourceTitle: "District news release"))
        #expect(own.count == 1)
        #expect(own.first?.location == at(21, 11))
        #expect(own.first?.message == "the rating `comparison-group` is above `before-after`, but it rests on the program's own account and no study is among its sources")
        #expect(try diagnose(Self.rated("comparison-group", by: "own", sourceTitle: "Funder, evaluation report (2023)")).isEmpty)
        #expect(try diagnose(Self.rated("randomized", by: "independent", sourceTitle: "District news release")).isEmpty)
        // At before-and-after and below, the program's own account is enough to rate.
        #expect(try diagnose(Self.rated("before-after", by: "own", sourceTitle: "District news release")).isEmpty)
    }

    @Test func asOfKindFollowsTheFormOfAsOf() throws {
        #expect(AsOf("2021")?.kind == .year)
        #expect(AsOf("2022-23")?.kind == .schoolYear)
        #expect(AsOf("2021-09")?.kind == .month)
        #expect(AsOf("2021-09-30")?.kind == .date)
    }

    // MARK: Shown and exported

    @Test func theCardTheDownloadsAndTheBadgeCarryTheWordsAndTheCaveat() throws {
        let site = try TestSite()
        defer { site.remove() }
        let text = caseWith(quote: Self.quoteLine + "    scope: Every program of the district, before the pandemic\n    derived: 1,000 + 1,000\n")
            .replacingOccurrences(of: "as_of: 2021", with: "as_of: 2022-23")
            .replacingOccurrences(of: "source: Example News, 2021", with: "source: Example News, 2021\n    via: reprint")
            .replacingOccurrences(of: "certainty: medium", with: "certainty: low")
        try site.write("content/case-studies/alpha.md", text)
        #expect(try site.build().succeeded)

        let page = try site.read("case-studies/alpha/index.html")
        #expect(page.contains("<details class=\"metric-quote\"><summary>The source says…</summary><blockquote><p>More than 2,000 students were tutored.</p></blockquote></details>"))
        #expect(page.contains("<span class=\"metric-scope-kicker\">What it counts:</span> Every program of the district, before the pandemic"))
        #expect(page.contains("Worked out from the source's numbers: 1,000 + 1,000"))
        #expect(page.contains("Read in a reprint, not the original."))
        // The rating's caveat, on the case page and wherever the badge is shown.
        #expect(page.contains("<strong>What it cannot show:</strong> Only counts of what the program did are known."))
        for listing in ["case-studies/alpha/index.html", "case-studies/index.html", "evidence/none/index.html", "compare/index.html"] {
            #expect(try site.read(listing).contains("<span class=\"evidence-caveat-kicker\">What it cannot show:</span> Only counts of what the program did are known."), "\(listing)")
        }

        let csv = try site.read("data/metrics.csv").components(separatedBy: "\r\n")
        let header = csv[0].components(separatedBy: ",")
        for column in ["as_of_kind", "scope", "quote", "quote_unavailable", "derived", "via"] {
            #expect(header.contains(column), "\(column)")
        }
        #expect(csv[1].hasSuffix(",school_year,\"Every program of the district, before the pandemic\",More than 2,000 students were tutored.,,\"1,000 + 1,000\",reprint")
                || csv[1].hasSuffix(",school_year,\"Every program of the district, before the pandemic\",\"More than 2,000 students were tutored.\",,\"1,000 + 1,000\",reprint"))

        let json = try JSONSerialization.jsonObject(with: Data(try site.read("data/case-studies.json").utf8)) as! [String: Any]
        let study = (json["case_studies"] as! [[String: Any]])[0]
        let metric = (study["metrics"] as! [[String: Any]])[0]
        #expect(metric["quote"] as? String == "More than 2,000 students were tutored.")
        #expect(metric["as_of_kind"] as? String == "school_year")
        #expect(metric["scope"] as? String == "Every program of the district, before the pandemic")
        #expect(metric["via"] as? String == "reprint")
        #expect(metric["derived"] as? String == "1,000 + 1,000")
        let rating = (study["evidence"] as! [String: Any])["rating"] as! [String: Any]
        #expect(rating["caveat"] as? String == "Only counts of what the program did are known.")
    }
}
