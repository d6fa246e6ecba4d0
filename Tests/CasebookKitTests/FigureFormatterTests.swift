import Testing
@testable import CasebookKit

@Suite("Figures are written exactly, never rounded")
struct FigureFormatterTests {
    func metric(_ value: Double, _ unit: MetricUnit, qualifier: Qualifier? = nil, upper: Double? = nil, baseline: Double? = nil) -> Metric {
        Metric(key: nil, label: "x", unit: unit, value: value, qualifier: qualifier, upper: upper, baseline: baseline,
               asOf: .year(2021), source: "s", url: "https://reports.casebook.test", certainty: .high, note: nil, highlight: false)
    }

    @Test(arguments: [
        (121_975_000_000.0, "$121.975 billion"), (13.23e9, "$13.23 billion"), (190e9, "$190 billion"),
        (1_162_651_718, "$1,162,651,718"), (2.4e6, "$2.4 million"), (5_647_094, "$5,647,094"),
        (250_000, "$250,000"), (12, "$12"), (12.5, "$12.50"),
    ])
    func dollars(value: Double, expected: String) {
        #expect(FigureFormatter.format(value, unit: .usd) == expected)
    }

    @Test func countsPercentagesAndChanges() {
        #expect(FigureFormatter.format(15500, unit: .count) == "15,500")
        #expect(FigureFormatter.format(0.36, unit: .number) == "0.36")
        #expect(FigureFormatter.format(40, unit: .percent) == "40%")
        #expect(FigureFormatter.display(metric(10.49, .percentagePoints)).figure == "+10.49 points")
        #expect(FigureFormatter.display(metric(40, .percent, baseline: 16)).figure == "16% → 40%")
        #expect(FigureFormatter.display(metric(6098, .count, upper: 6099)).figure == "6,098–6,099")
        // A qualifier on a change belongs to the newer figure.
        #expect(FigureFormatter.display(metric(300, .count, qualifier: .nearly, baseline: 70)).phrase == "70 → nearly 300")
        #expect(FigureFormatter.display(metric(3000, .count, qualifier: .moreThan)).phrase == "more than 3,000")
        #expect(FigureFormatter.display(metric(20, .hours, qualifier: .upTo)).phrase == "up to 20 hours")
    }

    @Test func asOfForms() {
        #expect(AsOf("2021")?.display == "2021")
        #expect(AsOf("2022-23")?.display == "2022–23 school year")
        #expect(AsOf("2021-09")?.display == "September 2021")
        #expect(AsOf("2021-09-30")?.display == "September 30, 2021")
        #expect(AsOf("2021-13") == nil)
        #expect(AsOf("May 2021") == nil)
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "studnets_served", in: ["students_served", "tutors"]) == "students_served")
        #expect(Suggestion.closest(to: "zzz", in: ["students_served", "tutors"]) == nil)
    }
}
