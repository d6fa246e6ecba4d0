import Foundation
import Testing
@testable import CasebookKit

/// Rules about the shipped content that a machine can check, so a fact-check's findings cannot come
/// back unnoticed. They read the repository's own `content/`.
@Suite("The real content keeps the site's own rules")
struct ContentRulesTests {
    static func content() throws -> SiteContent {
        let loader = ContentLoader(fileSystem: LocalFileSystem(), root: TestSite.repositoryRoot)
        let (content, diagnostics) = try loader.load(includeDrafts: false)
        // The one warning the content may carry: a figure whose source could not be quoted says why.
        let unexpected = diagnostics.filter { $0.severity == .error || !$0.message.contains("has no quote from its source") }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.formatted))")
        return try #require(content)
    }

    @Test func readersAreNeverPointedAtNotesTheyCannotSee() throws {
        let content = try Self.content()
        let texts = content.caseStudies.flatMap { study in
            [study.body.text, study.summary, study.fundingNote ?? "", study.evidence?.study.finding ?? "",
             study.evidence?.study.note ?? ""] + study.metrics.map { $0.note ?? "" }
        } + content.pages.map(\.body.text) + content.context.map { $0.note ?? "" }
        for text in texts {
            #expect(text.range(of: #"\b(our|the) (research )?notes\b"#, options: [.regularExpression, .caseInsensitive]) == nil,
                    "\(text.prefix(120))")
        }
    }

    @Test func anESSERLabelIsExplainedInTheFundingNote() throws {
        for study in try Self.content().caseStudies where study.funding.contains("esser") {
            #expect(study.fundingNote?.contains("ESSER") == true, "\(study.sourcePath) is labelled ESSER without saying how")
        }
    }

    @Test func everyCaseHasKeyFindingsAndAnEvidenceRating() throws {
        let content = try Self.content()
        for study in content.caseStudies {
            let highlights = study.metrics.filter(\.highlight).count
            #expect((1...4).contains(highlights), "\(study.sourcePath) has \(highlights) key findings")
            #expect(study.evidence != nil, "\(study.sourcePath)")
        }
    }

    /// One metric key must mean one thing: a figure of a key that the vocabulary adds up across cases
    /// (`aggregate: sum`) must count what the key says, not a target, a need or a study sample.
    @Test func summableKeysHoldOnlyCountsOfTheirOwnThing() throws {
        let content = try Self.content()
        let summable = Set(content.config.metrics.filter { $0.aggregate == .sum }.map(\.key))
        for study in content.caseStudies {
            for metric in study.metrics where summable.contains(metric.key ?? "") {
                let label = metric.label.lowercased()
                for word in ["target", "goal", "aimed at", "eligible", "in need", "planned", "studied", "sample"] {
                    #expect(!label.contains(word), "\(study.sourcePath): “\(metric.label)” is not a count of \(metric.key ?? "")")
                }
            }
        }
    }

    @Test func theHomePageAddsUpNothingUnlike() throws {
        let content = try Self.content()
        for line in HeadlineTotals(cases: content.caseStudies, config: content.config).lines {
            if case .sum = line.outcome {
                let periods = Set(line.entries.map(\.metric.asOf))
                #expect(periods.count == 1, "\(line.definition.key) adds figures from different periods")
            }
        }
    }

    // MARK: Every figure with its source's words, every rating with its caveat (issue 22)

    /// Every case figure and context figure: the source's own words, or why they could not be taken.
    @Test func everyFigureHasItsSourcesWordsOrSaysWhyNot() throws {
        let content = try Self.content()
        let figures = content.caseStudies.flatMap { study in study.metrics.map { (study.sourcePath, $0) } }
            + content.context.map { ("content/context.yml", $0) }
        #expect(!figures.isEmpty)
        for (file, metric) in figures {
            #expect(metric.quote != nil || metric.quoteUnavailable != nil, "\(file): “\(metric.label)” has no quote")
            if let quote = metric.quote, metric.derived == nil {
                #expect(QuoteCheck.states(metric.value, unit: metric.unit, in: quote), "\(file): “\(metric.label)” is not in its quote")
            }
            if metric.quoteUnavailable != nil || metric.via != nil {
                #expect(metric.certainty == .low, "\(file): “\(metric.label)” is read second-hand or unquoted but rated \(metric.certainty)")
            }
        }
    }

    /// Every rating, and every study of the model elsewhere, says what it cannot show.
    @Test func everyRatingCarriesItsCaveat() throws {
        for study in try Self.content().caseStudies {
            let evidence = try #require(study.evidence, "\(study.sourcePath) has no rating")
            for rated in [evidence.study] + evidence.elsewhere {
                #expect(!rated.caveat.trimmingCharacters(in: .whitespaces).isEmpty, "\(study.sourcePath): a rating without its caveat")
            }
        }
    }

    /// A rating above before-and-after rests on an independent study or names the study itself.
    @Test func aStrongRatingRestsOnAStudy() throws {
        let content = try Self.content()
        let floor = try #require(content.config.evidenceDesign(EvidenceDecoder.strongestWithoutAStudy))
        for study in content.caseStudies {
            guard let evidence = study.evidence, let design = content.config.evidenceDesign(evidence.study.design),
                  design.rank < floor.rank else { continue }
            #expect(evidence.study.studyBy == .independent || evidence.study.sources.contains { EvidenceDecoder.namesAStudy($0.title) },
                    "\(study.sourcePath) is rated \(design.key) on the program's own account, with no study among its sources")
        }
    }
}
