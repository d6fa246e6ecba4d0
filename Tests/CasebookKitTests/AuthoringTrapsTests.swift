import Foundation
import Testing
@testable import CasebookKit

/// The traps a staffer writing a case study fell into, each with the file they would write.
@Suite("Authoring traps: what a staffer writes gets the right diagnosis, once")
struct AuthoringTrapsTests {
    static let file = "content/case-studies/x.md"

    func at(_ line: Int, _ column: Int) -> CasebookKit.SourceLocation {
        CasebookKit.SourceLocation(file: Self.file, line: line, column: column)
    }

    func check(_ text: String, strict: Bool = false) throws -> [Diagnostic] {
        let site = try TestSite()
        defer { site.remove() }
        try site.write(Self.file, text)
        return try site.check(strict: strict).filter { $0.location.file == Self.file }
    }

    /// `casebook new`'s file as a staffer finishes it: every placeholder replaced, the comments kept.
    func finishedScaffold(in site: TestSite) throws -> (path: String, text: String) {
        let path = try Scaffold(root: site.root).newCaseStudy(title: "Ohio Reads", state: "Ohio", strategy: "tutoring")
        let text = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
            .replacingOccurrences(of: "https://example.org/REPLACE", with: "https://www.ohio.gov/reads")
            .replacingOccurrences(of: "REPLACE ", with: "")
            .replacingOccurrences(of: "value: 0 ", with: "value: 1200 ")
            .replacingOccurrences(of: "The source's own sentence that states the number (now 0), verbatim and short",
                                  with: "Ohio Reads tutored 1,200 students this year.")
            .replacingOccurrences(of: "draft: true", with: "draft: false")
        return (path, text)
    }

    @Test func aFinishedScaffoldPassesStrictWithItsCommentsLeftIn() throws {
        let site = try TestSite()
        defer { site.remove() }
        let (path, text) = try finishedScaffold(in: site)
        #expect(text.contains("# Fill in each value marked as a placeholder"))
        #expect(text.contains("state: OH"), "--state Ohio writes the code")
        try site.write(path, text)
        #expect(try site.check(strict: true).filter { $0.location.file == path } == [])
    }

    @Test func aPlaceholderWordInAYAMLCommentIsNotReported() throws {
        let text = TestSite.caseStudy().replacingOccurrences(of: "date: 2023-05-01", with: "date: 2023-05-01   # REPLACE when updated\n# REPLACE: a note to self")
        #expect(try check(text) == [])
    }

