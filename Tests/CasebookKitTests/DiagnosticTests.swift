import Foundation
import Testing
@testable import CasebookKit

/// Each mistake an author can make, with the exact diagnostic it must produce.
@Suite("Diagnostics name file, line, column, the problem and a fix")
struct DiagnosticTests {
    static let file = "content/case-studies/x.md"

    /// Check-only run over one case file (plus a valid one, so the site is otherwise fine).
    func diagnose(_ text: String) throws -> [Diagnostic] {
        try diagnose(Data(text.utf8))
    }

    func diagnose(_ data: Data) throws -> [Diagnostic] {
        let site = try TestSite()
        defer { site.remove() }
        try site.write(Self.file, data)
        return try site.check().filter { $0.location.file == Self.file }
    }

    func at(_ line: Int, _ column: Int) -> CasebookKit.SourceLocation { CasebookKit.SourceLocation(file: Self.file, line: line, column: column) }

    /// The valid case with one line replaced (1-based line numbers as in TestSite.caseStudy).
    func caseWith(line: Int, replacedBy replacement: String) -> String {
        var lines = TestSite.caseStudy().components(separatedBy: "\n")
        lines[line - 1] = replacement
        return lines.joined(separator: "\n")
    }

    @Test func missingOpeningFence() throws {
        #expect(try diagnose("title: No fence\n") == [
            .error(at(1, 1), "the file does not start with front matter",
                   hint: "add a line with three hyphens (---) at the very top, then the fields, then another --- line", code: .frontMatterMissing)])
    }

    @Test func missingClosingFence() throws {
        #expect(try diagnose("---\ntitle: Never closed\n\nBody text.\n") == [
            .error(at(1, 1), "the front matter that starts here is never closed",
                   hint: "add a line with three hyphens (---) after the last field, before the story", code: .frontMatterUnclosed)])
    }

    @Test func emptyFile() throws {
        #expect(try diagnose("\n  \n").map(\.message) == ["this file is empty"])
    }

    @Test func yamlSyntaxErrorPointsIntoTheMarkdownFile() throws {
        // Line 3 of the file is line 2 of the YAML: the offset of the opening --- must be added.
        let diagnostics = try diagnose(caseWith(line: 3, replacedBy: "summary: Tutoring: it works: really"))
        #expect(diagnostics == [
            .error(at(3, 18), "a colon here makes this line unreadable as YAML",
                   hint: "if the value contains `: `, put the whole value in double quotes", code: .yamlSyntax)])
    }

    @Test func tabIndentation() throws {
        let diagnostics = try diagnose(caseWith(line: 13, replacedBy: "\tvalue: 2000"))
        #expect(diagnostics == [
            .error(at(13, 1), "this line is indented with a tab; YAML needs spaces",
                   hint: "indent it with 4 spaces instead, to line it up with line 12", code: .yamlTab)])
    }

    @Test func unknownFieldSuggestsTheNearestOne() throws {
        let diagnostics = try diagnose(caseWith(line: 3, replacedBy: "sumary: A summary."))
        #expect(diagnostics.contains(.warning(at(3, 1), "unknown field `sumary` in the case study", hint: "did you mean `summary`?", code: .fieldUnknown)))
        #expect(diagnostics.contains(.error(at(2, 1), "the case study has no `summary`, which is required",
                                            hint: "add `summary:` with one sentence for cards and feeds", code: .fieldMissing)))
    }

    @Test func unknownMetricKeySuggestsTheNearestOne() throws {
        let diagnostics = try diagnose(caseWith(line: 12, replacedBy: "  - key: studnets_served"))
        #expect(diagnostics == [.error(at(12, 10), "unknown metric key `studnets_served`", hint: "did you mean `students_served`?", code: .metricKey)])
    }

    @Test func unknownVocabularyValues() throws {
        var text = caseWith(line: 5, replacedBy: "state: NJJ")
        text = text.replacingOccurrences(of: "strategy: tutoring", with: "strategy: tutorng")
        text = text.replacingOccurrences(of: "funding: [philanthropy]", with: "funding: [philanthropy, eser]")
        let diagnostics = try diagnose(text)
        #expect(diagnostics == [
            .error(at(5, 8), "`NJJ` is not a state code",
                   hint: "did you mean `NJ`? (states use their two-letter USPS code; US means national)", code: .caseState),
            .error(at(6, 11), "unknown strategy `tutorng`", hint: "did you mean `tutoring`?", code: .caseStrategy),
            .error(at(7, 25), "unknown funding source `eser`", hint: "did you mean `esser`?", code: .caseFunding),
        ])
    }

    @Test func wrongTypes() throws {
        var text = caseWith(line: 2, replacedBy: "title: [A, list]")
        text = text.replacingOccurrences(of: "value: 2000", with: "value: 2,000")
        text = text.replacingOccurrences(of: "date: 2023-05-01", with: "date: May 2023")
        let diagnostics = try diagnose(text)
        #expect(diagnostics == [
            .error(at(2, 8), "`title` should be text, but this is a list", hint: "write a single value, not a list", code: .fieldWrongType),
            .error(at(10, 7), "`date` should be a date written as YYYY-MM-DD, not `May 2023`", hint: "for example: date: 2025-11-19", code: .fieldInvalid),
            .error(at(13, 12), "`value` should be a number, but `2,000` is text", hint: "write it without commas: 2000", code: .fieldNotNumber),
        ])
    }

    @Test func quotedAndNonFiniteNumbers() throws {
        let quoted = try diagnose(caseWith(line: 13, replacedBy: "    value: \"2000\""))
        #expect(quoted == [.error(at(13, 12), "`value` is written in quotes, so it is text, not a number", hint: "remove the quotes: value: 2000", code: .fieldNotNumber)])
        let infinite = try diagnose(caseWith(line: 13, replacedBy: "    value: .inf"))
        #expect(infinite == [.error(at(13, 12), "`value` must be a finite number, not `.inf`", hint: "write the figure as published, e.g. 2000", code: .fieldNotNumber)])
    }

    @Test func metricWithoutSourcing() throws {
        var lines = TestSite.caseStudy().components(separatedBy: "\n")
        lines.removeSubrange(14...16)  // source, url, certainty (lines 15–17)
        let diagnostics = try diagnose(lines.joined(separator: "\n"))
        #expect(diagnostics.map(\.message) == [
            "this metric has no `certainty`, which is required",
            "this metric has no `source`, which is required",
            "this metric has no `url`, which is required",
        ])
        #expect(diagnostics.allSatisfy { $0.location == at(12, 5) && $0.severity == .error })
    }

    @Test func unsafeAndIncompleteURLs() throws {
        let script = try diagnose(caseWith(line: 16, replacedBy: "    url: javascript:alert(1)"))
        #expect(script == [.error(at(16, 10), "`url` must be a web address (http or https); `javascript:` addresses are not allowed",
                                  hint: "link to the web page where the figure is published", code: .fieldAddress)])
        let data = try diagnose(caseWith(line: 16, replacedBy: "    url: data:text/html,hi"))
        #expect(data.map(\.message) == ["`url` must be a web address (http or https); `data:` addresses are not allowed"])
        let ftp = try diagnose(caseWith(line: 16, replacedBy: "    url: ftp://reports.casebook.test/x"))
        #expect(ftp.map(\.message) == ["`url` must start with https:// or http://, but it is `ftp://reports.casebook.test/x`"])
    }

    @Test func certaintyMustBeAKnownLevel() throws {
        let diagnostics = try diagnose(caseWith(line: 17, replacedBy: "    certainty: hihg"))
        #expect(diagnostics == [.error(at(17, 16), "`hihg` is not a valid `certainty`", hint: "did you mean `high`?", code: .fieldNotChoice)])
    }

    @Test func duplicateFieldsAreReported() throws {
        let diagnostics = try diagnose(caseWith(line: 4, replacedBy: "title: Again"))
        #expect(diagnostics == [.error(at(4, 1), "the field `title` appears more than once here",
                                       hint: "it is also on line 2; keep one of them and delete the other", code: .yamlDuplicateField)])
    }

    @Test func invalidUTF8IsLocated() throws {
        var bytes = Array(TestSite.caseStudy().utf8)
        let offset = bytes.firstIndex(of: UInt8(ascii: "O"))!  // "organization: Alpha Org" on line 4
        bytes[offset] = 0xFF
        let diagnostics = try diagnose(Data(bytes))
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location.line == 4)
        #expect(diagnostics[0].message.contains("not valid UTF-8"))
    }

    @Test func everyProblemInEveryFileInOneRun() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/one.md", TestSite.caseStudy().replacingOccurrences(of: "state: NJ", with: "state: ZZ"))
        try site.write("content/case-studies/two.md", TestSite.caseStudy().replacingOccurrences(of: "strategy: tutoring", with: "strategy: nope")
            .replacingOccurrences(of: "certainty: medium", with: "certainty: sure"))
        try site.write("content/case-studies/three.md", "no front matter")
        let diagnostics = try site.check()
        #expect(Set(diagnostics.map(\.location.file)) == ["content/case-studies/one.md", "content/case-studies/two.md", "content/case-studies/three.md"])
        #expect(diagnostics.errorCount == 4)
    }

    @Test func duplicateSlugsAndBadFileNames() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try site.write("content/case-studies/other.md", TestSite.caseStudy(extra: "slug: alpha"))
        try site.write("content/case-studies/Bad Name.md", TestSite.caseStudy())
        try site.write("content/case-studies/escape.md", TestSite.caseStudy(extra: "slug: ../../etc"))
        let messages = try site.check().map { "\($0.location.file): \($0.message)" }
        #expect(messages.contains("content/case-studies/other.md: two case studies would be published at /case-studies/alpha/ (this one and content/case-studies/alpha.md)"))
        #expect(messages.contains("content/case-studies/Bad Name.md: the file name `Bad Name.md` cannot be used as a page address"))
        #expect(messages.contains("content/case-studies/escape.md: the slug `../../etc` may only use lower-case letters, digits and hyphens"))
    }

    @Test func brokenInternalLinkIsAWarningWithItsLine() throws {
        let text = TestSite.caseStudy(body: "## What it is\n\nIntro.\n\nSee [Houston](/case-studies/huston/) too.\n")
        let diagnostics = try diagnose(text)
        // The body starts on line 25; the link is on the body's line 5, column 5.
        #expect(diagnostics == [.warning(at(29, 5), "the link `/case-studies/huston/` points to a page that does not exist",
                                         hint: "check the address against the site's pages", code: .linkBroken)])
    }

    @Test func aCaseThatFailsToLoadIsNotAlsoReportedAsABrokenLinkTarget() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(body: "See [Beta](/case-studies/beta/)."))
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta", state: "ZZ"))
        let diagnostics = try site.check()
        #expect(diagnostics.map(\.location.file) == ["content/case-studies/beta.md"])
    }

    @Test func missingImageAndMissingAltText() throws {
        let diagnostics = try diagnose(TestSite.caseStudy(body: "![](/images/nope.png)\n"))
        #expect(diagnostics.map(\.severity) == [.error, .warning])
        #expect(diagnostics.map(\.message) == ["the image `/images/nope.png` does not exist", "this image has no alt text"])
        #expect(diagnostics.allSatisfy { $0.location == at(25, 1) })
    }

    @Test func templateSyntaxErrorAndMissingPartial() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try site.write("templates/list.mustache", "<p>\n{{#cards}}\n{{title}}\n{{/card}}\n")
        try site.write("templates/page.mustache", "<main>\n  {{> partials/missing-one}}\n</main>\n")
        let diagnostics = try site.check()
        #expect(diagnostics.contains(.error(CasebookKit.SourceLocation(file: "templates/list.mustache", line: 4, column: 4),
                                            "template syntax error: `{{/card}}` closes the section `cards` opened at line 2, column 1",
                                            hint: "close it with {{/cards}}, or close `card` after `cards`", code: .templateSyntax)))
        #expect(diagnostics.contains { $0.location == CasebookKit.SourceLocation(file: "templates/page.mustache", line: 2, column: 3)
            && $0.message == "the partial `partials/missing-one` does not exist" })
    }
}
