import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import CasebookKit

/// Issue 15: inputs written to break the build. Each must end in a positioned diagnostic or a
/// correct page, never a crash, a hang or a leak.
@Suite("Hostile input")
struct HostileInputTests {
    static let file = "content/case-studies/x.md"

    func at(_ line: Int, _ column: Int, _ file: String = file) -> CasebookKit.SourceLocation {
        CasebookKit.SourceLocation(file: file, line: line, column: column)
    }

    // MARK: Huge figures

    @Test(arguments: [8.3e32, 9.3e18, 1.7976931348623157e308, 4503599627370495.5, 1e15, 5e-324, 123456789e9])
    func anyFiniteDollarFigureFormats(value: Double) {
        let text = FigureFormatter.format(value, unit: .usd)
        #expect(text.hasPrefix("$"))
        #expect(!text.contains("e"))
        #expect(FigureFormatter.format(-value, unit: .usd) == "−" + text)
        for unit in MetricUnit.allCases { _ = FigureFormatter.format(value, unit: unit) }
    }

    @Test func hugeFiguresAreWrittenOutInFull() {
        #expect(FigureFormatter.format(8.3e32, unit: .usd) == "$830,000,000,000,000,000,000,000,000,000,000")
        #expect(FigureFormatter.format(2e15, unit: .usd) == "$2,000,000,000,000,000")
        #expect(FigureFormatter.format(999e12, unit: .usd) == "$999,000 billion")
        #expect(FigureFormatter.format(1.5e-7, unit: .number) == "0.00000015")
        #expect((8.3e32).plain == "830000000000000000000000000000000")
    }

    @Test func aHugeDollarFigureBuilds() throws {
        let site = try TestSite()
        defer { site.remove() }
        let text = TestSite.caseStudy().replacingOccurrences(of: "metrics:\n", with: """
        metrics:
          - key: investment
            value: 8.3e32
            as_of: 2021
            source: Example News, 2021
            url: https://reports.casebook.test/news
            certainty: low
            quote: It cost $830,000,000,000,000,000,000,000,000,000,000.

        """)
        try site.write("content/case-studies/alpha.md", text)
        let report = try site.build()
        #expect(report.succeeded)
        #expect(try site.read("case-studies/alpha/index.html").contains("$830,000,000,000,000,000,000,000,000,000,000"))
    }

    // MARK: Loops of templates

    /// Check-only and full builds of a site whose templates were changed by `edit`.
    func templateDiagnostics(_ edit: (TestSite) throws -> Void) throws -> [Diagnostic] {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try edit(site)
        let checked = try site.check()
        let built = try site.build()
        #expect(!built.succeeded)
        #expect(built.diagnostics == checked)
        #expect(!site.exists("index.html"))
        return checked.filter { $0.location.file.hasPrefix("templates/") }
    }

    func prepend(_ text: String, to template: String, in site: TestSite) throws {
        let path = TestSite.repositoryRoot + "/templates/" + template
        try site.write("templates/" + template, text + (try String(contentsOfFile: path, encoding: .utf8)))
    }

