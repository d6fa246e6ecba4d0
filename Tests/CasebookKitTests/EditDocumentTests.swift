import Foundation
import Testing
@testable import CasebookKit

/// What a save writes for each kind of change, on small files: the exact text, so a reviewer's diff
/// is what these tests show.
@Suite("Editor: what a save changes")
struct EditDocumentTests {
    static let path = "content/case-studies/alpha.md"

    /// A file in `casebook new`'s layout, partly filled in, with its comments.
    static let text = """
        ---
        # A new case study.
        title: "Alpha Tutoring"
        summary: A summary.   # one sentence
        organization: 'Alpha Org'
        partners: []                      # e.g. [A university, A foundation]
        state: NJ                         # USPS code
        strategy: tutoring
        funding:
          - esser
          - philanthropy
        years: {start: 2021}              # add `end: 2024` once the program has ended
        tags: [math, elementary]
        date: 2023-05-01                  # the date of the newest fact below
        draft: true
        metrics:                          # keys: …
          - key: students_served
            value: 2000                   # the number as published
            as_of: 2021
            source: Example News, 2021
            url: https://reports.casebook.test/news
            certainty: medium
            highlight: true
            quote: More than 2,000 students were tutored.
        evidence:
          design: none
          finding: No study.
          caveat: Only counts.
          # study_by: own                 # needed unless design is none
        sources:
          - {title: Alpha's page, url: https://reports.casebook.test/alpha}
        custom: kept as written   # a field the form does not know
        ---
        ## What it is

        A program.

        """

    func edited(_ change: (inout CaseForm) -> Void) throws -> (String, CaseForm) {
        let document = try CaseDocument.open(text: Self.text, path: Self.path).get()
        var form = document.form
        change(&form)
        let written = document.applying(form)
        let reopened = try CaseDocument.open(text: written, path: Self.path).get()
        #expect(reopened.form == form, "reads back as the edited form")
        return (written, form)
    }

    /// The file with one line replaced by others.
    func replacing(_ line: String, with lines: String) -> String {
        #expect(Self.text.contains(line + "\n"), "fixture has \(line)")
        return Self.text.replacingOccurrences(of: line + "\n", with: lines.isEmpty ? "" : lines + "\n")
    }

    @Test func untouchedIsByteIdentical() throws {
        let document = try CaseDocument.open(text: Self.text, path: Self.path).get()
        #expect(document.applying(document.form) == Self.text)
        #expect(document.digest == ContentDigest.of(Self.text))
    }

