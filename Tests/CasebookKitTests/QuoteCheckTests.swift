import Foundation
import Testing
@testable import CasebookKit

/// The matcher that reads the numbers a source's sentence writes and says whether a figure's value
/// is among them, whatever form the source wrote it in.
@Suite("A figure's value is found in its quote")
struct QuoteCheckTests {
    @Test(arguments: [
        (2000.0, MetricUnit.count, "More than 2,000 students were tutored this summer."),
        (2000, .count, "We served 2000 students."),
        (2000, .count, "about 2 thousand children"),
        (25_000_000, .usd, "The city set aside about $25 million for the program."),
        (25_000_000, .usd, "a $25M earmark"),
        (25_000_000, .usd, "25,000,000 dollars"),
        (2_570_000_000, .usd, "$2.57 billion of ESSER III money"),
        (1_200_000, .count, "1.2 million meals"),
        (37, .percent, "37% of students"),
        (37, .percent, "37 percent of students"),
        (0.37, .percent, "37% of students"),
        (10.49, .percentagePoints, "an increase of 10.49 percentage points in math"),
        (0.66, .percentagePoints, "a gain of .66 points"),
        (8, .count, "eight districts took part"),
        (26, .count, "its twenty-six founding members"),
        (350, .count, "over 350 vacancies"),
        (-3, .percentagePoints, "scores fell 3 points"),
        (10_000, .count, "10K students"),
    ])
    func aValueWrittenInAnyCommonFormMatches(value: Double, unit: MetricUnit, quote: String) {
        #expect(QuoteCheck.states(value, unit: unit, in: quote), "\(value) in “\(quote)”")
    }

    @Test(arguments: [
        (60_000_000.0, MetricUnit.usd, "$10 million of its $93 million went to tutoring"),
        (25, .count, "about $25 million"),           // the digits of a larger number are not the number
        (2000, .count, "20,000 students"),
        (200, .count, "2,000 students"),
        (37, .percent, "3.7% of students"),
        (5.97, .percentagePoints, "a gain of 5.74 points"),
        (120_000, .count, "120 students"),
        (2_021, .count, "nothing numeric here"),
    ])
    func aDifferentNumberDoesNotMatch(value: Double, unit: MetricUnit, quote: String) {
        #expect(!QuoteCheck.states(value, unit: unit, in: quote), "\(value) in “\(quote)”")
    }

    @Test func numbersAreReadInOrderWithTheirScale() {
        #expect(QuoteCheck.numbers(in: "From 37 to 91 percent, $2.57B and 2,270,000 in 2022-23; twenty five, a dozen, 21st")
                == [37, 91, 2_570_000_000, 2_270_000, 2022, 23, 25, 12, 21])
        // A comma that does not start a group of exactly three digits ends the number.
        #expect(QuoteCheck.numbers(in: "1,20 and 1,2345 and 3,000,") == [1, 20, 1, 2345, 3000])
    }
}