    @Test func aPlaceholderInTheStoryIsReportedAtItsLine() throws {
        let text = TestSite.caseStudy(body: "## What it is\n\nThe program REPLACE with the summary.\n")
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("The program") }! + 1
        #expect(try check(text) == [.error(at(line, 13), "this line still has a REPLACE placeholder from `casebook new`",
                                           hint: "replace it with the real text, or keep `draft: true` until the case study is finished",
                                           code: .casePlaceholder)])
    }

    @Test func placeholdersDeletedButTheTemplatesZeroAndExampleAddressLeftAreRefused() throws {
        var lines = TestSite.caseStudy().components(separatedBy: "\n")
        lines[12] = "    value: 0                      # the number as published, without commas"
        lines[15] = "    url: https://example.org/x"
        lines[18] = "    quote: The source's own sentence that states the number (now 0), verbatim and short"  // as `new` wrote it
        let diagnostics = try check(lines.joined(separator: "\n"), strict: true)
        #expect(diagnostics == [
            .error(at(13, 12), "`value` is still 0, as `casebook new` wrote it, so the page would show 0 as a finding",
                   hint: "write the figure as published; if it really is zero, add a `note:` that says so", code: .metricZeroValue),
            .error(at(16, 10), "`url` is an example address (example.org), not the page of a source",
                   hint: "copy the address of the page that shows the figure from the browser's address bar", code: .sourceExampleAddress),
        ])
    }

    @Test func aZeroWithANoteSayingWhyIsAFinding() throws {
        var lines = TestSite.caseStudy().components(separatedBy: "\n")
        lines[12] = "    value: 0\n    note: No school in the district closed in 2021."
        lines[18] = "    quote: In 2021, 0 schools in the district closed."
        #expect(try check(lines.joined(separator: "\n"), strict: true) == [])
    }

    @Test func exampleAddressesAreRefusedInFurtherReadingAndEvidenceToo() throws {
        let text = TestSite.caseStudy(extra: "sources:\n  - {title: A report, url: \"https://www.example.com/report\"}")
        #expect(try check(text).map(\.code) == [.sourceExampleAddress])
    }

    @Test func aDraftMayKeepItsPlaceholders() throws {
        var lines = TestSite.caseStudy(extra: "draft: true").components(separatedBy: "\n")
        lines[13] = "    value: 0"
        lines[19] = "    quote: The source's own sentence that states the number (now 0), verbatim and short"
        #expect(try check(lines.joined(separator: "\n").replacingOccurrences(of: "Alpha Org", with: "REPLACE Who runs it")) == [])
    }

    @Test func aHighlightedFigureThatFailsToDecodeIsNotAlsoMissingItsHighlight() throws {
        var lines = TestSite.caseStudy().components(separatedBy: "\n")
        lines[12] = "    value: 2,000"
        let diagnostics = try check(lines.joined(separator: "\n"), strict: true)
        #expect(diagnostics.map(\.code) == [.fieldNotNumber])
    }

    @Test func aSourceIndentedSixSpacesIsSaidToBeIndentedTooFar() throws {
        var lines = TestSite.caseStudy().components(separatedBy: "\n")
        lines[14] = "      source: Example News, 2021"
        #expect(try check(lines.joined(separator: "\n")) == [
            .error(at(15, 7), "`source:` is indented further than `as_of:` on the line above, so YAML reads it as part of that value",
                   hint: "start `source:` where `as_of:` starts: 4 spaces from the left, not 6", code: .yamlIndentation),
        ])
    }

    @Test func aColonInAValueIsStillSaidToBeAColon() throws {
        let text = TestSite.caseStudy(title: "Tutoring: A Story")
        #expect(try check(text).map(\.code) == [.yamlSyntax])
    }

    @Test func aTabBeforeAFiguresFieldAsksForFourSpaces() throws {
        var lines = TestSite.caseStudy().components(separatedBy: "\n")
        lines[14] = "\tsource: Example News, 2021"
        #expect(try check(lines.joined(separator: "\n")) == [
            .error(at(15, 1), "this line is indented with a tab; YAML needs spaces",
                   hint: "indent it with 4 spaces instead, to line it up with line 14", code: .yamlTab),
        ])
    }

    @Test func aFigureWithoutItsDashIsOneDiagnosisNotSeven() throws {
        let second = """
            key: investment
            value: 50000
            as_of: 2021
            source: Example News, 2021
            url: https://reports.casebook.test/budget
            certainty: high
            highlight: true
        """
        let text = TestSite.caseStudy().replacingOccurrences(of: "    highlight: true\n", with: "    highlight: true\n" + second + "\n")
        #expect(try check(text) == [
            .error(at(19, 5), "`key:` starts another item of the list but has no `- ` before it, so YAML reads its fields as repeats of the item above",
                   hint: "write `- key:` here, with the `-` under the `-` of the item that starts on line 12", code: .yamlListDash),
        ])
    }

    @Test func oneFieldWrittenTwiceInAFigureIsStillADuplicate() throws {
        let text = TestSite.caseStudy().replacingOccurrences(of: "    certainty: medium\n", with: "    certainty: medium\n    certainty: high\n")
        #expect(try check(text).map(\.code) == [.yamlDuplicateField])
    }

    @Test func aStateWrittenAsItsNameIsGivenItsCode() throws {
        #expect(try check(TestSite.caseStudy(state: "Ohio")) == [
            .error(at(5, 8), "`Ohio` is not a state code", hint: "did you mean `OH`? (Ohio's two-letter USPS code)", code: .caseState),
        ])
        #expect(USState.from(codeOrName: "new jersey")?.code == "NJ")
        #expect(USState.from(codeOrName: "oh")?.code == "OH")
        #expect(USState.from(codeOrName: "Ohiio") == nil)
        #expect(USState.hint(for: "Ohiio") == "did you mean `OH`? (Ohio's two-letter USPS code)")
        #expect(USState.hint(for: "NJJ") == "did you mean `NJ`? (states use their two-letter USPS code; US means national)")
    }

    @Test func aDraftIsMarkedInThePreviewAndPublishedCasesAreNot() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "Beta Mentors", extra: "draft: true"))
        #expect(try site.build { $0.includeDrafts = true }.succeeded)
        #expect(try site.read("case-studies/beta/index.html").contains(#"<p class="draft-banner" role="note"><strong>Draft</strong>"#))
        #expect(!(try site.read("case-studies/alpha/index.html").contains("draft-banner")))
    }

    @Test func anImageWhoseNameHasASpaceIsRefusedAtItsAddress() throws {
        let text = TestSite.caseStudy(body: "## What it is\n\nTutors at work: ![Tutors and students](/images/Tutoring Photo.JPG)\n")
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("Tutors at work") }! + 1
        #expect(try check(text) == [
            .error(at(line, 40), "the image address `/images/Tutoring Photo.JPG` has a space, so Markdown shows this image as plain text",
                   hint: "rename the picture without spaces (e.g. `tutoring-photo.jpg`) and change the address to match",
                   code: .storyAddressSpace),
        ])
    }

    @Test func linkTitlesCodeAndFencesAreNotAddressesWithSpaces() throws {
        let body = """
        ## What it is

        See [the report](/case-studies/ "The report") and `[x](a b)`.

        ```
        ![not a picture](/images/a b.png)
        ```
        """
        #expect(try check(TestSite.caseStudy(body: body + "\n")) == [])
        #expect(StoryAddresses.addressesWithSpaces(in: "[news](https://news.test/a story)").map(\.address) == ["https://news.test/a story"])
    }

    @Test func theGuidePreviewsWithServeNotAFileServer() throws {
        let guide = try String(contentsOfFile: TestSite.repositoryRoot + "/docs/writing-a-case-study.md", encoding: .utf8)
        #expect(guide.contains("casebook serve --drafts"))
        #expect(!guide.contains("http.server") && !guide.contains("build --drafts"))
    }
}