    @Test func aChangedValueKeepsItsQuotingAndItsComment() throws {
        #expect(try edited { $0.title = "Beta Tutoring" }.0 == replacing("title: \"Alpha Tutoring\"", with: "title: \"Beta Tutoring\""))
        #expect(try edited { $0.organization = "Beta's Org" }.0 == replacing("organization: 'Alpha Org'", with: "organization: 'Beta''s Org'"))
        #expect(try edited { $0.summary = "Another: summary" }.0
                == replacing("summary: A summary.   # one sentence", with: "summary: \"Another: summary\"   # one sentence"))
        #expect(try edited { $0.date = "2024-01-02" }.0
                == replacing("date: 2023-05-01                  # the date of the newest fact below",
                             with: "date: 2024-01-02                  # the date of the newest fact below"))
        #expect(try edited { $0.draft = false }.0 == replacing("draft: true", with: "draft: false"))
        #expect(try edited { $0.metrics[0].value = "1,200 students" }.0
                == replacing("    value: 2000                   # the number as published",
                             with: "    value: 1,200 students                   # the number as published"))
    }

    @Test func aFieldTheFileLacksGoesWhereCasebookNewPutsIt() throws {
        #expect(try edited { $0.place = "Newark" }.0 == replacing("state: NJ                         # USPS code",
                                                                  with: "state: NJ                         # USPS code\nplace: Newark"))
        #expect(try edited { $0.fundingNote = "Paid by ESSER." }.0 == replacing("  - philanthropy", with: "  - philanthropy\nfunding_note: Paid by ESSER."))
        #expect(try edited { $0.evidence?.studyBy = "own" }.0 == replacing("  design: none", with: "  design: none\n  study_by: own"))
        #expect(try edited { $0.metrics[0].note = "A note." }.0 == replacing("    certainty: medium", with: "    certainty: medium\n    note: A note."))
        #expect(try edited { $0.featured = true }.0 == replacing("draft: true", with: "featured: true\ndraft: true"))
    }

    @Test func aFieldEmptiedIsRemovedWithItsLine() throws {
        let (withPlace, _) = try edited { $0.place = "Newark" }
        let document = try CaseDocument.open(text: withPlace, path: Self.path).get()
        var form = document.form
        form.place = ""
        #expect(document.applying(form) == Self.text)
        #expect(try edited { $0.metrics[0].highlight = false }.0 == replacing("    highlight: true", with: "    highlight: false"))
    }

    @Test func flowListsAreRewrittenOnTheirLine() throws {
        #expect(try edited { $0.partners = ["A university", "Boys & Girls Clubs, Inc."] }.0
                == replacing("partners: []                      # e.g. [A university, A foundation]",
                             with: "partners: [A university, \"Boys & Girls Clubs, Inc.\"]                      # e.g. [A university, A foundation]"))
        #expect(try edited { $0.tags = ["elementary", "math", "reading"] }.0
                == replacing("tags: [math, elementary]", with: "tags: [elementary, math, reading]"))
        #expect(try edited { $0.years.end = "2024" }.0
                == replacing("years: {start: 2021}              # add `end: 2024` once the program has ended",
                             with: "years: {start: 2021, end: 2024}              # add `end: 2024` once the program has ended"))
        #expect(try edited { $0.sources[0].url = "https://reports.casebook.test/alpha-2" }.0
                == replacing("  - {title: Alpha's page, url: https://reports.casebook.test/alpha}",
                             with: "  - {title: Alpha's page, url: https://reports.casebook.test/alpha-2}"))
        #expect(try edited { $0.sources.append(SourceField(title: "Beta", url: "https://reports.casebook.test/b")) }.0
                == replacing("  - {title: Alpha's page, url: https://reports.casebook.test/alpha}",
                             with: "  - {title: Alpha's page, url: https://reports.casebook.test/alpha}\n  - {title: Beta, url: https://reports.casebook.test/b}"))
    }

    /// `casebook new` writes `sources: []`; the first sources added become a block below the key, as
    /// the site's files write them, not a long line of brackets, and the comment stays where it was.
    @Test func setsOfFieldsAddedToAnEmptyFlowListBecomeABlock() throws {
        let text = Self.text.replacingOccurrences(of: "sources:\n  - {title: Alpha's page, url: https://reports.casebook.test/alpha}\n",
                                                  with: "sources: []   # further reading: - {title: …, url: https://…}\n")
        #expect(text != Self.text)
        let document = try CaseDocument.open(text: text, path: Self.path).get()
        var form = document.form
        #expect(form.sources.isEmpty)
        form.sources = [SourceField(title: "Beta: a report", url: "https://reports.casebook.test/b"),
                        SourceField(title: "Gamma", url: "https://reports.casebook.test/c")]
        let written = document.applying(form)
        #expect(written == text.replacingOccurrences(of: "sources: []   # further reading: - {title: …, url: https://…}\n", with: """
            sources:   # further reading: - {title: …, url: https://…}
              - title: "Beta: a report"
                url: https://reports.casebook.test/b
              - title: Gamma
                url: https://reports.casebook.test/c

            """))
        let reopened = try CaseDocument.open(text: written, path: Self.path).get()
        #expect(reopened.form == form)
        // Emptied again: back in brackets on the key's line, with its comment: the file as it was.
        form.sources = []
        #expect(reopened.applying(form) == text)
        // A block list emptied keeps the comment on its key's line too.
        var none = try CaseDocument.open(text: Self.text, path: Self.path).get().form
        none.metrics = []
        let emptied = try CaseDocument.open(text: Self.text, path: Self.path).get().applying(none)
        #expect(emptied.contains("metrics: []                          # keys: …\nevidence:"), "\(emptied)")
        #expect(try CaseDocument.open(text: emptied, path: Self.path).get().form == none)
    }

    /// A comment inside a list item (below its last field, indented as its fields) goes with the item;
    /// a comment above an item, at the dash's column, may introduce the list and is kept.
    @Test func aRemovedItemTakesTheCommentsInsideItAndLeavesTheOthers() throws {
        let second = """
              - key: tutors
                value: 120
                as_of: 2022
                source: Example News, 2022
                url: https://reports.casebook.test/news-2
                certainty: high
                quote: It hired 120 tutors.
                # note: ask the district for the 2023 count
            """
        let text = Self.text.replacingOccurrences(of: "metrics:                          # keys: …\n",
                                                  with: "metrics:                          # keys: …\n  # From the program's own reports.\n")
            .replacingOccurrences(of: "    quote: More than 2,000 students were tutored.\n",
                                  with: "    quote: More than 2,000 students were tutored.\n    # highlight: keep this one\n" + second + "\n")
        let document = try CaseDocument.open(text: text, path: Self.path).get()
        #expect(document.form.metrics.count == 2)
        var form = document.form
        form.metrics.removeFirst()
        let written = document.applying(form)
        #expect(!written.contains("# highlight: keep this one"), "the removed item's own comment went with it")
        #expect(written.contains("  # From the program's own reports.\n  - key: tutors"), "the list's comment stayed")
        #expect(written.contains("# note: ask the district"))
        #expect(try CaseDocument.open(text: written, path: Self.path).get().form == form)
        // A figure added at the end goes after the last item's own comment, not between its lines.
        var longer = document.form
        longer.metrics.append(longer.metrics[0])
        longer.metrics[2].value = "3000"
        let appended = document.applying(longer)
        #expect(appended.contains("    # note: ask the district for the 2023 count\n  - key: students_served\n    value: 3000"))
        #expect(try CaseDocument.open(text: appended, path: Self.path).get().form == longer)
    }

    @Test func blockListItemsAreAddedRemovedAndMovedByTheirLines() throws {
        #expect(try edited { $0.funding.append("state") }.0 == replacing("  - philanthropy", with: "  - philanthropy\n  - state"))
        #expect(try edited { $0.funding.removeFirst() }.0 == replacing("  - esser", with: ""))
        #expect(try edited { $0.funding.reverse() }.0
                == replacing("  - esser\n  - philanthropy", with: "  - philanthropy\n  - esser"))
        #expect(try edited { $0.funding = [] }.0 == replacing("funding:\n  - esser\n  - philanthropy", with: "funding: []"))
        let metric = MetricField(key: "tutors", value: "40", asOf: "2021", source: "Example News, 2021",
                                 url: "https://reports.casebook.test/news", certainty: "medium", quote: "40 tutors")
        #expect(try edited { $0.metrics.append(metric) }.0 == replacing("    quote: More than 2,000 students were tutored.", with: """
                    quote: More than 2,000 students were tutored.
                  - key: tutors
                    value: 40
                    as_of: 2021
                    source: Example News, 2021
                    url: https://reports.casebook.test/news
                    quote: 40 tutors
                    certainty: medium
                """))
    }

    @Test func theStoryIsReplacedOnlyWhenItChanged() throws {
        let (written, _) = try edited { $0.story += "\n\nMore." }
        #expect(written == Self.text.replacingOccurrences(of: "A program.\n", with: "A program.\n\nMore.\n"))
        #expect(try edited { $0.story = "" }.0 == Self.text.replacingOccurrences(of: "## What it is\n\nA program.\n", with: ""))
    }

    @Test func windowsLineBreaksAreKept() throws {
        let windows = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        let document = try CaseDocument.open(text: windows, path: Self.path).get()
        #expect(document.applying(document.form) == windows)
        var form = document.form
        form.title = "Beta"
        #expect(document.applying(form) == windows.replacingOccurrences(of: "\"Alpha Tutoring\"", with: "\"Beta\""))
    }

    @Test func aFormSentAsJSONWithNumbersReadsThemAsTyped() throws {
        let json = #"{"title": "A", "years": {"start": 2021}, "date": "2023-05-01", "metrics": [{"key": "tutors", "value": 1200, "upper": 2.5, "as_of": 2021}]}"#
        let form = try JSONDecoder().decode(CaseForm.self, from: Data(json.utf8))
        #expect(form.years.start == "2021")
        #expect(form.metrics[0].value == "1200")
        #expect(form.metrics[0].upper == "2.5")
        #expect(form.metrics[0].asOf == "2021")
        #expect(form.summary == "" && form.partners == [] && form.evidence == nil)
        // Written back with the front matter's field names.
        let encoded = String(decoding: try JSONEncoder().encode(form), as: UTF8.self)
        #expect(encoded.contains("\"as_of\":\"2021\"") && encoded.contains("\"funding_note\"") == false)
    }

    /// Front matters that are not a set of fields, or nearly empty, still open and take the form's values.
    @Test(arguments: ["---\n---\n", "---\n- a\n- b\n---\nbody", "---\n[a, b]\n---\n", "---\n{title: x, tags: [a]}\n---\n",
                      "---\ntitle: x\n---", "---\ntitle:\nplace:\n---\n", "---\ntitle: x\nmetrics: oops\nsources: {a: b}\n---\nStory",
                      "---\n# only a comment\n---\n"])
    func oddFrontMattersTakeTheFormsValues(_ text: String) throws {
        let document = try CaseDocument.open(text: text, path: Self.path).get()
        #expect(document.applying(document.form) == text)
        var form = document.form
        form.title = "New: title"
        form.place = "Here"
        form.tags = ["math"]
        form.metrics.append(MetricField(key: "tutors", value: "40", asOf: "2021", source: "S", url: "https://reports.casebook.test/t",
                                        certainty: "low", quote: "40"))
        form.sources = [SourceField(title: "T", url: "https://reports.casebook.test/u")]
        form.story = "A story."
        let written = document.applying(form)
        #expect(try CaseDocument.open(text: written, path: Self.path).get().form == form, "\(written)")
    }

    @Test func aFileThatIsNotYAMLCannotBeOpened() {
        guard case .failure(let unreadable) = CaseDocument.open(text: "---\ntitle: [unclosed\n---\n", path: Self.path) else {
            Issue.record("opened")
            return
        }
        #expect(unreadable.diagnostics.first?.location.line == 3)
        #expect(unreadable.diagnostics.first?.hint != nil)
    }
}
