import Foundation
import Testing
@testable import CasebookKit

/// Decoded values keep where each field is written, so checks made after decoding point at the field.
@Suite("Positions of fields on the decoded values")
struct FieldPositionTests {
    static let file = "content/case-studies/x.md"

    func at(_ line: Int, _ column: Int, _ file: String = file) -> CasebookKit.SourceLocation {
        .init(file: file, line: line, column: column)
    }

    @Test func aCaseStudyKnowsWhereEachOfItsFieldsIsWritten() throws {
        let config = try #require(SiteConfigDecoder.decode(TestSite.siteYAML).0)
        let text = TestSite.caseStudy(extra: "image:\n  src: team.jpg\n  alt: The team\nsources:\n  - title: A report\n    url: https://reports.casebook.test/r",
                                      evidence: "evidence:\n  design: none\n  finding: Nothing was found.\n  caveat: Only counts are known.")
        let (decoded, diagnostics) = CaseStudyDecoder.decode(text: text, path: Self.file, config: config)
        #expect(diagnostics == [])
        let study = try #require(decoded)
        #expect(study.locations.start == at(2, 1))
        #expect(study.locations["title"] == at(2, 8))
        #expect(study.locations["years"] == at(8, 8))
        #expect(study.locations["slug"] == nil)
        #expect(study.image?.locations["src"] == at(12, 8))
        #expect(study.image?.locations["alt"] == at(13, 8))
        #expect(study.sources.first?.locations["url"] == at(16, 10))
        #expect(study.metrics.first?.locations.start == at(18, 5))
        #expect(study.metrics.first?.locations["value"] == at(19, 12))
        #expect(study.metrics.first?.locations["certainty"] == at(23, 16))
        #expect(study.evidence?.study.locations["finding"] == at(28, 12))
    }

    @Test func whereAValueIsWrittenIsNotPartOfIt() {
        let here = SourceLink(title: "T", url: "https://reports.casebook.test/",
                              locations: FieldLocations(start: at(3, 5), fields: ["title": at(3, 12)]))
        let there = SourceLink(title: "T", url: "https://reports.casebook.test/")
        #expect(here == there)
        #expect(Set([here, there]).count == 1)
    }

    @Test func twoCasesAtOneAddressAreReportedAtTheSlugThatMakesIt() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try site.write("content/case-studies/other.md", TestSite.caseStudy(extra: "slug: alpha"))
        let clash = try site.check().filter { $0.message.hasPrefix("two case studies would be published at") }
        #expect(clash.map(\.location) == [at(11, 7, "content/case-studies/other.md")])
    }

    @Test func aPageAtAReservedAddressIsReportedAtItsSlugOrAtItsFile() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/case-studies/alpha.md", TestSite.caseStudy())
        try site.write("content/pages/find.md", "---\ntitle: Find\nslug: search\n---\nText.\n")
        try site.write("content/pages/data.md", "---\ntitle: Data\n---\nText.\n")
        let reserved = try site.check().filter { $0.message.hasSuffix("is used by the site itself") }
        #expect(reserved.map(\.location) == [at(1, 1, "content/pages/data.md"), at(3, 7, "content/pages/find.md")])
    }

    // MARK: The YAML pass

    @Test func aKeyWrittenOnceQuotedAndOncePlainIsTheSameKey() throws {
        guard case .failure(let diagnostics) = YAMLDocument.parse("title: A\n\"title\": B\n", file: "content/site.yml", firstLine: 1) else {
            Issue.record("a key written twice was accepted")
            return
        }
        #expect(diagnostics == [.error(at(2, 1, "content/site.yml"), "the field `title` appears more than once here",
                                       hint: "it is also on line 1; keep one of them and delete the other", code: .yamlDuplicateField)])
    }

    @Test func anchorsAreReportedRatherThanTheDuplicateKeysAroundThem() throws {
        guard case .failure(let diagnostics) = YAMLDocument.parse("a: &x 1\na: 2\nb: *x\n", file: "content/site.yml", firstLine: 1) else {
            Issue.record("an anchor was accepted")
            return
        }
        #expect(diagnostics.map(\.message) == ["`&x` marks a YAML anchor, which Casebook does not accept",
                                                "`*x` is a YAML alias, which Casebook does not accept"])
        #expect(diagnostics.map(\.location) == [at(1, 4, "content/site.yml"), at(3, 4, "content/site.yml")])
    }

    @Test func valuesKeepTheirOrderStyleAndPositionInTheFile() throws {
        guard case .success(let value?) = YAMLDocument.parse("b: 'x'\na: [1, \"2\"]\n", file: "f.md", firstLine: 5) else {
            Issue.record("not read")
            return
        }
        let pairs = try #require(value.mapping)
        #expect(pairs.map(\.key.scalar) == ["b", "a"])
        #expect(pairs[0].value.style == .singleQuoted)
        #expect(pairs[1].key.location == at(6, 1, "f.md"))
        #expect(pairs[1].value.sequence?.map(\.style) == [.plain, .doubleQuoted])
        #expect(pairs[1].value.sequence?.last?.location == at(6, 8, "f.md"))
    }
}
