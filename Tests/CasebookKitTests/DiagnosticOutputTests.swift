import Foundation
import Testing
@testable import CasebookKit

/// How problems are printed: codes, the source line with a caret, the limits, JSON and GitHub annotations.
@Suite("Diagnostics are printed with a code, their line and a caret, within limits")
struct DiagnosticOutputTests {
    static let file = "content/case-studies/x.md"

    func at(_ line: Int, _ column: Int, _ file: String = Self.file) -> CasebookKit.SourceLocation {
        CasebookKit.SourceLocation(file: file, line: line, column: column)
    }

    @Test func everyCodeIsDocumentedInTroubleshootingWithItsMeaning() throws {
        let docs = try String(contentsOfFile: TestSite.repositoryRoot + "/docs/troubleshooting.md", encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(docs.contains("| `\(code.rawValue)` | \(code.meaning) |"), "\(code.rawValue) is not in the table")
        }
        #expect(Set(DiagnosticCode.allCases.map(\.rawValue)).count == DiagnosticCode.allCases.count)
    }

    @Test func theTerminalShowsTheLineWithACaretUnderTheColumn() throws {
        let site = try TestSite()
        defer { site.remove() }
        var lines = TestSite.caseStudy().components(separatedBy: "\n")
        lines[12] = "    value: 2,000"
        try site.write(Self.file, lines.joined(separator: "\n"))
        let shown = DiagnosticOutput.prepared(try site.check().filter { $0.location.file == Self.file }, root: site.root)
        #expect(shown.map(\.formatted) == ["""
            content/case-studies/x.md:13:12: error: `value` should be a number, but `2,000` is text [field.not-a-number]
              13 |     value: 2,000
                 |            ^
                hint: write it without commas: 2000
            """])
    }

    @Test func aTabBeforeTheColumnIsKeptSoTheCaretLinesUp() {
        #expect(SourceExcerpts.caretLines("\tkey: x", line: 7, column: 7) == "  7 | \tkey: x\n    | \t     ^")
    }

    @Test func aLongLineIsShownAsAWindowAroundTheColumn() {
        let text = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let shown = SourceExcerpts.caretLines(text, line: 1, column: 301).components(separatedBy: "\n")
        #expect(shown[0].hasPrefix("  1 | …") && shown[0].hasSuffix("…"))
        let caret = Array(shown[1]).firstIndex(of: "^")!
        #expect(Array(shown[0])[caret] == "X")
    }

    @Test func problemsWithAWholeFileShowNoLine() {
        let diagnostic = Diagnostic.warning(at(1, 1, "content/case-studies/notes.txt"), "ignored", code: .fileNotMarkdown)
        let shown = SourceExcerpts.attach([diagnostic]) { _ in "---\n" }
        #expect(shown == [diagnostic])
    }

    @Test func afterTwentyProblemsOfOneKindInAFileOneLineCountsTheRest() {
        let broken = (1...25).map { Diagnostic.warning(at($0, 3), "the link `/x\($0)/` points to a page that does not exist", code: .linkBroken) }
        let other = Diagnostic.error(at(30, 1), "unknown strategy `x`", code: .caseStrategy)
        let shown = DiagnosticLimit().apply(broken + [other])
        #expect(shown.count == 22)
        #expect(Array(shown.prefix(20)) == Array(broken.prefix(20)))
        #expect(shown[20] == .warning(at(21, 3), "5 more `link.broken` problems in this file are not shown, from here on",
                                      hint: "the first 20 are above; fixing them usually fixes the rest (they are all a link to a page that does not exist)",
                                      code: .moreProblems))
        #expect(shown[21] == other)
    }

    @Test func pastTheTotalOneLineCountsTheRestAndTheirFiles() {
        let many = (1...5).flatMap { file in
            (1...3).map { Diagnostic.error(at($0, 1, "content/case-studies/c\(file).md"), "unknown strategy", code: .caseStrategy) }
        }
        let shown = DiagnosticLimit(perKindInFile: 20, total: 4).apply(many)
        #expect(shown.count == 5)
        #expect(shown[4].code == .moreProblems && shown[4].severity == .error)
        #expect(shown[4].message == "11 more problems in 4 files are not shown, from here on")
        #expect(shown[4].location == many[4].location)
    }

    @Test func jsonHasTheCodeAndTheSourceLine() throws {
        var diagnostic = Diagnostic.error(at(13, 12), "bad", hint: "fix", code: .fieldNotNumber)
        diagnostic.sourceLine = "    value: 2,000"
        let decoded = try JSONSerialization.jsonObject(with: DiagnosticOutput.json([diagnostic])) as! [[String: Any]]
        #expect(decoded.count == 1)
        #expect(decoded[0]["code"] as? String == "field.not-a-number")
        #expect(decoded[0]["sourceLine"] as? String == "    value: 2,000")
        #expect((decoded[0]["location"] as? [String: Any])?["line"] as? Int == 13)
    }

    @Test func githubAnnotationsEscapeWhatWouldEndAProperty() {
        let diagnostic = Diagnostic.warning(at(4, 2, "content/pages/a,b:c.md"), "50% done\nnext", hint: "do it", code: .linkBroken)
        #expect(DiagnosticOutput.githubAnnotation(diagnostic)
                == "::warning file=content/pages/a%2Cb%3Ac.md,line=4,col=2,title=casebook link.broken::50%25 done%0Anext%0Ahint: do it")
    }

    @Test func aBrokenSiteYmlLeavesOutOnlyTheVocabularyProblemsByTheirCode() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/site.yml", TestSite.siteYAML.replacingOccurrences(of: "base_url: https://casebook.test/", with: "base_url: nope"))
        // An unknown strategy depends on the vocabularies (left out); a tag without letters does not (kept).
        try site.write(Self.file, TestSite.caseStudy(strategy: "tutorng").replacingOccurrences(of: "tags: [math, elementary]", with: "tags: [\"!!\"]"))
        let codes = Set(try site.check().filter { $0.location.file == Self.file }.map(\.code))
        #expect(!codes.contains(.caseStrategy))
        #expect(codes.contains(.caseTagEmpty))
    }
}