    @Test func aPartialThatIncludesItself() throws {
        let diagnostics = try templateDiagnostics { site in
            try prepend("<!-- card -->\n  {{> partials/metric-card}}\n", to: "partials/metric-card.mustache", in: site)
        }
        #expect(diagnostics == [.error(at(2, 3, "templates/partials/metric-card.mustache"),
                                       "`partials/metric-card` includes itself, so it would never finish rendering",
                                       hint: "remove `{{> partials/metric-card}}` here, or the tag that leads back; a template cannot contain itself, directly or through others", code: .templateLoop)])
    }

    @Test func twoPartialsThatIncludeEachOther() throws {
        let diagnostics = try templateDiagnostics { site in
            try site.write("templates/partials/a.mustache", "A {{> partials/b}}\n")
            try site.write("templates/partials/b.mustache", "B\n{{#x}}{{>partials/a}}{{/x}}\n")
            try prepend("{{> partials/a}}", to: "partials/metric-card.mustache", in: site)
        }
        #expect(diagnostics.map(\.location) == [at(1, 3, "templates/partials/a.mustache"), at(2, 7, "templates/partials/b.mustache")])
        #expect(diagnostics.map(\.message) == [
            "`partials/a` includes `partials/b`, which leads back to `partials/a`: the templates would never finish rendering",
            "`partials/b` includes `partials/a`, which leads back to `partials/b`: the templates would never finish rendering"])
    }

    @Test func aLayoutThatInheritsFromItself() throws {
        let diagnostics = try templateDiagnostics { site in
            try prepend("{{<layout}}{{/layout}}\n", to: "layout.mustache", in: site)
        }
        #expect(diagnostics == [.error(at(1, 1, "templates/layout.mustache"),
                                       "`layout` inherits from itself, so it would never finish rendering",
                                       hint: "remove `{{< layout}}` here, or the tag that leads back; a template cannot contain itself, directly or through others", code: .templateLoop)])
    }

    @Test func twoLayoutsThatInheritFromEachOther() throws {
        let diagnostics = try templateDiagnostics { site in
            try site.write("templates/frame.mustache", "{{<layout}}{{/layout}}\n")
            try prepend("{{<frame}}{{/frame}}\n", to: "layout.mustache", in: site)
        }
        #expect(diagnostics.map(\.location) == [at(1, 1, "templates/frame.mustache"), at(1, 1, "templates/layout.mustache")])
    }

    @Test func sectionsNestedTenThousandDeepAreRefusedBeforeParsing() throws {
        let diagnostics = try templateDiagnostics { site in
            try site.write("templates/partials/deep.mustache", "<p>\n" + String(repeating: "{{#a}}", count: 10_000) + String(repeating: "{{/a}}", count: 10_000))
        }
        #expect(diagnostics == [.error(at(2, 601, "templates/partials/deep.mustache"), "sections are nested more than 100 deep here",
                                       hint: "close sections before opening new ones; a section left open by mistake nests everything after it", code: .templateSyntax)])
    }

    /// Changed delimiters could hide a loop or a partial from a scan; Casebook's templates do not need
    /// them, so they are refused where written, and so are partials named by the data.
    @Test func changedDelimitersAndDynamicNamesAreRefusedWhereWritten() throws {
        let delimiters = try templateDiagnostics { site in
            try site.write("templates/partials/a.mustache", "<p>\n  {{=<% %>=}}\n<%> partials/a%>\n")
        }
        #expect(delimiters.map(\.location) == [at(2, 3, "templates/partials/a.mustache")])
        #expect(delimiters.map(\.message) == ["template syntax error: changing the tag delimiters (`{{=… …=}}`) is not supported"])
        let dynamic = try templateDiagnostics { site in
            try site.write("templates/partials/a.mustache", "<p>{{>*page.title}}</p>\n")
        }
        #expect(dynamic.map(\.location) == [at(1, 4, "templates/partials/a.mustache")])
        #expect(dynamic.map(\.message) == ["template syntax error: a partial named by the page's data (`{{>*…}}`) is not supported"])
    }

    // MARK: YAML anchors and aliases

    func diagnose(_ text: String) throws -> [Diagnostic] {
        let site = try TestSite()
        defer { site.remove() }
        try site.write(Self.file, text)
        return try site.check().filter { $0.location.file == Self.file }
    }

    @Test func billionLaughsInKeysIsRefusedAtOnce() throws {
        // Nine levels of nine aliases each, used as keys: composing this took minutes.
        var lines = ["---", "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("? *l9 : 1")
        lines.append("? [*l9, *l9] : 2")
        lines += ["---", "Body."]
        let diagnostics = try diagnose(lines.joined(separator: "\n"))
        #expect(diagnostics.first == .error(at(2, 5), "`&l0` marks a YAML anchor, which Casebook does not accept",
                                            hint: "write each value out in full; a value that starts with & or * must be in double quotes", code: .yamlAnchor))
        #expect(diagnostics.contains(.error(at(12, 3), "`*l9` is a YAML alias, which Casebook does not accept",
                                            hint: "write each value out in full; a value that starts with & or * must be in double quotes", code: .yamlAnchor)))
        #expect(diagnostics.count == 10 + 9 * 9 + 3)
    }

    @Test func anchorsOnValuesAreRefusedButAmpersandsAndStarsInTextAreFine() throws {
        let refused = try diagnose(TestSite.caseStudy(extra: "place: &p Newark\nfunding_note: *p"))
        #expect(refused.map(\.location) == [at(11, 8), at(12, 15)])
        let accepted = try diagnose(TestSite.caseStudy(title: "Tom & Jerry *Tutoring*", extra: "place: \"*Newark*\"\nfunding_note: R&D"))
        #expect(accepted.filter { $0.severity == .error } == [])
    }

    @Test func aDuplicateKeyIsReportedAtTheSecondKeyInNestedMappings() throws {
        let text = TestSite.caseStudy().replacingOccurrences(of: "    value: 2000\n", with: "    value: 2000\n    value: 3000\n")
        #expect(try diagnose(text) == [.error(at(14, 5), "the field `value` appears more than once here",
                                              hint: "it is also on line 13; keep one of them and delete the other", code: .yamlDuplicateField)])
    }

    // MARK: Markdown that makes cmark 0.30.2 quadratic (CVE-2023-22486)

    @Test func aMegabyteOfUnclosedImageBracketsIsRefusedBeforeCmark() throws {
        let pattern = String(repeating: "![[]()", count: 170_000)  // about 1 MB: over 100 s in cmark 0.30.2
        let diagnostics = try diagnose(TestSite.caseStudy(body: "## What it is\n\nA program.\n\n" + pattern + "\n"))
        #expect(diagnostics == [.error(at(29, 1), "from this paragraph on, the story has too many `![` and `]` brackets for the Markdown reader to finish in time",
                                       hint: "write brackets that are not links or images as \\[ and \\], or split long runs of them into paragraphs with blank lines", code: .storyTooComplex)])
    }

    @Test func deeplyNestedEmphasisInAltTextDoesNotExhaustTheStack() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/images/a.png", TestPictures.png(width: 4, height: 3))
        let alt = String(repeating: "*", count: 20_000) + "deep" + String(repeating: "*", count: 20_000)
        for name in ["one", "two", "three"] {  // several, so they render on the build's worker threads
            try site.write("content/case-studies/\(name).md", TestSite.caseStudy(title: name, body: "![" + alt + "](/images/a.png)\n"))
        }
        #expect(try site.build().succeeded)
        #expect(try site.read("case-studies/one/index.html").contains("alt=\"deep\""))
    }

    @Test func theBudgetCountsWorkSummedOverParagraphs() {
        // 2,000 × 2,000 per paragraph is 4,000,000 steps: five such paragraphs pass, six do not.
        let paragraph = String(repeating: "![[]()", count: 2_000)
        #expect(Markdown.lineOverBracketBudget(Array(repeating: paragraph, count: 5).joined(separator: "\n\n")) == nil)
        #expect(Markdown.lineOverBracketBudget(Array(repeating: paragraph, count: 6).joined(separator: "\n\n")) == 11)
        // Escaped brackets and ordinary links cost nothing.
        #expect(Markdown.lineOverBracketBudget(String(repeating: "!\\[[]() ", count: 100_000)) == nil)
        #expect(Markdown.lineOverBracketBudget(String(repeating: "[a](/b) ", count: 100_000)) == nil)
    }

    // MARK: Control characters

    @Test func escapedControlCharactersInTextFieldsAreRefused() throws {
        let text = TestSite.caseStudy().replacingOccurrences(of: "title: Alpha Tutoring", with: #"title: "Alpha\e[31m Tutoring""#)
            .replacingOccurrences(of: "organization: Alpha Org", with: #"organization: "Alpha\0Org""#)
        #expect(try diagnose(text) == [
            .error(at(2, 8), "`title` contains the control character U+001B, which cannot be published",
                   hint: #"remove the escape (such as \e, \0 or \x1b) from the quoted value; only tabs and line breaks are allowed"#, code: .fieldControlCharacter),
            .error(at(4, 15), "`organization` contains the control character U+0000, which cannot be published",
                   hint: #"remove the escape (such as \e, \0 or \x1b) from the quoted value; only tabs and line breaks are allowed"#, code: .fieldControlCharacter)])
    }

    @Test func rawControlCharactersAreRefusedWhereTheyAre() throws {
        let text = TestSite.caseStudy(body: "## What it is\n\nA pro\u{1B}gram.\n")
        #expect(try diagnose(text) == [.error(at(27, 6), "this file contains the control character U+001B here, which cannot be published",
                                              hint: "delete it (it is invisible in most editors); only tabs and line breaks are allowed", code: .fileControlCharacter)])
        let nul = TestSite.caseStudy(title: "Alpha\u{0}Tutoring")
        #expect(try diagnose(nul).map(\.location) == [at(2, 13)])
    }

    @Test func characterReferencesToControlCharactersAreRefused() throws {
        let diagnostics = try diagnose(TestSite.caseStudy(body: "## What it is\n\nA pro&#x1b;gram &amp; more &#27;.\n"))
        #expect(diagnostics == [.error(at(27, 6), "this character reference stands for the control character U+001B, which cannot be published",
                                       hint: "delete it; only tabs and line breaks are allowed (write `&amp;#27;` to show the reference itself)", code: .fileControlCharacter)])
        #expect(Markdown.controlReference("tab&#9; nul&#0; e&#233; &#x85; ") ?? (0, 0, 0) == (1, 25, 0x85))
    }

    @Test func invalidUTF8IsLocatedWithOldMacLineEndings() throws {
        var bytes = Array(TestSite.caseStudy().replacingOccurrences(of: "\n", with: "\r").utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "O"))!] = 0xFF  // the O of "Alpha Org": line 4, column 21
        let site = try TestSite()
        defer { site.remove() }
        try site.write(Self.file, Data(bytes))
        let locations = try site.check().filter { $0.location.file == Self.file }.map(\.location)
        #expect(locations == [at(4, 21)])
    }

    /// Parses a published XML file, returning the parser's error if it is not well-formed.
    func xmlError(_ data: Data) -> String? {
        let parser = XMLParser(data: data)
        let ok = parser.parse()
        return ok && parser.parserError == nil ? nil : "\(parser.parserError.map { "\($0)" } ?? "error") at \(parser.lineNumber):\(parser.columnNumber)"
    }

    @Test func feedAndSitemapAreWellFormedXMLWhateverTheTitles() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(title: #""Tom & Jerry <b>\"Tutoring\"</b> ]]> \t 🎓""#))
        try site.write("content/case-studies/beta.md", TestSite.caseStudy(title: "R&D 'quotes' <script>x</script>"))
        #expect(try site.build().succeeded)
        for file in ["feed.xml", "sitemap.xml"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: site.output + "/" + file))
            #expect(xmlError(data) == nil, "\(file)")
        }
        #expect(try site.read("feed.xml").contains("Tom &amp; Jerry &lt;b&gt;"))
    }

    // MARK: Exact positions and a hint for every error

    @Test func aMissingImageFileIsReportedAtItsField() throws {
        let diagnostics = try diagnose(TestSite.caseStudy(extra: "image:\n  src: team.jpg\n  alt: The team"))
        #expect(diagnostics == [.error(at(12, 8), "the image `team.jpg` does not exist in content/images/",
                                       hint: "put the picture in content/images/ or correct the file name", code: .caseImageMissing)])
    }

    @Test func autolinksAreLocatedInListsQuotesAndLaterLines() {
        let text = "- item [l](/l/) <http://a.example/>\n\n> q <http://b.example/>\n\n  - > deep <http://c.example/>\n\nPara <http://d.example/>\nsecond line <http://e.example/>\n\nÉcole [x](/x/) <http://h.example/> <http://h.example/>"
        let rendered = Markdown.render(MarkdownSource(text: text, file: "f.md", firstLine: 20), basePath: "/")
        #expect(rendered.links.map { "\($0.url) \($0.location.line):\($0.location.column)" } == [
            "/l/ 20:8", "http://a.example/ 20:17", "http://b.example/ 22:5", "http://c.example/ 24:12",
            "http://d.example/ 26:6", "http://e.example/ 27:13", "/x/ 29:7", "http://h.example/ 29:16", "http://h.example/ 29:36"])
    }

    @Test func aLineOfThousandsOfAutolinksIsLocatedInLinearTime() {
        // 20,000 links on one 290 KB line: searching and counting each from the line's start would be quadratic.
        let line = String(repeating: "<http://a.example/> [b](/b/) ", count: 10_000)
        let rendered = Markdown.render(MarkdownSource(text: "- " + line, file: "f.md", firstLine: 1), basePath: "/")
        #expect(rendered.links.count == 20_000)
        #expect(rendered.links.last.map { "\($0.location.line):\($0.location.column)" } == "1:\(2 + 29 * 9_999 + 21)")
    }

    @Test func thousandsOfBrokenLinksGetAtMostAHundredSuggestions() throws {
        // Each "did you mean" is an edit distance against every page: 50,000 of them once took minutes.
        let links = (0..<20_000).map { "[a](/case-studis/x\($0)/)" }.joined(separator: " ")
        let diagnostics = try diagnose(TestSite.caseStudy(body: links + "\n"))
        #expect(diagnostics.filter { $0.message.hasSuffix("points to a page that does not exist") }.count == 20_000)
        #expect(diagnostics.filter { $0.hint?.hasPrefix("did you mean") == true }.count <= LinkChecker.suggestionsPerFile)
        #expect(Suggestion.closest(to: String(repeating: "x", count: 1_000_000), in: ["case-studies/"]) == nil)
    }

    @Test func everyErrorHasAHint() throws {
        let broken: [String] = [
            TestSite.caseStudy(extra: "featured: maybe"),
            TestSite.caseStudy(title: "\"\""),
            TestSite.caseStudy().replacingOccurrences(of: "years: {start: 2021, end: 2023}", with: "years: {start: 2023, end: 2021}"),
            TestSite.caseStudy().replacingOccurrences(of: "tags: [math, elementary]", with: "tags: " + String(repeating: "[", count: 1_200) + String(repeating: "]", count: 1_200)),
            TestSite.caseStudy().replacingOccurrences(of: "tags: [math, elementary]", with: "tags: [\"!!!\"]"),
            TestSite.caseStudy().replacingOccurrences(of: "years: {start: 2021, end: 2023}", with: "years: 2021.5"),
            TestSite.caseStudy().replacingOccurrences(of: "years: {start: 2021, end: 2023}", with: "years: 1066"),
            TestSite.caseStudy().replacingOccurrences(of: "years: {start: 2021, end: 2023}", with: "years: [2021]"),
            TestSite.caseStudy().replacingOccurrences(of: "value: 2000", with: "value: {a: 1}"),
            TestSite.caseStudy().replacingOccurrences(of: "value: 2000", with: "value: 2000\n    upper: 3000\n    baseline: 10"),
            TestSite.caseStudy().replacingOccurrences(of: "as_of: 2021", with: "as_of: Fall 2021"),
            TestSite.caseStudy().replacingOccurrences(of: "as_of: 2021", with: "as_of: \"\""),
            TestSite.caseStudy().replacingOccurrences(of: "metrics:\n  - key", with: "metrics:\n  - [1]\n  - key"),
            TestSite.caseStudy(extra: "? [a, b]\n: 1"),
            TestSite.caseStudy(extra: "place: \"unclosed"),
            TestSite.caseStudy(extra: "summary: twice"),
            TestSite.caseStudy(extra: "date: %x"),
            "---\n- a list\n---\nBody",
        ]
        for text in broken {
            let errors = try diagnose(text).filter { $0.severity == .error }
            #expect(!errors.isEmpty, "\(text.prefix(300))")
            for error in errors { #expect(error.hint != nil, "\(error.formatted)") }
        }
    }

    @Test func aBrokenSiteYmlIsCalledSoAndTheCaseFilesAreStillChecked() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/site.yml", TestSite.siteYAML.replacingOccurrences(of: "base_url: https://casebook.test/", with: "base_url: nope"))
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy(state: "ZZ", strategy: "not-in-any-vocabulary"))
        let diagnostics = try site.check()
        #expect(diagnostics.contains { $0.location == at(4, 11, "content/site.yml") && $0.severity == .error })
        #expect(diagnostics.contains(.error(at(5, 8, "content/case-studies/alpha.md"), "`ZZ` is not a state code",
                                            hint: "did you mean `AZ`? (states use their two-letter USPS code; US means national)", code: .caseState)))
        #expect(!diagnostics.contains { $0.message.contains("not-in-any-vocabulary") })
        #expect(diagnostics.contains { $0.location.file == "content/site.yml" && $0.message.hasPrefix("the case studies were checked without the vocabularies") })

        try site.write("content/site.yml", "title: [unclosed\n")
        let syntax = try site.check()
        #expect(syntax.filter { $0.location.file == "content/site.yml" && $0.severity == .error }.allSatisfy { !$0.message.contains("front matter") && $0.hint != nil })
        #expect(syntax.contains { $0.location.file == "content/case-studies/alpha.md" && $0.message == "`ZZ` is not a state code" })
    }

    // MARK: Too lenient

    @Test func hexadecimalAndOtherNonDecimalNumbersAreRefused() throws {
        for raw in ["0x1F", "0x1p4", "0b101"] {
            let diagnostics = try diagnose(TestSite.caseStudy().replacingOccurrences(of: "value: 2000", with: "value: \(raw)"))
            #expect(diagnostics.filter { $0.severity == .error }.map(\.location) == [at(13, 12)], "\(raw)")
        }
        let hex = try diagnose(TestSite.caseStudy().replacingOccurrences(of: "value: 2000", with: "value: 0x1F"))
        #expect(hex == [.error(at(13, 12), "`value` must be written in decimal digits, not `0x1F`",
                               hint: "write the figure as published, such as 2000, 0.36 or 2.4e6", code: .fieldNotNumber)])
        for raw in ["2000", "2_000", "-3", "0.36", ".5", "2.4e6", "1E-3"] { #expect(YAMLReader.isDecimal(raw), "\(raw)") }
    }

    @Test func aWholeNumberTooLargeForAnIntegerIsAnErrorNotACrash() throws {
        let text = TestSite.caseStudy().replacingOccurrences(of: "years: {start: 2021, end: 2023}", with: "years: {start: 2021, end: 1e30}")
        #expect(try diagnose(text) == [.error(at(8, 27), "`end` should be a whole number",
                                              hint: "write it without a decimal point, e.g. `end: 1000000000000000000000000000000`", code: .fieldNotNumber)])
    }

    @Test(arguments: ["https://exa\"mple.org/", "https://example.org/<script>", "https://exam\u{200B}ple.org/",
                      "https://example.org\u{2060}/a", "https://exämple.org/", "https://example.org/`x`"])
    func urlsWithQuotesBracketsOrInvisibleCharactersAreRefused(url: String) {
        #expect(URLCheck.check(url) != .ok)
    }

    @Test func ordinaryURLsAreStillAccepted() {
        for url in ["https://example.org/a?b=c&d=e#f", "http://localhost:8080/x", "https://xn--exmple-cua.org/", "https://example.org/%22q%22"] {
            #expect(URLCheck.check(url) == .ok, "\(url)")
        }
    }

    // MARK: The fuzzers' seeds

    static let seeds = TestSite.repositoryRoot + "/Fuzz/seeds"

    @Test func theCaseSeedsEndInDiagnosticsWithPositionsAndHints() throws {
        let probe = try #require(ContentProbe(siteYAML: """
            title: Fuzz
            base_url: https://example.org/
            strategies: {tutoring: {label: Tutoring, description: x}}
            funding: {esser: {label: ESSER}}
            metrics: {investment: {label: Investment, unit: usd}}
            """))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.seeds + "/case").sorted()
        #expect(files.count >= 10)
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.seeds + "/case/" + file)))
            for diagnostic in probe.diagnose(caseStudy: bytes) {
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(file): \(diagnostic.formatted)")
                #expect(diagnostic.severity == .warning || diagnostic.hint != nil, "\(file): \(diagnostic.formatted)")
            }
        }
    }

    @Test func theTemplateSeedsEndInDiagnosticsOrPages() throws {
        let names = ["layout", "page", "partials/a", "partials/b"]
        var loops = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.seeds + "/template").sorted() {
            let data = try Data(contentsOf: URL(fileURLWithPath: Self.seeds + "/template/" + file))
            let parts = [UInt8](data).split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
            let diagnostics = TemplateProbe.diagnose(templates: zip(names, parts).map { ($0, String(decoding: $1, as: UTF8.self)) })
            loops += diagnostics.filter { $0.message.contains("never finish rendering") }.count
            for diagnostic in diagnostics where diagnostic.severity == .error { #expect(diagnostic.hint != nil, "\(file)") }
        }
        #expect(loops >= 6)
    }
}
